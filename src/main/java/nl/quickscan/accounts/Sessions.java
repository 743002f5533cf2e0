package nl.quickscan.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens and ends logins. A login is a row in {@code login_session} plus a signed token naming that row; the
 * browser carries the token in an HttpOnly cookie, scripts as a bearer token.
 */
@Singleton
public class Sessions {

    public static final String SESSION_CLAIM = "sid";

    private final LoginSessionRepository sessions;
    private final TokenGenerator tokenGenerator;
    private final AccessTokenCookieConfiguration cookieConfiguration;

    Sessions(LoginSessionRepository sessions, TokenGenerator tokenGenerator,
             AccessTokenCookieConfiguration cookieConfiguration) {
        this.sessions = sessions;
        this.tokenGenerator = tokenGenerator;
        this.cookieConfiguration = cookieConfiguration;
    }

    /** A new login: the signed token and how long it holds, and the login session it names. */
    public record IssuedToken(String token, Duration lifetime, String sessionId) {
    }

    public IssuedToken open(Account account, Duration lifetime) {
        Instant now = Instant.now();
        String sessionId = UUID.randomUUID().toString();
        sessions.save(new LoginSession(sessionId, account.id(), now, now.plus(lifetime)));
        Authentication authentication = Authentication.build(account.email(), List.of(account.role().name()),
                Map.of(SESSION_CLAIM, sessionId));
        String token = tokenGenerator.generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("token generation failed"));
        return new IssuedToken(token, lifetime, sessionId);
    }

    public void end(String sessionId) {
        sessions.end(sessionId);
    }

    /** Ends every login of the account but the one given, for example when its second factor changes. */
    public void endOthersOf(long accountId, String keptSessionId) {
        sessions.endAllOfExcept(accountId, keptSessionId);
    }

    /** Ends every login of the account, for example when its role changes or it is deactivated. */
    public void endAllOf(long accountId) {
        sessions.endAllOf(accountId);
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
}
