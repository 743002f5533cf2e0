package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import nl.quickscan.accounts.CurrentAccount;
import nl.quickscan.accounts.LoginSessionRepository;
import nl.quickscan.accounts.Sessions;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns a valid token into the {@link CurrentAccount}, by looking its session up in the database. A token whose
 * session was ended (logout, deactivation, role change) is refused here even though its signature is valid, and
 * because the lookup is in the shared database this holds on every app instance.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class CurrentAccountFilter implements Ordered {

    private final LoginSessionRepository sessions;
    private final ErrorPages errorPages;
    private final Sessions sessionCookies;

    CurrentAccountFilter(LoginSessionRepository sessions, ErrorPages errorPages, Sessions sessionCookies) {
        this.sessions = sessions;
        this.errorPages = errorPages;
        this.sessionCookies = sessionCookies;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> resolveAccount(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class);
        if (authentication.isEmpty()) {
            return null;
        }
        Object sessionId = authentication.get().getAttributes().get(Sessions.SESSION_CLAIM);
        Optional<CurrentAccount> account = sessionId instanceof String id
                ? sessions.findLive(id, Instant.now())
                : Optional.empty();
        if (account.isPresent()) {
            request.setAttribute(RequestAttributes.CURRENT_ACCOUNT, account.get());
            return null;
        }
        if (permitsAnonymous(request)) {
            return null;
        }
        if (ErrorPages.isApi(request)) {
            return errorPages.respond(request, HttpStatus.UNAUTHORIZED,
                    "Uw sessie is verlopen of beëindigd. Vraag een nieuw token aan.");
        }
        return sessionCookies.clear(HttpResponse.seeOther(java.net.URI.create("/login?verlopen=1")), request);
    }

    private static boolean permitsAnonymous(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(match -> match.getAnnotationMetadata().stringValues(Secured.class))
                .map(values -> Arrays.asList(values).contains(SecurityRule.IS_ANONYMOUS))
                .orElse(true);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 10;
    }
}
