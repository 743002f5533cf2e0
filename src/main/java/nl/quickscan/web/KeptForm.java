package nl.quickscan.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A page's form posted after the session ended is not lost. Instead of a redirect to the login page, which would
 * drop what was typed, the answer is a 307: the browser posts the same form to {@value #PATH}, which shows the
 * login form with the posted fields kept in it; after the login the user confirms, and the form goes to its own
 * address again, with the new session's token (accounts/LoginController).
 * <p>
 * That post carries the old session's CSRF token, which no longer counts. It changes nothing, so {@link CsrfFilter}
 * takes it without the token, but only when the browser says it comes from this site itself: a form that another
 * site posts is never kept.
 */
public final class KeptForm {

    public static final String PATH = "/login/concept";

    private KeptForm() {
    }

    /** A form a page posted (not the API's JSON, not the logout), which is worth keeping. */
    public static boolean applies(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.POST && !ErrorPages.isApi(request)
                && !request.getPath().equals("/logout") && !request.getPath().startsWith("/login")
                && request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
    }

    /** The 307 that sends the form on to the login form that keeps it; {@code ended}: say the session has ended. */
    public static MutableHttpResponse<?> toLogin(HttpRequest<?> request, boolean ended) {
        String query = request.getUri().getRawQuery();
        String back = URLEncoder.encode(request.getPath() + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
        return HttpResponse.temporaryRedirect(URI.create(PATH + "?terug=" + back + (ended ? "&verlopen=1" : "")));
    }
}
