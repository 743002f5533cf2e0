package nl.quickscan.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import nl.quickscan.database.DatabaseOutages;
import nl.quickscan.errors.ClosedException;
import nl.quickscan.errors.ForbiddenException;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;

/** Every error leaves as a Dutch page or a JSON {@link ApiError}; never a stack trace. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    private static final String UNREADABLE = "De gegevens konden niet worden gelezen. Controleer of ze volledig en goed opgemaakt zijn.";
    static final String DATABASE_UNAVAILABLE = "Quickscan kan de gegevens nu niet bereiken. Wat u net hebt verstuurd, "
            + "is misschien niet opgeslagen. Probeer het over een paar minuten opnieuw.";

    private final ErrorPages errorPages;
    private final AuthorizationExceptionHandler authorizationHandler;
    private final DatabaseOutages outages;

    ErrorHandlers(ErrorPages errorPages, AuthorizationExceptionHandler authorizationHandler, DatabaseOutages outages) {
        this.errorPages = errorPages;
        this.authorizationHandler = authorizationHandler;
        this.outages = outages;
    }

    @Error(global = true)
    HttpResponse<?> authorization(HttpRequest<?> request, AuthorizationException exception) {
        return authorizationHandler.handle(request, exception);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return errorPages.respond(request, HttpStatus.NOT_FOUND,
                "Deze pagina bestaat niet (meer), of u heeft er geen toegang toe.");
    }

    /** Services say "not found" by throwing; another tenant's resource is reported the same way. */
    @Error(global = true)
    HttpResponse<?> notFound(HttpRequest<?> request, NotFoundException exception) {
        return notFound(request);
    }

    @Error(global = true)
    HttpResponse<?> conflict(HttpRequest<?> request, ConflictException exception) {
        return errorPages.respond(request, HttpStatus.CONFLICT, exception.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> forbidden(HttpRequest<?> request, ForbiddenException exception) {
        return errorPages.respond(request, HttpStatus.FORBIDDEN, exception.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> closed(HttpRequest<?> request, ClosedException exception) {
        return errorPages.respond(request, HttpStatus.CONFLICT, exception.getMessage());
    }

    /** Controllers that answer with an HTTP status of their own; "not found" looks like any other. */
    @Error(global = true)
    HttpResponse<?> status(HttpRequest<?> request, HttpStatusException exception) {
        if (exception.getStatus() == HttpStatus.NOT_FOUND) {
            return notFound(request);
        }
        return errorPages.respond(request, exception.getStatus(), exception.getMessage());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return errorPages.respond(request, HttpStatus.METHOD_NOT_ALLOWED, "Deze handeling kan op dit adres niet.");
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return errorPages.respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Dit soort gegevens wordt hier niet aangenomen. Stuur JSON (application/json).");
    }

    @Error(global = true)
    HttpResponse<?> invalidInput(HttpRequest<?> request, InvalidInput.InvalidInputException exception) {
        if (!ErrorPages.isApi(request)) {
            return errorPages.page(request, HttpStatus.UNPROCESSABLE_ENTITY, exception.getMessage());
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ApiError("Controleer de invoer.",
                exception.input().summary().stream().map(p -> new ApiError.FieldError(p.field(), p.message())).toList()));
    }

    @Error(global = true)
    HttpResponse<?> unreadable(HttpRequest<?> request, CodecException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, UNREADABLE);
    }

    @Error(global = true)
    HttpResponse<?> malformedJson(HttpRequest<?> request, JsonSyntaxException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, UNREADABLE);
    }

    @Error(global = true)
    HttpResponse<?> unconvertible(HttpRequest<?> request, ConversionErrorException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, UNREADABLE);
    }

    @Error(global = true)
    HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, UNREADABLE);
    }

    /** A form body with broken %-encoding ("email=%zz"), as the server's form decoder reports it. */
    @Error(global = true)
    HttpResponse<?> undecodableForm(HttpRequest<?> request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, UNREADABLE);
    }

    /** An address with broken %-encoding ("/uitnodiging/abc%zz"): the server cannot even read which page is meant. */
    @Error(global = true)
    HttpResponse<?> malformedAddress(HttpRequest<?> request, URISyntaxException exception) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, "Dit adres klopt niet. Controleer de link of typ het adres opnieuw.");
    }

    @Error(global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException exception) {
        return errorPages.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Er zijn te veel gegevens verstuurd.");
    }

    @Error(global = true)
    HttpResponse<?> unexpected(HttpRequest<?> request, Throwable exception) {
        if (outages.handle(exception)) {
            // Not a bug: the database is down or its disk is full. One line, not a stack trace per request.
            LOG.atWarn().addKeyValue("requestId", RequestIds.of(request)).log("Database unavailable on {} {}: {}",
                    request.getMethod(), TokenMasking.mask(request.getPath()), innermost(exception));
            return errorPages.respond(request, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        // The request id, which the error page and the JSON error show, leads from a user's report to this line.
        String requestId = RequestIds.of(request);
        // Masked: the path (or an exception quoting the address) can hold the token of an invitation or reset link.
        LOG.atError().addKeyValue("requestId", requestId).setCause(TokenMasking.mask(exception)).log(
                "Unexpected error {} on {} {}", requestId, request.getMethod(), TokenMasking.mask(request.getPath()));
        return errorPages.respond(request, HttpStatus.INTERNAL_SERVER_ERROR,
                "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
    }

    private static String innermost(Throwable exception) {
        Throwable cause = exception;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 50; depth++) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
