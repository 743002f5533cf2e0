package nl.quickscan.scoring;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores over HTTP: the page and the API show the engine's numbers, and the comparison follows the nulmeting. */
class ResultsTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void pageAndApiShowTheSameScoresAsTheEngine(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Api api = app.api().login("adviseur.hoogeveen@quickscan.test", TestApp.DEMO_PASSWORD);
        long scanId = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();
        Map<String, String> values = new HashMap<>();
        List<Survey.Question> questions = survey.questions().toList();
        String[] pattern = {"3", "2", "0", "WEET_NIET", "1", "NVT"};
        for (int i = 0; i < questions.size(); i += 2) {
            String value = pattern[i % pattern.length];
            values.put(questions.get(i).key(), value);
            assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + questions.get(i).key(), "application/json",
                    "{\"value\":\"" + value + "\",\"comment\":\"toelichting\",\"version\":0}", Map.of()).status());
        }
        Scoring.Result expected = Scoring.score(survey, values);

        Map<String, Object> scores = api.get("/api/v1/scans/" + scanId + "/scores").json();
        assertEquals(expected.total(), ((Number) scores.get("total")).doubleValue(), 1e-9);
        assertEquals(true, scores.get("provisional"));
        assertEquals(expected.unanswered(), ((Number) scores.get("unanswered")).intValue());
        List<?> bouwstenen = (List<?>) scores.get("bouwstenen");
        for (int i = 0; i < expected.bouwstenen().size(); i++) {
            Map<?, ?> json = (Map<?, ?>) bouwstenen.get(i);
            assertEquals(expected.bouwstenen().get(i).score(), ((Number) json.get("score")).doubleValue(), 1e-9);
            assertEquals(expected.bouwstenen().get(i).level().label(), json.get("level"));
            assertEquals(expected.bouwstenen().get(i).unknown(), ((Number) json.get("unknown")).intValue());
            assertEquals(expected.bouwstenen().get(i).notApplicable(), ((Number) json.get("notApplicable")).intValue());
        }

        Document page = app.browser().login("adviseur.hoogeveen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/scans/" + scanId + "/resultaten").html();
        assertTrue(page.text().contains("Voorlopig"));
        assertTrue(page.selectFirst(".score-total").text().contains(Math.round(expected.total()) + "%"));
        for (Element row : page.select(".radar-block tbody tr")) {
            Scoring.BouwsteenScore b = expected.bouwstenen().stream().filter(x -> x.title().equals(row.child(0).text())).findFirst().orElseThrow();
            assertEquals(Math.round(b.score()) + "%", row.child(1).text());
            assertEquals(b.level().label(), row.child(2).text());
        }
        assertNotNull(page.selectFirst("svg.radar[aria-hidden=true]"), "the chart, with the table as its accessible alternative");
        assertEquals(3, page.select("h2:contains(Zwakste punten) + ol li").size());
        assertTrue(page.text().contains("zodra minstens 3 gemeenten"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aHerhalingIsComparedWithTheNulmetingOfTheSameGemeente(TestApp app) {
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        Response herhalingRound = app.api().login(coordinator, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), nulmeting,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, herhalingRound.status(), herhalingRound::toString);
        long herhaling = ((Number) herhalingRound.json().get("id")).longValue();

        var adviser = Fixtures.adviseur(app, "GM0119");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long before = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + nulmeting + "}").json().get("id")).longValue();
        long after = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + herhaling + "}").json().get("id")).longValue();
        Scans.answer(api, before, "visie-gedeelde-visie", "1");
        Scans.answer(api, after, "visie-gedeelde-visie", "3");
        Scans.answer(api, before, "visie-gemeenschappelijk-beeld", "2");
        Scans.answer(api, after, "visie-gemeenschappelijk-beeld", "0");

        Map<String, Object> comparison = api.get("/api/v1/scans/" + after + "/comparison").json();
        assertEquals(before, ((Number) comparison.get("baselineScanId")).longValue());
        Map<String, Map<?, ?>> byKey = new HashMap<>();
        ((List<?>) comparison.get("questions")).forEach(q -> byKey.put((String) ((Map<?, ?>) q).get("key"), (Map<?, ?>) q));
        assertEquals("IMPROVED", byKey.get("visie-gedeelde-visie").get("direction"));
        assertEquals("1", byKey.get("visie-gedeelde-visie").get("before"));
        assertEquals("3", byKey.get("visie-gedeelde-visie").get("after"));
        assertEquals("DECLINED", byKey.get("visie-gemeenschappelijk-beeld").get("direction"));
        Map<?, ?> visie = (Map<?, ?>) ((List<?>) comparison.get("bouwstenen")).get(0);
        assertEquals(((Number) visie.get("after")).doubleValue() - ((Number) visie.get("before")).doubleValue(),
                ((Number) visie.get("difference")).doubleValue(), 1e-9);

        Document page = app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/scans/" + after + "/vergelijking").html();
        assertTrue(page.text().contains("In voorbereiding"), "answers shown by their labels");
        assertEquals(404, api.get("/api/v1/scans/" + before + "/comparison").status(), "a nulmeting has nothing to compare with");
        assertEquals(404, app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/api/v1/scans/" + after + "/comparison").status(), "another gemeente's comparison is not found");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void thePositionInTheRegioShowsMeanAndMedianFromThreeSubmittedScansWithoutNames(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        // Three other gemeenten submit: two answer everything "3" (100%), one everything "0" (0%).
        // Per bouwsteen: mean (100 + 100 + 0) / 3 = 66,67 → "67%", median 100 → "100%".
        String[][] submitters = {{"GM0014", "3"}, {"GM1966", "3"}, {"GM1969", "0"}};
        for (String[] submitter : submitters) {
            var adviser = Fixtures.adviseur(app, submitter[0]);
            Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
            long scanId = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();
            survey.questions().forEach(q -> Scans.answer(api, scanId, q.key(), submitter[1]));
            assertEquals(200, api.postJson("/api/v1/scans/" + scanId + "/submit", "").status());
        }
        // The own scan, submitted with everything "0", is left out of the figures: otherwise the own score,
        // mean and median together would give away the others' scores.
        var own = Fixtures.adviseur(app, "GM0037");
        Api api = app.api().login(own.email(), Fixtures.PASSWORD);
        long scanId = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();
        survey.questions().forEach(q -> Scans.answer(api, scanId, q.key(), "0"));
        assertEquals(200, api.postJson("/api/v1/scans/" + scanId + "/submit", "").status());
        Document page = app.browser().login(own.email(), Fixtures.PASSWORD).get("/scans/" + scanId + "/resultaten").html();
        Element table = page.selectFirst("table:has(caption:contains(gemiddelde en de mediaan))");
        assertNotNull(table, page.text());
        for (Element row : table.select("tbody tr")) {
            assertEquals("67%", row.child(2).text());
            assertEquals("100%", row.child(3).text());
            assertEquals("3", row.child(4).text());
        }
        for (String name : List.of("Groningen", "Het Hogeland", "Westerkwartier")) {
            assertTrue(!page.select("main").text().contains("Gemeente " + name) && !page.select("main table").text().contains(name),
                    "no other gemeente is named: " + name);
        }
    }
}
