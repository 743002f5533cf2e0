package nl.quickscan.database;

import nl.quickscan.support.Api;
import nl.quickscan.support.AppProcess;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded default on a disk that fills up: saves that cannot be written answer 503 with a Dutch message
 * (never 500), {@code /health} says DOWN, and once there is space again the app saves again without a restart.
 * The app's folder is a small tmpfs that the test mounts, so this runs only as root where mount works.
 */
class FullDiskTest {

    private static final String QUESTION = "visie-gedeelde-visie";

    @Test
    void aFullDiskAnswers503AndTheAppRecoversWhenThereIsSpace(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.toString()) == 0,
                "FullDiskTest skipped: it mounts a small tmpfs, which needs root and a working mount");
        AppProcess app = new AppProcess(disk.resolve("data"), dir.resolve("app.log"));
        try {
            app.start();
            Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
            long scanId = KillDuringSavesTest.startScan(app, adviser, "Nulmeting volle schijf");
            int version = save(adviser, scanId, 0, new ArrayList<>());

            fill(disk.resolve("filler"));
            List<Integer> statuses = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // The database file has some free room of its own; save until it is used up.
            while (!statuses.contains(503) && System.nanoTime() < deadline) {
                version = save(adviser, scanId, version, statuses);
            }
            for (int i = 0; i < 5; i++) {
                version = save(adviser, scanId, version, statuses);
            }
            assertTrue(statuses.contains(503), () -> "no 503 on a full disk: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 503),
                    () -> "only saved, refused as stale (a failed commit that was stored after all) or 503: " + statuses);
            Response health = app.api().get("/health");
            assertEquals(503, health.status(), health::toString);
            assertEquals("DOWN", health.json().get("status"));

            System.out.println("[FullDiskTest] statuses on the full disk: " + statuses);
            Files.delete(disk.resolve("filler"));
            List<Integer> after = new ArrayList<>();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!after.contains(200) && System.nanoTime() < deadline) {
                version = save(adviser, scanId, version, after);
                Thread.sleep(100);
            }
            assertTrue(after.contains(200), () -> "no save succeeded after space was freed: " + after + "\n" + app.logTail());
            System.out.println("[FullDiskTest] statuses after freeing space: " + after);
            // Health says DOWN for a few seconds after the last failed request, then UP.
            int healthStatus = 0;
            for (deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); healthStatus != 200 && System.nanoTime() < deadline; ) {
                Thread.sleep(200);
                healthStatus = app.api().get("/health").status();
            }
            assertEquals(200, healthStatus, "health UP again");
            int acknowledged = version;
            Response scan = adviser.get("/api/v1/scans/" + scanId);
            assertEquals(200, scan.status(), scan::toString);
            assertTrue(storedVersion(scan) >= acknowledged, () -> "stored " + storedVersion(scan) + ", acknowledged " + acknowledged);
        } finally {
            app.kill();
            if (run("umount", disk.toString()) != 0) {
                run("umount", "-l", disk.toString());
            }
        }
    }

    /** One save on {@code version}; returns the version to base the next save on. Records the status. */
    private static int save(Api adviser, long scanId, int version, List<Integer> statuses) {
        Response response = adviser.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + QUESTION, "application/json",
                "{\"value\":\"" + (version % 4) + "\",\"comment\":\"" + "toelichting ".repeat(40) + "\",\"version\":" + version + "}",
                Map.of());
        statuses.add(response.status());
        return switch (response.status()) {
            case 200 -> ((Number) response.json().get("version")).intValue();
            case 409 -> ((Number) ((Map<?, ?>) response.json().get("current")).get("version")).intValue();
            case 503 -> {
                assertTrue(((String) response.json().get("message")).startsWith("Quickscan kan de gegevens nu niet bereiken"),
                        response::toString);
                yield version;
            }
            default -> throw new AssertionError("unexpected answer to a save: " + response);
        };
    }

    private static int storedVersion(Response scan) {
        for (Object answer : (List<?>) scan.json().get("answers")) {
            Map<?, ?> row = (Map<?, ?>) answer;
            if (QUESTION.equals(row.get("questionKey"))) {
                return ((Number) row.get("version")).intValue();
            }
        }
        return 0;
    }

    /** Writes until the disk refuses more. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left
        }
    }

    static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
