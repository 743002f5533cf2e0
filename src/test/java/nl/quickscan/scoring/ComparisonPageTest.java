package nl.quickscan.scoring;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison page per bouwsteen, its "alleen gewijzigd" filter, and "Weet ik niet" pairs as UNKNOWN in the API. */
class ComparisonPageTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    /** A nulmeting and a herhaling of one new adviser's gemeente, with answers before → after as in {@link #answer}. */
    private record Pair(String adviserEmail, long before, long after) {
    }

    private static Pair pair(TestApp app, String cbsCode) {
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);
        var adviser = Fixtures.adviseur(app, cbsCode);
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long before = Scans.start(api, nulmeting);
        long after = Scans.start(api, herhaling);
        answer(api, before, after, "visie-gedeelde-visie", "1", "3");            // improved
        answer(api, before, after, "visie-gemeenschappelijk-beeld", "2", "0");   // declined
        answer(api, before, after, "visie-gefaseerd-samenwerken", "WEET_NIET", "3");   // unknown, changed
        answer(api, before, after, "visie-aanpalend-beleid", "WEET_NIET", "WEET_NIET"); // unknown, not changed
        answer(api, before, after, "samenwerking-sociale-kaart", "2", "2");      // unchanged
        return new Pair(adviser.email(), before, after);
    }

    private static void answer(Api api, long before, long after, String key, String then, String now) {
        Scans.answer(api, before, key, then);
        Scans.answer(api, after, key, now);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void weetIkNietOnEitherSideIsUnknownInTheApiWithTheExistingFields(TestApp app) {
        Pair pair = pair(app, "GM1680");
        Map<String, Object> comparison = app.api().login(pair.adviserEmail(), Fixtures.PASSWORD)
                .get("/api/v1/scans/" + pair.after() + "/comparison").json();
        assertEquals(Set.of("scanId", "baselineScanId", "totalBefore", "totalAfter", "totalDifference", "bouwstenen", "questions",
                "actions"),
                comparison.keySet());
        Map<String, Map<?, ?>> byKey = new HashMap<>();
        ((List<?>) comparison.get("questions")).forEach(q -> byKey.put((String) ((Map<?, ?>) q).get("key"), (Map<?, ?>) q));
        assertEquals(Set.of("key", "bouwsteenKey", "beforeKey", "before", "after", "direction"),
                byKey.get("visie-gedeelde-visie").keySet());
        assertEquals("IMPROVED", byKey.get("visie-gedeelde-visie").get("direction"));
        assertEquals("DECLINED", byKey.get("visie-gemeenschappelijk-beeld").get("direction"));
        assertEquals("UNKNOWN", byKey.get("visie-gefaseerd-samenwerken").get("direction"), "Weet ik niet → Ja is not improved");
        assertEquals("WEET_NIET", byKey.get("visie-gefaseerd-samenwerken").get("before"));
        assertEquals("UNKNOWN", byKey.get("visie-aanpalend-beleid").get("direction"));
        assertEquals("UNCHANGED", byKey.get("samenwerking-sociale-kaart").get("direction"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theStatementsAreGroupedPerBouwsteenWithAPictureAndMarkedDirections(TestApp app) {
        Pair pair = pair(app, "GM1681");
        Document page = app.browser().login(pair.adviserEmail(), Fixtures.PASSWORD).get("/scans/" + pair.after() + "/vergelijking").html();
        List<Element> groups = page.select("section[data-comparison-group]");
        assertEquals(List.of("Bouwsteen 1. Visie en regionale aanpak", "Bouwsteen 2. Netwerkpartners en samenwerking",
                "Bouwsteen 3. Organiseren en borgen", "Bouwsteen 4. Plan van aanpak en speerpunten"),
                groups.stream().map(g -> g.selectFirst("h3").text()).toList());
        Element visie = groups.get(0);
        assertEquals(10, visie.select("tbody tr").size(), "the ten statements of bouwsteen 1");
        assertEquals(visie.attr("aria-labelledby"), visie.selectFirst("h3").id());
        Element picture = visie.selectFirst("svg.score-chart[role=img]");
        assertNotNull(picture, visie.html());
        assertTrue(picture.attr("aria-label").matches("Nulmeting: \\d+%, Herhaling: \\d+%"), picture.attr("aria-label"));
        assertEquals("onbekend (Weet ik niet)", direction(visie, "Weet ik niet", "Ja, volledig en geborgd"));
        assertEquals("onbekend (Weet ik niet)", direction(visie, "Weet ik niet", "Weet ik niet"));
        assertEquals("verbeterd", direction(visie, "In voorbereiding", "Ja, volledig en geborgd"));
        assertEquals("achteruitgegaan", direction(visie, "Deels / in uitvoering", "Nee, (nog) niet"));
        assertTrue(visie.selectFirst(".comparison-group__counts").text().contains("2 onbekend (Weet ik niet)"), visie.text());
        assertEquals(4, page.select("table:has(caption:contains(Score per bouwsteen)) tbody tr").size(),
                "the table beside the pictures: every bouwsteen's numbers");
        assertTrue(page.select("tbody tr:not([hidden])").size() > 50, "unfiltered: every statement shows");
        assertFalse(page.selectFirst("input#alleen").hasAttr("checked"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theFilterShowsOnlyTheChangedStatementsWithoutJavaScript(TestApp app) {
        Pair pair = pair(app, "GM1690");
        Browser adviser = app.browser().login(pair.adviserEmail(), Fixtures.PASSWORD);
        Document page = adviser.get("/scans/" + pair.after() + "/vergelijking?alleen=gewijzigd").html();
        Element form = page.selectFirst("form[data-comparison-filter]");
        assertEquals("get", form.attr("method"));
        assertTrue(form.selectFirst("input#alleen[name=alleen][value=gewijzigd]").hasAttr("checked"));
        List<String> shown = page.select("section[data-comparison-group] tbody tr:not([hidden])").stream()
                .map(row -> row.child(0).text()).toList();
        assertEquals(3, shown.size(), "improved, declined, and Weet ik niet → Ja; not Weet ik niet twice: " + shown);
        assertTrue(page.selectFirst("#filter-status").text().contains("alleen de gewijzigde stellingen: 3 van de"));
        Element samenwerking = page.select("section[data-comparison-group]").get(1);
        assertTrue(samenwerking.selectFirst("[data-statements]").hasAttr("hidden"));
        assertFalse(samenwerking.selectFirst("[data-none-changed]").hasAttr("hidden"));
        assertTrue(samenwerking.selectFirst("[data-none-changed]").text().contains("Geen gewijzigde stellingen"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anUnknownFilterIsRefusedAndAnotherGemeentesComparisonIsNotFound(TestApp app) {
        Pair pair = pair(app, "GM1699");
        Browser adviser = app.browser().login(pair.adviserEmail(), Fixtures.PASSWORD);
        for (String filter : List.of("alles", "", "gewijzigd%22%3E%3Cscript%3E")) {
            Response refused = adviser.get("/scans/" + pair.after() + "/vergelijking?alleen=" + filter);
            assertEquals(400, refused.status(), filter);
            assertTrue(refused.html().text().contains("Dit filter bestaat niet"), refused.html().text());
        }
        Browser other = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, other.get("/scans/" + pair.after() + "/vergelijking?alleen=gewijzigd").status());
        assertEquals(404, app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/scans/" + pair.after() + "/vergelijking?alleen=gewijzigd").status(), "a coordinator of another regio");
    }

    /** The direction shown in the row whose answers read {@code before} and {@code after}. */
    private static String direction(Element group, String before, String after) {
        Element row = group.select("tbody tr").stream()
                .filter(r -> r.child(1).text().equals(before) && r.child(2).text().equals(after)).findFirst().orElseThrow();
        return row.selectFirst(".direction").ownText().strip();
    }
}
