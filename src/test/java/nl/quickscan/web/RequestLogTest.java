package nl.quickscan.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One JSON line per request, with the request id that the response's header, the error page and the JSON error
 * show; and none of what the user sent: no toelichting, no e-mail address, no query string.
 */
class RequestLogTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @ParameterizedTest
    @MethodSource(APPS)
    void theErrorPageAndItsLogLineShowTheSameRequestId(TestApp app) {
        String id = "proxy-" + System.nanoTime();
        List<Map<String, Object>> lines = logged(() -> {
            Response page = app.api().send("GET", "/geen-pagina/" + System.nanoTime(), "text/plain", "",
                    Map.of("Accept", "text/html", RequestIds.HEADER, id));
            assertEquals(404, page.status());
            assertEquals(id, page.headers().firstValue(RequestIds.HEADER).orElse(null));
            assertEquals(id, page.html().selectFirst("#request-id").text(), "the page names the request id");
        });
        Map<String, Object> line = only(lines, id);
        assertEquals("GET", line.get("method"));
        assertEquals(RequestLog.UNMATCHED, line.get("route"), "an unknown address is not logged as such");
        assertEquals(404, ((Number) line.get("status")).intValue());
        assertTrue(((Number) line.get("durationMs")).longValue() >= 0);
        assertEquals("INFO", line.get("level"));
        assertEquals(RequestLog.LOGGER, line.get("logger"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aJsonErrorCarriesTheRequestIdOfItsLogLine(TestApp app) {
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Response[] missing = new Response[1];
        List<Map<String, Object>> lines = logged(() -> missing[0] = adviser.get("/api/v1/scans/999999999"));
        assertEquals(404, missing[0].status());
        String id = (String) missing[0].json().get("requestId");
        assertEquals(id, missing[0].headers().firstValue(RequestIds.HEADER).orElse(null));
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertTrue(missing[0].json().containsKey("message") && missing[0].json().containsKey("errors"), "the fields it had");
        Map<String, Object> line = only(lines, id);
        assertEquals("/api/v1/scans/{id}", line.get("route"));
        assertEquals(Long.valueOf(Fixtures.accountId(app, "adviseur.groningen@quickscan.test")),
                ((Number) line.get("accountId")).longValue(), "the account by its id, not its name or address");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void whatTheUserSentStaysOutOfTheLog(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        var account = Fixtures.adviseur(app, regio.codes().get(0));
        String toelichting = "Toelichting-vertrouwelijk-" + System.nanoTime();
        String secret = "geheim" + System.nanoTime();
        List<Map<String, Object>> lines = logged(() -> {
            Api adviser = app.api().login(account.email(), Fixtures.PASSWORD);
            long scan = Scans.start(adviser, round);
            Response saved = adviser.send("PUT", "/api/v1/scans/" + scan + "/answers/visie-gedeelde-visie?token=" + secret,
                    "application/json", "{\"value\":\"2\",\"comment\":\"" + toelichting + "\",\"version\":0}", Map.of());
            assertEquals(200, saved.status(), saved::toString);
            assertEquals(401, app.browser().tryLogin(account.email(), "fout-wachtwoord").status());
        });
        assertTrue(lines.stream().anyMatch(line -> "/api/v1/scans/{id}/answers/{questionKey}".equals(line.get("route"))),
                "the save has its line: " + lines);
        assertTrue(lines.stream().anyMatch(line -> "POST".equals(line.get("method")) && "/login".equals(line.get("route"))));
        for (Map<String, Object> line : lines) {
            String text = line.toString();
            assertFalse(text.contains(toelichting), () -> "a toelichting in the log: " + text);
            assertFalse(text.contains(account.email()) || text.contains("@"), () -> "an e-mail address in the log: " + text);
            assertFalse(text.contains(secret) || text.contains("?"), () -> "a query string in the log: " + text);
        }
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anIncomingRequestIdThatIsLongOrOddIsReplaced(TestApp app) {
        for (String odd : List.of("x".repeat(RequestIds.MAX_LENGTH + 1), "met spatie", "<script>", "a\"b")) {
            Response response = app.api().send("GET", "/health/liveness", "text/plain", "", Map.of(RequestIds.HEADER, odd));
            String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertTrue(id.matches("[0-9a-f]{16}"), () -> odd + " became " + id);
        }
        String plain = "Ab-9_x.y:" + "z".repeat(RequestIds.MAX_LENGTH - 9);
        assertEquals(plain, app.api().send("GET", "/health/liveness", "text/plain", "", Map.of(RequestIds.HEADER, plain))
                .headers().firstValue(RequestIds.HEADER).orElseThrow());
    }

    /** The request lines logged while {@code action} ran, as the shipped layout writes them, each parsed as JSON. */
    private static List<Map<String, Object>> logged(Runnable action) {
        Logger requests = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        requests.addAppender(appender);
        ch.qos.logback.classic.Level level = requests.getLevel();
        requests.setLevel(ch.qos.logback.classic.Level.INFO); // the test apps log requests at WARN only
        try {
            action.run();
        } finally {
            requests.setLevel(level);
            requests.detachAppender(appender);
        }
        JsonLines layout = new JsonLines();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            String line = layout.doLayout(event);
            assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, () -> "one line: " + line);
            lines.add(parse(line));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> lines, String requestId) {
        List<Map<String, Object>> matching = lines.stream().filter(line -> requestId.equals(line.get("requestId"))).toList();
        assertEquals(1, matching.size(), () -> "one line for request " + requestId + ": " + lines);
        return matching.get(0);
    }
}
