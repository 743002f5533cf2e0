package nl.quickscan.database;

import nl.quickscan.support.Api;
import nl.quickscan.support.AppProcess;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The restore drill of README "Backups and restore", on both databases: fill a database through the app, back it up
 * the documented way (the app's scheduled online backup on H2, ops/mariadb-backup on MariaDB/MySQL), restore it into
 * an empty one the documented way (H2's Restore tool, ops/mariadb-restore), find every row of every table there,
 * start the app on it and find every answer and every entry of its history.
 */
class BackupRestoreTest {

    private static final String SURVEY = "quickscan-seksueel-geweld";
    private static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    @Test
    void theEmbeddedDatabasesOnlineBackupRestoresEveryAnswerAndItsHistory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        // The schedule of the shipped default is daily; here every second, so that the drill need not wait a day.
        AppProcess source = new AppProcess(Map.of("QUICKSCAN_DATA_DIR", data.toString(),
                "QUICKSCAN_BACKUP_DIR", backups.toString(), "QUICKSCAN_BACKUP_CRON", "* * * * * *"), dir.resolve("source.log"));
        Path restored = dir.resolve("restored");
        AppProcess restoredApp = new AppProcess(restored, dir.resolve("restored.log"));
        try {
            source.start();
            Filled filled = fill(source.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD),
                    source.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD), "adviseur.groningen@quickscan.test",
                    TestApp.DEMO_PASSWORD);
            Path backup = backupStartedAfter(backups, Instant.now().plusSeconds(1));
            source.kill();

            // README: java -cp target/quickscan-0.1.0.jar org.h2.tools.Restore -file BACKUP -dir DATA_DIR -db quickscan
            run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.h2.tools.Restore",
                    "-file", backup.toString(), "-dir", restored.toString(), "-db", "quickscan"));

            try (Connection original = h2(data); Connection copy = h2(restored)) {
                assertSameRows(original, copy, "public");
            }
            restoredApp.start();
            assertEverythingFound(filled, restoredApp.api().login(filled.adviser(), filled.password()));
        } finally {
            source.kill();
            restoredApp.kill();
        }
    }

    @Test
    void theMariaDbDumpRestoresEveryAnswerAndItsHistory(@TempDir Path dir) throws Exception {
        assumeTrue(TestApp.mysql().isPresent(), "BackupRestoreTest on MariaDB/MySQL skipped: set QUICKSCAN_TEST_MYSQL_URL, "
                + "QUICKSCAN_TEST_MYSQL_USER and QUICKSCAN_TEST_MYSQL_PASSWORD");
        assumeTrue(Stream.of("mariadb-dump", "mysqldump").anyMatch(BackupRestoreTest::onPath),
                "BackupRestoreTest on MariaDB/MySQL skipped: no mariadb-dump or mysqldump (install mariadb-client)");
        TestApp app = TestApp.mysql().orElseThrow();
        TestApp.MySqlSettings settings = TestApp.MySqlSettings.configured().orElseThrow();
        URI address = URI.create(settings.url().substring("jdbc:".length()));
        String database = address.getPath().substring(1);
        // What ops/mariadb-backup reads the connection from: an options file only its owner can read.
        Path options = Files.createFile(dir.resolve("backup.cnf"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(options, "[client]\nhost=" + address.getHost() + "\nport=" + (address.getPort() < 0 ? 3306 : address.getPort())
                + "\nuser=" + settings.user() + "\npassword=" + settings.password() + "\n");
        String copyName = "quickscan_restore_" + Long.toString(System.nanoTime(), 36);
        String copyUrl = settings.url().replaceFirst("/" + database + "(\\?|$)", "/" + copyName + "$1");
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        String adviser = Fixtures.adviseur(app, regio.codes().get(0)).email();
        AppProcess restoredApp = new AppProcess(Map.of("DATASOURCES_DEFAULT_URL", copyUrl,
                "DATASOURCES_DEFAULT_USERNAME", settings.user(), "DATASOURCES_DEFAULT_PASSWORD", settings.password()),
                dir.resolve("restored.log"));
        try {
            Filled filled = fill(app.api().login(regio.coordinator().email(), Fixtures.PASSWORD),
                    app.api().login(adviser, Fixtures.PASSWORD), adviser, Fixtures.PASSWORD);

            String file = run(dir, List.of("bash", "ops/mariadb-backup", dir.resolve("backups").toString(), database,
                    "--defaults-extra-file=" + options)).strip();
            assertTrue(Files.size(Path.of(file)) > 0, file);
            String report = run(dir, List.of("bash", "ops/mariadb-restore", file, copyName, "--defaults-extra-file=" + options));
            assertTrue(report.matches("(?s).*\\d+ answers, \\d+ answer changes.*"), report);

            try (Connection original = settings.connect();
                 Connection copy = DriverManager.getConnection(copyUrl, settings.user(), settings.password())) {
                assertSameRows(original, copy, null);
            }
            restoredApp.start();
            assertEverythingFound(filled, restoredApp.api().login(adviser, Fixtures.PASSWORD));
        } finally {
            restoredApp.kill();
            try (Connection connection = settings.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + copyName + "`");
            }
        }
    }

    /** A scan whose answers were each saved three times (three versions in the history), each with its toelichting. */
    record Filled(long scanId, String part, List<Object> answers, List<String> comments, String adviser, String password) {
    }

    private static Filled fill(Api coordinator, Api adviser, String adviserEmail, String password) {
        Response round = coordinator.postJson("/api/v1/rounds", """
                {"name": "Hersteloefening %s", "kind": "NULMETING", "surveyId": "%s", "surveyVersion": 1,
                 "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), SURVEY, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(30)));
        assertEquals(201, round.status(), round::toString);
        Response started = adviser.postJson("/api/v1/scans", "{\"roundId\":" + round.json().get("id") + "}");
        assertEquals(201, started.status(), started::toString);
        long scanId = ((Number) started.json().get("id")).longValue();
        Map<?, ?> bouwsteen = (Map<?, ?>) ((List<?>) adviser.get("/api/v1/surveys/" + SURVEY + "/1").json().get("bouwstenen")).get(0);
        List<String> comments = new ArrayList<>();
        for (Object question : (List<?>) bouwsteen.get("questions")) {
            Map<?, ?> q = (Map<?, ?>) question;
            List<?> options = (List<?>) q.get("options");
            if (options == null || options.size() < 3) {
                continue;
            }
            for (int version = 0; version < 3; version++) {
                String comment = "Toelichting " + q.get("key") + " versie " + (version + 1) + ", met é en “aanhalingstekens”";
                Response saved = adviser.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + q.get("key"), "application/json",
                        "{\"value\":\"" + ((Map<?, ?>) options.get(version)).get("value") + "\",\"comment\":\"" + comment
                                + "\",\"version\":" + version + "}", Map.of());
                assertEquals(200, saved.status(), saved::toString);
                comments.add(comment);
            }
        }
        assertTrue(comments.size() >= 6, "at least two statements of the first bouwsteen were answered: " + comments);
        List<Object> answers = answers(adviser, scanId);
        return new Filled(scanId, (String) bouwsteen.get("key"), answers, comments, adviserEmail, password);
    }

    private static List<Object> answers(Api adviser, long scanId) {
        Response scan = adviser.get("/api/v1/scans/" + scanId);
        assertEquals(200, scan.status(), scan::toString);
        return List.copyOf((List<?>) scan.json().get("answers"));
    }

    /** The restored app shows the same answers through the API, and every version of them on the page's history. */
    private static void assertEverythingFound(Filled filled, Api adviser) {
        assertEquals(filled.answers(), answers(adviser, filled.scanId()), "every answer, at its version, with its toelichting");
        Response page = adviser.send("GET", "/scans/" + filled.scanId() + "/deel/" + filled.part(), "text/plain", "",
                Map.of("Accept", "text/html"));
        assertEquals(200, page.status(), page::toString);
        String history = page.html().select(".question__history").text();
        for (String comment : filled.comments()) {
            assertTrue(history.contains(comment), () -> "in the history: " + comment);
        }
    }

    /** Every row of every table alike (the schema's history of Flyway included), compared as text in key order. */
    private static void assertSameRows(Connection original, Connection copy, String schema) throws SQLException {
        Map<String, List<String>> before = rows(original, schema);
        Map<String, List<String>> after = rows(copy, schema);
        assertEquals(before.keySet(), after.keySet(), "the same tables");
        assertTrue(before.get("answer_change").size() >= 6 && before.get("answer").size() >= 2, "the data that was filled in");
        for (String table : before.keySet()) {
            assertEquals(before.get(table), after.get(table), "the rows of " + table);
        }
    }

    private static Map<String, List<String>> rows(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(schema == null ? connection.getCatalog() : null, schema, "%",
                new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                List<String> content = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            row.append(rs.getMetaData().getColumnName(column)).append('=').append(rs.getString(column)).append('|');
                        }
                        content.add(row.toString());
                    }
                }
                content.sort(null);
                rows.put(table, content);
            }
        }
        return rows;
    }

    private static Connection h2(Path folder) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("quickscan") + H2_OPTIONS + ";IFEXISTS=TRUE", "sa", "");
    }

    /** The newest complete backup whose name says it began after {@code after} (the app writes one per second here). */
    private static Path backupStartedAfter(Path folder, Instant after) throws IOException, InterruptedException {
        String first = H2Backups.PREFIX + DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(after.truncatedTo(ChronoUnit.SECONDS)) + H2Backups.SUFFIX;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    Optional<Path> backup = files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(H2Backups.SUFFIX) && name.compareTo(first) > 0;
                    }).max(Path::compareTo);
                    if (backup.isPresent()) {
                        return backup.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no backup after " + first + " in " + folder);
    }

    /** Runs a command from the project folder; fails with its output unless it exits 0; returns its standard output. */
    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "command", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> command + " did not finish");
        String stderr = Files.readString(errors);
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output + stderr);
        assertFalse(output.isEmpty() && command.get(0).equals("bash"), () -> command + " said nothing:\n" + stderr);
        return output;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }
}
