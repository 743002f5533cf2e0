package nl.quickscan.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.operations.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Set;

import static io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN;

/**
 * One log line and one timing per request, and its request id ({@link RequestIds}). Both name the route's template
 * ({@code /scans/{id}}), never the address: that holds ids, and the tokens of invitation and reset links. The
 * line holds method, route, status, duration, request id and the account's id; no query string, no names, e-mail
 * addresses or anything a user typed. Outside every other filter, so that it also times and logs what they refuse.
 */
@ServerFilter(MATCH_ALL_PATTERN)
final class RequestLog implements Ordered {

    /** The logger of the request lines, so that an operator can turn them off or route them elsewhere. */
    static final String LOGGER = "quickscan.request";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    static final String UNMATCHED = "UNMATCHED";
    static final String STATIC = StaticFiles.PREFIX + "**";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String ROUTE = "quickscan.route";
    private static final String STARTED = "quickscan.started";

    private final Metrics metrics;

    RequestLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
        RequestIds.assign(request);
        // Read now: the route of an error handler may take the request's route match later on.
        request.setAttribute(ROUTE, route(request));
    }

    @ResponseFilter
    void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = RequestIds.of(request);
        response.getHeaders().set(RequestIds.HEADER, id);
        if (response.getBody().orElse(null) instanceof ApiError error && error.requestId() == null) {
            response.body(error.withRequestId(id));
        }
        long nanos = System.nanoTime() - request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        String method = METHODS.contains(request.getMethodName()) ? request.getMethodName() : "OTHER";
        String route = request.getAttribute(ROUTE, String.class).orElse(UNMATCHED);
        int status = response.code();
        metrics.request(method, route, status, nanos);
        if (LOG.isInfoEnabled()) {
            long millis = nanos / 1_000_000;
            LoggingEventBuilder line = LOG.atInfo().addKeyValue("requestId", id).addKeyValue("method", method)
                    .addKeyValue("route", route).addKeyValue("status", status).addKeyValue("durationMs", millis);
            request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class)
                    .ifPresent(account -> line.addKeyValue("accountId", account.id()));
            line.log("{} {} {} {} ms", method, route, status, millis);
        }
    }

    private static String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElseGet(() -> request.getPath().startsWith(StaticFiles.PREFIX) ? STATIC : UNMATCHED);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
