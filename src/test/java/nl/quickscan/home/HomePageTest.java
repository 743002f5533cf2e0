package nl.quickscan.home;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start page leads each role to what is open now: the adviser to the scan, the coordinator to the round. */
class HomePageTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void theStartPageShowsTheOpenRoundWithTheNextStep(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 3);
        Account adviser = Fixtures.adviseur(app, regio.codes().get(0));
        assertTrue(round(app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/").html(), null).text()
                .contains("Er is nu geen meetronde open. Uw regiocoördinator opent een meetronde."));

        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(9));
        Element fresh = round(app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/").html(), round);
        assertTrue(fresh.text().contains("(nog 9 dagen)") && fresh.text().contains("Uw gemeente is nog niet begonnen."), fresh::text);
        assertEquals("/scans", fresh.selectFirst("a.utrecht-button-link--primary-action").attr("href"));

        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scan = Scans.start(api, round);
        Element started = round(app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/").html(), round);
        assertTrue(started.text().contains("Uw quickscan: Niet gestart."), started::text);
        assertEquals("/scans/" + scan, started.selectFirst("a.utrecht-button-link--primary-action").attr("href"));

        Element coordinator = round(regio.coordinatorPages(app).get("/").html(), round);
        assertTrue(coordinator.text().contains("Ingediend: 0 van de 3 gemeenten."), coordinator::text);
        assertEquals("/rondes/" + round, coordinator.selectFirst("a.utrecht-button-link--primary-action").attr("href"));

        Document beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD).get("/").html();
        assertNull(beheerder.selectFirst("main table"), "no list of every gemeente on the beheerder's start page");
        assertNull(beheerder.selectFirst("section.home-round"));
    }

    /** The section of the round, or without a round id the main element. */
    private static Element round(Document page, Long roundId) {
        return roundId == null ? page.selectFirst("main") : page.selectFirst("section[aria-labelledby=ronde-" + roundId + "]");
    }
}
