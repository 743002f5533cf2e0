package nl.quickscan.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Second factors per account; an account's own only, never listed (the caller names the account it acts for). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SecondFactorRepository extends GenericRepository<SecondFactor, Long> {

    SecondFactor save(SecondFactor secondFactor);

    Optional<SecondFactor> findById(long accountId);

    @Query("SELECT COUNT(*) > 0 FROM second_factor WHERE account_id = :accountId AND confirmed_at IS NOT NULL")
    boolean isConfirmed(long accountId);

    @Query("UPDATE second_factor SET confirmed_at = :now, last_step = :step WHERE account_id = :accountId AND confirmed_at IS NULL")
    int confirm(long accountId, Instant now, long step);

    /** Takes the step's code once: 0 when this or a later step was accepted before (a replayed code). */
    @Query("UPDATE second_factor SET last_step = :step WHERE account_id = :accountId AND confirmed_at IS NOT NULL AND last_step < :step")
    int useStep(long accountId, long step);

    @Query("DELETE FROM second_factor WHERE account_id = :accountId")
    int remove(long accountId);
}
