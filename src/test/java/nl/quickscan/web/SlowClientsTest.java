package nl.quickscan.web;

import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that start a form post and then stall must cost neither threads nor the pages of others: bodies are
 * buffered as they arrive, without a thread waiting for them, and a body that is not complete in time gets 408.
 */
class SlowClientsTest {

    private static final String STALLED_POST = "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: QUICKSCAN_CSRF="
            + "a".repeat(43) + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n_csrf=aaa";

    @Test
    void manyStalledFormPostsTakeNoThreadsAndDoNotStopThePages() throws Exception {
        TestApp app = TestApp.h2();
        URI login = app.uri("/login");
        get(login, Duration.ofSeconds(30)); // the server has started the threads it always uses (slow on a busy machine)
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                stalled.add(stalledPost(login));
            }
            Thread.sleep(1000); // let the server take up the stalled posts
            int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threadsDuring - threadsBefore < 20,
                    "200 stalled posts took " + (threadsDuring - threadsBefore) + " threads");
            assertEquals(200, get(login, Duration.ofSeconds(10)).statusCode());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408() throws Exception {
        TestApp app = TestApp.withSettings(Map.of("quickscan.request-body-seconds", 1));
        try (Socket socket = stalledPost(app.uri("/login"))) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 408", response);
        } finally {
            app.stop();
        }
    }

    private static Socket stalledPost(URI uri) throws Exception {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(STALLED_POST.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static HttpResponse<String> get(URI uri, Duration timeout) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
