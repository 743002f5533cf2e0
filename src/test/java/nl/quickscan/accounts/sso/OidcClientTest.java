package nl.quickscan.accounts.sso;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A misbehaving provider, served here by the JDK's own HTTP server: an answer that is not usable is a refusal with
 * its reason (never an exception that becomes a 500), and no answer holds a thread longer than the timeout.
 */
class OidcClientTest {

    private HttpServer server;
    private String issuer;
    private volatile String discovery;
    private volatile boolean trickle;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/proef";
        server.createContext("/proef/.well-known/openid-configuration", exchange -> {
            byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, trickle ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (trickle) {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        sleep(Duration.ofMillis(500));
                    }
                } else {
                    out.write(body);
                }
            } catch (IOException gaveUp) {
                // the client closed the connection
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SsoProvider provider() {
        return new SsoProvider("proef", "Proef", issuer, "client", "geheim", Set.of("proef.test"), false, null);
    }

    private String document(String tokenEndpoint) {
        return """
                {"issuer": "%s", "authorization_endpoint": "%s/authorize", "token_endpoint": "%s",
                 "jwks_uri": "%s/jwks"}""".formatted(issuer, issuer, tokenEndpoint, issuer);
    }

    @Test
    void aUsableDocumentIsRead() throws SsoRefusal {
        discovery = document(issuer + "/token");
        assertEquals(issuer + "/token", new OidcClient().metadata(provider()).tokenEndpoint().toString());
    }

    @Test
    void aRelativeOrMalformedEndpointIsASetupProblem() {
        for (String endpoint : new String[] {"/token", "token", "http://[niet", "ftp://127.0.0.1/token"}) {
            discovery = document(endpoint);
            SsoRefusal refusal = assertThrows(SsoRefusal.class, () -> new OidcClient().metadata(provider()), endpoint);
            assertEquals(SsoProblem.SETUP, refusal.problem(), endpoint);
        }
    }

    @Test
    void aTooLargeAnswerIsRefused() {
        discovery = document(issuer + "/token").replace("}", ", \"pad\": \"" + "x".repeat(OidcClient.MAX_RESPONSE_BYTES) + "\"}");
        SsoRefusal refusal = assertThrows(SsoRefusal.class, () -> new OidcClient().metadata(provider()));
        assertEquals(SsoProblem.PROVIDER_UNREACHABLE, refusal.problem());
    }

    @Test
    void anAnswerThatTricklesInIsGivenUpOnAtTheTimeout() {
        discovery = document(issuer + "/token"); // about 200 bytes at two a second: 100 s
        trickle = true;
        Instant started = Instant.now();
        SsoRefusal refusal = assertThrows(SsoRefusal.class, () -> new OidcClient().metadata(provider()));
        Duration took = Duration.between(started, Instant.now());
        assertEquals(SsoProblem.PROVIDER_UNREACHABLE, refusal.problem());
        assertTrue(took.compareTo(OidcClient.REQUEST_TIMEOUT.plusSeconds(3)) < 0, "gave up after " + took);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
