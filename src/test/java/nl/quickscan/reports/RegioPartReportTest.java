package nl.quickscan.reports;

import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PdfUa;
import nl.quickscan.support.RegioSurvey;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regiorapport and the round's workbook have a "Regionaal deel" with the regio's own answers per bouwsteen. */
class RegioPartReportTest {

    @Test
    void theRegiorapportAndTheWorkbookShowTheRegiosAnswersPerBouwsteen() throws Exception {
        Path surveys = RegioSurvey.folder();
        TestApp app = TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString()));
        try {
            Fixtures.Regio regio = Fixtures.regio(app, 1);
            Api coordinator = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
            Response round = coordinator.postJson("/api/v1/rounds", """
                    {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                     "surveyVersion": %d, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), RegioSurvey.VERSION,
                    LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
            long roundId = ((Number) round.json().get("id")).longValue();
            long regioScan = ((Number) coordinator.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();
            Response saved = coordinator.send("PUT", "/api/v1/scans/" + regioScan + "/answers/samenwerking-regiodag", "application/json",
                    "{\"value\":\"3\",\"comment\":\"Jaarlijks in maart\",\"version\":0}", Map.of());
            assertEquals(200, saved.status(), saved::toString);

            byte[] pdf = coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").body();
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            int part = text.indexOf("Regionaal deel Deze stellingen beantwoordt de regio");
            assertTrue(part > 0, text);
            String regional = text.substring(part);
            assertTrue(regional.contains("Stelling Antwoord van de regio Toelichting"), regional);
            assertTrue(regional.contains("Ja, volledig en geborgd Jaarlijks in maart"), regional);
            assertTrue(regional.contains("De regio heeft dit nog niet beantwoord"), "the statements it has not answered yet");
            PdfUa.assertCompliant(pdf);

            for (String format : WorkbookTest.FORMATS) {
                WorkbookReader book = WorkbookReader.read(format, coordinator.download("/api/v1/rounds/" + roundId + "/benchmark." + format).body());
                List<List<WorkbookReader.Value>> sheet = book.sheet("Regionaal deel");
                List<WorkbookReader.Value> row = sheet.get(WorkbookReader.rowWith(sheet, "samenwerking-regiodag"));
                assertEquals(List.of("Ja, volledig en geborgd", "Jaarlijks in maart"), row.subList(3, 5).stream()
                        .map(WorkbookReader.Value::text).toList(), format);
                List<WorkbookReader.Value> open = sheet.get(WorkbookReader.rowWith(sheet, "visie-gedeelde-visie"));
                assertEquals("De regio heeft dit nog niet beantwoord", open.get(3).text(), format);
            }

            // The gemeente's own report gives the regio's answer, saying whose it is.
            Api adviser = app.api().login(Fixtures.adviseur(app, regio.codes().get(0)).email(), Fixtures.PASSWORD);
            long scanId = nl.quickscan.support.Scans.start(adviser, roundId);
            try (PDDocument document = Loader.loadPDF(adviser.download("/api/v1/scans/" + scanId + "/report.pdf").body())) {
                String gemeente = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertTrue(gemeente.contains("Ja, volledig en geborgd (beantwoord door de regio)"), gemeente);
            }

            long v1 = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
            byte[] without = coordinator.download("/api/v1/rounds/" + v1 + "/benchmark.pdf").body();
            try (PDDocument document = Loader.loadPDF(without)) {
                assertFalse(new PDFTextStripper().getText(document).contains("Regionaal deel"), "no regio statements, no section");
            }
        } finally {
            RegioSurvey.stop(List.of(app), surveys);
        }
    }
}
