package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.Sessions;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.PlanService;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code bench/run}: starts the app on a database filled by {@link SyntheticDataCommand} (configured through the app's
 * own environment variables) and prints one table: start-up time and memory, the coordinator's and the beheerder's
 * benchmark, the verbeterplan pages (the largest plan of the regio of 40, and the coordinator's overview of its
 * nulmeting), the three reports with time and peak heap, and the {@link LoadTest} figures.
 */
public final class BenchmarkCommand {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Row(String what, String time, String detail) {
    }

    public static void main(String[] args) throws Exception {
        long seed = SyntheticDataCommand.settings(args).seed();
        List<Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        // Sessions are opened directly, without the second factor's step; an enrolled session costs the same.
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "quickscan.totp.required-roles", ""))) {
            long startup = System.nanoTime() - started;
            System.gc();
            rows.add(new Row("start-up on the filled database", ms(startup),
                    "heap in use " + mb(MEMORY.getHeapMemoryUsage().getUsed()) + ", resident " + residentMemory()));
            ApplicationContext context = server.getApplicationContext();
            String database = database(context);
            URI uri = server.getURI();

            AccountRepository accounts = context.getBean(AccountRepository.class);
            Sessions sessions = context.getBean(Sessions.class);
            // Sessions are opened directly: what a login costs is not what is measured here.
            Map<String, String> tokens = new HashMap<>();
            Function<String, String> token = email -> tokens.computeIfAbsent(email, key ->
                    sessions.open(accounts.findByEmail(key).orElseThrow(() -> new IllegalStateException(
                            "no account " + key + ": fill the database with bench/synthetic-data (seed " + seed + ") first")),
                            Duration.ofHours(2), io.micronaut.http.HttpRequest.POST("/api/v1/auth/token", "")).token());

            long regio = context.getBean(RegioRepository.class).findByName(SyntheticData.regioName(seed, 1))
                    .orElseThrow(() -> new IllegalStateException("no synthetic data for seed " + seed)).id();
            Meetronde herhaling = context.getBean(RoundRepository.class).listVisible(TenantScope.platform()).stream()
                    .filter(round -> round.regioId() == regio && round.name().equals(SyntheticData.herhalingName(seed, 1)))
                    .findFirst().orElseThrow();
            ScanRepository scans = context.getBean(ScanRepository.class);
            List<GemeenteRow> gemeenten = context.getBean(GemeenteRepository.class).listVisible(TenantScope.platform());
            Map<Long, Long> pageScans = new LinkedHashMap<>();
            Map<Long, String> adviserByGemeente = new HashMap<>();
            for (GemeenteRow gemeente : gemeenten) {
                adviserByGemeente.put(gemeente.id(), SyntheticData.adviser(gemeente.cbsCode()));
                if (gemeente.regioId() == regio) {
                    scans.findOfGemeente(herhaling.id(), gemeente.id()).ifPresent(scan -> pageScans.put(scan.id(), gemeente.id()));
                }
            }
            long firstScan = pageScans.keySet().iterator().next();
            String adviser = token.apply(adviserByGemeente.get(pageScans.get(firstScan)));
            String coordinator = token.apply(SyntheticData.coordinator(seed, 1));
            String beheerder = token.apply(SyntheticData.BEHEERDER);
            int gemeenteCount = (int) gemeenten.stream().filter(g -> g.cbsCode().startsWith("GM9")).count();

            HttpClient client = HttpClient.newHttpClient();
            rows.add(measure("coordinator: round dashboard page, regio of " + pageScans.size() + " gemeenten",
                    client, uri, "/rondes/" + herhaling.id(), coordinator));
            rows.add(measure("coordinator: round benchmark API, same regio", client, uri,
                    "/api/v1/rounds/" + herhaling.id() + "/benchmark", coordinator));
            Meetronde nulmeting = context.getBean(RoundRepository.class).findVisible(TenantScope.platform(),
                    herhaling.baselineRoundId()).orElseThrow();
            List<PlanAction> planned = context.getBean(PlanService.class).ofRound(TenantScope.platform(), nulmeting.id()).actions();
            Map<Long, Long> actionsPerGemeente = planned.stream()
                    .collect(Collectors.groupingBy(PlanAction::gemeenteId, Collectors.counting()));
            Map.Entry<Long, Long> largestPlan = actionsPerGemeente.entrySet().stream()
                    .max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow(() -> new IllegalStateException("no verbeterplan in the synthetic data"));
            rows.add(measure("adviser: verbeterplan page, " + largestPlan.getValue() + " actions", client, uri,
                    "/verbeterplan", token.apply(adviserByGemeente.get(largestPlan.getKey()))));
            rows.add(measure("coordinator: verbeterplannen page, " + planned.size() + " actions of "
                    + actionsPerGemeente.size() + " gemeenten", client, uri, "/rondes/" + nulmeting.id() + "/verbeterplannen", coordinator));
            rows.add(measure("coordinator: round actions API, same regio", client, uri,
                    "/api/v1/rounds/" + nulmeting.id() + "/actions", coordinator));
            rows.add(measure("beheerder: national overview page, " + gemeenteCount + " gemeenten × 2 rounds", client, uri,
                    "/benchmark", beheerder));
            rows.add(measure("gemeenterapport PDF, herhaling against nulmeting", client, uri,
                    "/api/v1/scans/" + firstScan + "/report.pdf", adviser));
            rows.add(measure("regiorapport PDF, " + pageScans.size() + " gemeenten", client, uri,
                    "/api/v1/rounds/" + herhaling.id() + "/benchmark.pdf", coordinator));
            rows.add(measure("national workbook, " + gemeenteCount + " gemeenten × 54 statements × 2 rounds", client, uri,
                    "/api/v1/benchmark/national.xlsx", beheerder));
            for (LoadTest.Result load : LoadTest.run(context, uri, pageScans,
                    gemeente -> token.apply(adviserByGemeente.get(gemeente)))) {
                rows.add(new Row(String.format(Locale.ROOT, "%s, %d connection%s: %.0f/s", load.what(), load.connections(),
                        load.connections() == 1 ? "" : "s", load.requestsPerSecond()),
                        String.format(Locale.ROOT, "p99 %.1f ms", load.p99()),
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, %d requests, %d errors",
                                load.p50(), load.p95(), load.requests(), load.errors())));
            }
            for (LoadTest.FloodResult flood : LoadTest.floods(uri, pageScans,
                    gemeente -> token.apply(adviserByGemeente.get(gemeente)),
                    "/api/v1/rounds/" + herhaling.id() + "/benchmark.pdf", coordinator)) {
                LoadTest.Result page = flood.page();
                rows.add(new Row(flood.flood().clients() == 0 ? "scan page, 1 connection, nobody else"
                        : String.format(Locale.ROOT, "scan page, 1 connection, while %d clients send %s", flood.flood().clients(),
                                flood.flood().what()),
                        String.format(Locale.ROOT, "p99 %.1f ms", page.p99()),
                        String.format(Locale.ROOT, "p50 %.1f ms, %.0f/s%s", page.p50(), page.requestsPerSecond(),
                                flood.flood().statuses().isEmpty() ? "" : "; flood answered " + statuses(flood.flood().statuses()))));
            }
            // Let the requests wrk left in the queue finish before the server stops.
            Thread.sleep(2000);
            print(rows, database);
        }
    }

    /** One warm-up, then five runs: the median time, and the highest heap use seen while they ran. */
    private static Row measure(String what, HttpClient client, URI server, String path, String token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "*/*").GET().build();
        int status = send(client, request);
        if (status != 200) {
            throw new IllegalStateException(what + ": " + path + " answered " + status);
        }
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
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
            send(client, request);
            times.add(System.nanoTime() - start);
        }
        sampler.interrupt();
        sampler.join();
        times.sort(Long::compare);
        return new Row(what, ms(times.get(2)), "peak heap " + mb(peak.get()));
    }

    /** "429 × 3120, 401 × 60": how often each status came back, the most frequent first (-1: no answer). */
    private static String statuses(Map<Integer, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " × " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static int send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    private static void print(List<Row> rows, String database) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-68s | %12s | %-52s |%n", "measurement", "time", "detail");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(70), "-".repeat(14), "-".repeat(54));
        rows.forEach(row -> System.out.printf(Locale.ROOT, "| %-68s | %12s | %-52s |%n", row.what(), row.time(), row.detail()));
        System.out.printf(Locale.ROOT, "%nMachine: %s, %d cores, %s memory; java %s, max heap %s; database %s.%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemory(), System.getProperty("java.version"),
                mb(Runtime.getRuntime().maxMemory()), database);
    }

    private static String database(ApplicationContext context) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    private static String cpuModel() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String totalMemory() throws Exception {
        return procValue(Path.of("/proc/meminfo"), "MemTotal:");
    }

    private static String residentMemory() throws Exception {
        return procValue(Path.of("/proc/self/status"), "VmRSS:");
    }

    /** A "kB" figure of a /proc file, in MB. */
    private static String procValue(Path file, String key) throws Exception {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                .map(line -> mb(Long.parseLong(line.replaceAll("\\D", "")) * 1024)).findFirst().orElse("?");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
