package nl.quickscan.operations;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.quickscan.errors.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The meters in the Prometheus text format, for the scraper that holds the metrics token
 * ({@code QUICKSCAN_METRICS_TOKEN}, sent as {@code Authorization: Bearer <token>}); not a user's session token.
 * Without a configured token the address does not exist (404); a missing or wrong token gets 401.
 */
@Context // made at start-up, so that a token too short stops the app there
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
final class MetricsController {

    static final int TOKEN_MIN_LENGTH = 32;
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final byte[] expected;

    MetricsController(Metrics metrics, @Value("${quickscan.metrics-token}") String token) {
        if (!token.isEmpty() && token.length() < TOKEN_MIN_LENGTH) {
            throw new ConfigurationException("QUICKSCAN_METRICS_TOKEN must be at least " + TOKEN_MIN_LENGTH
                    + " characters long (for example: openssl rand -hex 32).");
        }
        this.metrics = metrics;
        this.expected = token.isEmpty() ? null : sha256("Bearer " + token);
    }

    @Get(produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> scrape(HttpRequest<?> request) {
        if (expected == null) {
            throw new NotFoundException("metrics");
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        // Compared as hashes of equal length, in constant time: neither the token nor its length shows in the timing.
        if (authorization == null || !MessageDigest.isEqual(expected, sha256(authorization))) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType("text/plain; charset=utf-8").body("Stuur het metrics-token mee (Authorization: Bearer ...).\n");
        }
        return HttpResponse.ok(metrics.scrape()).contentType(TEXT_FORMAT);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
