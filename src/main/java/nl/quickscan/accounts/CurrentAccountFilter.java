package nl.quickscan.accounts;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Named;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.web.ErrorPages;
import nl.quickscan.web.KeptForm;
import nl.quickscan.web.Later;
import nl.quickscan.web.RequestAttributes;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Turns a valid token into the {@link CurrentAccount}, by looking its session up in the database. A token whose
 * session was ended (logout, deactivation, role change) is refused here even though its signature is valid, and
 * because the lookup is in the shared database this holds on every app instance. Requests without a token (the
 * login page) and static files pass on the event loop: they never wait for the database or for a blocking thread.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class CurrentAccountFilter implements Ordered {

    private final LoginSessionRepository sessions;
    private final ErrorPages errorPages;
    private final Sessions sessionCookies;
    private final ExecutorService blocking;

    CurrentAccountFilter(LoginSessionRepository sessions, ErrorPages errorPages, Sessions sessionCookies,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.errorPages = errorPages;
        this.sessionCookies = sessionCookies;
        this.blocking = blocking;
    }

    @RequestFilter
    Publisher<HttpResponse<?>> resolveAccount(HttpRequest<?> request,
                                              FilterContinuation<Publisher<HttpResponse<?>>> continuation) {
        Optional<Authentication> authentication = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class);
        // Static files need no account: they are served even while the database is away.
        if (authentication.isEmpty() || request.getPath().startsWith("/static/")) {
            return continuation.proceed();
        }
        Object sessionId = authentication.get().getAttributes().get(Sessions.SESSION_CLAIM);
        if (!(sessionId instanceof String id)) {
            return permitsAnonymous(request) ? continuation.proceed() : Publishers.<HttpResponse<?>>just(refused(request));
        }
        return Later.publisher(CompletableFuture.supplyAsync(() -> {
                    Instant now = Instant.now();
                    Optional<CurrentAccount> live = sessions.findLive(id, now);
                    live.ifPresent(found -> sessionCookies.seen(id, now));
                    return live;
                }, blocking)
                .thenApplyAsync(account -> {
                    if (account.isPresent()) {
                        request.setAttribute(RequestAttributes.CURRENT_ACCOUNT, account.get());
                        return continuation.proceed();
                    }
                    return permitsAnonymous(request) ? continuation.proceed() : Publishers.<HttpResponse<?>>just(refused(request));
                }, onwards(request)));
    }

    /**
     * Where the request goes on after the lookup: a request without a body simply on the thread that looked the
     * session up (its route moves to the blocking pool anyway); one with a body back on its event loop, where the
     * CSRF check reads the body.
     */
    static Executor onwards(HttpRequest<?> request) {
        return HttpMethod.permitsRequestBody(request.getMethod()) ? Later.eventLoopOf(request) : Runnable::run;
    }

    private HttpResponse<?> refused(HttpRequest<?> request) {
        if (ErrorPages.isApi(request)) {
            return errorPages.respond(request, HttpStatus.UNAUTHORIZED,
                    "Uw sessie is verlopen of beëindigd. Vraag een nieuw token aan.");
        }
        if (KeptForm.applies(request)) {
            return sessionCookies.clear(KeptForm.toLogin(request, true), request);
        }
        return sessionCookies.clear(HttpResponse.seeOther(URI.create("/login?verlopen=1")), request);
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
