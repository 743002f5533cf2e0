package nl.quickscan.benchmark;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small regio computed by hand, against the API and the coordinator's page. */
class BenchmarkTest {

    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aMeanOfZeroPercentIsShownAsAFigureInTheNationalOverview(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Scans.submitAll(app, survey, roundId, "GM0014", "0");
        String name = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/api/v1/rounds").jsonList().stream()
                .filter(round -> ((Number) round.get("id")).longValue() == roundId).findFirst().orElseThrow().get("name").toString();

        Document page = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/benchmark").html();
        Element row = page.select("tbody tr:has(td:contains(" + name + "))").first();
        // The coordinator's own round: exact figures, and every bouwsteen scored 0 % (a column each, issue 16).
        List<String> headers = page.select("thead tr:last-child th").eachText();
        int visie = headers.indexOf("Bouwsteen 1. Visie en regionale aanpak");
        assertTrue(visie > 0, headers.toString());
        assertEquals("0%", row.child(visie).text(), row.text());
        assertTrue(!row.text().contains("Nog geen cijfers") && !row.text().contains("–"), row.text());
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void theRoundsFiguresMatchAHandComputedExample(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        // Submitted: Eemsdelta and Groningen everything "3" (100%), Het Hogeland "2" (66,67%), Oldambt "0" (0%).
        // n = 4 (an even count), mean = 266,67 / 4 = 66,67, median = (66,67 + 100) / 2 = 83,33, min 0, max 100.
        Scans.submitAll(app, survey, roundId, "GM1979", "3");
        Scans.submitAll(app, survey, roundId, "GM0014", "3");
        Scans.submitAll(app, survey, roundId, "GM1966", "2");
        Scans.submitAll(app, survey, roundId, "GM1895", "0");
        // Midden-Groningen is busy (not counted), the other five have not started.
        Api busy = app.api().login(Fixtures.adviseur(app, "GM1952").email(), Fixtures.PASSWORD);
        long busyScan = Scans.start(busy, roundId);
        Scans.answer(busy, busyScan, survey.questions().findFirst().orElseThrow().key(), "3");

        Map<String, Object> benchmark = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD)
                .get("/api/v1/rounds/" + roundId + "/benchmark").json();
        List<?> gemeenten = (List<?>) benchmark.get("gemeenten");
        assertEquals(10, gemeenten.size());
        Map<?, ?> midden = gemeenten.stream().map(g -> (Map<?, ?>) g).filter(g -> g.get("cbsCode").equals("GM1952")).findFirst().orElseThrow();
        assertEquals("IN_PROGRESS", midden.get("status"));
        assertNull(midden.get("total"), "scans in progress have no figures");
        assertEquals(5, gemeenten.stream().filter(g -> "NOT_STARTED".equals(((Map<?, ?>) g).get("status"))).count());
        Map<?, ?> hogeland = gemeenten.stream().map(g -> (Map<?, ?>) g).filter(g -> g.get("cbsCode").equals("GM1966")).findFirst().orElseThrow();
        assertEquals(200.0 / 3, ((Number) hogeland.get("total")).doubleValue(), 1e-9);
        assertEquals(200.0 / 3, ((Number) ((Map<?, ?>) hogeland.get("scores")).get("visie")).doubleValue(), 1e-9);

        for (Object entry : (List<?>) benchmark.get("bouwstenen")) {
            assertStats((Map<?, ?>) entry);
        }
        assertStats((Map<?, ?>) benchmark.get("total"));

        Browser coordinator = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Document page = coordinator.get("/rondes/" + roundId).html();
        Element statsRow = page.select("h2:contains(Regio per bouwsteen) + .table-region table tbody tr").first();
        assertEquals(List.of("4", "67%", "83%", "0%", "100%"), statsRow.select("td").eachText());
        Element hogelandRow = page.select(".benchmark-matrix tbody tr:has(th:contains(Het Hogeland))").first();
        assertEquals("Ingediend", hogelandRow.select("td").first().text(), "the status comes first, after the name");
        assertTrue(hogelandRow.select("td").get(1).text().startsWith("67%"));
        assertTrue(hogelandRow.select("td").get(1).text().contains("Gevorderd"), "level as text, not only colour");
        assertTrue(hogelandRow.select("td").get(1).hasClass("level--2"), "coloured by its place in the scale: Gevorderd is the third level");
        Element busyRow = page.select(".benchmark-matrix tbody tr:has(th:contains(Midden-Groningen))").first();
        assertEquals("Bezig (1%)", busyRow.select("td").first().text(), "1 of the 61 questions answered");
        // The regio's median is the matrix's last row, apart from the sorted gemeenten: 83% in total over 4 scans.
        Element median = page.selectFirst(".benchmark-matrix tfoot tr");
        assertEquals("Mediaan van de regio", median.selectFirst("th").text());
        assertEquals("4 scans", median.select("td").first().text());
        assertTrue(median.select("td").last().text().startsWith("83%"), median.text());

        Document byTotal = coordinator.get("/rondes/" + roundId + "?sorteer=totaal&richting=af").html();
        List<String> order = byTotal.select(".benchmark-matrix tbody th").eachText();
        assertEquals("Het Hogeland", order.get(2));
        assertEquals("Oldambt", order.get(3));
        assertEquals("descending", byTotal.selectFirst(".benchmark-matrix th[aria-sort=descending]").attr("aria-sort"));
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aHerhalingShowsTheDevelopmentOfGemeentenThatSubmittedBoth(TestApp app) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator);
        Response created = app.api().login(coordinator, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), nulmeting,
                java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(30)));
        long herhaling = ((Number) created.json().get("id")).longValue();
        // Assen 33,33% → 100% (+66,67); Emmen 66,67% → 66,67% (0); Meppel only in the herhaling: not counted.
        // Mean development per bouwsteen: (66,67 + 0) / 2 = 33,33 points.
        var assen = Fixtures.adviseur(app, "GM0106");
        var emmen = Fixtures.adviseur(app, "GM0114");
        Scans.submitAll(app, assen, survey, nulmeting, "1");
        Scans.submitAll(app, emmen, survey, nulmeting, "2");
        Scans.submitAll(app, assen, survey, herhaling, "3");
        Scans.submitAll(app, emmen, survey, herhaling, "2");
        Scans.submitAll(app, survey, herhaling, "GM0119", "3");

        Api api = app.api().login(coordinator, TestApp.DEMO_PASSWORD);
        Map<String, Object> development = api.get("/api/v1/rounds/" + herhaling + "/development").json();
        List<?> gemeenten = (List<?>) development.get("gemeenten");
        assertEquals(2, gemeenten.size(), "only gemeenten with both scans submitted");
        Map<?, ?> assenRow = gemeenten.stream().map(g -> (Map<?, ?>) g).filter(g -> g.get("cbsCode").equals("GM0106")).findFirst().orElseThrow();
        assertEquals(200.0 / 3, ((Number) ((Map<?, ?>) assenRow.get("total")).get("difference")).doubleValue(), 1e-9);
        for (Object b : (List<?>) development.get("bouwstenen")) {
            assertEquals(2, ((Number) ((Map<?, ?>) b).get("n")).intValue());
            assertEquals(100.0 / 3, ((Number) ((Map<?, ?>) b).get("meanDifference")).doubleValue(), 1e-9);
        }
        List<?> improved = (List<?>) development.get("mostImproved");
        assertEquals(5, improved.size());
        assertEquals(100.0 / 3, ((Number) ((Map<?, ?>) improved.get(0)).get("meanDifference")).doubleValue(), 1e-9);
        assertEquals(404, api.get("/api/v1/rounds/" + nulmeting + "/development").status(), "a nulmeting has no development");
        Document page = app.browser().login(coordinator, TestApp.DEMO_PASSWORD).get("/rondes/" + herhaling).html();
        assertTrue(page.text().contains("Ontwikkeling sinds de nulmeting"));
        assertTrue(page.select("table:has(caption:contains(Gemiddelde ontwikkeling)) td").eachText().contains("+33,3"));
    }


    private static void assertStats(Map<?, ?> stats) {
        assertEquals(4, ((Number) stats.get("n")).intValue());
        assertEquals(200.0 / 3, ((Number) stats.get("mean")).doubleValue(), 1e-9);
        assertEquals((200.0 / 3 + 100) / 2, ((Number) stats.get("median")).doubleValue(), 1e-9);
        assertEquals(0.0, ((Number) stats.get("min")).doubleValue(), 1e-9);
        assertEquals(100.0, ((Number) stats.get("max")).doubleValue(), 1e-9);
    }
}
