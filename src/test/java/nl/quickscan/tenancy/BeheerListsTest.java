package nl.quickscan.tenancy;

import nl.quickscan.accounts.Account;
import nl.quickscan.identity.Role;
import nl.quickscan.scans.Rounds;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The beheer pages at scale (issue 16): gemeenten searched and paged, the regio page with its gemeenten,
 * coordinators and rounds, the counts in the regio list, confirmations, and the gemeente pages that link to the
 * gemeente's scans, results and accounts. Each test makes a regio of its own with a unique tag.
 */
class BeheerListsTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    private static Browser beheerder(TestApp app) {
        return app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
    }

    /** A regio of {@code count} gemeenten named "Zoek<tag> 1" …, with free CBS codes; returns them in that order. */
    private static List<Gemeente> regioWithGemeenten(TestApp app, String tag, int count) {
        Regio regio = app.bean(RegioRepository.class).save(new Regio(null, "Regio " + tag, Instant.now()));
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        List<Gemeente> made = new ArrayList<>();
        int code = 5000 + (int) (Math.random() * 4000);
        for (int i = 1; i <= count; i++) {
            while (gemeenten.findByCbsCode(String.format("GM%04d", code)).isPresent()) {
                code = code == 9999 ? 5000 : code + 1;
            }
            made.add(gemeenten.save(new Gemeente(null, String.format("GM%04d", code), "Zoek" + tag + " " + i, regio.id(),
                    Instant.now(), null, null)));
        }
        return made;
    }

    private static List<String> names(Document page) {
        return page.select("main tbody tr td:first-child").eachText();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void gemeentenAreSearchedByNameOrCbsCodeAndByRegioInPagesOf50(TestApp app) {
        String tag = "g" + System.nanoTime();
        List<Gemeente> made = regioWithGemeenten(app, tag, 52);
        Browser beheerder = beheerder(app);

        Document first = beheerder.get("/beheer/gemeenten?zoek=ZOEK" + tag.toUpperCase()).html();
        List<String> firstNames = names(first);
        assertEquals(50, firstNames.size());
        assertEquals("Zoek" + tag + " 2", firstNames.get(1), "natural order: 2 before 10");
        assertEquals("1–50 van 52", first.selectFirst(".paging__range").text());
        Document second = beheerder.get(first.selectFirst("a[rel=next]").attr("href")).html();
        assertEquals(List.of("Zoek" + tag + " 51", "Zoek" + tag + " 52"), names(second));

        Gemeente seventh = made.get(6);
        assertEquals(List.of(seventh.name()), names(beheerder.get("/beheer/gemeenten?zoek=" + seventh.cbsCode().toLowerCase()).html()),
                "by CBS code, any case");
        Document ofRegio = beheerder.get("/beheer/gemeenten?regio=" + seventh.regioId()).html();
        assertEquals("1–50 van 52", ofRegio.selectFirst(".paging__range").text(), "the regio filter holds only its gemeenten");
        long drenthe = app.bean(RegioRepository.class).findByName("Drenthe").orElseThrow().id();
        assertTrue(names(beheerder.get("/beheer/gemeenten?zoek=zoek" + tag + "&regio=" + drenthe).html()).isEmpty(),
                "search and regio together");
        Document none = beheerder.get("/beheer/gemeenten?zoek=" + tag + "-bestaat-niet").html();
        assertTrue(none.selectFirst("#gemeenten-none").text().startsWith("Geen gemeenten gevonden"));
        assertEquals("Pagina 4 bestaat niet; er zijn 2 pagina's.",
                beheerder.get("/beheer/gemeenten?zoek=zoek" + tag + "&pagina=4").html().selectFirst(".paging__beyond").text());
        assertNotNull(none.selectFirst("form[action=/beheer/gemeenten][method=post]"), "the form for a new gemeente stays");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void badGemeenteSearchesAnswer400(TestApp app) {
        Browser beheerder = beheerder(app);
        for (String query : List.of("pagina=0", "pagina=x", "pagina=10001", "regio=abc", "regio=999999999",
                "zoek=" + "x".repeat(Gemeente.NAME_MAX + 1))) {
            Response refused = beheerder.get("/beheer/gemeenten?" + query);
            assertEquals(400, refused.status(), query);
            assertNotNull(refused.html().selectFirst("#zoek-fouten"), query);
            assertTrue(refused.html().select("main tbody tr").isEmpty(), query);
        }
        assertEquals("Kies een regio uit de lijst.",
                beheerder.get("/beheer/gemeenten?regio=abc").html().selectFirst("#zoek-fouten li a[href=#filterRegio]").text());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theRegioPageShowsItsGemeentenCoordinatorsAndRoundsAndTheListCountsThem(TestApp app) {
        String tag = "r" + System.nanoTime();
        List<Gemeente> made = regioWithGemeenten(app, tag, 3);
        long regioId = made.get(0).regioId();
        Account coordinator = Fixtures.create(app, Role.COORDINATOR, null, regioId);
        Response round = app.api().login(coordinator.email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(tag, LocalDate.now(), LocalDate.now().plusDays(9)));
        assertEquals(201, round.status(), round::toString);
        long roundId = ((Number) round.json().get("id")).longValue();
        Browser beheerder = beheerder(app);

        Document page = beheerder.get("/beheer/regios/" + regioId).html();
        assertEquals(List.of("Zoek" + tag + " 1", "Zoek" + tag + " 2", "Zoek" + tag + " 3"),
                page.select("ul[aria-labelledby=gemeenten] a").eachText());
        assertEquals("/beheer/gemeenten/" + made.get(1).id(), page.select("ul[aria-labelledby=gemeenten] a").get(1).attr("href"));
        assertEquals("/accounts/" + coordinator.id(), page.selectFirst("ul[aria-labelledby=coordinatoren] a").attr("href"));
        assertEquals("/rondes/" + roundId, page.selectFirst("ul[aria-labelledby=meetrondes] a").attr("href"));
        assertNotNull(page.selectFirst("form[action=/beheer/regios/" + regioId + "] input[name=name]"), "the rename form stays");

        Element row = beheerder.get("/beheer/regios").html().select("main tbody tr:has(a[href=/beheer/regios/" + regioId + "])").first();
        List<String> cells = row.select("td").eachText();
        assertEquals(List.of("Regio " + tag, "3", "1", "1"), cells.subList(0, 4), "gemeenten, coordinators, rounds");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void addingARegioOrAGemeenteIsConfirmed(TestApp app) {
        Browser beheerder = beheerder(app);
        String name = "Regio melding " + System.nanoTime();
        Response added = beheerder.post("/beheer/regios", "name", name);
        assertEquals(303, added.status());
        assertEquals("/beheer/regios?melding=regio-toegevoegd", added.location());
        assertTrue(beheerder.get(added.location()).html().selectFirst("main").text().contains("Regio toegevoegd."));
        assertTrue(!beheerder.get("/beheer/regios?melding=iets").html().selectFirst("main").text().contains("toegevoegd"),
                "an unknown melding shows nothing");

        long regio = app.bean(RegioRepository.class).findByName(name).orElseThrow().id();
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        int code = 5000 + (int) (Math.random() * 4000);
        while (gemeenten.findByCbsCode(String.format("GM%04d", code)).isPresent()) {
            code++;
        }
        Response gemeente = beheerder.post("/beheer/gemeenten", "cbsCode", String.format("GM%04d", code),
                "name", "Melding " + code, "regio", String.valueOf(regio));
        assertEquals("/beheer/gemeenten?melding=gemeente-toegevoegd", gemeente.location());
        assertTrue(beheerder.get(gemeente.location()).html().selectFirst("main").text().contains("Gemeente toegevoegd."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theGemeentePagesLinkToItsScansResultsAndAccounts(TestApp app) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        long open = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        long submitted = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        long started = nl.quickscan.support.Scans.start(
                app.api().login(Fixtures.adviseur(app, "GM0106").email(), Fixtures.PASSWORD), open);
        long done = Scans.submitAll(app, survey, submitted, "GM0106", "3");
        long assen = Fixtures.gemeenteId(app, "GM0106");

        Document beheer = beheerder(app).get("/beheer/gemeenten/" + assen).html();
        assertNotNull(beheer.selectFirst("a[href=/gemeenten/GM0106]"));
        assertNotNull(beheer.selectFirst("a[href=/accounts/nieuw?rol=ADVISEUR&gemeente=" + assen + "]"));

        for (String viewer : List.of("coordinator.drenthe@quickscan.test", "beheerder@quickscan.test")) {
            Document page = app.browser().login(viewer, TestApp.DEMO_PASSWORD).get("/gemeenten/GM0106").html();
            Element startedRow = page.select("main tbody tr:has(a[href=/rondes/" + open + "])").first();
            assertTrue(startedRow.text().contains("Bezig") || startedRow.text().contains("Niet gestart"), startedRow.text());
            assertNotNull(startedRow.selectFirst("a[href=/scans/" + started + "]"));
            assertNull(startedRow.selectFirst("a[href=/scans/" + started + "/resultaten]"), "no results before submitting");
            Element doneRow = page.select("main tbody tr:has(a[href=/rondes/" + submitted + "])").first();
            assertTrue(doneRow.text().contains("Ingediend"), doneRow.text());
            assertNotNull(doneRow.selectFirst("a[href=/scans/" + done + "/resultaten]"));
            assertNotNull(page.selectFirst("a[href=/accounts/nieuw?rol=ADVISEUR&gemeente=" + assen + "]"), viewer);
            assertTrue(page.select("main a[href^=/accounts/]").size() > 1, "the accounts link to their pages");
        }
        Document adviser = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD).get("/gemeenten/GM0106").html();
        assertNull(adviser.selectFirst("a[href^=/accounts/nieuw]"), "an adviser invites nobody");
        assertEquals(200, app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/accounts/nieuw?rol=ADVISEUR&gemeente=" + assen).status(), "the invite link works for the coordinator");
    }
}
