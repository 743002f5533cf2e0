package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.PasswordHasher;
import nl.quickscan.accounts.Role;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load on the adviser's hot paths with wrk (a separate process, so the load generator does not share the JVM):
 * the bouwsteen page and saving an answer, at 1, 16 and 64 concurrent connections. Each save is a first answer
 * (version 0) to its own (scan, question) pair, so every request does the full work of a real save.
 */
final class LoadTest {

    /** Short, so that the level's share of the (scan, question) pairs is not used up at ~4000 saves/s. */
    private static final int SAVE_SECONDS = 2;
    /** Load rounds per regio: each gives every gemeente one more scan of fresh questions to answer. */
    private static final int LOAD_ROUNDS = 2;

    record Result(String what, int connections, double requestsPerSecond, double p50, double p95, double p99, long errors) {
    }

    private LoadTest() {
    }

    static List<Result> run(ApplicationContext context, URI server, int seconds) throws Exception {
        Survey survey = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        List<String[]> scans = prepare(context, server, survey);
        Path dir = Files.createTempDirectory("quickscan-wrk");
        List<Result> results = new ArrayList<>();
        String[] first = scans.get(0);
        for (int connections : new int[] {1, 16, 64}) {
            results.add(wrk("scan page (bouwsteen 4, 23 statements)", connections, seconds, server, dir,
                    "wrk.headers['Authorization'] = 'Bearer " + first[1] + "'\n"
                            + "wrk.path = '/scans/" + first[0] + "/deel/aanpak'\n"));
        }
        int level = 0;
        for (int connections : new int[] {1, 16, 64}) {
            // Saves run shorter, so that the (scan, question) pairs of a level are not used up.
            results.add(wrk("save an answer", connections, SAVE_SECONDS, server, dir,
                    saves(scans, survey, level++, Math.min(connections, 2))));
        }
        return results;
    }

    /** A herhaling-free round per regio with a started scan and a logged-in adviser for every gemeente. */
    private static List<String[]> prepare(ApplicationContext context, URI server, Survey survey) throws Exception {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        String hash = context.getBean(PasswordHasher.class).hash("belasting-wachtwoord");
        RoundRepository rounds = context.getBean(RoundRepository.class);
        ScanRepository scanRepository = context.getBean(ScanRepository.class);
        HttpClient client = HttpClient.newHttpClient();
        List<String[]> scans = new ArrayList<>();
        java.util.Map<String, Meetronde> roundByRegio = new java.util.HashMap<>();
        for (GemeenteRow gemeente : context.getBean(GemeenteRepository.class).listVisible(TenantScope.platform())) {
            if (!gemeente.cbsCode().startsWith("GM9")) {
                continue;
            }
            String email = "belasting." + gemeente.cbsCode().toLowerCase(Locale.ROOT) + "@quickscan.test";
            Account account = accounts.save(Account.invited(email, "Belasting " + gemeente.cbsCode(), Role.ADVISEUR,
                    gemeente.id(), null, Instant.now()));
            accounts.setPassword(account.id(), hash);
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(server.resolve("/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + email + "\",\"password\":\"belasting-wachtwoord\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String bearer = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            for (int n = 0; n < LOAD_ROUNDS; n++) {
                String name = "Belastingtest " + n + " regio " + gemeente.regioId();
                long regioId = gemeente.regioId();
                Meetronde round = roundByRegio.computeIfAbsent(name, key -> rounds.save(new Meetronde(null, regioId, name,
                        Meetronde.Kind.NULMETING, null, survey.id(), survey.version(), LocalDate.now().minusDays(1),
                        LocalDate.now().plusDays(10), Instant.now())));
                scanRepository.createIfAbsent(round.id(), gemeente.id(), Instant.now());
                scans.add(new String[] {Long.toString(scanRepository.findOfGemeente(round.id(), gemeente.id()).orElseThrow().id()), bearer});
            }
        }
        return scans;
    }

    /** A Lua script that gives every request its own (scan, question) pair: a real first save each time. */
    private static String saves(List<String[]> scans, Survey survey, int round, int threads) {
        List<String> keys = survey.questions().map(Survey.Question::key).toList();
        StringBuilder lua = new StringBuilder("local pairs = {\n");
        // Each load level uses a third of the questions, so that no save is a repeat of an earlier level's.
        for (int q = round; q < keys.size(); q += 3) {
            for (String[] scan : scans) {
                lua.append("{'/api/v1/scans/").append(scan[0]).append("/answers/").append(keys.get(q)).append("','")
                        .append(scan[1]).append("'},\n");
            }
        }
        lua.append("""
                }
                local counter = 1
                local created = 0
                setup = function(thread)
                  thread:set("offset", created)
                  created = created + 1
                end
                init = function(args)
                  counter = offset + 1
                end
                request = function()
                  local pair = pairs[counter]
                  counter = counter + STEP
                  -- Used up: repeat the first pair, which the server refuses (409) and wrk counts as an error.
                  if pair == nil then pair = pairs[1] end
                  return wrk.format("PUT", pair[1], {["Authorization"] = "Bearer " .. pair[2],
                    ["Content-Type"] = "application/json"}, '{"value":"2","comment":"Onder belasting","version":0}')
                end
                """);
        return lua.toString().replace("STEP", Integer.toString(threads));
    }

    private static Result wrk(String what, int connections, int seconds, URI server, Path dir, String script)
            throws IOException, InterruptedException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".lua");
        Files.writeString(file, script + """
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %f %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6),
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                    summary.requests))
                end
                """);
        int threads = Math.min(connections, 2); // must match the STEP of the saves script
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "-s", file.toString(), server.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        String line = output.lines().filter(l -> l.startsWith("RESULT")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk gave no result: " + output));
        String[] f = line.split(" ");
        return new Result(what, connections, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[5]));
    }
}
