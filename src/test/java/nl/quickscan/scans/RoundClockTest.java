package nl.quickscan.scans;

import nl.quickscan.support.Api;
import nl.quickscan.support.MovableClock;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.text.DutchFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Today" comes from the app's clock: moving it opens and closes a meetronde, with nothing else changed, and dates the reports. */
class RoundClockTest {

    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";
    private static final String ADVISER = "adviseur.oldambt@quickscan.test";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSettings(MovableClock.SETTING);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aRoundOpensAndClosesAsTheClockMoves() {
        MovableClock clock = app.bean(MovableClock.class);
        LocalDate today = LocalDate.now(clock);
        long roundId = Rounds.open(app, COORDINATOR, today.plusDays(1), today.plusDays(10));
        Api adviser = app.api().login(ADVISER, TestApp.DEMO_PASSWORD);
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);

        Response early = adviser.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}");
        assertEquals(409, early.status(), "not open yet: " + early);
        assertEquals(false, round(coordinator, roundId).get("open"));

        clock.move(Duration.ofDays(2));
        assertEquals(true, round(coordinator, roundId).get("open"));
        Response started = adviser.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}");
        assertEquals(201, started.status(), started::toString);
        long scanId = ((Number) started.json().get("id")).longValue();
        String answer = "/api/v1/scans/" + scanId + "/answers/visie-gedeelde-visie";
        assertEquals(200, adviser.send("PUT", answer, "application/json", "{\"value\":\"2\",\"version\":0}", Map.of()).status());

        clock.move(Duration.ofDays(10));
        assertEquals(false, round(coordinator, roundId).get("open"));
        Response late = adviser.send("PUT", answer, "application/json", "{\"value\":\"3\",\"version\":1}", Map.of());
        assertEquals(409, late.status(), late::toString);
        assertTrue(String.valueOf(late.json().get("message")).contains("gesloten"), late::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) adviser.get("/api/v1/scans/" + scanId).json().get("answers");
        assertEquals(List.of("2"), answers.stream().map(a -> a.get("value")).toList(), "the refused save changed nothing");
    }

    @Test
    void reportsAreDatedByTheClock() throws IOException {
        MovableClock clock = app.bean(MovableClock.class);
        clock.move(Duration.ofDays(100));
        LocalDate today = LocalDate.now(clock);
        long roundId = Rounds.open(app, COORDINATOR, today.minusDays(1), today.plusDays(10));
        Api adviser = app.api().login(ADVISER, TestApp.DEMO_PASSWORD);
        long scanId = Scans.start(adviser, roundId);
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);

        String gemeenteReport = text(adviser.download("/api/v1/scans/" + scanId + "/report.pdf").body());
        assertTrue(gemeenteReport.contains("rapport van " + DutchFormat.date(today)), gemeenteReport);
        String regioReport = text(coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").body());
        assertTrue(regioReport.contains("Gemaakt op " + DutchFormat.date(today) + "."), regioReport);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> round(Api coordinator, long roundId) {
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) (List<?>) coordinator.get("/api/v1/rounds").jsonList();
        return rounds.stream().filter(r -> ((Number) r.get("id")).longValue() == roundId).findFirst().orElseThrow();
    }
}
