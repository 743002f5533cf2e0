package nl.quickscan.scans;

import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Opens rounds through the API, as a coordinator would, for the scan tests. */
public final class Rounds {

    private Rounds() {
    }

    /** An open round of regio Groningen (or Drenthe) with a unique name; returns its id. */
    public static long open(TestApp app, String coordinatorEmail) {
        return open(app, coordinatorEmail, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
    }

    public static long open(TestApp app, String coordinatorEmail, LocalDate opens, LocalDate closes) {
        Response created = app.api().login(coordinatorEmail, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), opens, closes));
        assertEquals(201, created.status(), created::toString);
        return ((Number) created.json().get("id")).longValue();
    }

    /** An open herhaling of the coordinator's regio, compared with the baseline round, on the given survey version. */
    public static long herhaling(TestApp app, String coordinatorEmail, long baselineRoundId, int surveyVersion) {
        Response created = app.api().login(coordinatorEmail, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": %d, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), baselineRoundId,
                surveyVersion, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, created.status(), created::toString);
        return ((Number) created.json().get("id")).longValue();
    }
}
