package nl.quickscan.surveys;

import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyApiTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void theApiListsAndReturnsTheDefinitionInTheAgreedShape(TestApp app) {
        var api = app.api().login("adviseur.emmen@quickscan.test", TestApp.DEMO_PASSWORD);
        List<Map<String, Object>> surveys = api.get("/api/v1/surveys").jsonList();
        assertTrue(surveys.stream().anyMatch(s -> s.get("id").equals("quickscan-seksueel-geweld")
                && ((Number) s.get("version")).intValue() == 1 && s.get("title").equals("Quickscan aanpak seksueel geweld")));

        Map<String, Object> definition = api.get("/api/v1/surveys/quickscan-seksueel-geweld/1").json();
        List<Map<String, Object>> bouwstenen = cast(definition.get("bouwstenen"));
        assertEquals(4, bouwstenen.size());
        assertTrue(bouwstenen.get(0).keySet().containsAll(List.of("key", "title", "description", "weight", "questions")));
        Map<String, Object> question = cast(bouwstenen.get(0).get("questions"), 0);
        assertTrue(question.keySet().containsAll(List.of("key", "text", "help", "recommendation", "recommendationNext",
                "source", "sources", "weight", "required", "type", "scored", "followUpOf", "options")), question.keySet()::toString);
        assertEquals(List.of(question.get("source")), question.get("sources"), "v1 cites one source per statement");
        assertEquals(true, question.get("scored"));
        assertEquals("gemeente", question.get("scope"), "v1 has no regio statements: each gemeente answers all");
        List<Map<String, Object>> options = cast(question.get("options"));
        Map<String, Object> nvt = options.stream().filter(o -> o.get("value").equals("NVT")).findFirst().orElseThrow();
        assertNull(nvt.get("points"));
        assertTrue(nvt.containsKey("points"), "points is null, not left out");
        Map<String, Object> weetNiet = options.stream().filter(o -> o.get("value").equals("WEET_NIET")).findFirst().orElseThrow();
        assertEquals(true, weetNiet.get("uncertain"));
        assertEquals(0, ((Number) weetNiet.get("points")).intValue());
        List<Map<String, Object>> levels = cast(definition.get("levels"));
        assertEquals(List.of("Beginnend", "In ontwikkeling", "Gevorderd", "Geborgd"), levels.stream().map(l -> l.get("label")).toList());
        assertEquals(25, ((Number) levels.get(1).get("min")).intValue());
        assertTrue(cast(bouwstenen.get(3).get("questions"), 0).get("theme") instanceof String, "bouwsteen 4 uses themes");

        Response unknown = api.get("/api/v1/surveys/quickscan-seksueel-geweld/99");
        assertEquals(404, unknown.status());
        assertEquals(401, app.api().get("/api/v1/surveys").status(), "only for logged-in accounts");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void thePrintablePageShowsEveryStatementWithHelpAndSource(TestApp app) {
        var browser = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        Document list = browser.get("/vragenlijsten").html();
        assertTrue(list.select("a[href=/vragenlijsten/quickscan-seksueel-geweld/1]").size() == 1);
        Document page = browser.get("/vragenlijsten/quickscan-seksueel-geweld/1").html();
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        assertEquals(survey.questions().count(), page.select("li.statement").size());
        assertEquals(4, page.select("section.bouwsteen").size());
        String first = survey.questions().findFirst().orElseThrow().key();
        assertTrue(page.selectFirst("li#" + first + " .statement__source").text().startsWith("Bron: Landelijke bouwstenen regionale aanpak seksueel geweld, Bouwsteen 1"));
        assertTrue(page.select("h3").eachText().contains("Preventie"));
        assertTrue(page.text().contains("Kengetallen"));
        assertEquals(303, app.browser().get("/vragenlijsten").status(), "login first");
    }

    @Test
    void surveysAreReadFromQuickscanSurveysDirWhenSet(@TempDir Path dir) throws IOException {
        Path proef = Files.createDirectories(dir.resolve("proef"));
        Files.writeString(proef.resolve("v1.yaml"), SurveyReaderTest.VALID);
        TestApp app = start(dir);
        try {
            SurveyCatalog catalog = app.bean(SurveyCatalog.class);
            assertEquals(List.of("proef"), catalog.all().stream().map(Survey::id).toList());
        } finally {
            app.stop();
        }
    }

    @Test
    void theAppRefusesToStartWithAnInvalidSurveyAndNamesTheProblems(@TempDir Path dir) throws IOException {
        Path proef = Files.createDirectories(dir.resolve("proef"));
        Files.writeString(proef.resolve("v1.yaml"), SurveyReaderTest.VALID.replace("weight: 2", "weight: 0")
                .replace("min: 75", "min: 0"));
        Throwable failure = assertThrows(Throwable.class, () -> start(dir).stop());
        String message = rootMessage(failure);
        assertTrue(message.contains("proef/v1.yaml:37: bouwstenen[0].questions[1].weight: Moet groter zijn dan 0, niet 0."), message);
        assertTrue(message.contains("proef/v1.yaml:14: levels[1].min: De grenzen moeten steeds hoger worden: 0 komt na 0."), message);
    }

    @Test
    void aShortJwtSecretStopsTheAppWithAClearMessage() {
        Throwable failure = assertThrows(Throwable.class,
                () -> TestApp.withSettings(Map.of("quickscan.jwt-secret", "te-kort", "quickscan.demo", false)).stop());
        assertTrue(rootMessage(failure).contains("QUICKSCAN_JWT_SECRET must be at least 32 characters"), rootMessage(failure));
    }

    private static TestApp start(Path surveysDir) {
        return TestApp.withSettings(Map.of("quickscan.surveys-dir", surveysDir.toString(), "quickscan.demo", false));
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object list) {
        return (List<Map<String, Object>>) list;
    }

    private static Map<String, Object> cast(Object list, int index) {
        return cast(list).get(index);
    }
}
