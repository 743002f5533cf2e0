package nl.quickscan.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * The size of a request body per route, checked on its declared length before any of it is read (413, in Dutch).
 * micronaut.server.max-request-size is one bound for every route, so it is set for the largest body the app takes
 * (an import file); this filter keeps every other route at the bound it had. A body sent without a length
 * (chunked) is bounded by the server's setting alone.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class BodyLimits implements Ordered {

    /** The bound of every route but the uploads below: a survey's 1 MB of YAML sent percent-encoded from its form. */
    static final long DEFAULT_MAX = 4L * 1024 * 1024;
    /** The upload of an import file (at most 10 MB) with the form around it. */
    static final long UPLOAD_MAX = 10L * 1024 * 1024 + 64 * 1024;
    private static final Pattern UPLOADS = Pattern.compile("/api/v1/rounds/\\d+/import|/rondes/\\d+/importeren");
    static final String TOO_LARGE = "Er zijn te veel gegevens verstuurd.";
    static final String FILE_TOO_LARGE = "Het bestand is groter dan 10 MB. Een ingevuld sjabloon is veel kleiner.";

    private final ErrorPages errorPages;

    BodyLimits(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= DEFAULT_MAX) {
            return null;
        }
        boolean upload = UPLOADS.matcher(request.getPath()).matches();
        if (upload && length <= UPLOAD_MAX) {
            return null;
        }
        // The client may still be sending: the server discards the rest of the body unread, so that the client gets
        // to read this answer (closing the connection now could reset it before the answer is read).
        return errorPages.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, upload ? FILE_TOO_LARGE : TOO_LARGE);
    }

    @Override
    public int getOrder() {
        // After the session is known (for the error page), before the CSRF filter reads the body.
        return ServerFilterPhase.SECURITY.order() + 15;
    }
}
