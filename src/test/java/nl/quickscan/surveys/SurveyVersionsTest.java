package nl.quickscan.surveys;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploading, checking, publishing and deleting survey versions, through the API and the beheerder's pages. */
class SurveyVersionsTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String BEHEERDER = "beheerder@quickscan.test";
    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";
    private static final String YAML = "text/yaml";

    /** Version 1 of a survey of its own (the test survey of the reader's tests, under a fresh id). */
    static String v1(String id) {
        return SurveyReaderTest.VALID.replace("id: proef", "id: " + id);
    }

    /** Version 2 of it: visie-twee's text changed, samenwerking-een replaced, visie-een dropped, a new statement. */
    static String v2(String id) {
        return changed(v1(id), "version: 1", "version: 2",
                "text: \"De visie is gedeeld.\"", "text: \"De visie is gedeeld met de partners.\"",
                "- key: samenwerking-een\n", "- key: samenwerking-structureel\n        replaces: samenwerking-een\n",
                "- key: visie-een\n", "- key: visie-nieuw\n");
    }

    /** The text with each pair replaced; each must occur, so that a change of the test survey cannot go unnoticed. */
    static String changed(String text, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            assertTrue(text.contains(pairs[i]), pairs[i]);
            text = text.replace(pairs[i], pairs[i + 1]);
        }
        return text;
    }

    static String freshId() {
        return "proef-" + System.nanoTime();
    }

    private static Api beheerder(TestApp app) {
        return app.api().login(BEHEERDER, TestApp.DEMO_PASSWORD);
    }

    private static Response upload(Api api, String yaml) {
        return api.send("POST", "/api/v1/surveys", YAML, yaml, Map.of());
    }

    private static List<Map<String, Object>> problems(Response response) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) response.json().get("problems");
        return problems;
    }

    private static List<Map<String, Object>> listed(Api api, String id) {
        return api.get("/api/v1/surveys").jsonList().stream().filter(s -> s.get("id").equals(id)).toList();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aConceptIsTheBeheerdersUntilPublishedAndThenNeverChanges(TestApp app) {
        String id = freshId();
        Api beheerder = beheerder(app);
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);

        Response created = upload(beheerder, v1(id));
        assertEquals(201, created.status(), created::toString);
        assertEquals("CONCEPT", created.json().get("status"));
        assertEquals(id, created.json().get("id"));
        assertEquals(false, created.json().get("shipped"));
        assertTrue(created.json().containsKey("bouwstenen"), "the definition, as GET gives it");

        assertEquals(List.of("CONCEPT"), listed(beheerder, id).stream().map(s -> s.get("status")).toList());
        assertEquals(List.of(), listed(adviser, id), "a concept is not listed for others");
        assertEquals(List.of(), listed(coordinator, id));
        assertEquals(404, adviser.get("/api/v1/surveys/" + id + "/1").status());
        assertEquals(404, coordinator.get("/api/v1/surveys/" + id + "/1").status());
        assertEquals(200, beheerder.get("/api/v1/surveys/" + id + "/1").status());
        assertEquals(404, app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/vragenlijsten/" + id + "/1").status(),
                "nor is its printable page");
        Response roundOnConcept = coordinator.postJson("/api/v1/rounds", round(id, 1));
        assertEquals(422, roundOnConcept.status(), "no round on a concept: " + roundOnConcept);

        // a concept may be replaced by a new upload of the same id and version
        Response replaced = upload(beheerder, changed(v1(id), "title: \"Proef\"", "title: \"Proef, verbeterd\""));
        assertEquals(201, replaced.status(), replaced::toString);
        assertEquals("Proef, verbeterd", beheerder.get("/api/v1/surveys/" + id + "/1").json().get("title"));

        assertEquals(403, adviser.postJson("/api/v1/surveys/" + id + "/1/publish", "{}").status());
        assertEquals(403, coordinator.postJson("/api/v1/surveys/" + id + "/1/publish", "{}").status());
        Response published = beheerder.postJson("/api/v1/surveys/" + id + "/1/publish", "{}");
        assertEquals(200, published.status(), published::toString);
        assertEquals("GEPUBLICEERD", published.json().get("status"));
        assertEquals(List.of("GEPUBLICEERD"), listed(adviser, id).stream().map(s -> s.get("status")).toList());
        assertEquals(200, adviser.get("/api/v1/surveys/" + id + "/1").status());
        assertEquals(409, beheerder.postJson("/api/v1/surveys/" + id + "/1/publish", "{}").status(), "published once");

        // published: the same id and version is refused, and the stored row stays as it was
        String stored = storedText(app, id, 1);
        Response again = upload(beheerder, changed(v1(id), "title: \"Proef\"", "title: \"Gekaapt\""));
        assertEquals(422, again.status(), again::toString);
        assertEquals("version", problems(again).get(0).get("path"));
        assertTrue(((String) problems(again).get(0).get("message")).contains("al gepubliceerd"), again::toString);
        assertEquals(2, ((Number) problems(again).get(0).get("line")).intValue(), "the line of version:");
        assertEquals(stored, storedText(app, id, 1));
        assertEquals("Proef, verbeterd", adviser.get("/api/v1/surveys/" + id + "/1").json().get("title"));
        assertEquals(409, app.browser().login(BEHEERDER, TestApp.DEMO_PASSWORD)
                .post("/beheer/vragenlijsten/" + id + "/1/verwijderen").status(), "a published version cannot be deleted");
        assertEquals(stored, storedText(app, id, 1));

        // rounds choose among published versions: now this one, and a scan on it works after a restart
        Response round = coordinator.postJson("/api/v1/rounds", round(id, 1));
        assertEquals(201, round.status(), round::toString);
        Account gemeenteAdviser = Fixtures.adviseur(app, "GM0014");
        long scan = Scans.start(app.api().login(gemeenteAdviser.email(), Fixtures.PASSWORD), ((Number) round.json().get("id")).longValue());
        SurveyCatalog restarted = new SurveyCatalog("", app.bean(SurveyVersionRepository.class));
        assertTrue(restarted.find(id, 1).isPresent(), "a new instance reads the published version from the database");
        assertEquals("Proef, verbeterd", restarted.find(id, 1).orElseThrow().title());
        assertEquals(200, app.api().login(gemeenteAdviser.email(), Fixtures.PASSWORD).get("/api/v1/scans/" + scan).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void everyProblemIsAnsweredWith422AndNothingIsStored(TestApp app) {
        String id = freshId();
        Api beheerder = beheerder(app);

        Response notYaml = upload(beheerder, "id: " + id + "\nversion: 1\ntitle: [niet gesloten\n");
        assertEquals(422, notYaml.status(), notYaml::toString);
        assertTrue(((Number) problems(notYaml).get(0).get("line")).intValue() > 0, "located: " + notYaml);

        Response broken = upload(beheerder, changed(v1(id), "    weight: 2\n", "    weight: -2\n", "    title: \"Visie\"\n", ""));
        assertEquals(422, broken.status(), broken::toString);
        assertTrue(problems(broken).size() >= 2, "every problem: " + broken);
        assertTrue(problems(broken).stream().allMatch(p -> p.containsKey("line") && p.containsKey("path") && p.containsKey("message")));

        Response tooLarge = upload(beheerder, v1(id) + "# " + "x".repeat(SurveyUploads.MAX_BYTES) + "\n");
        assertEquals(422, tooLarge.status(), "over 1 MB, answered by the app: " + tooLarge.status());
        assertTrue(((String) problems(tooLarge).get(0).get("message")).contains("te groot"));
        Response farTooLarge = upload(beheerder, "# " + "x".repeat(5 * 1024 * 1024));
        assertEquals(413, farTooLarge.status(), "refused before it is read");

        byte[] latin1 = changed(v1(id), "Een kleine vragenlijst.", "Een vragenlijst voor één regio.").getBytes(StandardCharsets.ISO_8859_1);
        Response notUtf8 = beheerder.postBytes("/api/v1/surveys", YAML, latin1);
        assertEquals(422, notUtf8.status(), notUtf8::toString);
        assertTrue(((String) problems(notUtf8).get(0).get("message")).contains("UTF-8"));

        Response noPrevious = upload(beheerder, v2(id));
        assertEquals(422, noPrevious.status(), "version 2 without a version 1: " + noPrevious);

        assertEquals(201, upload(beheerder, v1(id)).status());
        Response unknownReplaces = upload(beheerder, changed(v2(id), "replaces: samenwerking-een", "replaces: bestaat-niet"));
        assertEquals(422, unknownReplaces.status(), unknownReplaces::toString);
        assertTrue(problems(unknownReplaces).get(0).get("path").toString().endsWith(".replaces"), unknownReplaces::toString);

        assertEquals(415, beheerder.send("POST", "/api/v1/surveys", "application/json", "{}", Map.of()).status());
        assertEquals(List.of(1), listed(beheerder, id).stream().map(s -> ((Number) s.get("version")).intValue()).toList(),
                "only the valid version 1 is stored");
        assertTrue(app.bean(SurveyVersionRepository.class).all().stream().noneMatch(row -> row.surveyId().equals(id) && row.version() == 2));
        assertEquals(404, beheerder.postJson("/api/v1/surveys/" + id + "/2/publish", "{}").status(), "no version 2 to publish");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBeheerderUploadsChecksPreviewsAndPublishesInTheBrowser(TestApp app) {
        String id = freshId();
        Browser browser = app.browser().login(BEHEERDER, TestApp.DEMO_PASSWORD);
        Document form = browser.get("/beheer/vragenlijsten/nieuw").html();
        assertEquals(1, form.select("form[action=/beheer/vragenlijsten/nieuw] input[name=_csrf]").size());
        assertEquals(403, browser.postWithoutToken("/beheer/vragenlijsten/nieuw", "yaml", v1(id)).status(), "CSRF");

        Response refused = browser.post("/beheer/vragenlijsten/nieuw", "yaml", changed(v1(id), "    weight: 2\n", "    weight: -2\n"));
        assertEquals(422, refused.status());
        Document page = refused.html();
        assertEquals(1, page.select("table.survey-problems tbody tr").size(), page.select("main").text());
        assertTrue(page.selectFirst("textarea#yaml").text().contains("weight: -2"), "the text is kept to be fixed");
        assertFalse(page.select("#error-summary a[href=#problemen]").isEmpty());

        // over 1 MB from the form (percent-encoded over 3 MB): the page says so itself
        Response tooLarge = browser.post("/beheer/vragenlijsten/nieuw", "yaml", v1(id) + "# " + "é".repeat(SurveyUploads.MAX_BYTES / 2) + "\n");
        assertEquals(422, tooLarge.status());
        assertTrue(tooLarge.html().select("table.survey-problems").text().contains("te groot"));

        Response stored = browser.post("/beheer/vragenlijsten/nieuw", "yaml", v1(id));
        assertEquals(303, stored.status(), stored::toString);
        assertEquals("/beheer/vragenlijsten/" + id + "/1?melding=geupload", stored.location());
        assertEquals(303, browser.post("/beheer/vragenlijsten/" + id + "/1/publiceren").status(), "version 1 published");
        Response second = browser.post("/beheer/vragenlijsten/nieuw", "yaml", v2(id));
        assertEquals(303, second.status(), second::toString);

        Document version = browser.get("/beheer/vragenlijsten/" + id + "/2").html();
        String text = version.select("main").text();
        assertTrue(text.contains("concept"), text);
        assertTrue(text.contains("Nieuw (1)") && text.contains("visie-nieuw"), text);
        assertTrue(text.contains("Vervangen (1)") && text.contains("samenwerking-een wordt samenwerking-structureel"), text);
        assertTrue(text.contains("Gewijzigd (1)") && text.contains("De visie is gedeeld met de partners."), text);
        assertTrue(text.contains("Vervallen (1)") && text.contains("visie-een"), text);

        Document preview = browser.get("/beheer/vragenlijsten/" + id + "/2/voorbeeld").html();
        assertEquals(3, preview.select("li.statement").size());
        assertTrue(preview.select("main").text().contains("Voorbeeld van een concept"));

        Document confirm = browser.get("/beheer/vragenlijsten/" + id + "/2/publiceren").html();
        assertEquals(1, confirm.select("form[action=/beheer/vragenlijsten/" + id + "/2/publiceren] input[name=_csrf]").size());
        assertEquals(403, browser.postWithoutToken("/beheer/vragenlijsten/" + id + "/2/publiceren").status());
        assertEquals("CONCEPT", beheerder(app).get("/api/v1/surveys/" + id + "/2").json().get("status"), "not published without the token");
        Response publish = browser.post("/beheer/vragenlijsten/" + id + "/2/publiceren");
        assertEquals(303, publish.status());
        assertEquals("/beheer/vragenlijsten/" + id + "/2?melding=gepubliceerd", publish.location());
        Document list = browser.get("/beheer/vragenlijsten").html();
        assertTrue(list.select("a[href=/beheer/vragenlijsten/" + id + "/2]").size() == 1);
        assertTrue(list.select("main").text().contains("meegeleverd"), "the shipped version is listed too");

        // a concept can be deleted; the rounds page offers published versions only
        String concept = changed(v2(id), "version: 2", "version: 3", "        replaces: samenwerking-een\n", "");
        assertEquals(303, browser.post("/beheer/vragenlijsten/nieuw", "yaml", concept).status());
        Document roundsPage = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/rondes").html();
        List<String> offered = roundsPage.select("select#surveyId option").eachAttr("value");
        String first = offered.get(0).substring(0, offered.get(0).indexOf('@'));
        int newest = offered.stream().filter(o -> o.startsWith(first + "@")).mapToInt(o -> Integer.parseInt(o.substring(o.indexOf('@') + 1))).max().orElseThrow();
        assertEquals(List.of(first + "@" + newest), roundsPage.select("select#surveyId option[selected]").eachAttr("value"),
                "a new round is on the newest version");
        assertTrue(offered.containsAll(List.of(id + "@1", id + "@2", "quickscan-seksueel-geweld@1")), offered::toString);
        assertFalse(offered.contains(id + "@3"), "the concept is not offered");
        assertEquals(303, browser.post("/beheer/vragenlijsten/" + id + "/3/verwijderen").status());
        assertEquals(404, browser.get("/beheer/vragenlijsten/" + id + "/3").status());
    }

    private static String round(String id, int version) {
        return """
                {"name": "Ronde %s", "kind": "NULMETING", "surveyId": "%s", "surveyVersion": %d, "opens": "%s", "closes": "%s"}"""
                .formatted(System.nanoTime(), id, version, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
    }

    private static String storedText(TestApp app, String id, int version) {
        return app.bean(SurveyVersionRepository.class).all().stream()
                .filter(row -> row.surveyId().equals(id) && row.version() == version)
                .map(row -> row.yamlText() + "|" + row.published() + "|" + row.uploadedAt() + "|" + row.publishedAt())
                .findFirst().orElseThrow();
    }
}
