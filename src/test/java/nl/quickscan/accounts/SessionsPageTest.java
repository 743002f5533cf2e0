package nl.quickscan.accounts;

import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Mijn sessies": the holder sees their own browser sessions and API tokens and ends one or all others. */
class SessionsPageTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void theHolderSeesTheirLoginsAndEndsOneOrAllOthers(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser here = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Browser elsewhere = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Api script = app.api().login(adviser.email(), Fixtures.PASSWORD);

        Document page = here.get("/account/sessies").html();
        List<Element> items = page.select("li.session-list__item");
        assertEquals(3, items.size(), page::toString);
        assertEquals(1, page.select(".session-list__item:has(.utrecht-status-badge)").size(), "the current one marked");
        assertEquals(1, page.select(".session-list__item:contains(API-token (Java-http-client))").size(), page::toString);
        assertEquals(2, page.select(".session-list__item form").size(), "only the others can be ended here");
        assertNotNull(here.get("/").html().selectFirst("a[href=/account/sessies]"), "linked from the header");

        Element otherBrowser = page.select(".session-list__item").stream()
                .filter(item -> item.selectFirst(".utrecht-status-badge") == null && !item.text().contains("API-token"))
                .findFirst().orElseThrow();
        String endPath = otherBrowser.selectFirst("form").attr("action");
        assertFalse(endPath.contains(here.cookie("QUICKSCAN_SESSION").substring(0, 10)), "no token in the page");
        assertEquals(403, here.postWithoutToken(endPath).status(), "without CSRF token");
        assertEquals(200, elsewhere.get("/").status(), "nothing ended");

        Response ended = here.post(endPath);
        assertEquals(303, ended.status(), ended::toString);
        assertTrue(here.get(ended.location()).html().text().contains("De sessie is beëindigd."));
        assertEquals(303, elsewhere.get("/").status(), "that browser is logged out");
        assertEquals(200, script.get("/api/v1/me").status(), "the others stay");
        assertEquals(404, here.post(endPath).status(), "already ended");

        assertEquals(303, here.post("/account/sessies/andere-beeindigen").status());
        assertEquals(401, script.get("/api/v1/me").status(), "the API token ended");
        Document after = here.get("/account/sessies").html();
        assertEquals(200, here.get("/").status(), "the own session stays");
        assertEquals(1, after.select("li.session-list__item").size());
        assertTrue(after.text().contains("U bent nergens anders ingelogd."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void endingTheCurrentSessionLogsOutAndClearsItsCookie(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser here = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        String current = app.bean(LoginSessionRepository.class).findAllLiveOf(adviser.id(), java.time.Instant.now()).get(0).id();
        Response ended = here.post("/account/sessies/" + SessionController.handle(current) + "/beeindigen");
        assertEquals(303, ended.status(), ended::toString);
        assertEquals("/login?uitgelogd=1", ended.location());
        assertTrue(ended.setCookies().stream().anyMatch(c -> c.startsWith("QUICKSCAN_SESSION=;") || c.contains("Max-Age=0")),
                ended.setCookies()::toString);
        assertEquals(303, here.get("/").status(), "logged out");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anotherAccountsSessionIsNotFound(TestApp app) {
        Account one = Fixtures.adviseur(app, "GM0106");
        Account other = Fixtures.adviseur(app, "GM0106");
        Browser mine = app.browser().login(one.email(), Fixtures.PASSWORD);
        Browser theirs = app.browser().login(other.email(), Fixtures.PASSWORD);
        app.browser().login(other.email(), Fixtures.PASSWORD);
        String theirEndPath = theirs.get("/account/sessies").html().selectFirst(".session-list__item form").attr("action");

        assertEquals(404, mine.post(theirEndPath).status());
        assertEquals(404, mine.post("/account/sessies/" + "0".repeat(20) + "/beeindigen").status());
        assertEquals(404, mine.post("/account/sessies/" + "x".repeat(300) + "/beeindigen").status());
        assertEquals(2, theirs.get("/account/sessies").html().select("li.session-list__item").size(), "nothing ended");
        assertEquals(303, app.browser().get("/account/sessies").status(), "only for the signed-in");
        Response anonymous = app.browser().post("/account/sessies/andere-beeindigen");
        assertEquals(307, anonymous.status(), "to the login, which keeps the form");
        assertTrue(anonymous.location().startsWith("/login"), anonymous::toString);
    }
}
