package nl.quickscan.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface InvitationRepository extends GenericRepository<Invitation, String> {

    Invitation save(Invitation invitation);

    @Query("SELECT * FROM invitation WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
    Optional<Invitation> findUsable(String tokenHash, Instant now);

    /** Marks the invitation used; returns 0 when another request used it first. */
    @Query("UPDATE invitation SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL")
    int markUsed(String tokenHash, Instant now);

    /** A new link replaces the old ones of the same account. */
    @Query("UPDATE invitation SET used_at = :now WHERE account_id = :accountId AND used_at IS NULL")
    void revokeOpenOf(long accountId, Instant now);
}
