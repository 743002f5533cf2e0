package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Load on the adviser's hot paths with wrk, a separate process so that the load generator does not share the JVM:
 * the bouwsteen page, saving an answer, and saving a step page (the form of a bouwsteen with every statement
 * changed, posted as a browser without JavaScript posts it, then the next step that the answer leads to).
 * <ul>
 *   <li>Without pauses at 1, 16 and 64 connections: the most the server does, and the latency at that load.</li>
 *   <li>Paced at 16 connections: the connections wait between requests so that together they send the target
 *       rate (550 pages/s, 300 saves/s), each wrk thread keeping a schedule; the latency a user sees when that is
 *       the load. When the server falls behind, a request goes out at once and the rate shown drops.</li>
 * </ul>
 * The pages are the filled-in, submitted herhaling scans of the largest regio, each read with its own adviser's
 * token. Every save is a first answer (version 0) to its own (scan, question) pair in fresh rounds, so every request
 * does the whole work of a real save; every step page is bouwsteen 3 ({@value #STEP_PART}, 11 statements) of a
 * fresh scan of its own, each statement a first answer with a toelichting. A warm-up at one connection comes first: on two busy cores the JIT compiler
 * would otherwise take minutes to catch up.
 */
final class LoadTest {

    static final double PAGE_TARGET = 550;
    static final double SAVE_TARGET = 300;
    static final double STEP_TARGET = 170;
    /** The step whose page is posted: bouwsteen 3, 11 statements (the page measured beside LimeSurvey in issue 14). */
    static final String STEP_PART = "borging";
    /** Fresh rounds per regio for the step pages: each gives every gemeente a scan, posted once. */
    private static final int STEP_ROUNDS = 36;
    /**
     * Fresh rounds per regio for the saves: each gives every gemeente a scan of 54 unanswered statements. Sixteen
     * give 300,000 pairs, enough for every level at the rates H2 reaches.
     */
    private static final int LOAD_ROUNDS = 16;

    record Result(String what, int connections, double requestsPerSecond, double p50, double p95, double p99, long errors,
                  long requests) {
    }

    /** Clients that flood the server while the scan page is measured: how many, and the answers they got. */
    record Flood(String what, int clients, Map<Integer, Long> statuses) {
    }

    /** The scan page at one connection while others flood the server. */
    record FloodResult(Result page, Flood flood) {
    }

    static final int FLOOD_CLIENTS = 32;

    private final URI server;
    private final Path dir;
    private final List<String> pages;
    private final SavePairs saves;
    private int savesUsed;
    private final StepPages steps;
    private int stepsUsed;

    private LoadTest(URI server, Path dir, List<String> pages, SavePairs saves, StepPages steps) {
        this.server = server;
        this.dir = dir;
        this.pages = pages;
        this.saves = saves;
        this.steps = steps;
    }

    /**
     * @param tokens a bearer token for a gemeente's adviser, by gemeente id
     * @param pageScans the scans whose pages are read, with the gemeente id each belongs to
     */
    static List<Result> run(ApplicationContext context, URI server, Map<Long, Long> pageScans,
                            Function<Long, String> tokens) throws Exception {
        Path dir = Files.createTempDirectory("quickscan-wrk");
        try {
            return run(new LoadTest(server, dir, pages(pageScans, tokens), saves(context, tokens), steps(context, tokens)));
        } finally {
            deleteAll(dir);
        }
    }

    /**
     * The scan page at one connection, first alone and then while {@value #FLOOD_CLIENTS} clients flood the server
     * with logins of made-up addresses, and while as many download a report: what one user sees while others
     * attack or crowd the service.
     */
    static List<FloodResult> floods(URI server, Map<Long, Long> pageScans, Function<Long, String> tokens,
                                    String reportPath, String reportToken) throws Exception {
        Path dir = Files.createTempDirectory("quickscan-wrk");
        try {
            LoadTest load = new LoadTest(server, dir, pages(pageScans, tokens), null, null);
            List<FloodResult> results = new ArrayList<>();
            results.add(new FloodResult(measured(seconds -> load.pages(1, seconds, 0), 10),
                    new Flood("nobody else", 0, Map.of())));
            results.add(during(new Flood("logins of made-up addresses", FLOOD_CLIENTS, new ConcurrentHashMap<>()), client -> {
                String body = "{\"username\":\"flood-" + client + "-" + System.nanoTime() + "@example.nl\",\"password\":\"geraden-wachtwoord\"}";
                return HttpRequest.newBuilder(server.resolve("/api/v1/auth/token")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }, load));
            results.add(during(new Flood("report downloads (" + reportPath + ")", FLOOD_CLIENTS, new ConcurrentHashMap<>()),
                    client -> HttpRequest.newBuilder(server.resolve(reportPath)).header("Authorization", "Bearer " + reportToken)
                            .GET().build(), load));
            return results;
        } finally {
            deleteAll(dir);
        }
    }

    private interface FloodRequest {
        HttpRequest next(int client);
    }

    private static FloodResult during(Flood flood, FloodRequest requests, LoadTest load) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < flood.clients(); i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    int status;
                    try {
                        status = client.send(requests.next(n), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    flood.statuses().merge(status, 1L, Long::sum);
                }
            });
            thread.setDaemon(true);
            thread.start();
            clients.add(thread);
        }
        try {
            return new FloodResult(measured(seconds -> load.pages(1, seconds, 0), 10), flood);
        } finally {
            running.set(false);
            for (Thread thread : clients) {
                thread.join(30_000);
            }
        }
    }

    /** The longest step page: bouwsteen 3 (11 statements); bouwsteen 4 is split into pages of its themes. */
    private static List<String> pages(Map<Long, Long> pageScans, Function<Long, String> tokens) {
        List<String> pages = new ArrayList<>();
        pageScans.forEach((scan, gemeente) -> pages.add("/scans/" + scan + "/deel/borging " + tokens.apply(gemeente)));
        return pages;
    }

    /** The request lists hold bearer tokens. */
    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static List<Result> run(LoadTest load) throws IOException, InterruptedException {
        System.out.println("load: warming up (55 s at one connection)");
        load.pages(1, 40, 0);
        load.saves(1, 15, 0);
        load.steps(1, 10, 0);
        List<Result> results = new ArrayList<>();
        for (int connections : new int[] {1, 16, 64}) {
            results.add(measured(seconds -> load.pages(connections, seconds, 0), 10));
        }
        results.add(measured(seconds -> load.pages(16, seconds, PAGE_TARGET), 10));
        for (int connections : new int[] {1, 16, 64}) {
            results.add(measured(seconds -> load.saves(connections, seconds, 0), 5));
        }
        results.add(measured(seconds -> load.saves(16, seconds, SAVE_TARGET), 10));
        for (int connections : new int[] {1, 16, 64}) {
            results.add(measured(seconds -> load.steps(connections, seconds, 0), 5));
        }
        results.add(measured(seconds -> load.steps(16, seconds, STEP_TARGET), 10));
        return results;
    }

    private interface Level {
        Result run(int seconds) throws IOException, InterruptedException;
    }

    /** A level runs 3 s unmeasured first: the server settles into the new concurrency before it counts. */
    private static Result measured(Level level, int seconds) throws IOException, InterruptedException {
        level.run(3);
        return level.run(seconds);
    }

    /** Rate 0: without pauses. */
    private Result pages(int connections, int seconds, double rate) throws IOException, InterruptedException {
        String what = rate > 0 ? String.format(Locale.ROOT, "scan page, paced at %.0f/s", rate) : "scan page";
        return wrk(what, "GET", pages, true, connections, seconds, rate);
    }

    private Result saves(int connections, int seconds, double rate) throws IOException, InterruptedException {
        // Enough pairs for the most this level could do; an exhausted slice would show as errors (409), not pass.
        int wanted = (int) (seconds * (rate > 0 ? rate * 1.2 : Math.min(12_000, 4_000 * connections)));
        int end = Math.min(saves.size(), savesUsed + wanted);
        if (end == savesUsed) {
            throw new IllegalStateException("no (scan, question) pairs left for the saves; raise LOAD_ROUNDS");
        }
        List<String> slice = saves.lines(savesUsed, end);
        savesUsed = end;
        String what = rate > 0 ? String.format(Locale.ROOT, "save an answer, paced at %.0f/s", rate) : "save an answer";
        return wrk(what, "PUT", slice, false, connections, seconds, rate);
    }

    /**
     * Step pages: a form post of every statement of {@value #STEP_PART} on a fresh scan, then the page it redirects
     * to. One wrk thread per connection, so that each connection's two requests follow each other and the script
     * can time them as one page.
     */
    private Result steps(int connections, int seconds, double rate) throws IOException, InterruptedException {
        int wanted = (int) (seconds * (rate > 0 ? rate * 1.2 : Math.min(400, 100 * connections)));
        int end = Math.min(steps.paths().size(), stepsUsed + wanted);
        if (end == stepsUsed) {
            throw new IllegalStateException("no fresh scans left for the step pages; raise STEP_ROUNDS");
        }
        List<String> slice = steps.paths().subList(stepsUsed, end);
        stepsUsed = end;
        String what = rate > 0 ? String.format(Locale.ROOT, "save a step page, paced at %.0f/s", rate)
                : "save a step page (form, all statements changed, then the next step)";
        Path list = Files.write(dir.resolve("steps-" + System.nanoTime() + ".txt"), slice);
        String script = REQUEST_LIST.formatted(list) + """
                latencies = {}
                pages = 0
                failures = 0
                local threads = {}
                setup = function(thread)
                  thread:set("first", #threads + 1)
                  threads[#threads + 1] = thread
                end
                local counter, next_page, token, started = 1, nil, nil, 0
                init = function(args)
                  counter = first
                end
                local body = "%s"
                request = function()
                  if next_page then
                    return wrk.format("GET", next_page, {["Authorization"] = "Bearer " .. token, ["Accept"] = "text/html"}, nil)
                  end
                  -- an exhausted slice posts a used scan again, which conflicts (409) and counts as a failure
                  if counter > #requests then counter = first end
                  local r = requests[counter]
                  counter = counter + %d
                  token = r[2]
                  started = now_ms()
                  return wrk.format("POST", r[1], {["Authorization"] = "Bearer " .. token, ["Accept"] = "text/html",
                    ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
                end
                response = function(status, headers, body)
                  if next_page then
                    next_page = nil
                    if status == 200 then
                      pages = pages + 1
                      latencies[#latencies + 1] = now_ms() - started
                    else
                      failures = failures + 1
                    end
                  elseif status == 303 then
                    next_page = headers["Location"] or headers["location"]
                  else
                    failures = failures + 1
                  end
                end
                %s
                done = function(summary, latency, requests)
                  local all, count, failed = {}, 0, 0
                  for _, thread in ipairs(threads) do
                    for _, ms in ipairs(thread:get("latencies")) do all[#all + 1] = ms end
                    count = count + thread:get("pages")
                    failed = failed + thread:get("failures")
                  end
                  table.sort(all)
                  local function percentile(p)
                    if #all == 0 then return 0 end
                    return all[math.max(1, math.ceil(#all * p / 100))]
                  end
                  io.write(string.format("RESULT %%f %%f %%f %%f %%d %%d\\n", count / (summary.duration / 1e6),
                    percentile(50), percentile(95), percentile(99),
                    failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, count))
                end
                """.formatted(steps.body(), connections, rate > 0 ? pacing(connections * 1000.0 / rate, "next_page") : "");
        return runWrk(what, connections, connections, seconds, script);
    }

    /**
     * The step pages to post, one fresh scan each ("/scans/{id}/deel/{@value #STEP_PART} token"), and the form body
     * that every one of them gets: each statement "Deels / in uitvoering" with a toelichting, version 0.
     */
    private record StepPages(List<String> paths, String body) {
    }

    private static StepPages steps(ApplicationContext context, Function<Long, String> tokens) {
        Survey survey = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        FreshScans fresh = freshScans(context, tokens, "Stappentest", STEP_ROUNDS);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < fresh.scans().size(); i++) {
            paths.add("/scans/" + fresh.scans().get(i) + "/deel/" + STEP_PART + " " + fresh.tokens().get(i));
        }
        StringBuilder body = new StringBuilder("action=volgende");
        survey.bouwstenen().stream().filter(b -> b.key().equals(STEP_PART)).findFirst().orElseThrow().questions()
                .forEach(q -> body.append("&value.").append(q.key()).append("=2&comment.").append(q.key())
                        .append("=Onder+belasting+opgeslagen&version.").append(q.key()).append("=0"));
        return new StepPages(paths, body.toString());
    }

    /**
     * The (scan, question) pairs of the saves: pair i is question i / scans of scan i % scans, so that requests
     * in a row go to different scans. Written out a slice at a time; the whole list would not fit beside the app.
     */
    private record SavePairs(List<String> scans, List<String> tokens, List<String> questions) {
        int size() {
            return scans.size() * questions.size();
        }

        List<String> lines(int from, int to) {
            List<String> lines = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                int scan = i % scans.size();
                lines.add("/api/v1/scans/" + scans.get(scan) + "/answers/" + questions.get(i / scans.size()) + " " + tokens.get(scan));
            }
            return lines;
        }
    }

    private static SavePairs saves(ApplicationContext context, Function<Long, String> tokens) {
        Survey survey = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        FreshScans fresh = freshScans(context, tokens, "Belastingtest", LOAD_ROUNDS);
        return new SavePairs(fresh.scans(), fresh.tokens(), survey.questions().map(Survey.Question::key).toList());
    }

    /** Started scans without answers, each with its adviser's token. */
    private record FreshScans(List<String> scans, List<String> tokens) {
    }

    /** Fresh open rounds in every synthetic regio, with a started scan of every gemeente in each. */
    private static FreshScans freshScans(ApplicationContext context, Function<Long, String> tokens, String purpose,
                                         int roundsPerRegio) {
        Survey survey = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        RoundRepository rounds = context.getBean(RoundRepository.class);
        ScanRepository scans = context.getBean(ScanRepository.class);
        Map<String, Meetronde> roundByName = new HashMap<>();
        String run = Instant.now().toString();
        List<String> scanIds = new ArrayList<>();
        List<String> scanTokens = new ArrayList<>();
        for (GemeenteRow gemeente : context.getBean(GemeenteRepository.class).listVisible(TenantScope.platform())) {
            if (!gemeente.cbsCode().startsWith("GM9")) {
                continue;
            }
            String token = tokens.apply(gemeente.id());
            for (int n = 0; n < roundsPerRegio; n++) {
                String name = purpose + " " + run + " " + n + " regio " + gemeente.regioId();
                long regioId = gemeente.regioId();
                Meetronde round = roundByName.computeIfAbsent(name, key -> rounds.save(new Meetronde(null, regioId, name,
                        Meetronde.Kind.NULMETING, null, survey.id(), survey.version(), LocalDate.now().minusDays(1),
                        LocalDate.now().plusDays(10), Instant.now())));
                scans.createIfAbsent(round.id(), gemeente.id(), Instant.now());
                scanIds.add(Long.toString(scans.findOfGemeente(round.id(), gemeente.id()).orElseThrow().id()));
                scanTokens.add(token);
            }
        }
        return new FreshScans(scanIds, scanTokens);
    }

    /** The start of every script: the request list ("path token" per line) and a wall clock in milliseconds. */
    private static final String REQUEST_LIST = """
            local requests = {}
            for line in io.lines("%s") do
              local path, token = line:match("^(%%S+) (%%S+)$")
              requests[#requests + 1] = {path, token}
            end
            local ffi = require("ffi")
            ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } quickscan_timeval;
                       int gettimeofday(quickscan_timeval *tv, void *tz); ]]
            local tv = ffi.new("quickscan_timeval")
            local function now_ms()
              ffi.C.gettimeofday(tv, nil)
              return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
            end
            """;

    private Result wrk(String what, String method, List<String> requests, boolean wrapAround, int connections, int seconds,
                       double rate) throws IOException, InterruptedException {
        Path list = Files.write(dir.resolve("requests-" + System.nanoTime() + ".txt"), requests);
        int threads = Math.min(connections, 2);
        String body = method.equals("PUT") ? "'{\"value\":\"2\",\"comment\":\"Onder belasting\",\"version\":0}'" : "nil";
        String script = REQUEST_LIST.formatted(list) + """
                local threads_made = 0
                setup = function(thread)
                  thread:set("first", threads_made + 1)
                  threads_made = threads_made + 1
                end
                local counter = 1
                init = function(args)
                  counter = first
                end
                request = function()
                  if counter > #requests then
                    -- pages: start again; saves: repeat a used pair, which the server refuses (409) and wrk counts
                    counter = %s and first or 1
                  end
                  local r = requests[counter]
                  counter = counter + %d
                  local headers = {["Authorization"] = "Bearer " .. r[2]}
                  if %s ~= nil then headers["Content-Type"] = "application/json" end
                  return wrk.format("%s", r[1], headers, %s)
                end
                %s
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %%f %%f %%f %%f %%d %%d\\n", summary.requests / (summary.duration / 1e6),
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                    summary.requests))
                end
                """.formatted(wrapAround, threads, body, method, body, rate > 0 ? pacing(threads * 1000.0 / rate, "false") : "");
        return runWrk(what, connections, threads, seconds, script);
    }

    /** Runs wrk with the script, which writes one line "RESULT rate p50 p95 p99 errors requests". */
    private Result runWrk(String what, int connections, int threads, int seconds, String script)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("script-" + System.nanoTime() + ".lua"), script);
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "-s", file.toString(), server.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        String line = output.lines().filter(l -> l.startsWith("RESULT")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk gave no result: " + output));
        String[] f = line.split(" ");
        return new Result(what, connections, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
    }

    /**
     * A wrk delay function that sends this thread's requests every {@code intervalMs}, on a wall-clock schedule;
     * a request for which the Lua condition {@code unpacedWhen} holds goes out at once, off the schedule.
     */
    private static String pacing(double intervalMs, String unpacedWhen) {
        return """
                local interval = %s
                local slot = nil
                delay = function()
                  if %s then return 0 end
                  local now = now_ms()
                  if slot == nil then slot = now - interval end
                  slot = math.max(slot + interval, now)
                  return math.floor(slot - now + 0.5)
                end
                """.formatted(String.format(Locale.ROOT, "%.3f", intervalMs), unpacedWhen);
    }
}
