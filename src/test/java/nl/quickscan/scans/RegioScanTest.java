package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PageForms;
import nl.quickscan.support.RegioSurvey;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regio's scan of a round: the coordinator answers the regio statements once (API and pages, same versions and
 * conflicts as advisers), each gemeente's scan shows them read-only and counts them in its scores, and nobody else
 * writes them. On H2 and, when configured, MariaDB/MySQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegioScanTest {

    private static final String VISIE = "visie-gedeelde-visie";
    private static final String BEELD = "visie-gemeenschappelijk-beeld";
    private static final String OWN = "visie-gender";

    private final Path surveys = RegioSurvey.folder();
    private final List<TestApp> apps = RegioSurvey.apps(surveys);

    Stream<TestApp> apps() {
        return apps.stream();
    }

    @AfterAll
    void stop() throws Exception {
        RegioSurvey.stop(apps, surveys);
    }

    /** A regio of two gemeenten with a round on the survey with regio statements. */
    private record Setting(Fixtures.Regio regio, long roundId, Api coordinator, Account adviserA, Api a, Api b) {
    }

    private static Setting setting(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        Api coordinator = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        long round = RegioSurvey.openRound(app, coordinator, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Account adviserA = Fixtures.adviseur(app, regio.codes().get(0));
        return new Setting(regio, round, coordinator, adviserA,
                app.api().login(adviserA.email(), Fixtures.PASSWORD),
                app.api().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD));
    }

    private static Response put(Api api, long scanId, String key, String value, int version) {
        return api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + key, "application/json",
                "{\"value\":\"" + value + "\",\"comment\":\"Vastgesteld in de stuurgroep\",\"version\":" + version + "}", Map.of());
    }

    private static Map<?, ?> answer(Api api, long scanId, String key) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(key)).findFirst().orElse(null);
    }

    private static double visieScore(Api api, long scanId) {
        Response scores = api.get("/api/v1/scans/" + scanId + "/scores");
        assertEquals(200, scores.status(), scores::toString);
        return ((Number) ((Map<?, ?>) ((List<?>) scores.json().get("bouwstenen")).get(0)).get("score")).doubleValue();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theCoordinatorAnswersTheRegioStatementsOnceAndTheyCountForEveryGemeente(TestApp app) {
        Setting s = setting(app);
        Response created = s.coordinator().postJson("/api/v1/scans", "{\"roundId\":" + s.roundId() + "}");
        assertEquals(201, created.status(), created::toString);
        Map<String, Object> json = created.json();
        assertTrue(json.containsKey("gemeente"));
        assertNull(json.get("gemeente"));
        Map<?, ?> regioRef = (Map<?, ?>) json.get("regio");
        assertEquals(s.regio().id(), ((Number) regioRef.get("id")).longValue());
        assertTrue(((String) regioRef.get("name")).startsWith("Regio "), regioRef::toString);
        assertEquals(2, regioRef.size());
        long regioScan = ((Number) json.get("id")).longValue();
        assertEquals(regioScan, ((Number) s.coordinator().postJson("/api/v1/scans", "{\"roundId\":" + s.roundId() + "}")
                .json().get("id")).longValue(), "the same scan again");

        long scanA = Scans.start(s.a(), s.roundId());
        long scanB = Scans.start(s.b(), s.roundId());
        Scans.answer(s.a(), scanA, OWN, "1");
        Scans.answer(s.b(), scanB, OWN, "3");
        double a0 = visieScore(s.a(), scanA);
        double b0 = visieScore(s.b(), scanB);

        Response saved = put(s.coordinator(), regioScan, VISIE, "3", 0);
        assertEquals(200, saved.status(), saved::toString);
        assertEquals("REGIO", saved.json().get("answeredBy"));
        assertEquals(1, ((Number) saved.json().get("version")).intValue());
        Response stale = put(s.coordinator(), regioScan, VISIE, "2", 0);
        assertEquals(409, stale.status(), "a stale version conflicts, as for advisers");
        assertEquals("3", ((Map<?, ?>) stale.json().get("current")).get("value"));
        assertEquals(422, put(s.coordinator(), regioScan, OWN, "3", 0).status(), "a gemeente statement is not in the regio part");

        double a1 = visieScore(s.a(), scanA);
        double b1 = visieScore(s.b(), scanB);
        // One statement of ten at 3 of 3 points: 10 points more for each gemeente.
        assertEquals(a0 + 10, a1, 1e-9);
        assertEquals(b0 + 10, b1, 1e-9);
        assertEquals(200, put(s.coordinator(), regioScan, VISIE, "0", 1).status());
        assertEquals(a0, visieScore(s.a(), scanA), 1e-9, "the coordinator's change changes every gemeente's score");
        assertEquals(b0, visieScore(s.b(), scanB), 1e-9);
        assertEquals(200, put(s.coordinator(), regioScan, VISIE, "3", 2).status());

        // The gemeente's scan lists the regio's answer, marked as such, beside its own.
        Map<?, ?> regioAnswer = answer(s.a(), scanA, VISIE);
        assertEquals("3", regioAnswer.get("value"));
        assertEquals("REGIO", regioAnswer.get("answeredBy"));
        assertEquals(3, ((Number) regioAnswer.get("version")).intValue());
        assertEquals("GEMEENTE", answer(s.a(), scanA, OWN).get("answeredBy"));
        assertEquals(List.of(), ((List<?>) s.coordinator().get("/api/v1/scans/" + regioScan).json().get("answers")).stream()
                .map(x -> (Map<?, ?>) x).filter(x -> !"REGIO".equals(x.get("answeredBy"))).toList());

        // The round's benchmark scores each gemeente with the regio's answer (one read of it for the round).
        Response benchmark = s.coordinator().get("/api/v1/rounds/" + s.roundId() + "/benchmark");
        assertEquals(200, benchmark.status(), benchmark::toString);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void nobodyButTheRegiosCoordinatorWritesTheRegioStatements(TestApp app) {
        Setting s = setting(app);
        long regioScan = ((Number) s.coordinator().postJson("/api/v1/scans", "{\"roundId\":" + s.roundId() + "}")
                .json().get("id")).longValue();
        long scanA = Scans.start(s.a(), s.roundId());

        Response adviser = put(s.a(), scanA, VISIE, "3", 0);
        assertEquals(403, adviser.status(), adviser::toString);
        assertTrue(((String) adviser.json().get("message")).contains("regio"), adviser::toString);
        assertEquals(404, put(s.a(), regioScan, VISIE, "3", 0).status(), "an adviser cannot reach the regio scan itself");
        assertEquals(404, s.a().get("/api/v1/scans/" + regioScan).status());
        assertEquals(403, put(s.coordinator(), scanA, OWN, "3", 0).status(), "the coordinator does not answer for a gemeente");

        Fixtures.Regio other = Fixtures.regio(app, 1);
        Api otherCoordinator = app.api().login(other.coordinator().email(), Fixtures.PASSWORD);
        assertEquals(404, otherCoordinator.get("/api/v1/scans/" + regioScan).status());
        assertEquals(404, put(otherCoordinator, regioScan, VISIE, "3", 0).status());
        assertEquals(404, otherCoordinator.postJson("/api/v1/scans", "{\"roundId\":" + s.roundId() + "}").status());
        assertEquals(404, otherCoordinator.get("/api/v1/scans/" + regioScan + "/scores").status());
        Browser otherPages = other.coordinatorPages(app);
        assertEquals(404, otherPages.get("/scans/" + regioScan).status());
        assertEquals(404, otherPages.get("/scans/" + regioScan + "/deel/visie").status());
        assertEquals(404, otherPages.get("/scans/" + regioScan + "/controleren").status());
        assertEquals(404, otherPages.post("/scans/" + regioScan + "/deel/visie", "value." + VISIE, "3", "version." + VISIE, "0").status());
        assertEquals(404, otherPages.post("/scans", "roundId", String.valueOf(s.roundId())).status());
        Browser adviserPages = app.browser().login(s.adviserA().email(), Fixtures.PASSWORD);
        assertEquals(404, adviserPages.get("/scans/" + regioScan).status());
        assertEquals(404, adviserPages.post("/scans/" + regioScan + "/deel/visie", "value." + VISIE, "3", "version." + VISIE, "0").status());

        Api beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(200, beheerder.get("/api/v1/scans/" + regioScan).status(), "the beheerder reads");
        assertEquals(403, put(beheerder, regioScan, VISIE, "3", 0).status(), "but does not write");
        assertEquals(404, s.coordinator().get("/api/v1/scans/" + regioScan + "/scores").status(), "the regio part has no score of its own");
        assertEquals(403, s.coordinator().postJson("/api/v1/scans/" + regioScan + "/submit", "").status(),
                "the regio part is not submitted");
        assertNull(answer(s.coordinator(), regioScan, VISIE), "nothing written by any of the above");
        assertNull(answer(s.a(), scanA, VISIE));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void aGemeenteSubmitsWithoutTheRegiosStatementsAndARoundWithoutThemHasNoRegioPart(TestApp app) {
        Setting s = setting(app);
        long scanA = Scans.start(s.a(), s.roundId());
        RegioSurvey.survey().questions().filter(q -> q.scope() == nl.quickscan.surveys.Survey.Scope.GEMEENTE)
                .forEach(q -> Scans.answer(s.a(), scanA, q.key(), "2"));
        RegioSurvey.survey().kengetallen().forEach(q -> Scans.answer(s.a(), scanA, q.key(), "1"));
        Map<String, Object> scan = s.a().get("/api/v1/scans/" + scanA).json();
        assertEquals(100, ((Number) scan.get("progress")).intValue(), "the regio's statements are not the gemeente's to answer");
        Response submitted = s.a().postJson("/api/v1/scans/" + scanA + "/submit", "");
        assertEquals(200, submitted.status(), submitted::toString);

        long v1Round = s.regio().openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Response none = s.coordinator().postJson("/api/v1/scans", "{\"roundId\":" + v1Round + "}");
        assertEquals(403, none.status(), none::toString);
        assertFalse(s.regio().coordinatorPages(app).get("/rondes/" + v1Round).body().contains("Regionaal deel"));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void theCoordinatorFillsInTheRegioPartOnPagesAndTheAdviserSeesItReadOnly(TestApp app) {
        Setting s = setting(app);
        Browser coordinator = s.regio().coordinatorPages(app);
        Document dashboard = coordinator.get("/rondes/" + s.roundId()).html();
        Element start = dashboard.selectFirst("section.regio-part form[action=/scans]");
        assertNotNull(start, dashboard::html);
        assertEquals("Regionaal deel invullen", start.selectFirst("button").text());
        Response started = coordinator.post("/scans", PageForms.fields(dashboard, "section.regio-part form"));
        assertEquals(303, started.status(), started::toString);
        String scanPath = started.location();
        assertTrue(coordinator.get("/rondes/" + s.roundId()).html().selectFirst("section.regio-part a[href=" + scanPath + "]")
                .text().contains("Regionaal deel invullen"), "then a link to it");

        Document startPage = coordinator.get(scanPath).html();
        assertTrue(startPage.selectFirst("h1").text().startsWith("Regionaal deel "), startPage.selectFirst("h1").text());
        Document page = coordinator.get(scanPath + "/deel/visie").html();
        assertEquals(List.of(VISIE, BEELD), page.select("fieldset.question").eachAttr("data-question-key"));
        Map<String, String> fields = PageForms.fields(page, "form.scan-form");
        fields.put("value." + VISIE, "2");
        fields.put("comment." + VISIE, "Regionaal plan vastgesteld");
        fields.put("action", "opslaan");
        Response saved = coordinator.post(scanPath + "/deel/visie", fields);
        assertEquals(303, saved.status(), saved::toString);
        Document after = coordinator.get(scanPath + "/deel/visie").html();
        assertTrue(after.selectFirst("#" + VISIE + " .question__history").text().contains("(leeg) → Deels / in uitvoering"));
        // A stale page of a fellow coordinator conflicts instead of overwriting.
        fields.put("value." + VISIE, "0");
        assertEquals(409, coordinator.post(scanPath + "/deel/visie", fields).status());

        long scanA = Scans.start(s.a(), s.roundId());
        Browser adviser = app.browser().login(s.adviserA().email(), Fixtures.PASSWORD);
        Document gemeentePage = adviser.get("/scans/" + scanA + "/deel/visie").html();
        Element regio = gemeentePage.selectFirst("section.question--regio#" + VISIE);
        assertNotNull(regio, gemeentePage::html);
        assertTrue(regio.text().contains("Beantwoord door de regio"));
        assertTrue(regio.text().contains("Antwoord van de regio: Deels / in uitvoering"), regio.text());
        assertTrue(regio.text().contains("Toelichting van de regio: Regionaal plan vastgesteld"));
        assertTrue(gemeentePage.selectFirst("section.question--regio#" + BEELD).text().contains("De regio heeft dit nog niet beantwoord"));
        assertTrue(gemeentePage.select("[name=value." + VISIE + "], [name=comment." + VISIE + "]").isEmpty(), "no fields for it");
        assertTrue(gemeentePage.selectFirst("[data-step-total]").text().equals("8"), "the page counts the gemeente's eight");
        Document check = adviser.get("/scans/" + scanA + "/controleren").html();
        assertTrue(check.text().contains("Beantwoord door de regio: Deels / in uitvoering"));

        Map<String, String> adviserFields = PageForms.fields(gemeentePage, "form.scan-form");
        adviserFields.put("value." + VISIE, "3");
        adviserFields.put("version." + VISIE, "0");
        assertEquals(303, adviser.post("/scans/" + scanA + "/deel/visie", adviserFields).status());
        assertEquals("2", answer(s.a(), scanA, VISIE).get("value"), "a regio statement posted on the gemeente's page is ignored");
        assertEquals("REGIO", answer(s.a(), scanA, VISIE).get("answeredBy"));
    }
}
