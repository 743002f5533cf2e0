package nl.quickscan.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Not logged in: the login page (pages; a posted form is kept, see {@link KeptForm}) or 401 (API). Logged in but not
 * allowed: 403 in Dutch.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationExceptionHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorPages errorPages;

    AuthorizationExceptionHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return errorPages.respond(request, HttpStatus.FORBIDDEN,
                    "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met de beheerder.");
        }
        if (ErrorPages.isApi(request)) {
            return errorPages.respond(request, HttpStatus.UNAUTHORIZED,
                            "Log in: stuur een geldig token mee (Authorization: Bearer ...).")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (KeptForm.applies(request)) {
            return KeptForm.toLogin(request, false);
        }
        String query = request.getUri().getRawQuery();
        String back = URLEncoder.encode(request.getPath() + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
        return HttpResponse.seeOther(URI.create("/login?terug=" + back));
    }
}
