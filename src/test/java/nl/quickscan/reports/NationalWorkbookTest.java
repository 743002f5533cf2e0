package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static nl.quickscan.reports.WorkbookReader.rowWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beheerder's national workbook holds every regio's rounds, named, with the regio and the kind of round in
 * columns, and statistics per kind of round: a gemeente's nulmeting and herhaling are never pooled.
 */
class NationalWorkbookTest {

    @Test
    void theNationalWorkbookHoldsEveryRoundOfEveryRegioWithStatisticsPerKindOfRound() throws Exception {
        TestApp app = TestApp.withSettings(java.util.Map.of());
        try {
            Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
            long groningen = Rounds.open(app, "coordinator.groningen@quickscan.test");
            long drenthe = Rounds.open(app, "coordinator.drenthe@quickscan.test");
            long herhaling = Rounds.openHerhaling(app, "coordinator.groningen@quickscan.test", groningen);
            Scans.submitAll(app, survey, groningen, "GM0014", "3");
            Scans.submitAll(app, survey, groningen, "GM1979", "1");
            Scans.submitAll(app, survey, drenthe, "GM0106", "0");
            Scans.submitAll(app, survey, herhaling, "GM0014", "2");
            Api beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);

            for (String format : WorkbookTest.FORMATS) {
                HttpResponse<byte[]> download = beheerder.download("/api/v1/benchmark/national." + format);
                assertEquals(200, download.statusCode());
                assertEquals(WorkbookTest.CONTENT_TYPES.get(format), download.headers().firstValue("Content-Type").orElse(""));
                assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                        .contains("filename=\"landelijk-overzicht-" + LocalDate.now() + "." + format + "\""));
                WorkbookReader book = WorkbookReader.read(format, download.body());
                WorkbookTest.opensClean(book, "Scores");
                WorkbookTest.layoutReady(format, download.body());
                assertEquals(List.of("Scores", "Antwoorden", "Statistiek nulmeting", "Statistiek herhaling"),
                        List.copyOf(book.sheets().keySet()));

                List<List<WorkbookReader.Value>> scores = book.sheet("Scores");
                int header = rowWith(scores, "Gemeente");
                List<String> columns = scores.get(header).stream().map(WorkbookReader.Value::text).toList();
                assertEquals(List.of("Meetronde", "Soort meetronde", "Regio"), columns.subList(columns.size() - 3, columns.size()));
                assertEquals(10 + 12 + 10, scores.size() - header - 1, "every gemeente of both regio's, per round");
                List<WorkbookReader.Value> drentheRow = scores.get(rowWith(scores, "GM0106"));
                assertTrue(drentheRow.get(columns.indexOf("Meetronde")).text().startsWith("Nulmeting"), "round named");
                assertEquals("Nulmeting", drentheRow.get(columns.indexOf("Soort meetronde")).text());
                assertEquals("Drenthe", drentheRow.get(columns.indexOf("Regio")).text());

                List<List<WorkbookReader.Value>> answers = book.sheet("Antwoorden");
                assertEquals(4 * survey.scoredQuestionCount(), answers.size() - 1);
                assertEquals(List.of("Soort meetronde", "Regio"), answers.get(0).subList(3, 5).stream()
                        .map(WorkbookReader.Value::text).toList());

                List<List<WorkbookReader.Value>> nulmetingen = book.sheet("Statistiek nulmeting");
                List<WorkbookReader.Value> total = nulmetingen.get(rowWith(nulmetingen, "Totaal"));
                assertEquals(3, total.get(1).number(), 1e-9, "the three nulmetingen, without the herhaling");
                assertEquals((100 + 100.0 / 3) / 3, total.get(2).number(), 1e-9, "(100 + 33,33 + 0) / 3, unrounded");
                List<List<WorkbookReader.Value>> herhalingen = book.sheet("Statistiek herhaling");
                total = herhalingen.get(rowWith(herhalingen, "Totaal"));
                assertEquals(1, total.get(1).number(), 1e-9);
                assertEquals(200.0 / 3, total.get(2).number(), 1e-9);
            }
        } finally {
            app.stop();
        }
    }
}
