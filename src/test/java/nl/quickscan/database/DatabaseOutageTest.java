package nl.quickscan.database;

import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.MariaDbServer;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database server dies under a running app (MariaDB of the test's own, killed with SIGKILL): pages and API
 * calls that need it answer 503 with a Dutch message after the short connection timeout instead of waiting
 * 30 s for a 500, {@code /health} and {@code /health/readiness} say DOWN while {@code /health/liveness} says UP (the
 * process is fine: no reason to restart it), the login form and static files still answer, and once the server
 * is back the app works again without a restart.
 */
class DatabaseOutageTest {

    /** Far above the configured connection timeout (3 s), far below HikariCP's default of 30 s. */
    private static final Duration WELL_BEFORE_THE_DEFAULT = Duration.ofSeconds(15);

    @Test
    void aDeadDatabaseAnswers503WithinSecondsAndTheAppRecoversWhenItIsBack(@TempDir Path dir) throws Exception {
        assumeTrue(MariaDbServer.unavailable().isEmpty(),
                () -> "DatabaseOutageTest skipped: " + MariaDbServer.unavailable().orElse(""));
        MariaDbServer server = MariaDbServer.install(dir);
        try {
            TestApp app = TestApp.withSettings(Map.of(
                    "datasources.default.url", server.url("quickscan"),
                    "datasources.default.username", "root",
                    "datasources.default.password", ""));
            try {
                outageAndRecovery(server, app);
            } finally {
                app.stop();
            }
        } finally {
            server.kill();
        }
    }

    private static void outageAndRecovery(MariaDbServer server, TestApp app) throws Exception {
        Browser browser = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        Api api = app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(200, browser.get("/").status());
        assertEquals(200, api.get("/api/v1/me").status());
        assertEquals(200, app.api().get("/health").status());
        assertEquals(200, app.api().get("/health/readiness").status());

        server.kill();

        Response page = timed("the start page with a session", () -> browser.get("/"));
        assertEquals(503, page.status(), page::toString);
        assertTrue(page.html().text().contains("Quickscan kan de gegevens nu niet bereiken"), page::toString);
        Response call = timed("an API call", () -> api.get("/api/v1/me"));
        assertEquals(503, call.status(), call::toString);
        assertTrue(((String) call.json().get("message")).startsWith("Quickscan kan de gegevens nu niet bereiken"), call::toString);
        Response health = timed("/health", () -> app.api().get("/health"));
        assertEquals(503, health.status(), health::toString);
        assertEquals("DOWN", health.json().get("status"));
        Response readiness = timed("/health/readiness", () -> app.api().get("/health/readiness"));
        assertEquals(503, readiness.status(), readiness::toString);
        assertEquals("DOWN", readiness.json().get("status"));
        Response liveness = timed("/health/liveness", () -> app.api().get("/health/liveness"));
        assertEquals(200, liveness.status(), liveness::toString);
        assertEquals("UP", liveness.json().get("status"));
        // Without a session nothing needs the database.
        Response login = timed("the login form", () -> app.browser().get("/login"));
        assertEquals(200, login.status(), login::toString);
        assertEquals(200, timed("a static file", () -> app.browser().get("/static/app.css")).status());

        server.start();

        int status = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = app.api().get("/health").status();
        }
        assertEquals(200, status, "health UP once the database is back");
        assertEquals(200, app.api().get("/health/readiness").status(), "ready again");
        assertEquals(200, browser.get("/").status(), "the same session works again");
        assertEquals(200, api.get("/api/v1/me").status());
    }

    private static Response timed(String what, Supplier<Response> request) {
        long started = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(WELL_BEFORE_THE_DEFAULT) < 0, () -> what + " took " + took + " during the outage");
        return response;
    }
}
