package nl.quickscan.accounts;

import nl.quickscan.accounts.sso.SsoLogin;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.web.ErrorPages;
import nl.quickscan.web.Later;
import nl.quickscan.web.RequestAttributes;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * An account whose role requires a second factor, logged in without one, can do nothing but set it up (or log
 * out): pages send it to the set-up page, the API answers 403. A login through an identity provider (SSO) is
 * exempt: the provider asks for the second factor. Sessions already seen with a second factor are
 * remembered, so that they cost no extra query; a reset ends those sessions anyway.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class SecondFactorRequiredFilter implements Ordered {

    static final String API_REFUSAL = "Voor uw rol is tweestapsverificatie verplicht. Stel die eerst in: POST"
            + " /api/v1/me/totp en daarna POST /api/v1/me/totp/confirm, of op de pagina " + SecondFactorController.PATH + ".";
    private static final int REMEMBERED_SESSIONS = 10_000;
    private static final Set<String> OPEN_PATHS = Set.of(SecondFactorController.PATH,
            SecondFactorController.PATH + "/uitzetten", "/api/v1/me/totp", "/api/v1/me/totp/confirm", "/api/v1/me",
            "/logout");

    private final SecondFactors secondFactors;
    private final SsoLogin sso;
    private final ErrorPages errorPages;
    private final ExecutorService blocking;
    private final Set<String> sessionsWithSecondFactor = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_SESSIONS;
                }
            }));

    SecondFactorRequiredFilter(SecondFactors secondFactors, SsoLogin sso, ErrorPages errorPages,
                               @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.secondFactors = secondFactors;
        this.sso = sso;
        this.errorPages = errorPages;
        this.blocking = blocking;
    }

    @RequestFilter
    Publisher<HttpResponse<?>> require(HttpRequest<?> request,
                                       FilterContinuation<Publisher<HttpResponse<?>>> continuation) {
        Optional<CurrentAccount> account = request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class);
        if (account.isEmpty() || !secondFactors.requiredFor(account.get().role())
                || OPEN_PATHS.contains(request.getPath()) || request.getPath().startsWith("/static/")
                || sessionsWithSecondFactor.contains(account.get().sessionId())) {
            return continuation.proceed();
        }
        return Later.publisher(CompletableFuture.supplyAsync(() -> secondFactors.enrolled(account.get().id())
                        || sso.signedInThrough(account.get().sessionId()), blocking)
                .thenApplyAsync(enrolled -> {
                    if (enrolled) {
                        sessionsWithSecondFactor.add(account.get().sessionId());
                        return continuation.proceed();
                    }
                    return Publishers.<HttpResponse<?>>just(ErrorPages.isApi(request)
                            ? errorPages.respond(request, HttpStatus.FORBIDDEN, API_REFUSAL)
                            : HttpResponse.seeOther(URI.create(SecondFactorController.PATH)));
                }, CurrentAccountFilter.onwards(request)));
    }

    /** After {@link CurrentAccountFilter}, which finds the account, and before the CSRF check. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 15;
    }
}
