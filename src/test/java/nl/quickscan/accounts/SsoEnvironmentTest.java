package nl.quickscan.accounts;

import nl.quickscan.support.AppProcess;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The identity providers come from the environment variables the issue names (a contract), NAME with underscores too. */
class SsoEnvironmentTest {

    @Test
    void providersAreReadFromTheirEnvironmentVariables(@TempDir Path dir) throws Exception {
        AppProcess app = new AppProcess(Map.ofEntries(
                Map.entry("QUICKSCAN_DATA_DIR", dir.resolve("data").toString()),
                Map.entry("QUICKSCAN_OIDC_NOORD_HOLLAND_ISSUER", "https://login.noord-holland.invalid/realms/gemeenten/"),
                Map.entry("QUICKSCAN_OIDC_NOORD_HOLLAND_CLIENT_ID", "quickscan"),
                Map.entry("QUICKSCAN_OIDC_NOORD_HOLLAND_CLIENT_SECRET", "geheim"),
                Map.entry("QUICKSCAN_OIDC_NOORD_HOLLAND_DOMAINS", "noord-holland.test,ook.test"),
                Map.entry("QUICKSCAN_OIDC_NOORD_HOLLAND_DISPLAY_NAME", "Regio Noord-Holland"),
                Map.entry("QUICKSCAN_OIDC_GRONINGEN_ISSUER", "https://login.groningen.invalid"),
                Map.entry("QUICKSCAN_OIDC_GRONINGEN_CLIENT_ID", "quickscan"),
                Map.entry("QUICKSCAN_OIDC_GRONINGEN_CLIENT_SECRET", "geheim"),
                Map.entry("QUICKSCAN_OIDC_GRONINGEN_DOMAINS", "groningen.test"),
                Map.entry("QUICKSCAN_OIDC_GRONINGEN_DISPLAY_NAME", "Gemeente Groningen")), dir.resolve("app.log"));
        try {
            app.start();
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/login")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Document page = Jsoup.parse(login.body());
            assertEquals(List.of("Inloggen met Gemeente Groningen", "Inloggen met Regio Noord-Holland"),
                    page.select("a[href^=/sso/]").eachText(), app::logTail);
            assertEquals(List.of("/sso/groningen?terug=%2F", "/sso/noord-holland?terug=%2F"),
                    page.select("a[href^=/sso/]").eachAttr("href"));
        } finally {
            app.kill();
        }
    }
}
