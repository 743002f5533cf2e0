package nl.quickscan.accounts;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every /sso request counts towards a limit per client address, checked before anything else: each callback makes
 * the app call the provider, so an unbounded stream of them would make the app an amplifier. An app of its own,
 * so that the low limit here does not touch other tests.
 */
class SsoRateLimitTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSettings(Map.of("quickscan.sso-requests-per-address", "3",
                "quickscan.sso-address-window-seconds", "600"));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void startsAndCallbacksBeyondTheLimitGet429WithADutchMessage() {
        Browser browser = app.browser();
        assertEquals(404, browser.get("/sso/onbekend").status(), "within the limit: an unknown provider is not found");
        assertEquals(404, browser.get("/sso/onbekend/callback?state=x&code=y").status());
        assertEquals(404, browser.get("/sso/onbekend?terug=/scans").status());

        for (String path : new String[] {"/sso/onbekend?terug=/scans", "/sso/onbekend/callback?state=x&code=y"}) {
            Response refused = browser.get(path);
            assertEquals(429, refused.status(), refused::toString);
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(refused.html().text().contains("U heeft te vaak geprobeerd in te loggen."), refused::toString);
        }
        assertEquals(200, browser.get("/login").status(), "the password login page is not limited by it");
    }
}
