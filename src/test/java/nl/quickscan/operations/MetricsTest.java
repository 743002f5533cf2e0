package nl.quickscan.operations;

import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /metrics in the Prometheus text format after a few requests: the requests by route template and status, the
 * connection pool, the JVM, saves, submits and report times; and only for the holder of the metrics token.
 */
class MetricsTest {

    private static final String TOKEN = "metrics-" + "0123456789abcdef".repeat(3);
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSettings(Map.of("quickscan.metrics-token", TOKEN));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void requestsPoolJvmAndTheWorkDoneAppearAfterAFewRequests() {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        long scan = Scans.submitAll(app, survey, round, regio.codes().get(0), "2");
        Api coordinator = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        assertEquals(200, coordinator.download("/api/v1/scans/" + scan + "/report.pdf").statusCode());
        assertEquals(404, app.api().get("/geen-pagina-" + scan).status());

        String metrics = scrape();
        long questions = survey.questions().count();
        assertTrue(count(metrics, "http_server_requests_seconds_count{method=\"PUT\",route=\"/api/v1/scans/{id}/answers/{questionKey}\",status=\"200\"}") >= questions,
                metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/scans/{id}/submit\",status=\"200\",le=\""),
                "timings in buckets");
        assertTrue(count(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",status=\"404\"}") >= 1,
                "an unknown address is one label, whatever its path");
        assertFalse(metrics.contains("route=\"/api/v1/scans/" + scan), "never the address with its ids");
        assertFalse(metrics.contains("geen-pagina"), "never the address of an unknown page");
        assertTrue(count(metrics, "quickscan_answers_saved_total{outcome=\"applied\"}") >= questions);
        assertTrue(count(metrics, "quickscan_scans_submitted_total") >= 1);
        assertTrue(count(metrics, "quickscan_reports_render_seconds_count{format=\"pdf\",kind=\"gemeente\"}") >= 1);
        assertTrue(metrics.contains("hikaricp_connections_active{pool="), "the connection pool");
        assertTrue(metrics.contains("hikaricp_connections_acquire_seconds_count{pool="), "the pool's wait times");
        assertTrue(metrics.contains("jvm_memory_used_bytes{"), "the JVM");
        assertTrue(metrics.contains("jvm_threads_live_threads"), "the JVM's threads");
    }

    @Test
    void refusedWithoutTheMetricsTokenOrWithAnotherOne() {
        HttpResponse<byte[]> anonymous = app.api().download("/metrics");
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
        assertFalse(new String(anonymous.body(), StandardCharsets.UTF_8).contains("jvm_"));
        assertEquals(401, app.api().withToken(TOKEN + "x").download("/metrics").statusCode());
        assertEquals(401, app.api().withToken(TOKEN.substring(1)).download("/metrics").statusCode());
        assertEquals(401, app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD).download("/metrics").statusCode(),
                "a user's token is not the metrics token, the beheerder's neither");
    }

    @Test
    void aShortTokenStopsTheApp() {
        assertThrows(RuntimeException.class, () -> TestApp.withSettings(Map.of("quickscan.metrics-token", "kort")));
    }

    private static String scrape() {
        HttpResponse<byte[]> response = app.api().withToken(TOKEN).download("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The value of the series that starts with {@code series} (its labels in the registry's order), or -1. */
    private static double count(String metrics, String series) {
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }
}
