package nl.quickscan.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A running app on a real HTTP port, started once per test JVM and shared by the test classes: one on an
 * in-memory H2 database (MySQL mode), and, when a MariaDB/MySQL server is configured, one on that server.
 * Tests that take a {@code TestApp} parameter run against both.
 */
public final class TestApp {

    public static final String DEMO_PASSWORD = "demo-wachtwoord-test";

    private static TestApp h2;
    private static TestApp mysql;
    private static boolean mysqlTried;

    private final String name;
    private final EmbeddedServer server;

    private TestApp(String name, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("quickscan.demo", true);
        properties.put("quickscan.demo-password", DEMO_PASSWORD);
        // A line per request would bury the tests' own output; RequestLogTest turns it on while it looks.
        properties.put("logger.levels.quickscan.request", "WARN");
        // The tests make the rounds they assert on; DemoDataTest looks at the demo's own measurements.
        properties.put("quickscan.demo-measurements", false);
        properties.put("quickscan.bcrypt-strength", 4);
        // Every test comes from 127.0.0.1 and logs in often: the login limits are tested on apps of their own.
        properties.put("quickscan.login-attempts-per-address", 1_000_000);
        properties.put("quickscan.login-attempts-per-account", 1_000_000);
        properties.put("quickscan.jwt-secret", "test-secret-" + UUID.randomUUID() + UUID.randomUUID());
        // The shared apps log beheerders and coordinators in by password only; SecondFactorTest runs an app with
        // the production default and tests the requirement itself.
        properties.put("quickscan.totp.required-roles", "");
        properties.putAll(settings);
        if (Boolean.FALSE.equals(properties.get("quickscan.demo"))) {
            // Without demo mode the app needs its public address; a test about that sets it (empty) itself.
            properties.putIfAbsent("quickscan.base-url", "https://quickscan.test.invalid");
        }
        this.name = name;
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    public static synchronized TestApp h2() {
        if (h2 == null) {
            h2 = new TestApp("H2", h2Database("quickscan-test"));
        }
        return h2;
    }

    /** A separate app on its own in-memory database, for tests that need other settings; close it afterwards. */
    public static TestApp withSettings(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(h2Database("quickscan-" + UUID.randomUUID()));
        all.putAll(settings);
        return new TestApp("H2 with " + settings.keySet(), all);
    }

    /**
     * A separate app on the configured MariaDB/MySQL database (which {@link #mysql} emptied and migrated), for tests
     * that need other settings; close it afterwards. Its data lives beside the shared app's, as every test owns its own.
     */
    public static TestApp onMysqlWithSettings(Map<String, Object> settings) {
        MySqlSettings database = MySqlSettings.configured().orElseThrow();
        Map<String, Object> all = new HashMap<>(Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.user(),
                "datasources.default.password", database.password()));
        all.putAll(settings);
        return new TestApp("MariaDB/MySQL with " + settings.keySet(), all);
    }

    private static Map<String, Object> h2Database(String name) {
        return Map.of(
                "datasources.default.url", "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "datasources.default.username", "sa",
                "datasources.default.password", "");
    }

    /**
     * Stops an app made by {@link #withSettings}. (TestApp is deliberately not AutoCloseable: JUnit closes
     * AutoCloseable arguments of parameterized tests, which would stop the shared apps.)
     */
    public void stop() {
        server.close();
    }

    /** The app on MariaDB/MySQL, when QUICKSCAN_TEST_MYSQL_URL (or -Dquickscan.test.mysql.url) is set. */
    public static synchronized Optional<TestApp> mysql() {
        if (!mysqlTried) {
            mysqlTried = true;
            MySqlSettings.configured().ifPresentOrElse(settings -> {
                settings.emptyDatabase();
                mysql = new TestApp("MariaDB/MySQL", Map.of(
                        "datasources.default.url", settings.url(),
                        "datasources.default.username", settings.user(),
                        "datasources.default.password", settings.password()));
            }, () -> System.out.println("[quickscan] MySQL integration tests skipped: set QUICKSCAN_TEST_MYSQL_URL, "
                    + "QUICKSCAN_TEST_MYSQL_USER and QUICKSCAN_TEST_MYSQL_PASSWORD (or -Dquickscan.test.mysql.*) to run them."));
        }
        return Optional.ofNullable(mysql);
    }

    /** Every configured app: H2 always, MariaDB/MySQL when configured. */
    public static Stream<TestApp> all() {
        List<TestApp> apps = new ArrayList<>();
        apps.add(h2());
        mysql().ifPresent(apps::add);
        return apps.stream();
    }

    public URI uri(String path) {
        return server.getURI().resolve(path);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public Browser browser() {
        return new Browser(this);
    }

    public Api api() {
        return new Api(this);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Connection settings of the MariaDB/MySQL test database. */
    public record MySqlSettings(String url, String user, String password) {

        public static Optional<MySqlSettings> configured() {
            String url = setting("QUICKSCAN_TEST_MYSQL_URL", "quickscan.test.mysql.url");
            if (url == null) {
                return Optional.empty();
            }
            return Optional.of(new MySqlSettings(url,
                    Optional.ofNullable(setting("QUICKSCAN_TEST_MYSQL_USER", "quickscan.test.mysql.user")).orElse("root"),
                    Optional.ofNullable(setting("QUICKSCAN_TEST_MYSQL_PASSWORD", "quickscan.test.mysql.password")).orElse("")));
        }

        private static String setting(String env, String property) {
            String value = System.getProperty(property, System.getenv(env));
            return value == null || value.isBlank() || value.startsWith("${") ? null : value;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Starts from an empty schema, so that every run applies all migrations from the first. */
        void emptyDatabase() {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : tables) {
                    statement.execute("DROP TABLE `" + table + "`");
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the MySQL test database " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
