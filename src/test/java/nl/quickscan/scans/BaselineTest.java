package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PageForms;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A herhaling beside its nulmeting: the answers given then, on the page and through the API, and copying one. */
class BaselineTest {

    private static final String COORDINATOR = "coordinator.drenthe@quickscan.test";
    private static final String VISIE = "visie-gedeelde-visie";
    private static final String NVT = "visie-gemeenschappelijk-beeld";
    private static final String UNANSWERED = "visie-gender";

    private static void put(Api api, long scanId, String key, String value, String comment) {
        Response saved = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + key, "application/json",
                "{\"value\":\"" + value + "\",\"comment\":\"" + comment + "\",\"version\":0}", Map.of());
        assertEquals(200, saved.status(), saved::toString);
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aHerhalingShowsTheNulmetingsAnswersAndCopiesOneAsANormalSave(TestApp app) {
        long nulmeting = Rounds.open(app, COORDINATOR);
        long herhaling = Rounds.herhaling(app, COORDINATOR, nulmeting, 1);
        Account adviser = Fixtures.adviseur(app, "GM1681");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long before = Scans.start(api, nulmeting);
        put(api, before, VISIE, "2", "Besproken in de stuurgroep");
        put(api, before, NVT, "NVT", "Geen eigen zedenpolitie");
        put(api, before, "kengetal-inwoners", "230000", "CBS");
        long scanId = Scans.start(api, herhaling);

        Response baseline = api.get("/api/v1/scans/" + scanId + "/baseline");
        assertEquals(200, baseline.status(), baseline::toString);
        Map<String, Object> json = baseline.json();
        assertEquals(Set.of("scanId", "roundId", "answers"), json.keySet());
        assertEquals(before, ((Number) json.get("scanId")).longValue());
        assertEquals(nulmeting, ((Number) json.get("roundId")).longValue());
        List<?> answers = (List<?>) json.get("answers");
        assertEquals(3, answers.size(), "the answered questions only");
        assertEquals(Map.of("questionKey", VISIE, "baselineQuestionKey", VISIE, "value", "2", "label", "Deels / in uitvoering",
                "comment", "Besproken in de stuurgroep"), answers.get(0));
        assertEquals(Map.of("questionKey", "kengetal-inwoners", "baselineQuestionKey", "kengetal-inwoners", "value", "230000",
                "label", "230.000", "comment", "CBS"), answers.get(2));

        Browser pages = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        String path = "/scans/" + scanId + "/deel/visie";
        Document page = pages.get(path).html();
        Element beside = page.selectFirst("#" + VISIE + " .question__baseline");
        assertTrue(beside.text().startsWith("Bij de nulmeting: Deels / in uitvoering Toelichting bij de nulmeting: Besproken in de stuurgroep"),
                beside.text());
        assertEquals("Zelfde antwoord als bij de nulmeting", beside.selectFirst("button[value=nulmeting." + VISIE + "]").text());
        assertTrue(page.selectFirst("#" + NVT + " .question__baseline").text().startsWith("Bij de nulmeting: Niet van toepassing"));
        assertNull(page.selectFirst("#" + UNANSWERED + " .question__baseline"), "nothing where the nulmeting has no answer");
        assertTrue(pages.get("/scans/" + scanId + "/deel/kengetallen").html().selectFirst("#kengetal-inwoners .question__baseline")
                .text().startsWith("Bij de nulmeting: 230.000 inwoners"));

        Map<String, String> fields = PageForms.fields(page, "form.scan-form");
        fields.put("action", "nulmeting." + VISIE);
        Response copied = pages.post(path, fields);
        assertEquals(303, copied.status(), copied::toString);
        Map<?, ?> stored = ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(VISIE)).findFirst().orElseThrow();
        assertEquals("2", stored.get("value"));
        assertEquals("Besproken in de stuurgroep", stored.get("comment"), "with the toelichting, as there was none yet");
        assertEquals(1, ((Number) stored.get("version")).intValue());
        assertEquals(1, ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).size(), "only that question");
        assertTrue(pages.get(path).html().selectFirst("#" + VISIE + " .question__history").text().contains("(leeg) → Deels / in uitvoering"),
                "a normal save, in the history");

        // No baseline: a nulmeting, or a herhaling of a gemeente that has no scan in the nulmeting.
        assertEquals(404, api.get("/api/v1/scans/" + before + "/baseline").status());
        assertNull(pages.get("/scans/" + before + "/deel/visie").html().selectFirst(".question__baseline"));
        Api newcomer = app.api().login(Fixtures.adviseur(app, "GM1690").email(), Fixtures.PASSWORD);
        long without = Scans.start(newcomer, herhaling);
        Response none = newcomer.get("/api/v1/scans/" + without + "/baseline");
        assertEquals(404, none.status());
        assertNotNull(none.json().get("message"));
        assertEquals(400, api.get("/api/v1/scans/geen-getal/baseline").status());
    }

    /** Version 2 of the survey renames a statement and says which it replaces: the herhaling shows that one's answer. */
    @Test
    void aStatementOfANewerSurveyVersionShowsTheAnswerOfTheStatementItReplaces() throws Exception {
        Path surveys = Files.createTempDirectory("surveys");
        Path folder = Files.createDirectories(surveys.resolve("quickscan-seksueel-geweld"));
        String v1 = Files.readString(Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"));
        Files.writeString(folder.resolve("v1.yaml"), v1);
        Files.writeString(folder.resolve("v2.yaml"), v1.replaceFirst("\nversion: 1\n", "\nversion: 2\n")
                .replace("      - key: " + VISIE + "\n", "      - key: visie-gedeelde-visie-2027\n        replaces: " + VISIE + "\n"));
        TestApp app = TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString()));
        try {
            long nulmeting = Rounds.open(app, COORDINATOR);
            long herhaling = Rounds.herhaling(app, COORDINATOR, nulmeting, 2);
            Account adviser = Fixtures.adviseur(app, "GM1681");
            Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
            put(api, Scans.start(api, nulmeting), VISIE, "3", "Vastgesteld");
            long scanId = Scans.start(api, herhaling);
            assertEquals(List.of(Map.of("questionKey", "visie-gedeelde-visie-2027", "baselineQuestionKey", VISIE, "value", "3",
                    "label", "Ja, volledig en geborgd", "comment", "Vastgesteld")), api.get("/api/v1/scans/" + scanId + "/baseline").json().get("answers"));
            Document page = app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/scans/" + scanId + "/deel/visie").html();
            assertTrue(page.selectFirst("#visie-gedeelde-visie-2027 .question__baseline").text()
                    .startsWith("Bij de nulmeting: Ja, volledig en geborgd"));
        } finally {
            app.stop();
            try (var files = Files.walk(surveys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
