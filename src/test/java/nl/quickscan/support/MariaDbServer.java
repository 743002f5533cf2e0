package nl.quickscan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own (not the shared one), in a folder the test gives, on a free port of
 * 127.0.0.1, so that the test may kill it. It runs with {@code --skip-grant-tables}: anyone on 127.0.0.1 may
 * connect as any user, which is fine for a server that lives as long as one test.
 */
public final class MariaDbServer {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final List<Path> INSTALLERS = List.of(Path.of("/usr/bin/mariadb-install-db"),
            Path.of("/usr/sbin/mariadb-install-db"), Path.of("/usr/local/bin/mariadb-install-db"));

    private final Path folder;
    private final int port;
    private Process process;

    private MariaDbServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Why the server cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(SERVER) || installer().isEmpty()) {
            return Optional.of(SERVER + " or mariadb-install-db is not installed (CI installs mariadb-server)");
        }
        return Optional.empty();
    }

    /** Makes a fresh data folder under {@code folder}, starts the server on it and creates database {@code quickscan}. */
    public static MariaDbServer install(Path folder) throws IOException, InterruptedException, SQLException {
        Path data = folder.resolve("data");
        Process install = new ProcessBuilder(installer().orElseThrow().toString(), "--no-defaults", "--user=root",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(folder.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed:\n"
                    + Files.readString(folder.resolve("install.log"), StandardCharsets.UTF_8));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MariaDbServer server = new MariaDbServer(folder, port);
        server.start();
        try (Connection connection = DriverManager.getConnection(server.url(""), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE quickscan CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return server;
    }

    /** Starts the server on its data folder and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--user=root",
                "--datadir=" + folder.resolve("data"), "--port=" + port, "--socket=" + folder.resolve("mariadb.sock"),
                "--pid-file=" + folder.resolve("mariadb.pid"), "--bind-address=127.0.0.1", "--skip-grant-tables",
                "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--log-error=" + folder.resolve("error.log"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd stopped while starting:\n" + log());
            }
            try (Connection ignored = DriverManager.getConnection(url(""), "root", "")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        kill();
        throw new IllegalStateException("mariadbd did not start within 60 s:\n" + log());
    }

    /** SIGKILL: the server is gone at once, as in a crash. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** JDBC URL of a database on this server ("" for none). */
    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("error.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> installer() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "mariadb-install-db"));
        return Stream.concat(INSTALLERS.stream(), onPath).filter(Files::isExecutable).findFirst();
    }
}
