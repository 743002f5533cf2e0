package nl.quickscan.scans;

import nl.quickscan.support.Api;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coordinators who open rounds with one name at the same moment: the database's unique constraint decides, and
 * every other request gets the Dutch 422, never a 500.
 */
class RoundNameRaceTest {

    private static final int PARALLEL = 8;
    private static final int ATTEMPTS = 6;

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void simultaneousRoundsWithOneNameGiveOneRoundAnd422s(TestApp app) throws Exception {
        List<Api> coordinators = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            coordinators.add(app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String name = "Gelijktijdig " + System.nanoTime();
                CyclicBarrier start = new CyclicBarrier(PARALLEL);
                List<Future<Response>> responses = new ArrayList<>();
                for (Api coordinator : coordinators) {
                    responses.add(pool.submit(() -> {
                        start.await();
                        return coordinator.postJson("/api/v1/rounds", """
                                {"name": "%s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                                 "surveyVersion": 1, "opens": "2026-01-01", "closes": "2026-12-31"}""".formatted(name));
                    }));
                }
                int created = 0;
                for (Future<Response> future : responses) {
                    Response response = future.get();
                    if (response.status() == 201) {
                        created++;
                    } else {
                        assertEquals(422, response.status(), response::toString);
                        assertEquals(List.of(Map.of("field", "name", "message", "Deze regio heeft al een meetronde met deze naam.")),
                                response.json().get("errors"), response::toString);
                    }
                }
                assertEquals(1, created, "exactly one round per name");
                String finalName = name;
                assertEquals(1, coordinators.get(0).get("/api/v1/rounds").jsonList().stream()
                        .filter(round -> finalName.equals(round.get("name"))).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
