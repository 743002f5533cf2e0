package nl.quickscan.database;

import nl.quickscan.support.Api;
import nl.quickscan.support.AppProcess;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acknowledged means stored on the embedded default (H2 file): the app runs in a process of its own, advisers
 * save answers from several threads, the process is killed with SIGKILL while they save, and after a restart on
 * the same folder every save that was answered 200 is there (at its version or a later one).
 */
class KillDuringSavesTest {

    private static final int THREADS = 4;
    private static final int QUESTIONS_PER_THREAD = 3;

    @Test
    void everyAcknowledgedSaveSurvivesAKill(@TempDir Path dir) throws Exception {
        AppProcess app = new AppProcess(dir.resolve("data"), dir.resolve("app.log"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            app.start();
            long scanId = startScan(app, adviser(app), "Nulmeting kill");
            List<String> questions = scaleQuestions(app, THREADS * QUESTIONS_PER_THREAD);
            Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger saves = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<String> own = questions.subList(t * QUESTIONS_PER_THREAD, (t + 1) * QUESTIONS_PER_THREAD);
                workers.add(pool.submit(() -> saveUntilTheAppIsGone(app, scanId, own, acknowledged, saves)));
            }
            // Kill once the savers are well under way; they keep saving until the connection is refused.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (saves.get() < 600 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int beforeKill = saves.get();
            app.kill();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            assertTrue(beforeKill >= 100, () -> "the savers made too few saves before the kill: " + beforeKill);

            app.start();
            Response scan = adviser(app).get("/api/v1/scans/" + scanId);
            assertEquals(200, scan.status(), scan::toString);
            Map<String, Integer> stored = new ConcurrentHashMap<>();
            for (Object answer : (List<?>) scan.json().get("answers")) {
                Map<?, ?> row = (Map<?, ?>) answer;
                stored.put((String) row.get("questionKey"), ((Number) row.get("version")).intValue());
            }
            List<String> lost = acknowledged.entrySet().stream()
                    .filter(e -> stored.getOrDefault(e.getKey(), 0) < e.getValue())
                    .map(e -> e.getKey() + ": acknowledged version " + e.getValue() + ", stored " + stored.get(e.getKey()))
                    .toList();
            assertEquals(questions.size(), acknowledged.size(), "every question was saved at least once");
            assertTrue(lost.isEmpty(), () -> lost.size() + " acknowledged saves lost after " + saves.get()
                    + " saves and a kill: " + lost);
        } finally {
            pool.shutdownNow();
            app.kill();
        }
    }

    /** Saves the questions in turn, each on the version its last save returned, until the app no longer answers. */
    private static void saveUntilTheAppIsGone(AppProcess app, long scanId, List<String> questions,
                                              Map<String, Integer> acknowledged, AtomicInteger saves) {
        Api api = adviser(app);
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        for (int i = 0; ; i++) {
            String question = questions.get(i % questions.size());
            int version = versions.getOrDefault(question, 0);
            Response response;
            try {
                response = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + question, "application/json",
                        "{\"value\":\"" + (i % 4) + "\",\"comment\":\"opslag " + i + "\",\"version\":" + version + "}",
                        Map.of());
            } catch (IllegalStateException gone) {
                return;
            }
            assertEquals(200, response.status(), response::toString);
            int saved = ((Number) response.json().get("version")).intValue();
            versions.put(question, saved);
            acknowledged.put(question, saved);
            saves.incrementAndGet();
        }
    }

    /** Opens a round of regio Groningen as its coordinator and starts the scan of the adviser's gemeente. */
    static long startScan(AppProcess app, Api adviser, String roundName) {
        Response round = app.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .postJson("/api/v1/rounds", """
                        {"name": "%s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                         "surveyVersion": 1, "opens": "%s", "closes": "%s"}"""
                        .formatted(roundName, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, round.status(), round::toString);
        Response scan = adviser.postJson("/api/v1/scans", "{\"roundId\":" + round.json().get("id") + "}");
        assertEquals(201, scan.status(), scan::toString);
        return ((Number) scan.json().get("id")).longValue();
    }

    private static Api adviser(AppProcess app) {
        return app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
    }

    /** The first statements on the 0–3 scale of the shipped survey. */
    static List<String> scaleQuestions(AppProcess app, int count) {
        Response survey = adviser(app).get("/api/v1/surveys/quickscan-seksueel-geweld/1");
        assertEquals(200, survey.status(), survey::toString);
        List<String> keys = new ArrayList<>();
        for (Object bouwsteen : (List<?>) survey.json().get("bouwstenen")) {
            for (Object question : (List<?>) ((Map<?, ?>) bouwsteen).get("questions")) {
                Map<?, ?> q = (Map<?, ?>) question;
                List<?> options = (List<?>) q.get("options");
                if (options != null && options.stream().anyMatch(o -> "3".equals(((Map<?, ?>) o).get("value")))) {
                    keys.add((String) q.get("key"));
                }
            }
        }
        assertTrue(keys.size() >= count, () -> "scale questions: " + keys);
        return keys.subList(0, count);
    }
}
