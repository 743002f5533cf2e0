package nl.quickscan.scans;

import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.accounts.Account;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kengetallen that would be expensive or impossible to convert are refused as text, through the API and the form. */
class InputLimitsTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void hugeExponentsAreRefusedAtOnceAndChangeNothing(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        String path = "/api/v1/scans/" + scanId + "/answers/kengetal-budget";

        for (String value : List.of("1e999999999", "1e2147483647", "-1e2147483647", "9".repeat(1000))) {
            Response refused = api.send("PUT", path, "application/json",
                    "{\"value\":\"" + value + "\",\"version\":0}", Map.of());
            assertEquals(422, refused.status(), refused::toString);
            assertTrue(refused.body().contains("Vul een getal in"), refused::toString);
        }
        Response outOfRange = api.send("PUT", path, "application/json", "{\"value\":\"-5\",\"version\":0}", Map.of());
        assertEquals(422, outOfRange.status());
        assertTrue(outOfRange.body().contains("Vul een getal in van 0 tot en met 1.000.000.000."), outOfRange::toString);
        assertEquals(List.of(), api.get("/api/v1/scans/" + scanId).json().get("answers"), "nothing was stored");

        Browser pages = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Response form = pages.post("/scans/" + scanId + "/deel/kengetallen", "value.kengetal-inwoners", "1e999999999",
                "version.kengetal-inwoners", "0");
        assertEquals(422, form.status());
        assertEquals("Vul een getal in, zoals 12 of 3,5.", form.html().selectFirst("#error-kengetal-inwoners").text());

        Response dutch = api.send("PUT", path, "application/json", "{\"value\":\"1.234,5\",\"version\":0}", Map.of());
        assertEquals(200, dutch.status(), dutch::toString);
        assertEquals("1234.5", dutch.json().get("value"));
        assertEquals(1, ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).size(), "only the budget");
    }

    /**
     * A script's "1.234" is one point two three four, as the API returns stored numbers; the page's script says
     * {@code "notation": "nl"}, and then "1.234" is one thousand two hundred thirty-four, as the person typed it.
     */
    @ParameterizedTest
    @MethodSource(APPS)
    void theApiReadsAPointBeforeThreeDigitsAsItsScriptMeantIt(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Api api = app.api().login(Fixtures.adviseur(app, "GM0119").email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        String path = "/api/v1/scans/" + scanId + "/answers/";
        Response program = api.send("PUT", path + "kengetal-fte-gemeente", "application/json",
                "{\"value\":\"1.234\",\"version\":0}", Map.of());
        assertEquals("1.234", program.json().get("value"));
        Response again = api.send("PUT", path + "kengetal-fte-gemeente", "application/json",
                "{\"value\":\"" + program.json().get("value") + "\",\"version\":1}", Map.of());
        assertEquals("1.234", again.json().get("value"), "what a script reads, it can send back unchanged");
        Response typed = api.send("PUT", path + "kengetal-inwoners", "application/json",
                "{\"value\":\"230.000\",\"version\":0,\"notation\":\"nl\"}", Map.of());
        assertEquals("230000", typed.json().get("value"));

        Response unknown = api.send("PUT", path + "kengetal-budget", "application/json",
                "{\"value\":\"25.000\",\"version\":0,\"notation\":\"en\"}", Map.of());
        assertEquals(422, unknown.status());
        assertEquals("notation", ((Map<?, ?>) ((List<?>) unknown.json().get("errors")).get(0)).get("field"));
        assertEquals(2, ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).size(), "nothing stored for it");
    }
}
