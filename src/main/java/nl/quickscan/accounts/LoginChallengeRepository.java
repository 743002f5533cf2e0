package nl.quickscan.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LoginChallengeRepository extends GenericRepository<LoginChallenge, String> {

    LoginChallenge save(LoginChallenge challenge);

    @Query("SELECT * FROM login_challenge WHERE token_hash = :tokenHash AND expires_at > :now")
    Optional<LoginChallenge> findLive(String tokenHash, Instant now);

    /** Uses the step up; 0 when another request used it first. */
    @Query("DELETE FROM login_challenge WHERE token_hash = :tokenHash")
    int use(String tokenHash);

    @Query("DELETE FROM login_challenge WHERE expires_at <= :now")
    void deleteExpired(Instant now);

    @Query("DELETE FROM login_challenge WHERE account_id = :accountId")
    void removeAllOf(long accountId);
}
