package nl.quickscan.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RecoveryCodeRepository extends GenericRepository<RecoveryCode, Long> {

    RecoveryCode save(RecoveryCode code);

    /** Uses the code up; 0 when it is not the account's, or was used before. */
    @Query("UPDATE recovery_code SET used_at = :now WHERE account_id = :accountId AND code_hash = :codeHash AND used_at IS NULL")
    int use(long accountId, String codeHash, Instant now);

    @Query("SELECT COUNT(*) FROM recovery_code WHERE account_id = :accountId AND used_at IS NULL")
    int countUnused(long accountId);

    @Query("DELETE FROM recovery_code WHERE account_id = :accountId")
    void removeAllOf(long accountId);
}
