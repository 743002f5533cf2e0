package nl.quickscan.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import nl.quickscan.identity.CurrentAccount;
import org.reactivestreams.Publisher;

import java.io.EOFException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CSRF protection for every state-changing request.
 * <ul>
 * <li>Logged in, the token is a keyed hash of the login session: a page on another (sub)domain can neither read
 * nor plant it, and it changes with every login.</li>
 * <li>Before login (the login and invitation forms) it is a random value in the HttpOnly, SameSite=Strict cookie
 * {@value #COOKIE} that the form must repeat; the cookie is renewed at login.</li>
 * <li>As a second line, a request that a browser marks as coming from another site ({@code Sec-Fetch-Site}, or an
 * {@code Origin} other than this site) is refused.</li>
 * </ul>
 * The token comes in the form field {@value #FIELD} or the header {@value #HEADER}. Exempt are only requests that
 * carry no session cookie and send JSON or a bearer token: API scripts, and the token endpoint (a browser cannot send
 * JSON or an Authorization header cross-site without a CORS preflight, which this app never allows). A browser sends
 * the session cookie with every request to this site, so a request that carries it is always checked, whatever
 * other headers come with it. The one exception is the login form that keeps a form posted after the session
 * ended ({@link KeptForm}): it changes nothing and is taken from this site itself only.
 * <p>
 * The filter also bounds how long a client may take to send a request body: the body is buffered as it arrives,
 * without a thread waiting for it, and a client that has not sent it all within {@code quickscan.request-body-seconds}
 * gets 408.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {

    static final String COOKIE = "QUICKSCAN_CSRF";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String REFUSED = "Dit formulier is verlopen of kwam niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens.";
    static final String INCOMPLETE = "De gegevens kwamen niet volledig aan. Probeer het opnieuw.";
    static final String TOO_SLOW = "Het versturen duurde te lang. Probeer het opnieuw.";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final int TOKEN_BYTES = 32;
    /** How far into a multipart body the token field is looked for: its first parts, the form's hidden fields. */
    private static final int MULTIPART_HEAD = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ErrorPages errorPages;
    private final boolean secureCookies;
    private final String sessionCookie;
    private final CsrfTokens tokens;
    private final Duration bodyDeadline;
    @Nullable
    private final String baseAuthority;

    CsrfFilter(ErrorPages errorPages, AccessTokenCookieConfiguration sessionCookieConfiguration, CsrfTokens tokens,
               @Value("${quickscan.secure-cookies}") boolean secureCookies,
               @Value("${quickscan.request-body-seconds:20}") long bodySeconds,
               @Value("${quickscan.base-url:}") String baseUrl) {
        this.errorPages = errorPages;
        this.secureCookies = secureCookies;
        this.sessionCookie = sessionCookieConfiguration.getCookieName();
        this.tokens = tokens;
        this.bodyDeadline = Duration.ofSeconds(bodySeconds);
        this.baseAuthority = baseUrl == null || baseUrl.isBlank() ? null : authority(baseUrl);
    }

    @RequestFilter
    Publisher<HttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> continuation) {
        Optional<CurrentAccount> account = request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class);
        Optional<String> cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(CsrfFilter::wellFormed);
        String expected;
        if (account.isPresent()) {
            expected = tokens.forSession(account.get().sessionId());
        } else {
            expected = cookieToken.orElseGet(() -> {
                String fresh = newToken();
                request.setAttribute(RequestAttributes.NEW_CSRF_TOKEN, fresh);
                return fresh;
            });
        }
        request.setAttribute(RequestAttributes.CSRF_TOKEN, expected);
        if (SAFE.contains(request.getMethod())) {
            return continuation.proceed();
        }
        boolean checked = request.getCookies().contains(sessionCookie) || !(isJson(request) || hasBearer(request));
        boolean tokenKnown = account.isPresent() || cookieToken.isPresent();
        return Later.publisher(body(request).handleAsync((body, thrown) -> {
            Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            if (failure instanceof EOFException) {
                // the client went away before its body was complete: nobody reads the answer, nothing to log
                return answer(errorPages.respond(request, HttpStatus.BAD_REQUEST, INCOMPLETE));
            }
            if (failure != null) {
                return failure instanceof TimeoutException
                        ? answer(errorPages.respond(request, HttpStatus.REQUEST_TIMEOUT, TOO_SLOW)
                                .header(HttpHeaders.CONNECTION, "close"))
                        : Publishers.<HttpResponse<?>>just(failure);
            }
            if (request.getPath().equals(KeptForm.PATH)) {
                // Carries the ended session's token; taken only when the browser says this site itself posted it.
                return fromThisSite(request) ? continuation.proceed()
                        : answer(errorPages.respond(request, HttpStatus.FORBIDDEN, REFUSED));
            }
            if (!checked) {
                return continuation.proceed();
            }
            String submitted = Optional.ofNullable(request.getHeaders().get(HEADER))
                    .orElseGet(() -> isForm(request) ? formField(new String(body, StandardCharsets.UTF_8))
                            : isMultipart(request) ? multipartField(body) : null);
            if (!tokenKnown || submitted == null || crossSite(request) || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII))) {
                return answer(errorPages.respond(request, HttpStatus.FORBIDDEN, REFUSED));
            }
            return continuation.proceed();
        }, Later.eventLoopOf(request)));
    }

    private static Publisher<HttpResponse<?>> answer(HttpResponse<?> response) {
        return Publishers.just(response);
    }

    /** A fresh pre-login token with every new login, so that a value planted before the login is worthless after it. */
    @ResponseFilter
    void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> token = request.getAttribute(RequestAttributes.NEW_CSRF_TOKEN, String.class);
        if (token.isEmpty() && startsSession(response)) {
            token = Optional.of(newToken());
        }
        token.ifPresent(value -> response.cookie(Cookie.of(COOKIE, value).httpOnly(true).secure(secureCookies)
                .sameSite(SameSite.Strict).path("/")));
    }

    private boolean startsSession(HttpResponse<?> response) {
        String prefix = sessionCookie + "=";
        return response.getHeaders().getAll(HttpHeaders.SET_COOKIE).stream()
                .anyMatch(header -> header.startsWith(prefix) && !header.startsWith(prefix + ";")
                        && header.length() > prefix.length());
    }

    /** The whole body, once it has arrived; the controller still gets it from the request. */
    private CompletableFuture<byte[]> body(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> serverRequest)
                || serverRequest.byteBody().expectedLength().orElse(-1) == 0) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        try (CloseableByteBody copy = serverRequest.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)) {
            return copy.buffer()
                    .thenApply(buffered -> buffered.toByteArray())
                    .orTimeout(bodyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A request a browser marks as sent from this site itself: it says so, not merely nothing else. */
    private boolean fromThisSite(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        return site != null ? site.equals("same-origin")
                : request.getHeaders().get(HttpHeaders.ORIGIN) != null && !crossSite(request);
    }

    /** A request a browser marks as sent from another site (a second line behind the token). */
    private boolean crossSite(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        String from = authority(origin);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return from == null || !(from.equals(baseAuthority) || (host != null && from.equals(withoutDefaultPort(host))));
    }

    /** "host" or "host:port" of an origin or URL, without the scheme's default port; null when it has none. */
    @Nullable
    static String authority(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                    || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
            return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutDefaultPort(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(":80") || lower.endsWith(":443") ? lower.substring(0, lower.lastIndexOf(':')) : lower;
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
    }

    private static boolean hasBearer(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .isPresent();
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
    }

    private static boolean isMultipart(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
    }

    /**
     * The token field of a multipart form (a file upload): the page puts it before the file, so it is looked for in
     * the first part of the body only, never in the file's bytes.
     */
    @Nullable
    static String multipartField(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, MULTIPART_HEAD), StandardCharsets.ISO_8859_1);
        int name = head.indexOf("name=\"" + FIELD + "\"");
        if (name < 0) {
            return null;
        }
        int start = head.indexOf("\r\n\r\n", name);
        int end = start < 0 ? -1 : head.indexOf("\r\n", start + 4);
        return end < 0 ? null : head.substring(start + 4, end);
    }

    /** The token field of a form body; pairs that are not validly encoded are passed over (the controller refuses them). */
    @Nullable
    private static String formField(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(FIELD)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                // not a validly encoded pair, so not the token
            }
        }
        return null;
    }

    private static boolean wellFormed(String value) {
        return value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 20;
    }
}
