package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the heavy read paths on synthetic data: the national and regional benchmark, the regiorapport for a
 * regio of 40 gemeenten and the national workbook (350 gemeenten × 54 statements × 2 rounds), each over HTTP on a
 * real server, with wall time (median of 5 after a warm-up) and the peak heap seen while it ran.
 * Run with {@code bench/run}; it prints one table. Database: an H2 file in a temporary folder, or MySQL/MariaDB when
 * QUICKSCAN_BENCH_MYSQL_URL (and _USER, _PASSWORD) are set.
 */
public final class ReportBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Row(String what, String figure, String peakHeap) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("quickscan.demo", true);
        properties.put("quickscan.demo-password", "quickscan-demo");
        properties.put("quickscan.bcrypt-strength", 4); // the logins of 350 load-test accounts are not what is measured
        String mysql = System.getenv("QUICKSCAN_BENCH_MYSQL_URL");
        if (mysql != null && !mysql.isBlank()) {
            properties.put("datasources.default.url", mysql);
            properties.put("datasources.default.username", System.getenv().getOrDefault("QUICKSCAN_BENCH_MYSQL_USER", "root"));
            properties.put("datasources.default.password", System.getenv().getOrDefault("QUICKSCAN_BENCH_MYSQL_PASSWORD", ""));
        } else {
            Path dir = Files.createTempDirectory("quickscan-bench");
            properties.put("quickscan.data-dir", dir.toString());
        }
        List<Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            rows.add(new Row("start-up", ms(System.nanoTime() - started), mb(usedHeap())));
            ApplicationContext context = server.getApplicationContext();
            long generating = System.nanoTime();
            SyntheticData.Generated data = SyntheticData.generate(context, 10, 350, 2026L);
            rows.add(new Row("synthetic data: " + data.gemeenten() + " gemeenten × 2 rounds", ms(System.nanoTime() - generating), "–"));

            HttpClient client = HttpClient.newHttpClient();
            String token = token(client, server.getURI());
            rows.add(measure("round benchmark API, regio of 40 gemeenten", () ->
                    get(client, server.getURI(), "/api/v1/rounds/" + data.largestRegioHerhaling() + "/benchmark", token)));
            rows.add(measure("national overview page (all regio's)", () -> get(client, server.getURI(), "/benchmark", token)));
            rows.add(measure("regiorapport PDF, 40 gemeenten", () ->
                    get(client, server.getURI(), "/api/v1/rounds/" + data.largestRegioHerhaling() + "/benchmark.pdf", token)));
            rows.add(measure("national workbook, 350 gemeenten × 54 statements × 2 rounds", () ->
                    get(client, server.getURI(), "/api/v1/benchmark/national.xlsx", token)));
            if (new java.io.File("/usr/bin/wrk").canExecute()) {
                for (LoadTest.Result load : LoadTest.run(context, server.getURI(), 8)) {
                    rows.add(new Row(String.format(Locale.ROOT, "%s, %d connections: %.0f/s, p50 %.1f ms, p95 %.1f ms, errors %d",
                            load.what(), load.connections(), load.requestsPerSecond(), load.p50(), load.p95(), load.errors()),
                            String.format(Locale.ROOT, "p99 %.1f ms", load.p99()), "–"));
                }
            } else {
                System.out.println("wrk not installed (apt-get install wrk): load figures skipped");
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-100s %14s %12s%n", "measurement", "time", "peak heap");
        rows.forEach(row -> System.out.printf(Locale.ROOT, "%-100s %14s %12s%n", row.what(), row.figure(), row.peakHeap()));
        System.out.printf(Locale.ROOT, "%njava %s, %d cores, max heap %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), mb(Runtime.getRuntime().maxMemory()));
    }

    /** One warm-up, then five runs: the median time, and the highest heap use seen while they ran. */
    private static Row measure(String what, Supplier<Integer> call) throws InterruptedException {
        int status = call.get();
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status);
        }
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            call.get();
            times.add(System.nanoTime() - start);
        }
        sampler.interrupt();
        sampler.join();
        times.sort(Long::compare);
        return new Row(what, ms(times.get(2)), mb(peak.get()));
    }

    private static String token(HttpClient client, URI server) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"beheerder@quickscan.test\",\"password\":\"quickscan-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static int get(HttpClient client, URI server, String path, String token) {
        try {
            return client.send(HttpRequest.newBuilder(server.resolve(path)).header("Authorization", "Bearer " + token)
                    .header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeap() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
