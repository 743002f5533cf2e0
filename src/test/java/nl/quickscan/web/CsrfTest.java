package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.RegioRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
                        "Cookie", "QUICKSCAN_SESSION=" + browser.cookie("QUICKSCAN_SESSION")));
        assertEquals(303, withHeader.status(), withHeader::toString);
        assertTrue(app.bean(RegioRepository.class).findByName(name).isPresent());
    }

    /** A form post sent with the browser's own session cookie, as a forging page would make the browser send it. */
    private static Response forge(TestApp app, Browser victim, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "text/html");
        all.merge("Cookie", "QUICKSCAN_SESSION=" + victim.cookie("QUICKSCAN_SESSION"), (planted, session) -> planted + "; " + session);
        return app.api().send("POST", path, "application/x-www-form-urlencoded", body, all);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anAuthorizationHeaderDoesNotSwitchTheCheckOffForACookieSession(TestApp app) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        for (String authorization : new String[] {"Basic YWRtaW46YWRtaW4=", "Negotiate abc", "Bearer not-a-token"}) {
            String name = "Regio via " + authorization.split(" ")[0] + " " + System.nanoTime();
            Response forged = forge(app, beheerder, "/beheer/regios", "name=" + name.replace(' ', '+'),
                    Map.of("Authorization", authorization));
            assertEquals(403, forged.status(), authorization + ": " + forged);
            assertTrue(app.bean(RegioRepository.class).findByName(name).isEmpty(), authorization + ": nothing created");
        }
        Response json = app.api().send("POST", "/api/v1/rounds", "application/json", "{\"name\":\"x\"}",
                Map.of("Cookie", "QUICKSCAN_SESSION=" + beheerder.cookie("QUICKSCAN_SESSION")));
        assertEquals(403, json.status(), "JSON with the session cookie needs the token too: " + json);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aPlantedTokenCookieIsWorthlessOnceLoggedIn(TestApp app) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String planted = "p".repeat(43);
        String name = "Regio met geplant token " + System.nanoTime();
        Response forged = forge(app, beheerder, "/beheer/regios", "_csrf=" + planted + "&name=" + name.replace(' ', '+'),
                Map.of("Cookie", "QUICKSCAN_CSRF=" + planted));
        assertEquals(403, forged.status(), forged::toString);
        assertTrue(app.bean(RegioRepository.class).findByName(name).isEmpty());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theTokenIsRenewedAtLoginAndBoundToTheSession(TestApp app) {
        Browser browser = app.browser();
        browser.get("/login");
        String beforeLogin = browser.csrfToken();
        String cookieBeforeLogin = browser.cookie("QUICKSCAN_CSRF");
        browser.login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String firstSession = browser.csrfToken();
        assertNotEquals(beforeLogin, firstSession, "the token changes at login");
        assertNotEquals(cookieBeforeLogin, browser.cookie("QUICKSCAN_CSRF"), "the pre-login cookie is renewed at login");

        Browser other = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertNotEquals(firstSession, other.csrfToken(), "every session has its own token");
        String name = "Regio met token van andere sessie " + System.nanoTime();
        assertEquals(403, forge(app, other, "/beheer/regios", "_csrf=" + firstSession + "&name=" + name.replace(' ', '+'),
                Map.of()).status(), "another session's token is refused");
        assertTrue(app.bean(RegioRepository.class).findByName(name).isEmpty());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aPostMarkedAsCrossSiteIsRefusedEvenWithTheToken(TestApp app) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String token = beheerder.csrfToken();
        List<Map<String, String>> crossSite = List.of(Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"), Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"));
        for (Map<String, String> headers : crossSite) {
            String name = "Regio van elders " + System.nanoTime();
            Response refused = forge(app, beheerder, "/beheer/regios", "_csrf=" + token + "&name=" + name.replace(' ', '+'), headers);
            assertEquals(403, refused.status(), headers + ": " + refused);
            assertTrue(app.bean(RegioRepository.class).findByName(name).isEmpty(), headers + ": nothing created");
        }
        String own = app.uri("/").toString().replaceAll("/$", "");
        String name = "Regio van deze site " + System.nanoTime();
        Response accepted = forge(app, beheerder, "/beheer/regios", "_csrf=" + token + "&name=" + name.replace(' ', '+'),
                Map.of("Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertEquals(303, accepted.status(), accepted::toString);
    }
}
