package nl.quickscan.accounts;

import nl.quickscan.identity.CurrentAccount;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LoginSessionRepository extends GenericRepository<LoginSession, String> {

    LoginSession save(LoginSession session);

    /** The live session and its account; empty when the session ended or the account was deactivated. */
    @Query("""
            SELECT a.id, a.email, a.display_name, a.role, a.gemeente_id, a.regio_id, s.id AS session_id
            FROM login_session s JOIN account a ON a.id = s.account_id
            WHERE s.id = :sessionId AND s.expires_at > :now AND a.active = TRUE""")
    Optional<CurrentAccount> findLive(String sessionId, Instant now);

    /** The account's own live session, for extending it; empty for another account's. */
    @Query("SELECT * FROM login_session WHERE id = :sessionId AND account_id = :accountId AND expires_at > :now")
    Optional<LoginSession> findLiveOf(long accountId, String sessionId, Instant now);

    /** The account's live logins, newest first. */
    @Query("SELECT * FROM login_session WHERE account_id = :accountId AND expires_at > :now ORDER BY created_at DESC, id")
    List<LoginSession> findAllLiveOf(long accountId, Instant now);

    @Query("UPDATE login_session SET expires_at = :expiresAt WHERE id = :sessionId AND expires_at > :now")
    int extend(String sessionId, Instant expiresAt, Instant now);

    @Query("UPDATE login_session SET last_seen_at = :now WHERE id = :sessionId")
    void seen(String sessionId, Instant now);

    @Query("DELETE FROM login_session WHERE id = :sessionId")
    void end(String sessionId);

    /** Ends one login of the account; 0 when it is not (or no longer) one of the account's. */
    @Query("DELETE FROM login_session WHERE id = :sessionId AND account_id = :accountId")
    int endOf(long accountId, String sessionId);

    @Query("DELETE FROM login_session WHERE account_id = :accountId")
    void endAllOf(long accountId);

    @Query("DELETE FROM login_session WHERE account_id = :accountId AND id <> :keptSessionId")
    int endAllOfExcept(long accountId, String keptSessionId);

    @Query("DELETE FROM login_session WHERE expires_at < :now")
    int deleteExpired(Instant now);
}
