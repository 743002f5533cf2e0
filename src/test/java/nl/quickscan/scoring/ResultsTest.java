package nl.quickscan.scoring;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
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
            String value = pattern[(i / 2) % pattern.length]; // every second question, each value of the pattern in turn
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
        assertEquals(expected.bouwstenen().size(), page.select(".score-bars__item").size());
        for (Element item : page.select(".score-bars__item")) {
            Scoring.BouwsteenScore b = expected.bouwstenen().stream().filter(x -> x.title().equals(item.selectFirst("h3").text())).findFirst().orElseThrow();
            assertEquals(Math.round(b.score()) + "% – " + b.level().label(), item.selectFirst(".score-bars__value").text());
            assertTrue(item.selectFirst(".score-bars__counts").text().contains("Weet ik niet: " + b.unknown()), item.text());
            assertNotNull(item.selectFirst("svg.score-chart[aria-hidden=true]"), "the chart, with its numbers as text beside it");
        }
        assertEquals(3, page.select("h2:contains(Zwakste punten) + ol li").size());
        List<String> weakest = page.select("h2:contains(Zwakste punten) + ol li strong").eachText();
        List<String> unknown = expected.questions().stream().filter(q -> q.state() == Scoring.State.UNKNOWN).map(q -> q.question().text()).toList();
        assertTrue(weakest.stream().noneMatch(unknown::contains), "a 'Weet ik niet' is no weak point: " + weakest);
        Element toFindOut = page.selectFirst("h2#uitzoeken"); 
        assertTrue(toFindOut.nextElementSibling().text().contains("Bij " + unknown.size() + " stellingen is \"Weet ik niet\" gekozen"));
        assertEquals(unknown, page.select("h2#uitzoeken ~ ul li").eachText(), "every 'Weet ik niet', in the survey's order");
        assertEquals(expected.totalLevel().description(), page.selectFirst(".score-total").nextElementSibling().text(),
                "the meaning of the total's level");
        assertEquals(4, page.select("dl.score-levels dt").size(), "every level with what it means");
        assertTrue(page.text().contains("De vergelijking met de regio verschijnt als de meetronde is gesloten en minstens 5 andere gemeenten"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aHerhalingIsComparedWithTheNulmetingOfTheSameGemeente(TestApp app) {
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);

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
    void thePositionInTheRegioAppearsOnlyOnceTheRoundIsClosedInBandsAndWithoutNames(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        // Five other gemeenten submit: 100%, 100%, 66,67% ("2" of 3 points), 0%, 0% per bouwsteen.
        // Exactly: mean 53,33 and median 66,67 ("53%" and "67%"); in bands of 5: "55%" and "65%".
        String[][] submitters = {{"GM0014", "3"}, {"GM1966", "3"}, {"GM1969", "2"}, {"GM1979", "0"}, {"GM1952", "0"}};
        var own = Fixtures.adviseur(app, "GM0037");
        Api api = app.api().login(own.email(), Fixtures.PASSWORD);
        long scanId = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();
        survey.questions().forEach(q -> Scans.answer(api, scanId, q.key(), "0"));
        assertEquals(200, api.postJson("/api/v1/scans/" + scanId + "/submit", "").status());
        var pages = app.browser().login(own.email(), Fixtures.PASSWORD);

        // While the round is open, each submission would change the figures: none are shown, at any count.
        for (String[] submitter : submitters) {
            Scans.submitAll(app, survey, roundId, submitter[0], submitter[1]);
            Document open = pages.get("/scans/" + scanId + "/resultaten").html();
            assertEquals(null, open.selectFirst("table:has(caption:contains(gemiddelde en de mediaan))"), open.text());
            assertTrue(open.text().contains("verschijnt als de meetronde is gesloten en minstens 5 andere gemeenten"));
            assertEquals(0, open.select(".score-chart__marker").size(), "no median marker on the bars either");
        }

        Rounds.close(app, roundId);
        Document page = pages.get("/scans/" + scanId + "/resultaten").html();
        Element table = page.selectFirst("table:has(caption:contains(gemiddelde en de mediaan))");
        assertNotNull(table, page.text());
        assertEquals(4, table.select("tbody tr").size());
        for (Element row : table.select("tbody tr")) {
            assertEquals("0%", row.child(1).text());
            assertEquals("55%", row.child(2).text(), "the mean in a band of 5, not 53%");
            assertEquals("65%", row.child(3).text(), "the median in a band of 5, not 67%");
            assertEquals("5", row.child(4).text(), "the own scan is not among them");
        }
        assertTrue(page.text().contains("Deze cijfers verschijnen pas als de meetronde is gesloten en minstens 5 gemeenten"));
        for (Element bar : page.select(".score-bars__item")) {
            assertEquals("0% – Beginnend Mediaan regio: 65%", bar.selectFirst(".score-bars__value").text(), "the banded median");
            assertTrue(bar.selectFirst("svg.score-chart").html().contains("<line class=\"score-chart__marker\" x1=\"65.00%\""), bar.html());
        }
        for (String name : List.of("Groningen", "Het Hogeland", "Westerkwartier")) {
            assertTrue(!page.select("main").text().contains("Gemeente " + name) && !page.select("main table").text().contains(name),
                    "no other gemeente is named: " + name);
        }
        assertEquals(409, app.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                        .postJson("/api/v1/scans/" + scanId + "/reopen", "{\"reason\":\"nog een keer\"}").status(),
                "a closed round's submissions are final, so the figures cannot change any more");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theNationalOverviewShowsAnotherRegiosRoundOnlyClosedFromFiveScansInBands(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String[][] submitters = {{"GM1895", "3"}, {"GM0765", "3"}, {"GM0047", "2"}, {"GM1950", "0"}, {"GM0037", "0"}};
        var outsider = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        String roundName = (String) app.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/api/v1/rounds").jsonList().stream().filter(r -> ((Number) r.get("id")).longValue() == roundId)
                .findFirst().orElseThrow().get("name");
        for (String[] submitter : submitters) {
            Scans.submitAll(app, survey, roundId, submitter[0], submitter[1]);
            Element row = nationalRow(outsider, roundName);
            assertTrue(row.text().contains("Nog geen cijfers"), row.text());
        }
        Rounds.close(app, roundId);
        Element row = nationalRow(outsider, roundName);
        assertEquals("5 van 10", row.child(2).text());
        assertEquals("55%", row.child(3).text(), "mean total in a band of 5, not 53%");
        assertEquals("65%", row.child(4).text(), "median total in a band of 5, not 67%");
        Element firstBouwsteen = row.closest("table").select("thead tr").last().child(5);
        assertTrue(firstBouwsteen.text().contains("Visie en regionale aanpak"), firstBouwsteen.text());
        assertEquals("55%", row.child(5).text(), "bouwsteen 1's mean in a band of 5");
        assertTrue(outsider.get("/benchmark").html().text().contains("afgerond op 5 procent"));

        Element named = nationalRow(app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD), roundName);
        assertEquals("53%", named.child(3).text(), "the regio's own coordinator sees the exact figures");
    }

    private static Element nationalRow(nl.quickscan.support.Browser browser, String roundName) {
        Document page = browser.get("/benchmark").html();
        Element row = page.selectFirst("tbody tr:has(td:containsOwn(" + roundName + ")), tbody tr:has(a:containsOwn(" + roundName + "))");
        assertNotNull(row, page.text());
        return row;
    }
}
