package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regiorapport and the round's workbook read back against the benchmark API. */
class RegioReportTest {

    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void reportAndWorkbookShowTheBenchmarksFigures(TestApp app) throws Exception {
        long roundId = Rounds.open(app, COORDINATOR);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Scans.submitAll(app, survey, roundId, "GM1979", "3");
        Scans.submitAll(app, survey, roundId, "GM0014", "3");
        Scans.submitAll(app, survey, roundId, "GM1966", "2");
        Scans.submitAll(app, survey, roundId, "GM1895", "0");
        Api busy = app.api().login(Fixtures.adviseur(app, "GM1952").email(), Fixtures.PASSWORD);
        Scans.answer(busy, Scans.start(busy, roundId), survey.questions().findFirst().orElseThrow().key(), "3");
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Map<String, Object> benchmark = coordinator.get("/api/v1/rounds/" + roundId + "/benchmark").json();

        HttpResponse<byte[]> pdf = coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"regiorapport-groningen-nulmeting-"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Regiorapport Groningen"));
        assertTrue(text.contains("4 van 10 gemeenten hebben hun scan ingediend"));
        assertTrue(text.contains("Het Hogeland (GM1966) Ingediend 67% Gevorderd"), text);
        assertTrue(text.contains("Stadskanaal (GM0037) Niet gestart"));
        assertTrue(text.contains("Midden-Groningen (GM1952) Bezig (1%)"), "as on the round's page");
        assertTrue(text.contains("Kleur en tekst geven het niveau: Beginnend (roze), In ontwikkeling (oranje), "
                + "Gevorderd (blauw), Geborgd (donkergroen)."), "the legend from the survey's levels");
        assertTrue(text.contains("Totaal 4 67% 83% 0% 100%"), "regio statistics as in the API");

        HttpResponse<byte[]> xlsx = coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(List.of("Scores", "Antwoorden", "Statistiek"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
            XSSFSheet scores = workbook.getSheet("Scores");
            for (Object g : (List<?>) benchmark.get("gemeenten")) {
                Map<?, ?> gemeente = (Map<?, ?>) g;
                Row row = findRow(scores, 1, (String) gemeente.get("cbsCode"));
                if (gemeente.get("total") == null) {
                    assertEquals(null, row.getCell(7), "no figures for a scan that is not submitted");
                } else {
                    assertEquals(CellType.NUMERIC, row.getCell(7).getCellType());
                    assertEquals(((Number) gemeente.get("total")).doubleValue(), row.getCell(7).getNumericCellValue(), 1e-9);
                }
            }
            assertEquals("Ingediend", findRow(scores, 1, "GM1966").getCell(2).getStringCellValue(), "status as on the pages");
            assertEquals("Bezig", findRow(scores, 1, "GM1952").getCell(2).getStringCellValue());
            XSSFSheet answers = workbook.getSheet("Antwoorden");
            assertEquals(4 * survey.scoredQuestionCount(), answers.getLastRowNum(), "one row per gemeente × statement");
            Row first = findRow(answers, 0, "GM1966");
            assertEquals("Deels / in uitvoering", first.getCell(6).getStringCellValue());
            assertEquals(2.0, first.getCell(7).getNumericCellValue(), 1e-9);
            XSSFSheet stats = workbook.getSheet("Statistiek");
            assertEquals(200.0 / 3, stats.getRow(1).getCell(2).getNumericCellValue(), 1e-9);
            assertEquals((200.0 / 3 + 100) / 2, stats.getRow(1).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(1, stats.getDrawingPatriarch().getCharts().size());
        }

        Api drenthe = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
    }

    private static Row findRow(XSSFSheet sheet, int column, String value) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && value.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value);
    }
}
