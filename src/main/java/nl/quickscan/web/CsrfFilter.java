package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
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
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.context.annotation.Value;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for every state-changing request (double-submit cookie): the token in the form field
 * {@value #FIELD} or header {@value #HEADER} must equal the HttpOnly, SameSite=Strict cookie {@value #COOKIE}.
 * Exempt are JSON requests (a browser cannot send those cross-site without a CORS preflight, which this app never
 * allows) and requests that carry their own Authorization header (API scripts with a bearer token).
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {

    static final String COOKIE = "QUICKSCAN_CSRF";
    /** The executor named in application.yml (micronaut.executors.form-bodies). */
    static final String FORM_BODIES = "form-bodies";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ErrorPages errorPages;
    private final boolean secureCookies;

    CsrfFilter(ErrorPages errorPages, @Value("${quickscan.secure-cookies}") boolean secureCookies) {
        this.errorPages = errorPages;
        this.secureCookies = secureCookies;
    }

    /**
     * Reading the token from a form body blocks until the client has sent it. That happens on a pool of its own,
     * which grows as needed, so that clients sending their forms slowly cannot take the fixed pool that serves
     * the pages and saves.
     */
    @RequestFilter
    @ExecuteOn(FORM_BODIES)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<String> cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(CsrfFilter::wellFormed);
        String token = cookieToken.orElseGet(() -> {
            String fresh = newToken();
            request.setAttribute(RequestAttributes.NEW_CSRF_TOKEN, fresh);
            return fresh;
        });
        request.setAttribute(RequestAttributes.CSRF_TOKEN, token);
        if (SAFE.contains(request.getMethod()) || exempt(request)) {
            return null;
        }
        String submitted = request.getHeaders().get(HEADER);
        if (submitted == null && isForm(request)) {
            submitted = formField(request);
        }
        if (cookieToken.isEmpty() || submitted == null || !MessageDigest.isEqual(
                cookieToken.get().getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII))) {
            return errorPages.respond(request, HttpStatus.FORBIDDEN,
                    "Dit formulier is verlopen of kwam niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens.");
        }
        return null;
    }

    @ResponseFilter
    void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(RequestAttributes.NEW_CSRF_TOKEN, String.class).ifPresent(token ->
                response.cookie(Cookie.of(COOKIE, token).httpOnly(true).secure(secureCookies)
                        .sameSite(SameSite.Strict).path("/")));
    }

    private static boolean exempt(HttpRequest<?> request) {
        if (request.getHeaders().getAuthorization().isPresent()) {
            return true;
        }
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
    }

    /** Reads the token from a copy of the form body; the controller still gets the whole body. */
    @Nullable
    private static String formField(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> serverRequest)) {
            return null;
        }
        try (CloseableByteBody copy = serverRequest.byteBody().split(ByteBody.SplitBackpressureMode.SLOWEST).allowDiscard();
             InputStream in = copy.toInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(FIELD)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
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
