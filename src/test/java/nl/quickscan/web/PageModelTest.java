package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The layout's values (account and CSRF token) reach every page: a controller's page record and an error page. */
class PageModelTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void aPageRecordIsShownInTheLayoutOfTheLoggedInAccount(TestApp app) {
        Browser browser = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertLayoutOfBeheerder(browser.get("/vragenlijsten").html(), browser);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anErrorPageIsShownInTheLayoutToo(TestApp app) {
        Browser browser = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        Document page = browser.get("/bestaat-niet").html();
        assertEquals("Pagina niet gevonden", page.selectFirst("h1").text());
        assertLayoutOfBeheerder(page, browser);

        assertNull(app.browser().get("/bestaat-niet").html().selectFirst(".site-header__account"), "no account, no menu");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theMenuMarksThePageShownAndTheStartPageGreetsByName(TestApp app) {
        Browser browser = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals("Welkom, Demo beheerder", browser.get("/").html().selectFirst("h1").text());
        assertEquals(List.of("/vragenlijsten"), browser.get("/vragenlijsten/quickscan-seksueel-geweld/1").html()
                .select(".site-nav a[aria-current=page]").eachAttr("href"), "a page below a menu item belongs to it");
        assertEquals(List.of("/"), browser.get("/").html().select(".site-nav a[aria-current=page]").eachAttr("href"));
        assertEquals(List.of(), browser.get("/bestaat-niet").html().select(".site-nav a[aria-current]").eachAttr("href"));
    }

    private static void assertLayoutOfBeheerder(Document page, Browser browser) {
        assertEquals("Demo beheerder (Beheerder)", page.selectFirst(".site-header__account > span").text());
        assertFalse(page.select("a[href=/beheer/audit]").isEmpty(), "the beheerder's menu");
        String token = page.select("form[action=/logout] input[name=_csrf]").attr("value");
        assertFalse(token.isEmpty());
        assertEquals(browser.csrfToken(), token);
    }
}
