package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The way in for every password login (form and API). Before any work is queued it checks, in memory, the limit
 * per client address and per account; then it takes a place among the logins that may run or wait at once.
 * Only then does the login go to the executor of its own ({@code micronaut.executors.logins}), so that BCrypt never
 * runs on, or queues on, the pool that the other requests share.
 */
@Singleton
public class LoginGate {

    static final String TOO_MANY_ATTEMPTS = "U heeft te vaak geprobeerd in te loggen. Probeer het over %d seconden opnieuw.";
    static final String BUSY = "Er wordt nu heel vaak tegelijk ingelogd. Probeer het over een paar seconden opnieuw.";
    static final long BUSY_RETRY_SECONDS = 2;
    /** Longer header values are not an address; the limit keeps keys small. */
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final LoginService loginService;
    private final ExecutorService executor;
    private final AttemptLimiter perAddress;
    private final AttemptLimiter perAccount;
    private final Semaphore places;
    private final String clientIpHeader;

    LoginGate(LoginService loginService, @Named("logins") ExecutorService executor,
              @Value("${quickscan.login-attempts-per-address:10}") int attemptsPerAddress,
              @Value("${quickscan.login-address-window-seconds:60}") long addressWindowSeconds,
              @Value("${quickscan.login-attempts-per-account:5}") int attemptsPerAccount,
              @Value("${quickscan.login-account-window-seconds:900}") long accountWindowSeconds,
              @Value("${quickscan.login-tracked-keys:10000}") int trackedKeys,
              @Value("${quickscan.login-queue:16}") int queue,
              @Value("${quickscan.client-ip-header:}") String clientIpHeader) {
        this.loginService = loginService;
        this.executor = executor;
        this.perAddress = new AttemptLimiter(attemptsPerAddress, Duration.ofSeconds(addressWindowSeconds), trackedKeys);
        this.perAccount = new AttemptLimiter(attemptsPerAccount, Duration.ofSeconds(accountWindowSeconds), trackedKeys);
        this.places = new Semaphore(queue);
        this.clientIpHeader = clientIpHeader == null ? "" : clientIpHeader.strip();
    }

    /**
     * Tries the login. {@code answer} turns the outcome into the response: on the login executor once the password
     * was compared (so it may use the database, to open the session), and at once, on the caller's thread, when the
     * attempt is refused before that (then it must only build the response).
     */
    public <T> CompletableFuture<T> attempt(HttpRequest<?> request, String email, String password,
                                            Function<LoginService.Outcome, T> answer) {
        long wait = perAddress.tryTake(clientAddress(request));
        String account = Account.normalizeEmail(email);
        if (wait == 0) {
            wait = perAccount.tryTake(account);
        }
        if (wait > 0) {
            return CompletableFuture.completedFuture(answer.apply(LoginService.Outcome.refused(
                    LoginService.Refusal.TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS.formatted(wait), wait)));
        }
        if (!places.tryAcquire()) {
            return CompletableFuture.completedFuture(answer.apply(busy()));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    LoginService.Outcome outcome = loginService.authenticate(email, password);
                    if (outcome.account().isPresent()) {
                        perAccount.forget(account);
                    }
                    return answer.apply(outcome);
                } finally {
                    places.release();
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            places.release();
            return CompletableFuture.completedFuture(answer.apply(busy()));
        }
    }

    /**
     * Takes one attempt of the client's address for a login step other than the password (the code of the second
     * factor): 0 when it may go ahead, otherwise the seconds to wait.
     */
    long tryTakeForAddress(HttpRequest<?> request) {
        return perAddress.tryTake(clientAddress(request));
    }

    private static LoginService.Outcome busy() {
        return LoginService.Outcome.refused(LoginService.Refusal.BUSY, BUSY, BUSY_RETRY_SECONDS);
    }

    /** The status of a refused login (401, 429 or 503) with {@code Retry-After} where waiting helps. */
    static <T> MutableHttpResponse<T> refusal(LoginService.Outcome outcome, T body) {
        HttpStatus status = switch (outcome.refusal()) {
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.UNAUTHORIZED;
        };
        MutableHttpResponse<T> response = HttpResponse.<T>status(status).body(body);
        if (outcome.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
        }
        return response;
    }

    /**
     * The address the limit per client counts: the connection's remote address (IPv6 by its /64 network, which one
     * client usually has whole), or, behind a proxy, the last address in the configured header
     * ({@code quickscan.client-ip-header}), which is the one the proxy added. Headers are never trusted otherwise.
     */
    String clientAddress(HttpRequest<?> request) {
        if (!clientIpHeader.isEmpty()) {
            String value = request.getHeaders().get(clientIpHeader);
            if (value != null) {
                String last = value.substring(value.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= MAX_ADDRESS_LENGTH) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        if (address == null) {
            return remote.getHostString();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", bytes[0], bytes[1], bytes[2], bytes[3],
                    bytes[4], bytes[5], bytes[6], bytes[7]);
        }
        return address.getHostAddress();
    }
}
