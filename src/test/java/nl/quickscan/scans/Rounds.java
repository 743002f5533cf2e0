package nl.quickscan.scans;

import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
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

    /** An open herhaling of the regio's nulmeting {@code baselineRoundId}; returns its id. */
    public static long openHerhaling(TestApp app, String coordinatorEmail, long baselineRoundId) {
        return herhaling(app, coordinatorEmail, baselineRoundId, 1);
    }

    /**
     * {@code days} pass for the round: its dates move that far back in the database, so that for it "today" is
     * {@code days} later (on an app whose clock the test cannot move, such as the shared one on MariaDB).
     */
    @SuppressWarnings("unchecked")
    public static void daysPass(TestApp app, long roundId, int days) {
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        int updated = tx.executeWrite(status -> {
            try (var select = status.getConnection().prepareStatement("SELECT opens, closes FROM meetronde WHERE id = ?");
                 var update = status.getConnection().prepareStatement("UPDATE meetronde SET opens = ?, closes = ? WHERE id = ?")) {
                select.setLong(1, roundId);
                try (var row = select.executeQuery()) {
                    row.next();
                    update.setObject(1, row.getObject(1, LocalDate.class).minusDays(days));
                    update.setObject(2, row.getObject(2, LocalDate.class).minusDays(days));
                }
                update.setLong(3, roundId);
                return update.executeUpdate();
            }
        });
        assertEquals(1, updated);
    }

    /** The round's closing date passes: moved to yesterday in the database, as time would do. */
    @SuppressWarnings("unchecked")
    public static void close(TestApp app, long roundId) {
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        int updated = tx.executeWrite(status -> {
            try (var update = status.getConnection().prepareStatement("UPDATE meetronde SET opens = ?, closes = ? WHERE id = ?")) {
                update.setObject(1, LocalDate.now().minusDays(30));
                update.setObject(2, LocalDate.now().minusDays(1));
                update.setLong(3, roundId);
                return update.executeUpdate();
            }
        });
        assertEquals(1, updated);
    }
}
