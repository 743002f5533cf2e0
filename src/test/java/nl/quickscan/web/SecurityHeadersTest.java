package nl.quickscan.web;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of response carries the security headers; only versioned static files (CSS, scripts, the favicon) may be cached long. */
class SecurityHeadersTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesApiDownloadsAndErrorsAreProtectedAndNeverStored(TestApp app) {
        Browser anonymous = app.browser();
        Browser adviser = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        Api api = app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        long scanId = Scans.start(api, Rounds.open(app, "coordinator.drenthe@quickscan.test"));

        Map<String, HttpHeaders> responses = Map.of(
                "login page", expect(200, anonymous.get("/login")),
                "page with personal data", expect(200, adviser.get("/scans/" + scanId)),
                "JSON API", expect(200, api.get("/api/v1/me")),
                "JSON API error", expect(404, api.get("/api/v1/scans/999999999")),
                "404 page", expect(404, adviser.get("/bestaat-niet")),
                "403 CSRF page", expect(403, adviser.postWithoutToken("/logout")),
                "401 API", expect(401, app.api().get("/api/v1/me")),
                "PDF download", download(api, "/api/v1/scans/" + scanId + "/report.pdf"),
                "unversioned static file", expect(200, anonymous.get("/static/app.css")));
        responses.forEach((what, headers) -> {
            assertEquals(Optional.of(CSP), headers.firstValue("Content-Security-Policy"), what);
            assertEquals(Optional.of("DENY"), headers.firstValue("X-Frame-Options"), what);
            assertEquals(Optional.of("nosniff"), headers.firstValue("X-Content-Type-Options"), what);
            assertEquals(Optional.of("same-origin"), headers.firstValue("Referrer-Policy"), what);
            assertEquals(Optional.empty(), headers.firstValue("Strict-Transport-Security"), what + ": no HSTS over plain HTTP");
            assertEquals(List.of(what.contains("static") ? "public, max-age=300" : "no-store"),
                    headers.allValues("Cache-Control"), what);
        });
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void staticFilesNamedByThePagesAreVersionedByContentAndCachedForAYear(TestApp app) {
        Browser browser = app.browser();
        Response login = browser.get("/login");
        List<String> urls = new ArrayList<>(login.html().select("link[rel=stylesheet]").eachAttr("href"));
        assertEquals(2, urls.size(), "the components' CSS and the app's own: " + urls);
        urls.add(login.html().selectFirst("link[rel=icon][type='image/svg+xml']").attr("href"));
        for (String url : urls) {
            assertTrue(url.matches("/static/[\\w./-]+\\.(css|svg)\\?v=[0-9a-f]{10}"), url);
            Response file = expect(200, browser, url);
            assertEquals(List.of("public, max-age=31536000, immutable"), file.headers().allValues("Cache-Control"), url);
            assertEquals(Optional.of("nosniff"), file.headers().firstValue("X-Content-Type-Options"), url);
            assertEquals(Optional.of(url.contains(".svg") ? "image/svg+xml" : "text/css"),
                    file.headers().firstValue("Content-Type").map(type -> type.replaceFirst(";.*", "")), url);
            String stale = url.replaceAll("v=[0-9a-f]+", "v=0000000000");
            assertEquals(List.of("public, max-age=300"), expect(200, browser, stale).headers().allValues("Cache-Control"),
                    "another version is not kept long: " + stale);
        }
        Response missing = browser.get("/static/bestaat-niet.css?v=0000000000");
        assertEquals(404, missing.status());
        assertEquals(List.of("no-store"), missing.headers().allValues("Cache-Control"));

        Browser adviser = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        String printScript = adviser.get("/vragenlijsten/quickscan-seksueel-geweld/1").html()
                .selectFirst("script[src^=/static/print.js]").attr("src");
        assertTrue(printScript.matches("/static/print\\.js\\?v=[0-9a-f]{10}"), printScript);
        assertTrue(expect(200, browser, printScript).body().contains("window.print()"));
    }

    @Test
    void strictTransportSecurityOnlyWithSecureCookies() {
        TestApp secure = TestApp.withSettings(Map.of("quickscan.secure-cookies", true));
        try {
            for (Response response : List.of(secure.browser().get("/login"), secure.browser().get("/bestaat-niet"),
                    secure.api().get("/api/v1/me"), secure.browser().get("/static/app.css"))) {
                assertEquals(Optional.of("max-age=31536000; includeSubDomains"),
                        response.headers().firstValue("Strict-Transport-Security"), response::toString);
            }
        } finally {
            secure.stop();
        }
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void noPageHasInlineScriptsHandlersOrStyles(TestApp app) {
        Browser adviser = app.browser().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        Api api = app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        long scanId = Scans.start(api, Rounds.open(app, "coordinator.drenthe@quickscan.test"));
        for (String path : List.of("/", "/scans", "/scans/" + scanId, "/scans/" + scanId + "/deel/visie",
                "/scans/" + scanId + "/resultaten", "/vragenlijsten", "/vragenlijsten/quickscan-seksueel-geweld/1",
                "/bestaat-niet")) {
            var html = adviser.get(path).html();
            assertTrue(html.select("script:not([src])").isEmpty(), path + ": inline script");
            assertTrue(html.select("[style], style").isEmpty(), path + ": inline style");
            html.getAllElements().forEach(element -> element.attributes().forEach(attribute ->
                    assertFalse(attribute.getKey().startsWith("on"), path + ": handler " + attribute)));
        }
    }

    private static HttpHeaders expect(int status, Response response) {
        assertEquals(status, response.status(), response::toString);
        return response.headers();
    }

    private static Response expect(int status, Browser browser, String path) {
        Response response = browser.get(path);
        assertEquals(status, response.status(), () -> path + ": " + response);
        return response;
    }

    private static HttpHeaders download(Api api, String path) {
        var response = api.download(path);
        assertEquals(200, response.statusCode(), path);
        return response.headers();
    }
}
