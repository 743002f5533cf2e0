package nl.quickscan.imports;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import of an earlier measurement over HTTP, on H2 and MariaDB: API, pages, what is stored and what not. */
class ImportTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    private static Survey v1(TestApp app) {
        return app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
    }

    private static Map<String, Survey.Question> byKey(Survey survey) {
        Map<String, Survey.Question> byKey = new HashMap<>();
        ImportCheck.questions(survey).forEach(q -> byKey.put(q.key(), q));
        return byKey;
    }

    private static byte[] template(Api api, long roundId) {
        var download = api.download("/api/v1/rounds/" + roundId + "/import-template.xlsx");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("importsjabloon-"));
        return download.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Response response, String field) {
        return (List<Map<String, Object>>) response.json().get(field);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aTemplateFilledInWithPoiImportsTenGemeentenAsSubmittedScansWithTheirHistory(TestApp app) throws Exception {
        Fixtures.Regio regio = Fixtures.regio(app, 10);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Api api = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Map<String, Survey.Question> questions = byKey(v1(app));
        byte[] filled = ImportFiles.fill(template(api, round), (cbs, key) -> ImportFiles.answer(questions.get(key), cbs.hashCode() + key.length()));

        Response dryRun = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=true", "nulmeting-2023.xlsx", filled);
        assertEquals(200, dryRun.status(), dryRun::toString);
        assertEquals(List.of(), dryRun.json().get("problems"));
        assertEquals(10, list(dryRun, "gemeenten").size());
        list(dryRun, "gemeenten").forEach(g -> {
            assertEquals("READY", g.get("status"));
            assertEquals(questions.size(), ((Number) g.get("answers")).intValue());
        });
        assertEquals(List.of(), api.get("/api/v1/scans?round=" + round).jsonList(), "a dry run stores nothing");

        Response imported = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=false", "nulmeting-2023.xlsx", filled);
        assertEquals(200, imported.status(), imported::toString);
        assertTrue(list(imported, "gemeenten").stream().allMatch(g -> g.get("status").equals("IMPORTED")));
        List<Map<String, Object>> scans = api.get("/api/v1/scans?round=" + round).jsonList();
        assertEquals(10, scans.size());
        String coordinator = regio.coordinator().displayName();
        for (Map<String, Object> scan : scans) {
            assertEquals("SUBMITTED", scan.get("status"));
            assertEquals("IMPORT", scan.get("source"));
            assertEquals(coordinator, scan.get("importedBy"));
            assertEquals("nulmeting-2023.xlsx", scan.get("importFile"));
            assertNotNull(scan.get("importedAt"));
            String cbs = (String) ((Map<?, ?>) scan.get("gemeente")).get("cbsCode");
            List<Map<String, Object>> answers = (List<Map<String, Object>>) scan.get("answers");
            assertEquals(questions.size(), answers.size());
            answers.forEach(answer -> assertEquals(ImportFiles.stored(questions.get((String) answer.get("questionKey")),
                    cbs.hashCode() + ((String) answer.get("questionKey")).length()), answer.get("value")));
        }
        long scanId = ((Number) scans.get(0).get("id")).longValue();
        assertEquals(questions.size(), app.bean(AnswerRepository.class).changesOfScan(scanId).size(),
                "every answer is in the history");

        Response again = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=false", "nulmeting-2023.xlsx", filled);
        assertEquals(200, again.status());
        assertTrue(list(again, "gemeenten").stream().allMatch(g -> g.get("status").equals("SKIPPED")), "never overwritten");
        assertEquals(10, api.get("/api/v1/scans?round=" + round).jsonList().size());

        Browser pages = regio.coordinatorPages(app);
        assertTrue(pages.get("/scans/" + scanId + "/resultaten").html().text().contains("Geïmporteerd op"));
        String gemeenterapport = pdfText(api.download("/api/v1/scans/" + scanId + "/report.pdf").body());
        assertTrue(gemeenterapport.contains("Geïmporteerdop") && gemeenterapport.contains("uitnulmeting-2023.xlsx"),
                () -> "the gemeenterapport says so: " + gemeenterapport);
        String own = app.browser().login(Fixtures.adviseur(app, regio.codes().get(0)).email(), Fixtures.PASSWORD)
                .get("/scans").html().select("table").text();
        assertTrue(own.contains("Ingediend. Geïmporteerd op") && own.contains("uit nulmeting-2023.xlsx"), own);
        String matrix = pages.get("/rondes/" + round).html().select(".benchmark-matrix__status").text();
        assertTrue(matrix.contains("Ingediend (geïmporteerd)"), matrix);
        String regiorapport = pdfText(api.download("/api/v1/rounds/" + round + "/benchmark.pdf").body());
        assertTrue(regiorapport.contains("Ingediend(geïmporteerd)"), () -> "the regiorapport says so: " + regiorapport);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aTemplateWithTenKindsOfMistakesReportsThemAllAndStoresNothing(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Api api = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Survey survey = v1(app);
        Map<String, Survey.Question> questions = byKey(survey);
        List<Survey.Question> order = ImportCheck.questions(survey);
        int nvt = 0;
        while (order.get(nvt).options().stream().noneMatch(Survey.AnswerOption::requiresComment)) {
            nvt++;
        }
        int kengetal = 0;
        while (order.get(kengetal).type() != Survey.QuestionType.NUMBER) {
            kengetal++;
        }
        byte[] filled = ImportFiles.fill(template(api, round), (cbs, key) -> ImportFiles.answer(questions.get(key), 1));
        byte[] wrong = ImportFiles.withTenMistakes(filled, order.size(), nvt, kengetal);

        Response refused = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=false", "fouten.xlsx", wrong);
        assertEquals(422, refused.status(), refused::toString);
        List<Map<String, Object>> problems = list(refused, "problems");
        assertEquals(11, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> "Antwoorden".equals(p.get("sheet")) && p.get("row") != null
                && p.get("column") != null));
        assertTrue(problems.stream().anyMatch(p -> ((Number) p.get("row")).intValue() == 3 && p.get("column").equals("A")
                && ((String) p.get("message")).contains("(GM0014) hoort niet bij")), "a gemeente of another regio");
        assertEquals(List.of(), api.get("/api/v1/scans?round=" + round).jsonList(), "nothing stored");

        Browser pages = regio.coordinatorPages(app);
        Response page = pages.postFile("/rondes/" + round + "/importeren", "fouten.xlsx", wrong, true);
        assertEquals(422, page.status());
        String text = page.html().text();
        assertTrue(text.contains("Blad Antwoorden, rij 2, kolom A (CBS-code) Onbekende CBS-code ‘GM0000’"), text);
        assertTrue(page.html().select("form[action$=bevestigen]").isEmpty(), "nothing to confirm");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void thePagesCheckTheFileThenImportItAfterTheConfirmation(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 3);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Api api = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Map<String, Survey.Question> questions = byKey(v1(app));
        // One gemeente left out, and one that has started its scan in the app already.
        Account adviser = Fixtures.adviseur(app, regio.codes().get(2));
        Scans.start(app.api().login(adviser.email(), Fixtures.PASSWORD), round);
        byte[] filled = ImportFiles.fill(template(api, round), (cbs, key) -> cbs.equals(regio.codes().get(0)) ? null
                : ImportFiles.answer(questions.get(key), 2));
        assertEquals(200, api.download("/api/v1/rounds/" + round + "/import-template.ods").statusCode());

        Browser pages = regio.coordinatorPages(app);
        assertTrue(pages.get("/rondes/" + round).html().select("a[href=/rondes/" + round + "/importeren]").size() == 1);
        Response form = pages.get("/rondes/" + round + "/importeren");
        assertEquals(200, form.status());
        assertEquals(2, form.html().select("a[href*=import-template]").size());
        assertEquals(403, pages.postFile("/rondes/" + round + "/importeren", "meting.xlsx", filled, false).status(), "CSRF");

        Response check = pages.postFile("/rondes/" + round + "/importeren", "meting.xlsx", filled, true);
        assertEquals(200, check.status(), check::toString);
        String text = check.html().text();
        assertTrue(text.contains("1 gemeente wordt geïmporteerd; 1 gemeente wordt overgeslagen"), text);
        assertTrue(text.contains("Overgeslagen: heeft al een scan in deze meetronde"), text);
        assertEquals(1, api.get("/api/v1/scans?round=" + round).jsonList().size(), "only the adviser's scan so far");
        String upload = check.html().selectFirst("form[action$=bevestigen] input[name=upload]").val();

        Browser other = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, other.post("/rondes/" + round + "/importeren/bevestigen", "upload", upload).status(),
                "an upload is its uploader's own");
        assertEquals(403, pages.postWithoutToken("/rondes/" + round + "/importeren/bevestigen", "upload", upload).status());
        Response done = pages.post("/rondes/" + round + "/importeren/bevestigen", "upload", upload);
        assertEquals(200, done.status(), done::toString);
        assertTrue(done.html().text().contains("1 gemeente is geïmporteerd; 1 gemeente is overgeslagen"), done.html().text());
        List<Map<String, Object>> scans = api.get("/api/v1/scans?round=" + round).jsonList();
        assertEquals(2, scans.size());
        Map<String, Object> started = scans.stream().filter(s -> ((Map<?, ?>) s.get("gemeente")).get("cbsCode")
                .equals(regio.codes().get(2))).findFirst().orElseThrow();
        assertEquals("APP", started.get("source"), "the scan in the app is left as it was");
        assertEquals("NOT_STARTED", started.get("status"));
        assertEquals(404, pages.post("/rondes/" + round + "/importeren/bevestigen", "upload", upload).status(), "used once");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anImportedNulmetingComparesWithAHerhalingFilledInInTheApp(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        long nulmeting = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Api api = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Survey survey = v1(app);
        Map<String, Survey.Question> questions = byKey(survey);
        // The lowest answer everywhere in the nulmeting (option 0: "Nee, (nog) niet").
        byte[] filled = ImportFiles.fill(template(api, nulmeting), (cbs, key) -> ImportFiles.answer(questions.get(key), 0));
        assertEquals(200, api.postFile("/api/v1/rounds/" + nulmeting + "/import?dryRun=false", "2023.xlsx", filled).status());
        long importedScan = ((Number) api.get("/api/v1/scans?round=" + nulmeting).jsonList().get(0).get("id")).longValue();

        Response created = api.postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), nulmeting,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, created.status(), created::toString);
        long herhaling = ((Number) created.json().get("id")).longValue();
        long after = Scans.submitAll(app, survey, herhaling, regio.codes().get(0), "2");

        Response comparison = api.get("/api/v1/scans/" + after + "/comparison");
        assertEquals(200, comparison.status(), comparison::toString);
        assertEquals(importedScan, ((Number) comparison.json().get("baselineScanId")).longValue());
        assertEquals(0.0, ((Number) comparison.json().get("totalBefore")).doubleValue(), 0.001);
        assertTrue(((Number) comparison.json().get("totalAfter")).doubleValue() > 0);
        assertTrue(list(comparison, "bouwstenen").stream().allMatch(b -> b.get("direction").equals("IMPROVED")),
                comparison::toString);
        Response development = api.get("/api/v1/rounds/" + herhaling + "/development");
        assertEquals(200, development.status());
        assertEquals(1, list(development, "gemeenten").size(), "the regio's development counts the imported nulmeting");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aFileOverTenMegabytesIsRefused(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Api api = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Response over = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=true", "groot.xlsx", new byte[ImportSheet.MAX_BYTES + 1]);
        assertEquals(422, over.status());
        assertEquals(ImportSheet.TOO_LARGE, list(over, "problems").get(0).get("message"));
        // Only the head of an 11 MB upload is sent: the answer comes on its declared length, before any of the body.
        String token = (String) app.api().postJson("/api/v1/auth/token", "{\"username\":\"" + regio.coordinator().email()
                + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}").json().get("access_token");
        String far = headOnly(app, token, "/api/v1/rounds/" + round + "/import?dryRun=true", 11 * 1024 * 1024);
        assertTrue(far.startsWith("HTTP/1.1 413"), far);
        assertTrue(far.contains("groter dan 10 MB"), far);
        Response notAWorkbook = api.postFile("/api/v1/rounds/" + round + "/import?dryRun=true", "lijst.csv", "a;b".getBytes());
        assertEquals(422, notAWorkbook.status());
        assertEquals(ImportSheet.NOT_A_WORKBOOK, list(notAWorkbook, "problems").get(0).get("message"));
    }

    private static String headOnly(TestApp app, String token, String path, long length) {
        java.net.URI server = app.uri("/");
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: " + nl.quickscan.support.Multipart.CONTENT_TYPE + "\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PDF's text without white space: where its lines break (after a hyphen, say) depends on dates, times and names. */
    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
