package nl.quickscan;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app instances on one database, as behind a load balancer: a login on one is valid on the other, work goes
 * on across them, and a logout on one ends the session on both. Nothing lives in one instance's memory.
 */
class TwoInstancesTest {

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOther() {
        String database = "jdbc:h2:mem:two-instances-" + System.nanoTime()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Map<String, Object> shared = Map.of("datasources.default.url", database,
                "quickscan.jwt-secret", "shared-secret-of-both-instances-0123456789abcdef");
        TestApp first = TestApp.withSettings(shared);
        TestApp second = TestApp.withSettings(shared);
        try {
            Browser onFirst = first.browser().login("adviseur.emmen@quickscan.test", TestApp.DEMO_PASSWORD);
            Browser onSecond = second.browser();
            onSecond.setCookie("QUICKSCAN_SESSION", onFirst.cookie("QUICKSCAN_SESSION"));
            onSecond.setCookie("QUICKSCAN_CSRF", onFirst.cookie("QUICKSCAN_CSRF"));
            assertTrue(onSecond.get("/").html().text().contains("Emmen"), "logged in on the other instance");

            // A round opened on one instance, a scan started on the other.
            var coordinator = first.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
            long roundId = ((Number) coordinator.postJson("/api/v1/rounds", """
                    {"name": "Twee instanties %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                     "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(),
                    java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(10))).json().get("id")).longValue();
            Response started = onSecond.post("/scans", "roundId", String.valueOf(roundId));
            assertEquals(303, started.status(), started::toString);
            String scanPath = URI.create(started.location()).getPath();
            assertEquals(200, onFirst.get(scanPath).status(), "the scan is there on the first instance too");

            assertEquals(303, onSecond.post("/logout").status());
            assertEquals(303, onFirst.get("/").status(), "logout on one instance ends the session on both");
        } finally {
            first.stop();
            second.stop();
        }
    }

    /**
     * A survey version uploaded and published on one instance is there on the other without a restart: the other
     * instance looks in the database for a version it does not know, and its beheerder's list reads the table again.
     */
    @Test
    void aVersionPublishedOnOneInstanceIsUsedOnTheOther() {
        String database = "jdbc:h2:mem:two-instances-surveys-" + System.nanoTime()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Map<String, Object> shared = Map.of("datasources.default.url", database,
                "quickscan.jwt-secret", "shared-secret-of-both-instances-0123456789abcdef");
        TestApp first = TestApp.withSettings(shared);
        TestApp second = TestApp.withSettings(shared);
        try {
            String id = "twee-instanties-" + System.nanoTime();
            String yaml;
            try {
                yaml = java.nio.file.Files.readString(java.nio.file.Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"))
                        .replace("id: quickscan-seksueel-geweld", "id: " + id);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var onSecond = second.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
            assertEquals(200, onSecond.get("/api/v1/surveys").status(), "the second instance has read the versions before");
            var onFirst = first.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
            assertEquals(201, onFirst.send("POST", "/api/v1/surveys", "text/yaml", yaml, Map.of()).status());
            assertEquals("CONCEPT", onSecond.get("/api/v1/surveys/" + id + "/1").json().get("status"));
            assertEquals(200, onFirst.postJson("/api/v1/surveys/" + id + "/1/publish", "{}").status());
            assertTrue(onSecond.get("/api/v1/surveys").jsonList().stream()
                    .anyMatch(s -> s.get("id").equals(id) && s.get("status").equals("GEPUBLICEERD")), "listed as published");

            Response round = second.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                    {"name": "Twee instanties %s", "kind": "NULMETING", "surveyId": "%s",
                     "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), id,
                    java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(10)));
            assertEquals(201, round.status(), "a round on it, opened on the other instance: " + round);
        } finally {
            first.stop();
            second.stop();
        }
    }
}
