package nl.quickscan.accounts.sso;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SsoRepository extends GenericRepository<SsoSession, String> {

    SsoSession save(SsoSession session);

    Optional<SsoSession> findById(String sessionId);

    /** A sign-in through {@code provider}, kept as the password login keeps its own (AccountRepository#loggedIn). */
    @Query("""
            UPDATE account SET sso_provider = :provider, failed_logins = 0, locked_until = NULL, last_login_at = :now
            WHERE id = :accountId""")
    void signedIn(long accountId, String provider, Instant now);
}
