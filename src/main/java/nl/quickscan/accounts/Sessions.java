package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.web.ErrorPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens, extends and ends logins. A login is a row in {@code login_session} plus a signed token naming that row; the
 * browser carries the token in an HttpOnly cookie, scripts as a bearer token.
 * <p>
 * A browser login lasts {@code quickscan.session-minutes}; "Blijf ingelogd" ({@link #extend}) renews that period from
 * now, but never beyond {@code quickscan.session-max-minutes} after the login: then the holder logs in again.
 */
@Singleton
public class Sessions {

    public static final String SESSION_CLAIM = "sid";
    /** How often at most the last use of a login is written, so that reading pages does not turn into writes. */
    static final Duration SEEN_INTERVAL = Duration.ofMinutes(1);
    /** Beyond this many sessions remembered as recently seen, the memory starts afresh (a few extra writes). */
    private static final int SEEN_MAX = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final LoginSessionRepository sessions;
    private final LoginChallengeRepository challenges;
    private final TokenGenerator tokenGenerator;
    private final AccessTokenCookieConfiguration cookieConfiguration;
    private final Duration browserLifetime;
    private final Duration maxLifetime;
    /** Per session on this instance: when its last use was written. */
    private final Map<String, Instant> seenWritten = new ConcurrentHashMap<>();

    Sessions(LoginSessionRepository sessions, LoginChallengeRepository challenges, TokenGenerator tokenGenerator,
             AccessTokenCookieConfiguration cookieConfiguration,
             @Value("${quickscan.session-minutes:480}") long sessionMinutes,
             @Value("${quickscan.session-max-minutes:720}") long maxMinutes) {
        this.sessions = sessions;
        this.challenges = challenges;
        this.tokenGenerator = tokenGenerator;
        this.cookieConfiguration = cookieConfiguration;
        this.browserLifetime = Duration.ofMinutes(sessionMinutes);
        this.maxLifetime = Duration.ofMinutes(Math.max(sessionMinutes, maxMinutes));
    }

    /** How long a browser login lasts, and how long at most when it is renewed. */
    public Duration browserLifetime() {
        return browserLifetime;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** A new login: the signed token and how long it holds, and the login session it names. */
    public record IssuedToken(String token, Duration lifetime, String sessionId) {
    }

    /**
     * Opens a login for the request: an API token when the request came to the API, otherwise a browser session; the
     * client's User-Agent is kept to show the holder where they are logged in.
     */
    public IssuedToken open(Account account, Duration lifetime, HttpRequest<?> request) {
        Instant now = Instant.now();
        String sessionId = UUID.randomUUID().toString();
        LoginSession.Kind kind = ErrorPages.isApi(request) ? LoginSession.Kind.API : LoginSession.Kind.BROWSER;
        sessions.save(new LoginSession(sessionId, account.id(), now, now.plus(lifetime), kind,
                userAgent(request), now));
        return issue(account.email(), account.role().name(), sessionId, lifetime);
    }

    /**
     * Renews a browser login ("Blijf ingelogd"): a new token for the same session, so that the page's CSRF token
     * stays valid. Empty when the session is no longer live or is an API token, which is not renewed.
     */
    public Optional<IssuedToken> extend(CurrentAccount account) {
        Instant now = Instant.now();
        Optional<LoginSession> session = sessions.findLiveOf(account.id(), account.sessionId(), now)
                .filter(found -> found.kind() == LoginSession.Kind.BROWSER);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Instant end = extendedEnd(session.get().createdAt(), now, browserLifetime, maxLifetime);
        if (end.isBefore(session.get().expiresAt())) {
            end = session.get().expiresAt();
        }
        if (sessions.extend(account.sessionId(), end, now) == 0) {
            return Optional.empty();
        }
        return Optional.of(issue(account.email(), account.role().name(), account.sessionId(),
                Duration.between(now, end)));
    }

    /** Where a renewed login ends: a full lifetime from now, but never after the cap counted from the login. */
    static Instant extendedEnd(Instant createdAt, Instant now, Duration lifetime, Duration maxLifetime) {
        Instant full = now.plus(lifetime);
        Instant cap = createdAt.plus(maxLifetime);
        return full.isBefore(cap) ? full : cap;
    }

    /** Whether renewing the login would make it last longer (false once it ends at the cap). */
    public boolean extendable(LoginSession session, Instant now) {
        return session.kind() == LoginSession.Kind.BROWSER
                && extendedEnd(session.createdAt(), now, browserLifetime, maxLifetime).isAfter(session.expiresAt());
    }

    /** The account's own live session, to show when it ends. */
    public Optional<LoginSession> current(CurrentAccount account) {
        return sessions.findLiveOf(account.id(), account.sessionId(), Instant.now());
    }

    /** The account's live logins, newest first: browser sessions and API tokens. */
    public List<LoginSession> liveOf(CurrentAccount account) {
        return sessions.findAllLiveOf(account.id(), Instant.now());
    }

    /**
     * Notes that a request used the session; written at most once per {@link #SEEN_INTERVAL} per session and
     * instance. A failing write (the database read-only, the disk full) does not fail the request.
     */
    void seen(String sessionId, Instant now) {
        Instant written = seenWritten.get(sessionId);
        if (written != null && written.plus(SEEN_INTERVAL).isAfter(now)) {
            return;
        }
        if (seenWritten.size() >= SEEN_MAX) {
            seenWritten.clear();
        }
        seenWritten.put(sessionId, now);
        try {
            sessions.seen(sessionId, now);
        } catch (RuntimeException e) {
            LOG.debug("Writing the last use of a session failed: {}", e.getMessage());
        }
    }

    /** Forgets which sessions were seen longer ago than the interval: writing their next use is due anyway. */
    void forgetSeenBefore(Instant before) {
        seenWritten.values().removeIf(written -> written.isBefore(before));
    }

    public void end(String sessionId) {
        sessions.end(sessionId);
    }

    /** Ends one of the account's own logins; false when it is not one of them (or already ended). */
    public boolean endOwn(CurrentAccount account, String sessionId) {
        return sessions.endOf(account.id(), sessionId) > 0;
    }

    /**
     * Ends every login of the account: browser sessions, API tokens and a login waiting for its code, on every
     * instance at once. For example when its role changes, it is deactivated, or its password or second factor changes.
     */
    public void endAllOf(long accountId) {
        sessions.endAllOf(accountId);
        challenges.removeAllOf(accountId);
    }

    /**
     * Ends every login of the account except the one of this request: "Alle andere sessies beëindigen", or a change
     * of password or second factor made in this session, which should stay logged in.
     *
     * @return how many logins were ended
     */
    public int endAllOthersOf(CurrentAccount account) {
        return sessions.endAllOfExcept(account.id(), account.sessionId());
    }

    public <T> MutableHttpResponse<T> withCookie(MutableHttpResponse<T> response, IssuedToken issued,
                                                 HttpRequest<?> request) {
        Cookie cookie = Cookie.of(cookieConfiguration.getCookieName(), issued.token());
        cookie.configure(cookieConfiguration, request.isSecure());
        cookie.maxAge(issued.lifetime());
        return response.cookie(cookie);
    }

    public <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response, HttpRequest<?> request) {
        Cookie cookie = Cookie.of(cookieConfiguration.getCookieName(), "");
        cookie.configure(cookieConfiguration, request.isSecure());
        cookie.maxAge(0);
        return response.cookie(cookie);
    }

    private IssuedToken issue(String email, String role, String sessionId, Duration lifetime) {
        Authentication authentication = Authentication.build(email, List.of(role), Map.of(SESSION_CLAIM, sessionId));
        String token = tokenGenerator.generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("token generation failed"));
        return new IssuedToken(token, lifetime, sessionId);
    }

    @Nullable
    private static String userAgent(HttpRequest<?> request) {
        String value = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= LoginSession.USER_AGENT_MAX ? stripped
                : stripped.substring(0, LoginSession.USER_AGENT_MAX);
    }
}
