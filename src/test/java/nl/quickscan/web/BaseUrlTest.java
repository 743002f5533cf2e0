package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.RawHttp;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links are made from QUICKSCAN_BASE_URL only, never from the request's Host header; without demo mode the app
 * does not start without it. (With a configured base URL: {@code PasswordResetTest}.)
 */
class BaseUrlTest {

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void inDemoModeWithoutABaseUrlLinksGoToLocalhostWhateverTheHostHeader(TestApp app) {
        Browser coordinator = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        String response = RawHttp.postForm(app, coordinator, "aanvaller.example", "/accounts",
                "email", "host-" + System.nanoTime() + "%40assen.nl", "displayName", "Andere+host",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")));
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("<code>http://localhost:" + app.uri("/").getPort() + "/uitnodiging/"), response);
        assertFalse(response.contains("aanvaller.example"), response);
    }

    @Test
    void withoutDemoModeTheAppDoesNotStartWithoutABaseUrl() {
        Throwable failure = assertThrows(Throwable.class,
                () -> TestApp.withSettings(Map.of("quickscan.demo", false, "quickscan.base-url", "")).stop());
        assertTrue(rootMessage(failure).contains("QUICKSCAN_BASE_URL must be set when demo mode is off"), rootMessage(failure));
    }

    @Test
    void aBaseUrlThatIsNoHttpAddressStopsTheApp() {
        Throwable failure = assertThrows(Throwable.class,
                () -> TestApp.withSettings(Map.of("quickscan.base-url", "quickscan.example.nl")).stop());
        assertTrue(rootMessage(failure).contains("QUICKSCAN_BASE_URL must be an http:// or https:// address"),
                rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
