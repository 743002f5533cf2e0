package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.text.DutchFormat;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.quickscan.reports.WorkbookReader.cell;
import static nl.quickscan.reports.WorkbookReader.rowWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gemeente's and the round's workbooks, as Excel and as OpenDocument, read back: the API's figures, the
 * gemeente named, Dutch words, a number format on every number, one sheet that opens, charts that LibreOffice
 * draws, and tables ready to filter and print.
 */
class WorkbookTest {

    static final List<String> FORMATS = List.of("xlsx", "ods");
    static final Map<String, String> CONTENT_TYPES = Map.of("xlsx", XlsxWriter.CONTENT_TYPE, "ods", OdsWriter.CONTENT_TYPE);
    private static final Set<String> EXCEL_CODES = Arrays.stream(Spreadsheet.Format.values()).map(f -> f.code)
            .filter(Objects::nonNull).collect(Collectors.toSet());
    private static final Set<String> DIRECTIONS = Arrays.stream(Comparison.Direction.values())
            .map(Comparison.Direction::label).collect(Collectors.toSet());
    private static final String TOELICHTING = "Vastgesteld door de stuurgroep in maart";

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void gemeenteWorkbooksNameTheGemeenteAndShowTheApisFigures(TestApp app) throws Exception {
        String coordinator = "coordinator.drenthe@quickscan.test";
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);
        var adviser = Fixtures.adviseur(app, "GM1730");
        long before = Scans.submitAll(app, adviser, survey, nulmeting, "1");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long after = Scans.start(api, herhaling);
        Scans.answer(api, after, "visie-gedeelde-visie", "3");
        put(api, after, "visie-gedeelde-visie", "3", TOELICHTING, 1);
        Scans.answer(api, after, "visie-gemeenschappelijk-beeld", "0");
        Scans.answer(api, after, "kengetal-fte-gemeente", "0.4");

        for (String format : FORMATS) {
            for (long scan : List.of(before, after)) {
                HttpResponse<byte[]> download = api.download("/api/v1/scans/" + scan + "/report." + format);
                assertEquals(200, download.statusCode());
                assertEquals(CONTENT_TYPES.get(format), download.headers().firstValue("Content-Type").orElse(""));
                String disposition = download.headers().firstValue("Content-Disposition").orElse("");
                assertTrue(disposition.contains("filename=\"gemeenterapport-tynaarlo-" + (scan == before ? "nulmeting-" : "herhaling-"))
                        && disposition.endsWith("." + format + "\""), disposition);
                WorkbookReader book = WorkbookReader.read(format, download.body());
                opensClean(book, "Samenvatting");
                layoutReady(format, download.body());
                Map<String, Object> scores = api.get("/api/v1/scans/" + scan + "/scores").json();
                String round = roundName(api, scan == before ? nulmeting : herhaling);
                List<List<WorkbookReader.Value>> summary = book.sheet("Samenvatting");
                int header = rowWith(summary, "Bouwsteen");
                List<String> intro = summary.subList(0, header).stream().filter(row -> !row.isEmpty())
                        .map(row -> row.get(0).text()).toList();
                assertEquals("Gemeenterapport Tynaarlo (GM1730)", intro.get(0), format);
                assertTrue(intro.contains("Meetronde: " + round + (scan == before ? " (nulmeting)" : " (herhaling)")), intro::toString);
                assertTrue(intro.contains("Datum: " + DutchFormat.date(LocalDate.now(app.bean(Clock.class)))), intro::toString);
                assertTrue(intro.contains("Status van de scan: " + (scan == before ? "Ingediend" : "Bezig")), intro::toString);
                assertTrue(book.title().contains("Tynaarlo (GM1730)") && book.title().contains(round), book.title());
                assertTrue(book.subject().contains("Tynaarlo (GM1730)"), book.subject());
                int scoreColumn = scan == before ? 1 : 2;
                List<?> bouwstenen = (List<?>) scores.get("bouwstenen");
                Map<String, Object> baseline = api.get("/api/v1/scans/" + before + "/scores").json();
                for (int i = 0; i < bouwstenen.size(); i++) {
                    Map<?, ?> bouwsteen = (Map<?, ?>) bouwstenen.get(i);
                    assertEquals(bouwsteen.get("title"), cell(summary, header + 1 + i, 0).text());
                    double score = ((Number) bouwsteen.get("score")).doubleValue();
                    assertEquals(score, cell(summary, header + 1 + i, scoreColumn).number(), 1e-9, "unrounded");
                    if (scan == after) {
                        double then = ((Number) ((Map<?, ?>) ((List<?>) baseline.get("bouwstenen")).get(i)).get("score")).doubleValue();
                        assertEquals(then, cell(summary, header + 1 + i, 1).number(), 1e-9);
                        assertEquals(score - then, cell(summary, header + 1 + i, 3).number(), 1e-9);
                        assertTrue(DIRECTIONS.contains(cell(summary, header + 1 + i, 5).text()));
                    }
                }
                assertEquals(((Number) scores.get("total")).doubleValue(),
                        cell(summary, header + 1 + bouwstenen.size(), scoreColumn).number(), 1e-9);
                List<List<WorkbookReader.Value>> answers = book.sheet("Antwoorden");
                assertEquals(survey.scoredQuestionCount(), answers.size() - 1, "one row per statement");
                if (scan == after) {
                    List<WorkbookReader.Value> first = answers.get(rowWith(answers, "visie-gedeelde-visie"));
                    assertEquals("In voorbereiding", first.get(3).text());
                    assertEquals("Ja, volledig en geborgd", first.get(5).text());
                    assertEquals(Comparison.Direction.IMPROVED.label(), first.get(8).text());
                    assertEquals(TOELICHTING, first.get(9).text());
                    for (List<WorkbookReader.Value> row : answers.subList(1, answers.size())) {
                        assertTrue(DIRECTIONS.contains(cell(answers, answers.indexOf(row), 8).text()), "Dutch directions");
                    }
                    List<List<WorkbookReader.Value>> kengetallen = book.sheet("Kengetallen");
                    assertEquals(0.4, kengetallen.get(rowWith(kengetallen, "kengetal-fte-gemeente")).get(3).number(), 1e-9);
                }
            }
        }
        Api other = app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        for (String format : FORMATS) {
            assertEquals(404, other.download("/api/v1/scans/" + after + "/report." + format).statusCode());
        }
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void roundWorkbooksShowTheBenchmarkTheToelichtingenAndTheDevelopment(TestApp app) throws Exception {
        String coordinator = "coordinator.groningen@quickscan.test";
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);
        Scans.submitAll(app, survey, nulmeting, "GM0014", "1");
        Scans.submitAll(app, survey, nulmeting, "GM1979", "2");
        Scans.submitAll(app, survey, herhaling, "GM0014", "3");
        Api busy = app.api().login(Fixtures.adviseur(app, "GM1979").email(), Fixtures.PASSWORD);
        long scan = Scans.start(busy, herhaling);
        survey.questions().forEach(question -> Scans.answer(busy, scan, question.key(), "2"));
        String key = survey.questions().findFirst().orElseThrow().key();
        put(busy, scan, key, "1", TOELICHTING, 1);
        assertEquals(200, busy.postJson("/api/v1/scans/" + scan + "/submit", "").status());
        Api api = app.api().login(coordinator, TestApp.DEMO_PASSWORD);
        Map<String, Object> benchmark = api.get("/api/v1/rounds/" + herhaling + "/benchmark").json();
        Map<String, Object> development = api.get("/api/v1/rounds/" + herhaling + "/development").json();

        for (String format : FORMATS) {
            HttpResponse<byte[]> download = api.download("/api/v1/rounds/" + herhaling + "/benchmark." + format);
            assertEquals(200, download.statusCode());
            assertEquals(CONTENT_TYPES.get(format), download.headers().firstValue("Content-Type").orElse(""));
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                    .contains("filename=\"regiorapport-groningen-herhaling-"), "not the gemeenterapport's name");
            WorkbookReader book = WorkbookReader.read(format, download.body());
            opensClean(book, "Scores");
            layoutReady(format, download.body());
            assertEquals(List.of("Scores", "Antwoorden", "Statistiek", "Ontwikkeling", "Verbeterplannen"), List.copyOf(book.sheets().keySet()));
            assertTrue(book.title().startsWith("Regiorapport Groningen"), book.title());

            List<List<WorkbookReader.Value>> scores = book.sheet("Scores");
            for (Object g : (List<?>) benchmark.get("gemeenten")) {
                Map<?, ?> gemeente = (Map<?, ?>) g;
                List<WorkbookReader.Value> row = scores.get(rowWith(scores, (String) gemeente.get("cbsCode")));
                assertEquals(ScanRow.Status.valueOf((String) gemeente.get("status")).label(), row.get(2).text(), "Dutch status");
                if (gemeente.get("total") == null) {
                    assertFalse(cell(scores, scores.indexOf(row), 7).isNumber(), "no figures for a scan that is not submitted");
                } else {
                    assertEquals(((Number) gemeente.get("total")).doubleValue(), row.get(7).number(), 1e-9);
                }
            }
            List<List<WorkbookReader.Value>> answers = book.sheet("Antwoorden");
            assertEquals(4 * survey.scoredQuestionCount(), answers.size() - 1, "both rounds' submitted scans, a row per statement");
            int commented = -1;
            for (int r = 1; r < answers.size(); r++) {
                if ("GM1979".equals(answers.get(r).get(0).text()) && key.equals(answers.get(r).get(4).text())
                        && answers.get(r).get(2).text().startsWith("Herhaling")) {
                    commented = r;
                }
            }
            assertEquals(TOELICHTING, cell(answers, commented, 9).text(), "the toelichting beside the answer");

            List<List<WorkbookReader.Value>> stats = book.sheet("Statistiek");
            List<?> bouwstenen = (List<?>) benchmark.get("bouwstenen");
            List<?> changes = (List<?>) development.get("bouwstenen");
            for (int i = 0; i < bouwstenen.size(); i++) {
                Map<?, ?> b = (Map<?, ?>) bouwstenen.get(i);
                List<WorkbookReader.Value> row = stats.get(rowWith(stats, (String) b.get("title")));
                assertEquals(((Number) b.get("n")).doubleValue(), row.get(1).number(), 1e-9);
                assertEquals(((Number) b.get("mean")).doubleValue(), row.get(2).number(), 1e-9);
                assertEquals(((Number) b.get("median")).doubleValue(), row.get(3).number(), 1e-9);
                assertEquals(((Number) ((Map<?, ?>) changes.get(i)).get("meanDifference")).doubleValue(), row.get(6).number(), 1e-9);
            }
            Map<?, ?> total = (Map<?, ?>) benchmark.get("total");
            assertEquals(((Number) total.get("mean")).doubleValue(), stats.get(rowWith(stats, "Totaal")).get(2).number(), 1e-9);

            List<List<WorkbookReader.Value>> ontwikkeling = book.sheet("Ontwikkeling");
            for (Object g : (List<?>) development.get("gemeenten")) {
                Map<?, ?> gemeente = (Map<?, ?>) g;
                Map<?, ?> change = (Map<?, ?>) ((List<?>) gemeente.get("bouwstenen")).get(0);
                List<WorkbookReader.Value> row = ontwikkeling.get(rowWith(ontwikkeling, (String) gemeente.get("cbsCode")));
                assertEquals(((Number) change.get("difference")).doubleValue(), row.get(5).number(), 1e-9);
            }
            assertEquals(2 * (bouwstenen.size() + 1), ontwikkeling.size() - rowWith(ontwikkeling, "Gemeente") - 1,
                    "two gemeenten with both scans, a row per bouwsteen and the total");
        }
        HttpResponse<byte[]> first = api.download("/api/v1/rounds/" + nulmeting + "/benchmark.ods");
        assertFalse(WorkbookReader.read("ods", first.body()).sheets().containsKey("Ontwikkeling"), "a nulmeting has no development");

        Api drenthe = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        for (String format : FORMATS) {
            assertEquals(404, drenthe.download("/api/v1/rounds/" + herhaling + "/benchmark." + format).statusCode());
            assertEquals(403, adviser.download("/api/v1/rounds/" + herhaling + "/benchmark." + format).statusCode());
        }
    }

    /**
     * The sheet "Verbeterplan": one row per action, for a herhaling per action and statement the answer then and now;
     * a title that starts like a formula (=, +, -, @) read back as that text, never as a formula.
     */
    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void gemeenteWorkbooksHaveTheVerbeterplanWithTextNeverAFormula(TestApp app) throws Exception {
        String coordinator = "coordinator.drenthe@quickscan.test";
        String cbs = "GM0109"; // Coevorden: no other test makes actions for it
        TwoMeasurements measured = TwoMeasurements.of(app, coordinator, cbs);
        Api api = measured.api();
        long before = measured.before();
        long after = measured.after();
        String weak = TwoMeasurements.IMPROVED;
        String tag = String.valueOf(System.nanoTime());
        List<String> formulaLike = List.of("=SUM(A1:A9)*0+" + tag, "+31 overleg " + tag, "-1 werkgroep " + tag, "@team " + tag);
        for (String title : formulaLike) {
            Response created = api.postJson("/api/v1/gemeenten/" + cbs + "/actions", """
                    {"title": "%s", "description": "=HYPERLINK(\\"http://example.org\\")", "questionKeys": ["%s", "visie-gender"],
                     "sourceScanId": %d, "owner": "@beleid", "status": "BEZIG", "shared": false}""".formatted(title, weak, before));
            assertEquals(201, created.status(), created::toString);
            long id = ((Number) created.json().get("id")).longValue();
            assertEquals(201, api.postJson("/api/v1/actions/" + id + "/notes", "{\"text\": \"-Gereed " + tag + "\"}").status());
        }
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String weakText = survey.questions().filter(q -> q.key().equals(weak)).findFirst().orElseThrow().text();
        for (String format : FORMATS) {
            byte[] nulmetingBook = api.download("/api/v1/scans/" + before + "/report." + format).body();
            List<List<WorkbookReader.Value>> plan = WorkbookReader.read(format, nulmetingBook).sheet("Verbeterplan");
            int header = rowWith(plan, "Actie");
            assertEquals(List.of("Bouwsteen", "Actie", "Beschrijving", "Stellingen", "Eigenaar", "Partners", "Einddatum",
                    "Status", "Over de einddatum", "Notities", "Laatste notitie"), plan.get(header).stream().map(WorkbookReader.Value::text).toList());
            for (String title : formulaLike) {
                List<WorkbookReader.Value> row = plan.get(rowWith(plan, title));
                assertEquals(title, row.get(1).text(), format + ": the title as text");
                assertEquals("=HYPERLINK(\"http://example.org\")", row.get(2).text());
                assertTrue(row.get(3).text().contains(weakText), row.get(3).text());
                assertEquals("@beleid", row.get(4).text());
                assertEquals("Bezig", row.get(7).text());
                assertEquals("nee", row.get(8).text());
                assertEquals(1.0, row.get(9).number(), 1e-9);
                assertEquals("-Gereed " + tag, row.get(10).text());
            }
            assertNoFormula(format, nulmetingBook);

            byte[] herhalingBook = api.download("/api/v1/scans/" + after + "/report." + format).body();
            WorkbookReader book = WorkbookReader.read(format, herhalingBook);
            opensClean(book, "Samenvatting");
            layoutReady(format, herhalingBook);
            List<List<WorkbookReader.Value>> checked = book.sheet("Verbeterplan");
            assertEquals(List.of("Antwoord nulmeting", "Antwoord herhaling", "Ontwikkeling"), checked.get(rowWith(checked, "Actie"))
                    .subList(11, 14).stream().map(WorkbookReader.Value::text).toList());
            List<List<WorkbookReader.Value>> rows = checked.stream().filter(row -> row.size() > 1 && formulaLike.get(0).equals(row.get(1).text())).toList();
            assertEquals(2, rows.size(), format + ": one row per action and statement");
            assertEquals(weakText, rows.get(0).get(3).text());
            assertEquals(List.of("In voorbereiding", "Ja, volledig en geborgd", Comparison.Direction.IMPROVED.label()),
                    rows.get(0).subList(11, 14).stream().map(WorkbookReader.Value::text).toList());
            assertEquals(List.of("Deels / in uitvoering", "In voorbereiding", Comparison.Direction.DECLINED.label()),
                    rows.get(1).subList(11, 14).stream().map(WorkbookReader.Value::text).toList());
            assertNoFormula(format, herhalingBook);
        }
    }

    /** No cell of the workbook is a formula: Excel's cells are strings or numbers, OpenDocument's have no table:formula. */
    private static void assertNoFormula(String format, byte[] body) throws Exception {
        if (format.equals("ods")) {
            try (var document = org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(body))) {
                String content = new String(document.getPackage().getBytes("content.xml"), StandardCharsets.UTF_8);
                assertFalse(content.contains("table:formula"), "no formula in the ODS");
            }
            return;
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : workbook) {
                for (var row : sheet) {
                    for (var cell : row) {
                        assertFalse(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA,
                                sheet.getSheetName() + " " + cell.getAddress() + " is a formula");
                    }
                }
            }
        }
    }

    /** One sheet selected and active (the first), a format on every number, charts with fills and axis titles. */
    static void opensClean(WorkbookReader book, String first) {
        assertEquals(first, book.sheets().keySet().iterator().next());
        assertEquals(List.of(first), book.selected(), book.format() + ": one selected sheet");
        assertEquals(first, book.active());
        assertEquals(Spreadsheet.CREATOR, book.creator());
        book.sheets().forEach((name, rows) -> rows.forEach(row -> row.stream().filter(WorkbookReader.Value::isNumber)
                .forEach(value -> {
                    assertNotNull(value.numberFormat(), () -> book.format() + " " + name + ": a number without a format");
                    assertTrue(!book.format().equals("xlsx") || EXCEL_CODES.contains(value.numberFormat()), value::toString);
                })));
        assertFalse(book.charts().isEmpty(), "charts");
        book.charts().forEach(chart -> {
            assertTrue(chart.everySeriesFilled(), () -> book.format() + ": a series without a fill on " + chart.sheet());
            assertTrue(chart.axesTitled(), () -> book.format() + ": an axis without a title on " + chart.sheet());
        });
    }

    /** Every sheet: a bold, frozen header row that repeats on printed pages, an autofilter, landscape, fit to width. */
    static void layoutReady(String format, byte[] body) throws Exception {
        if (format.equals("ods")) {
            var document = org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(body));
            int tables = document.getTableList(false).size();
            String content = new String(document.getPackage().getBytes("content.xml"), StandardCharsets.UTF_8);
            String styles = new String(document.getPackage().getBytes("styles.xml"), StandardCharsets.UTF_8);
            String settings = new String(document.getPackage().getBytes("settings.xml"), StandardCharsets.UTF_8);
            assertEquals(tables, count(content, "<table:table-header-rows>"), "a repeated header row per sheet");
            assertEquals(tables, count(content, "table:display-filter-buttons=\"true\""), "an autofilter per sheet");
            assertEquals(tables, count(settings, "\"VerticalSplitMode\" config:type=\"short\">2<"), "a frozen header per sheet");
            assertTrue(styles.contains("style:print-orientation=\"landscape\"") && styles.contains("style:scale-to-X=\"1\""));
            document.close();
            return;
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : workbook) {
                XSSFSheet xssf = (XSSFSheet) sheet;
                int header = sheet.getPaneInformation().getHorizontalSplitPosition() - 1;
                assertTrue(sheet.getPaneInformation().isFreezePane(), sheet.getSheetName());
                assertTrue(workbook.getFontAt(sheet.getRow(header).getCell(0).getCellStyle().getFontIndex()).getBold());
                assertTrue(xssf.getCTWorksheet().isSetAutoFilter(), sheet.getSheetName());
                assertEquals(header, sheet.getRepeatingRows().getFirstRow());
                assertTrue(sheet.getPrintSetup().getLandscape());
                assertEquals(1, sheet.getPrintSetup().getFitWidth());
                assertEquals(0, sheet.getPrintSetup().getFitHeight());
            }
        }
    }

    private static String roundName(Api api, long roundId) {
        return api.get("/api/v1/rounds").jsonList().stream().filter(r -> ((Number) r.get("id")).longValue() == roundId)
                .map(r -> (String) r.get("name")).findFirst().orElseThrow();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void put(Api api, long scanId, String key, String value, String comment, int version) {
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + key, "application/json",
                "{\"value\":\"" + value + "\",\"comment\":\"" + comment + "\",\"version\":" + version + "}", Map.of()).status());
    }
}
