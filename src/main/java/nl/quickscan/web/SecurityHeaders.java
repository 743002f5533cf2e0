package nl.quickscan.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import static io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN;

/**
 * Security headers on every response, pages, JSON, files and errors alike (this filter runs outside all others,
 * so it also sees the responses of the CSRF and login checks).
 * <ul>
 *   <li>Content-Security-Policy: scripts, styles, images and fonts only from this site, no inline scripts or
 *       styles (the pages have none: scripts are files under public/), no framing, forms only to this site.</li>
 *   <li>X-Frame-Options DENY for browsers without CSP frame-ancestors; nosniff; Referrer-Policy same-origin
 *       (not no-referrer: that would also make browsers send {@code Origin: null} on this site's own forms).</li>
 *   <li>Strict-Transport-Security only with secure cookies, that is behind HTTPS.</li>
 *   <li>Cache-Control: no-store on everything but static files, since pages, reports and API answers hold
 *       personal data; a static file asked for with its current version ({@link StaticFiles}) may be kept a year,
 *       any other static answer five minutes.</li>
 * </ul>
 */
@ServerFilter(MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    static final String NO_STORE = "no-store";

    private final boolean secureCookies;

    SecurityHeaders(@Value("${quickscan.secure-cookies}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (secureCookies) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(request, response));
    }

    private static String cacheControl(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean staticFile = request.getPath().startsWith(StaticFiles.PREFIX) && response.code() < 400;
        if (!staticFile) {
            return NO_STORE;
        }
        return StaticFiles.isCurrent(request.getPath(), request.getParameters().get("v")) ? IMMUTABLE : SHORT;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
