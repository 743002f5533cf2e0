package nl.quickscan.privacy;

import nl.quickscan.accounts.Account;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export of everything of a gemeente (issue 20): two gemeenten of one regio fill in distinctive texts; the ZIP of
 * one holds all it entered (answers with their history, kengetallen, the verbeterplan with notes and history, its
 * accounts) and nothing of the other, with cells that look like formulas made text. On H2 and MariaDB.
 */
class ExportTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void theExportHoldsWhatTheGemeenteEnteredAndNothingOfAnother(TestApp app) throws IOException {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Survey.Question statement = survey.questions().toList().get(0);
        Survey.Question kengetal = survey.kengetallen().get(0);
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Account a = Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, regio.codes().get(0)), null);
        Account b = Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, regio.codes().get(1)), null);
        Api aApi = app.api().login(a.email(), Fixtures.PASSWORD);
        Api bApi = app.api().login(b.email(), Fixtures.PASSWORD);
        long aScan = Scans.start(aApi, round);
        long bScan = Scans.start(bApi, round);
        String first = statement.options().get(0).value();
        String second = statement.options().get(1).value();
        save(aApi, aScan, statement.key(), first, "Eerste toelichting van A-gemeente-zeldzaam", 0);
        save(aApi, aScan, statement.key(), second, "=HYPERLINK(\"http://x.invalid\";\"klik\")", 1);
        save(aApi, aScan, kengetal.key(), "1234.5", "Kengetal-toelichting van A", 0);
        save(bApi, bScan, statement.key(), first, "Geheim van B-gemeente-zeldzaam", 0);
        Response action = aApi.postJson("/api/v1/gemeenten/" + regio.codes().get(0) + "/actions", """
                {"title": "Actie van A-gemeente-zeldzaam", "questionKeys": ["%s"], "sourceScanId": %d}"""
                .formatted(statement.key(), aScan));
        assertEquals(201, action.status(), action::toString);
        long actionId = ((Number) action.json().get("id")).longValue();
        assertEquals(201, aApi.postJson("/api/v1/actions/" + actionId + "/notes", "{\"text\": \"Voortgang van A: overleg gevoerd\"}").status());
        assertEquals(201, bApi.postJson("/api/v1/gemeenten/" + regio.codes().get(1) + "/actions", """
                {"title": "Actie van B-gemeente-zeldzaam", "questionKeys": ["%s"], "sourceScanId": %d}"""
                .formatted(statement.key(), bScan)).status());

        HttpResponse<byte[]> download = aApi.download("/api/v1/gemeenten/" + regio.codes().get(0).toLowerCase() + "/export.zip");
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Map<String, String> files = unzip(download.body());
        assertEquals(List.of("README.txt", "gemeente.json", "scans.json", "verbeterplan.json", "accounts.json", "scans.csv",
                "antwoorden.csv", "antwoordgeschiedenis.csv", "kengetallen.csv", "verbeterplan.csv",
                "verbeterplan-voortgang.csv", "verbeterplan-geschiedenis.csv", "accounts.csv"), List.copyOf(files.keySet()));
        assertTrue(files.get("README.txt").contains("antwoordgeschiedenis.csv"));
        String all = String.join("\n", files.values());
        assertFalse(all.contains("B-gemeente-zeldzaam"), "nothing of the other gemeente");
        assertFalse(all.contains(b.email()), "nor its accounts");
        assertFalse(all.contains(regio.names().get(1)));

        assertTrue(files.get("gemeente.json").contains("\"cbsCode\":\"" + regio.codes().get(0) + "\""));
        assertTrue(files.get("scans.json").contains("Eerste toelichting van A-gemeente-zeldzaam"), "the history in JSON");
        assertTrue(files.get("scans.json").contains("\"surveyId\":\"quickscan-seksueel-geweld\""));
        assertTrue(files.get("scans.csv").contains(Long.toString(aScan)));
        String answers = files.get("antwoorden.csv");
        assertTrue(answers.startsWith("\uFEFFScan;Meetronde;Sleutel;Stelling;Antwoord"), answers);
        assertTrue(answers.contains(statement.answerLabel(second)));
        assertTrue(answers.contains("\"'=HYPERLINK(\"\"http://x.invalid\"\";\"\"klik\"\")\""), "a formula becomes text: " + answers);
        assertFalse(answers.contains(";=HYPERLINK"));
        String history = files.get("antwoordgeschiedenis.csv");
        assertTrue(history.contains("Eerste toelichting van A-gemeente-zeldzaam"), "the earlier version");
        assertEquals(4, history.split("\r\n").length, "header and three versions");
        assertTrue(files.get("kengetallen.csv").contains("1.234,5"), files.get("kengetallen.csv"));
        assertTrue(files.get("kengetallen.csv").contains(kengetal.text()));
        assertTrue(files.get("verbeterplan.csv").contains("Actie van A-gemeente-zeldzaam"));
        assertTrue(files.get("verbeterplan.json").contains("Voortgang van A: overleg gevoerd"));
        assertTrue(files.get("verbeterplan-voortgang.csv").contains("Voortgang van A: overleg gevoerd"));
        assertTrue(files.get("verbeterplan-geschiedenis.csv").contains("Aangemaakt."));
        assertTrue(files.get("accounts.csv").contains(a.email()));
        assertTrue(files.get("accounts.json").contains(a.email()));

        // The beheerder gets the same; the download is in the audit log.
        Api beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        Map<String, String> asBeheerder = unzip(beheerder.download("/api/v1/gemeenten/" + regio.codes().get(0) + "/export.zip").body());
        assertTrue(asBeheerder.get("antwoorden.csv").contains("Kengetal-toelichting van A"));
        assertTrue(app.bean(nl.quickscan.audit.AuditLog.class).latest(200).stream().anyMatch(e ->
                e.action().equals("GEMEENTE_EXPORTED") && e.subject().equals("gemeente " + regio.names().get(0))));
    }

    private static void save(Api api, long scanId, String key, String value, String comment, int version) {
        Response saved = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + key, "application/json",
                "{\"value\": \"" + value + "\", \"comment\": \"" + comment.replace("\"", "\\\"") + "\", \"version\": "
                        + version + "}", Map.of());
        assertEquals(200, saved.status(), saved::toString);
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
