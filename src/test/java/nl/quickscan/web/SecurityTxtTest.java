package nl.quickscan.web;

import io.micronaut.context.exceptions.ConfigurationException;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /.well-known/security.txt (RFC 9116) from the operator's settings; absent rather than with a made-up contact. */
class SecurityTxtTest {

    @Test
    void servedFromTheSettings() {
        TestApp app = TestApp.withSettings(Map.of("quickscan.security-contact",
                "mailto:security@example.nl, https://example.nl/kwetsbaarheid-melden", "quickscan.base-url", "https://quickscan.example.nl"));
        try {
            java.net.http.HttpResponse<byte[]> response = app.api().download(SecurityTxtController.PATH);
            assertEquals(200, response.statusCode());
            assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                    .replace(" ", "").toLowerCase());
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Contact: mailto:security@example.nl\nContact: https://example.nl/kwetsbaarheid-melden\n"), text);
            assertTrue(text.contains("\nPreferred-Languages: nl, en\n"), text);
            assertTrue(text.contains("\nCanonical: https://quickscan.example.nl/.well-known/security.txt\n"), text);
            Matcher expires = Pattern.compile("\nExpires: (\\S+)\n").matcher(text);
            assertTrue(expires.find(), text);
            Instant until = Instant.parse(expires.group(1));
            assertTrue(until.isAfter(Instant.now().plus(Duration.ofDays(90))) && until.isBefore(Instant.now().plus(Duration.ofDays(365))),
                    "less than a year ahead, as the RFC asks: " + until);
        } finally {
            app.stop();
        }
    }

    @Test
    void withoutAContactThereIsNoFile() {
        assertEquals(404, TestApp.h2().api().download(SecurityTxtController.PATH).statusCode());
    }

    @Test
    void theExpiryCanBeSetAndContactsMustBeMailtoOrHttps() {
        assertEquals("Contact: mailto:a@b.nl\nExpires: 2027-06-30T00:00:00Z\nPreferred-Languages: nl, en\nCanonical: https://x.nl/.well-known/security.txt\n",
                SecurityTxtController.text(SecurityTxtController.contacts("mailto:a@b.nl"), Instant.parse("2027-06-30T00:00:00Z"),
                        "https://x.nl/.well-known/security.txt"));
        assertThrows(ConfigurationException.class, () -> SecurityTxtController.contacts("security@example.nl"));
        assertThrows(ConfigurationException.class, () -> SecurityTxtController.contacts("http://example.nl/melden"));
        assertThrows(ConfigurationException.class, () -> SecurityTxtController.contacts("mailto:a@b.nl\nExpires: 2099"));
    }
}
