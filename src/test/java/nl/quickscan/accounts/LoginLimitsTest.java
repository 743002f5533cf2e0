package nl.quickscan.accounts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static nl.quickscan.accounts.LoginTest.parallel;
import static nl.quickscan.accounts.LoginTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on login attempts, each on an app of its own with low limits (the shared test apps have them raised,
 * since every test comes from 127.0.0.1). The windows are an hour, so that nothing refills during a test.
 */
class LoginLimitsTest {

    private static final String TOKEN = "/api/v1/auth/token";

    private static TestApp app(Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "quickscan.login-address-window-seconds", 3600,
                "quickscan.login-account-window-seconds", 3600));
        all.putAll(settings);
        return TestApp.withSettings(all);
    }

    private static String unknown() {
        return "niemand-" + System.nanoTime() + "@example.nl";
    }

    @Test
    void afterTheLimitOneAddressGets429WithRetryAfterWhileAnotherAddressStillGetsThrough() throws IOException {
        TestApp app = app(Map.of("quickscan.login-attempts-per-address", 5));
        try {
            Api api = app.api();
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(401, api.postJson(TOKEN, token(unknown(), "niet-het-wachtwoord")).status(), "attempt " + attempt);
            }
            Response refused = api.postJson(TOKEN, token(unknown(), "niet-het-wachtwoord"));
            assertEquals(429, refused.status(), refused::toString);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 720, "one attempt comes back every 12 minutes: " + retryAfter);
            assertEquals(LoginGate.TOO_MANY_ATTEMPTS.formatted(retryAfter), refused.json().get("message"));

            Response page = app.browser().tryLogin("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
            assertEquals(429, page.status(), "the form counts for the same address");
            assertTrue(page.headers().firstValue("Retry-After").isPresent());
            assertTrue(page.html().text().contains("U heeft te vaak geprobeerd in te loggen."), page::toString);

            assertEquals(401, postFrom("127.0.0.2", app, token(unknown(), "niet-het-wachtwoord")),
                    "another client address has attempts of its own");
        } finally {
            app.stop();
        }
    }

    @Test
    void theCodeStepCountsTowardsTheSameLimitPerAddress() {
        TestApp app = app(Map.of("quickscan.login-attempts-per-address", 3));
        try {
            Account account = Fixtures.adviseur(app, "GM0014");
            String secret = SecondFactorTest.enroll(app.api().login(account.email(), Fixtures.PASSWORD), new ArrayList<>());
            nl.quickscan.support.Browser browser = app.browser();
            browser.get("/login");
            Response step = browser.post("/login", "email", account.email(), "password", Fixtures.PASSWORD);
            assertEquals(200, step.status(), "the second attempt of this address: the code form");
            Map<String, String> fields = nl.quickscan.support.Browser.fieldsOf(step.html().selectFirst("form[action=/login/code]"));
            fields.put("code", "abcd-efgh");
            Response wrong = browser.post("/login/code", fields);
            assertEquals(401, wrong.status(), "the third: a wrong code");
            fields = nl.quickscan.support.Browser.fieldsOf(wrong.html().selectFirst("form[action=/login/code]"));
            fields.put("code", SecondFactorTest.code(secret, 1));
            Response refused = browser.post("/login/code", fields);
            assertEquals(429, refused.status(), refused::toString);
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.html().text().contains("U heeft te vaak geprobeerd in te loggen."), refused::toString);
            assertTrue(browser.cookie("QUICKSCAN_SESSION") == null || browser.cookie("QUICKSCAN_SESSION").isEmpty());
        } finally {
            app.stop();
        }
    }

    @Test
    void aFloodOf32ParallelLoginPostsGets429s() throws Exception {
        TestApp app = app(Map.of("quickscan.login-attempts-per-address", 5));
        try {
            List<Response> responses = parallel(32, i -> app.browser().tryLogin(unknown(), "geraden-" + i));
            long refused = responses.stream().filter(response -> response.status() == 429).count();
            assertEquals(27, refused, () -> responses.stream().map(Response::status).toList().toString());
            assertTrue(responses.stream().allMatch(response -> response.status() == 401 || response.status() == 429));
            assertTrue(responses.stream().filter(response -> response.status() == 429)
                    .allMatch(response -> response.headers().firstValue("Retry-After").isPresent()));
        } finally {
            app.stop();
        }
    }

    @Test
    void anAccountHasALimitOfItsOwnWhateverTheAddressAndALoginStartsItAgain() {
        TestApp app = app(Map.of("quickscan.login-attempts-per-account", 3,
                "quickscan.client-ip-header", "X-Forwarded-For"));
        try {
            Account account = Fixtures.adviseur(app, "GM0047");
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertEquals(401, fromAddress(app, "192.0.2." + attempt, token(account.email(), "fout")).status());
            }
            assertEquals(200, fromAddress(app, "192.0.2.3", token(account.email(), Fixtures.PASSWORD)).status());
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertEquals(401, fromAddress(app, "198.51.100." + attempt, token(account.email(), "fout")).status(),
                        "the successful login gave the account its attempts back; attempt " + attempt);
            }
            Response refused = fromAddress(app, "198.51.100.4", token(account.email(), Fixtures.PASSWORD));
            assertEquals(429, refused.status(), "a new address does not help against the limit per account");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());

            String unknown = unknown();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertEquals(401, fromAddress(app, "203.0.113." + attempt, token(unknown, "fout")).status());
            }
            Response unknownRefused = fromAddress(app, "203.0.113.4", token(unknown, "fout"));
            assertEquals(429, unknownRefused.status(), "an unknown address is limited the same way");
            assertEquals(refused.json().get("message").toString().replaceAll("\\d+", "N"),
                    unknownRefused.json().get("message").toString().replaceAll("\\d+", "N"));
        } finally {
            app.stop();
        }
    }

    @Test
    void theClientAddressHeaderCountsOnlyWhenConfigured() {
        TestApp trusting = app(Map.of("quickscan.login-attempts-per-address", 2,
                "quickscan.client-ip-header", "X-Forwarded-For"));
        TestApp plain = app(Map.of("quickscan.login-attempts-per-address", 2));
        try {
            for (int client = 1; client <= 4; client++) {
                assertEquals(401, fromAddress(trusting, "10.9.8.7, 192.0.2." + client, token(unknown(), "fout")).status(),
                        "behind the proxy, the last address in the header is the client");
            }
            for (int client = 1; client <= 2; client++) {
                assertEquals(401, fromAddress(plain, "192.0.2." + client, token(unknown(), "fout")).status());
            }
            assertEquals(429, fromAddress(plain, "192.0.2.3", token(unknown(), "fout")).status(),
                    "without the setting the header is ignored: all three came from 127.0.0.1");
        } finally {
            trusting.stop();
            plain.stop();
        }
    }

    @Test
    void loginsBeyondTheQueueAreRefusedAtOnceAndPagesDoNotWaitForLogins() throws Exception {
        TestApp app = app(Map.of("quickscan.login-queue", 2));
        CountDownLatch release = new CountDownLatch(1);
        try {
            ExecutorService logins = app.bean(ApplicationContext.class)
                    .getBean(ExecutorService.class, Qualifiers.byName("logins"));
            CountDownLatch occupied = new CountDownLatch(2);
            for (int thread = 0; thread < 2; thread++) {
                logins.submit(() -> {
                    occupied.countDown();
                    release.await();
                    return null;
                });
            }
            assertTrue(occupied.await(10, TimeUnit.SECONDS), "both login threads are taken");

            List<CompletableFuture<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(CompletableFuture.supplyAsync(() -> app.api().postJson(TOKEN, token(unknown(), "fout"))));
            }
            List<Response> refused = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (refused.size() < 4 && System.nanoTime() < deadline) {
                refused.clear();
                attempts.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).forEach(refused::add);
                Thread.sleep(20);
            }
            assertEquals(4, refused.size(), "two logins wait for a thread, the four others are refused at once");
            for (Response response : refused) {
                assertEquals(503, response.status(), response::toString);
                assertEquals(LoginGate.BUSY, response.json().get("message"));
                assertEquals(String.valueOf(LoginGate.BUSY_RETRY_SECONDS), response.headers().firstValue("Retry-After").orElseThrow());
            }
            assertEquals(200, app.browser().get("/login").status(), "pages are served while the logins wait");

            release.countDown();
            for (CompletableFuture<Response> attempt : attempts) {
                int status = attempt.get(30, TimeUnit.SECONDS).status();
                assertTrue(status == 401 || status == 503, "status " + status);
            }
            assertEquals(2, attempts.stream().filter(attempt -> attempt.join().status() == 401).count(),
                    "the two waiting logins were checked once a thread was free");
        } finally {
            release.countDown();
            app.stop();
        }
    }

    private static Response fromAddress(TestApp app, String forwardedFor, String json) {
        return app.api().send("POST", TOKEN, "application/json", json, Map.of("X-Forwarded-For", forwardedFor));
    }

    /** Posts JSON over a connection from the given local address (any of 127.0.0.0/8 works on Linux); the status. */
    private static int postFrom(String localAddress, TestApp app, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", app.uri("/").getPort()), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + TOKEN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
