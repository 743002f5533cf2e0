package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.RegioRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void aFormPostWithoutTokenIsRefusedAndChangesNothing(TestApp app) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        Response refused = beheerder.postWithoutToken("/beheer/regios", "name", "Regio zonder token");
        assertEquals(403, refused.status());
        assertTrue(refused.html().text().contains("Dit formulier is verlopen of kwam niet van deze website"));
        assertTrue(app.bean(RegioRepository.class).findByName("Regio zonder token").isEmpty(), "nothing created");

        Response forged = beheerder.postWithoutToken("/beheer/regios", "name", "Regio met vals token", "_csrf", "x".repeat(43));
        assertEquals(403, forged.status());
        assertTrue(app.bean(RegioRepository.class).findByName("Regio met vals token").isEmpty());

        assertEquals(303, beheerder.post("/beheer/regios", "name", "Regio met token " + System.nanoTime()).status(),
                "the same form with the page's token works");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void loginAndLogoutNeedTheTokenToo(TestApp app) {
        Browser browser = app.browser();
        browser.get("/login");
        assertEquals(403, browser.postWithoutToken("/login", "email", "beheerder@quickscan.test",
                "password", TestApp.DEMO_PASSWORD).status());
        browser.login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(403, browser.postWithoutToken("/logout").status());
        assertEquals(200, browser.get("/").status(), "still logged in: a forged logout does nothing");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theTokenInTheHeaderIsAcceptedForScriptsOnThePage(TestApp app) {
        Browser browser = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String name = "Regio via header " + System.nanoTime();
        Response withHeader = app.api().send("POST", "/beheer/regios", "application/x-www-form-urlencoded",
                "name=" + name.replace(' ', '+'), Map.of("Accept", "text/html", "X-CSRF-Token", browser.csrfToken(),
                        "Cookie", "QUICKSCAN_CSRF=" + browser.csrfToken() + "; QUICKSCAN_SESSION=" + browser.cookie("QUICKSCAN_SESSION")));
        assertEquals(303, withHeader.status(), withHeader::toString);
        assertTrue(app.bean(RegioRepository.class).findByName(name).isPresent());
    }
}
