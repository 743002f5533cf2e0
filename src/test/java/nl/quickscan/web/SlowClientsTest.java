package nl.quickscan.web;

import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages are served from a fixed pool of threads. Clients that start a form post and then stall (more of them than
 * that pool has threads) must not stop the pages: the CSRF check waits for their bodies on a pool of its own.
 */
class SlowClientsTest {

    @Test
    void stalledFormPostsDoNotStopThePages() throws Exception {
        TestApp app = TestApp.h2();
        URI login = app.uri("/login");
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket(login.getHost(), login.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: QUICKSCAN_CSRF=" + "a".repeat(43) + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n_csrf=aaa")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(500); // let the server take up the stalled posts
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(login)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
