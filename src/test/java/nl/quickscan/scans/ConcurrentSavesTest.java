package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two colleagues of one gemeente save the same questions at the same time, many times. Every save is either
 * applied or refused with 409, and what is stored is exactly the last applied save: nothing is lost.
 */
class ConcurrentSavesTest {

    private static final List<String> QUESTIONS = List.of("visie-gedeelde-visie", "visie-gemeenschappelijk-beeld");
    private static final int THREADS_PER_ACCOUNT = 6;
    private static final int SAVES_PER_THREAD = 15;

    record Outcome(String question, int status, int version, String comment) {
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void simultaneousSavesAreAppliedOrRefusedNeverLost(TestApp app) throws Exception {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Account first = Fixtures.adviseur(app, "GM1966");
        Account second = Fixtures.adviseur(app, "GM1966");
        Api starter = app.api().login(first.email(), Fixtures.PASSWORD);
        long scanId = ((Number) starter.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}").json().get("id")).longValue();

        List<Callable<List<Outcome>>> workers = new ArrayList<>();
        for (Account account : List.of(first, second)) {
            for (int t = 0; t < THREADS_PER_ACCOUNT; t++) {
                String worker = account.id() + "-" + t;
                workers.add(() -> {
                    Api api = app.api().login(account.email(), Fixtures.PASSWORD);
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < SAVES_PER_THREAD; i++) {
                        String question = QUESTIONS.get(i % QUESTIONS.size());
                        int seen = storedVersion(api, scanId, question);
                        String comment = "save " + worker + "-" + i;
                        Response response = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + question,
                                "application/json", "{\"value\":\"" + (i % 4) + "\",\"comment\":\"" + comment
                                        + "\",\"version\":" + seen + "}", Map.of());
                        int version = response.status() == 200 ? ((Number) response.json().get("version")).intValue() : -1;
                        outcomes.add(new Outcome(question, response.status(), version, comment));
                    }
                    return outcomes;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        List<Outcome> all = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Future<List<Outcome>> future : pool.invokeAll(workers)) {
                all.addAll(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(2 * THREADS_PER_ACCOUNT * SAVES_PER_THREAD, all.size());
        assertTrue(all.stream().allMatch(o -> o.status() == 200 || o.status() == 409),
                () -> "only applied or refused: " + all.stream().map(Outcome::status).distinct().toList());
        assertTrue(all.stream().anyMatch(o -> o.status() == 409), "the test did produce conflicts");

        Api reader = app.api().login(first.email(), Fixtures.PASSWORD);
        for (String question : QUESTIONS) {
            List<Outcome> applied = all.stream().filter(o -> o.question().equals(question) && o.status() == 200)
                    .sorted(Comparator.comparingInt(Outcome::version)).toList();
            assertEquals(IntStream.rangeClosed(1, applied.size()).boxed().toList(),
                    applied.stream().map(Outcome::version).toList(), "each applied save made exactly one new version");
            Map<?, ?> stored = answer(reader, scanId, question);
            assertEquals(applied.size(), ((Number) stored.get("version")).intValue());
            assertEquals(applied.get(applied.size() - 1).comment(), stored.get("comment"), "the last applied save is stored");
        }
    }

    private static int storedVersion(Api api, long scanId, String question) {
        Map<?, ?> answer = answerOrNull(api, scanId, question);
        return answer == null ? 0 : ((Number) answer.get("version")).intValue();
    }

    private static Map<?, ?> answer(Api api, long scanId, String question) {
        Map<?, ?> answer = answerOrNull(api, scanId, question);
        assertTrue(answer != null, question);
        return answer;
    }

    private static Map<?, ?> answerOrNull(Api api, long scanId, String question) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(question)).findFirst().orElse(null);
    }
}
