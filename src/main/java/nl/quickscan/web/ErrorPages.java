package nl.quickscan.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Error responses in the form the caller reads: JSON ({@link ApiError}) under /api and /health, a Dutch page
 * elsewhere. Rendered here rather than through the views filter because errors also arise in filters that run
 * before it.
 */
@Singleton
public class ErrorPages {

    /** The model of error.hbs; the request id lets a user's report be found in the log. */
    record ErrorPage(String title, String message, String requestId) {
    }

    private final ViewsRenderer<Object, HttpRequest<?>> renderer;
    private final PageModel pageModel;

    ErrorPages(ViewsRenderer<Object, HttpRequest<?>> renderer, PageModel pageModel) {
        this.renderer = renderer;
        this.pageModel = pageModel;
    }

    public static boolean isApi(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health") || path.startsWith("/health/");
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String message) {
        if (isApi(request)) {
            return HttpResponse.status(status).body(ApiError.of(message));
        }
        return page(request, status, message);
    }

    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String message) {
        ErrorPage page = new ErrorPage(titleFor(status), message, RequestIds.of(request));
        Writable writable = renderer.render("error", pageModel.withLayout(request, page), request);
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .body(out.toString());
    }

    private static String titleFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Pagina niet gevonden";
            case FORBIDDEN -> "Geen toegang";
            case UNAUTHORIZED -> "Niet ingelogd";
            case BAD_REQUEST, UNPROCESSABLE_ENTITY -> "Dat ging niet goed";
            case METHOD_NOT_ALLOWED -> "Dat kan hier niet";
            case REQUEST_ENTITY_TOO_LARGE -> "Te veel gegevens";
            case SERVICE_UNAVAILABLE -> "Tijdelijk niet beschikbaar";
            default -> "Er ging iets mis";
        };
    }
}
