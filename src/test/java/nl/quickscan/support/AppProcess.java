package nl.quickscan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The app in a JVM of its own, started as a user starts it (main class, configured by environment variables) on
 * the test JVM's classpath, for tests that kill it with SIGKILL or take its disk away. Demo mode is on; the demo
 * accounts have the password {@link TestApp#DEMO_PASSWORD}. Its output goes to a log file, shown when it fails.
 */
public final class AppProcess {

    private final Map<String, String> environment = new HashMap<>();
    private final Path log;
    private final int port;
    private Process process;

    /** An app on the embedded default database (H2 file) in {@code dataDir}, with its log in {@code log}. */
    public AppProcess(Path dataDir, Path log) throws IOException {
        this(Map.of("QUICKSCAN_DATA_DIR", dataDir.toString()), log);
    }

    public AppProcess(Map<String, String> settings, Path log) throws IOException {
        this.log = log;
        this.port = freePort();
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        environment.put("QUICKSCAN_DEMO", "true");
        environment.put("QUICKSCAN_DEMO_PASSWORD", TestApp.DEMO_PASSWORD);
        environment.put("QUICKSCAN_BCRYPT_STRENGTH", "4");
        environment.put("QUICKSCAN_TOTP_REQUIRED_ROLES", "");
        environment.put("QUICKSCAN_JWT_SECRET", "process-secret-" + UUID.randomUUID() + UUID.randomUUID());
        environment.putAll(settings);
    }

    /** Starts the app and waits until {@code /health} says UP. */
    public AppProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "nl.quickscan.Application"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The app's settings come from here only, never from the environment the tests run in.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUICKSCAN_")
                || name.startsWith("DATASOURCES_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("The app did not become healthy within 120 s:\n" + logTail());
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux): no shutdown hook, no last write. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    public Api api() {
        return new Api(this::uri);
    }

    /** The last lines the app wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
