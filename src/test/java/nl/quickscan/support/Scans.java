package nl.quickscan.support;

import nl.quickscan.accounts.Account;
import nl.quickscan.surveys.Survey;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Starting, answering and submitting scans through the API, as an adviser's script would. */
public final class Scans {

    private Scans() {
    }

    public static long start(Api adviser, long roundId) {
        Response started = adviser.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}");
        assertEquals(201, started.status(), started::toString);
        return ((Number) started.json().get("id")).longValue();
    }

    /** A first answer (version 0) to one question. */
    public static void answer(Api adviser, long scanId, String questionKey, String value) {
        Response saved = adviser.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + questionKey, "application/json",
                "{\"value\":\"" + value + "\",\"version\":0}", Map.of());
        assertEquals(200, saved.status(), saved::toString);
    }

    /** A new adviser of the gemeente answers every statement with the same value and submits; returns the scan. */
    public static long submitAll(TestApp app, Survey survey, long roundId, String cbsCode, String value) {
        return submitAll(app, Fixtures.adviseur(app, cbsCode), survey, roundId, value);
    }

    public static long submitAll(TestApp app, Account adviser, Survey survey, long roundId, String value) {
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = start(api, roundId);
        survey.questions().forEach(question -> answer(api, scanId, question.key(), value));
        Response submitted = api.postJson("/api/v1/scans/" + scanId + "/submit", "");
        assertEquals(200, submitted.status(), submitted::toString);
        return scanId;
    }
}
