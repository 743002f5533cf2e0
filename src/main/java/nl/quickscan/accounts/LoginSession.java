package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A login: a browser session or an API token. userAgent: the client's User-Agent, cut to {@value #USER_AGENT_MAX}
 * characters; lastSeenAt: when a request last used it, written at most once a minute.
 */
@MappedEntity("login_session")
public record LoginSession(@Id String id, long accountId, Instant createdAt, Instant expiresAt, Kind kind,
                           @Nullable String userAgent, @Nullable Instant lastSeenAt) {

    public static final int USER_AGENT_MAX = 200;

    /** How the login came about: through the login page (a cookie) or the token endpoint (a bearer token). */
    public enum Kind { BROWSER, API }
}
