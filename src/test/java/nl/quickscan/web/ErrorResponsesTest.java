package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorResponsesTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void healthIsUpOnceTheAppCanServe(TestApp app) {
        Response health = app.api().get("/health");
        assertEquals(200, health.status());
        assertEquals(Map.of("status", "UP"), health.json());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void unknownAddressesAnswer404InTheCallersLanguage(TestApp app) {
        Response json = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD).get("/api/v1/bestaat-niet");
        assertEquals(404, json.status());
        assertEquals("Deze pagina bestaat niet (meer), of u heeft er geen toegang toe.", json.json().get("message"));
        assertEquals(List.of(), json.json().get("errors"));

        Browser browser = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        Response page = browser.get("/bestaat-niet");
        assertEquals(404, page.status());
        assertEquals("Pagina niet gevonden", page.html().selectFirst("h1").text());
        assertEquals(404, app.browser().get("/bestaat-niet").status(), "anonymous callers get 404 too");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anAddressWithBrokenEncodingGets400(TestApp app) {
        String response = nl.quickscan.support.RawHttp.send(app,
                "GET /uitnodiging/abc%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html", "");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("Dit adres klopt niet"), response);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void wrongMethodsAndContentTypesGetAClearAnswerWithoutStackTrace(TestApp app) {
        Response wrongMethod = app.api().send("DELETE", "/api/v1/auth/token", "application/json", "{}", Map.of());
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
        assertFalse(wrongMethod.body().contains("Exception"));

        // A text/plain post is what a cross-site form can send: refused by the CSRF check before anything runs.
        Response crossSiteType = app.api().send("POST", "/api/v1/auth/token", "text/plain", "username=x", Map.of());
        assertEquals(403, crossSiteType.status(), crossSiteType::toString);
        assertTrue(((String) crossSiteType.json().get("message")).startsWith("Dit formulier is verlopen"));

        Response wrongType = app.api().send("POST", "/api/v1/auth/token", "text/plain", "username=x",
                Map.of("Authorization", "Bearer script"));
        assertEquals(415, wrongType.status(), wrongType::toString);
        assertTrue(((String) wrongType.json().get("message")).startsWith("Dit soort gegevens wordt hier niet aangenomen"));
        assertFalse(wrongType.body().contains("Exception"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesUseTheNlDesignSystemStylesheetsThatShipWithTheApp(TestApp app) {
        Response page = app.browser().get("/login");
        List<String> stylesheets = page.html().select("link[rel=stylesheet]").eachAttr("href");
        assertTrue(stylesheets.stream().anyMatch(href -> href.contains("vendor/nl-design-system/utrecht-components-")));
        for (String href : stylesheets) {
            Response css = app.browser().get(href);
            assertEquals(200, css.status(), href);
            assertTrue(css.body().length() > 100, href);
        }
    }
}
