package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.sso.SsoFlow;
import nl.quickscan.accounts.sso.SsoLogin;
import nl.quickscan.accounts.sso.SsoProvider;
import nl.quickscan.accounts.sso.SsoRefusal;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Sign-in through the gemeente's identity provider ({@link SsoLogin}): /sso/{provider} sends the browser there,
 * /sso/{provider}/callback takes it back and opens the same login session as the password login (no second factor:
 * the provider is responsible for that). On the blocking pool: both may wait for the provider, seconds at most.
 */
@Controller("/sso/{provider}")
@Produces(MediaType.TEXT_HTML)
class SsoController {

    private final SsoLogin sso;
    private final Sessions sessions;
    private final Duration sessionLifetime;
    private final boolean secureCookies;
    private final LoginGate gate;
    /** Each callback makes the app call the provider's token endpoint: bounded per client address like logins. */
    private final AttemptLimiter perAddress;

    SsoController(SsoLogin sso, Sessions sessions, LoginGate gate,
                  @Value("${quickscan.session-minutes:480}") long sessionMinutes,
                  @Value("${quickscan.secure-cookies:false}") boolean secureCookies,
                  @Value("${quickscan.sso-requests-per-address:60}") int requestsPerAddress,
                  @Value("${quickscan.sso-address-window-seconds:60}") long addressWindowSeconds,
                  @Value("${quickscan.login-tracked-keys:10000}") int trackedKeys) {
        this.sso = sso;
        this.sessions = sessions;
        this.gate = gate;
        this.sessionLifetime = Duration.ofMinutes(sessionMinutes);
        this.secureCookies = secureCookies;
        this.perAddress = new AttemptLimiter(requestsPerAddress, Duration.ofSeconds(addressWindowSeconds), trackedKeys);
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> start(HttpRequest<?> request, @Nullable CurrentAccount account, @PathVariable String provider,
                          @Nullable @QueryValue String terug, @Nullable @QueryValue String email) {
        MutableHttpResponse<?> limited = limited(request, LoginController.safeReturnPath(terug));
        if (limited != null) {
            return limited;
        }
        SsoProvider identityProvider = sso.provider(provider).orElseThrow(() -> new NotFoundException("identity provider"));
        String returnPath = LoginController.safeReturnPath(terug);
        if (account != null) {
            return HttpResponse.seeOther(URI.create(returnPath));
        }
        try {
            SsoLogin.Redirect redirect = sso.start(identityProvider, returnPath, email);
            return HttpResponse.seeOther(redirect.location())
                    .cookie(flowCookie(redirect.cookie(), request).maxAge(SsoFlow.LIFETIME));
        } catch (SsoRefusal refusal) {
            return refused(refusal, returnPath, request);
        }
    }

    @Get("/callback")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> callback(HttpRequest<?> request, @PathVariable String provider,
                             @Nullable @CookieValue(SsoFlow.COOKIE) String cookie, @Nullable @QueryValue String state,
                             @Nullable @QueryValue String code, @Nullable @QueryValue String error) {
        MutableHttpResponse<?> limited = limited(request, "/");
        if (limited != null) {
            return limited;
        }
        SsoProvider identityProvider = sso.provider(provider).orElseThrow(() -> new NotFoundException("identity provider"));
        try {
            SsoLogin.SignedIn signedIn = sso.complete(identityProvider, cookie, state, code, error);
            Sessions.IssuedToken issued = sessions.open(signedIn.account(), sessionLifetime, request);
            sso.remember(issued.sessionId(), identityProvider, signedIn.idToken());
            MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(LoginController.safeReturnPath(signedIn.returnPath())));
            return sessions.withCookie(response, issued, request).cookie(flowCookie("", request).maxAge(0));
        } catch (SsoRefusal refusal) {
            return refused(refusal, "/", request).cookie(flowCookie("", request).maxAge(0));
        }
    }

    /** 429 with the login page and Retry-After when this address has started too many sign-ins; null otherwise. */
    private @Nullable MutableHttpResponse<?> limited(HttpRequest<?> request, String returnPath) {
        long wait = perAddress.tryTake(gate.clientAddress(request));
        if (wait == 0) {
            return null;
        }
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                .body(loginPage(returnPath, null, LoginGate.TOO_MANY_ATTEMPTS.formatted(wait)));
    }

    private ModelAndView<LoginController.LoginPage> loginPage(String returnPath, @Nullable String email, String problem) {
        return new ModelAndView<>("login", new LoginController.LoginPage("Inloggen", returnPath, email, null, problem,
                false, List.of(), sso.buttons(returnPath)));
    }

    /** The login page with the reason; 502 or 503 where the provider failed, 401 where the sign-in is refused. */
    private MutableHttpResponse<?> refused(SsoRefusal refusal, String returnPath, HttpRequest<?> request) {
        HttpStatus status = switch (refusal.problem()) {
            case PROVIDER_UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case SETUP -> HttpStatus.BAD_GATEWAY;
            case STATE -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.UNAUTHORIZED;
        };
        return HttpResponse.status(status).body(loginPage(returnPath, refusal.email(), refusal.problem().message()));
    }

    /** Only for /sso: sent along when the provider sends the browser back (a top-level GET, so SameSite=Lax). */
    private Cookie flowCookie(String value, HttpRequest<?> request) {
        return Cookie.of(SsoFlow.COOKIE, value).path("/sso").httpOnly(true).sameSite(SameSite.Lax)
                .secure(secureCookies || request.isSecure());
    }
}
