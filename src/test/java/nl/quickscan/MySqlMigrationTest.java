package nl.quickscan;

import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Flyway migrations apply unchanged on a real MariaDB/MySQL server (the other tests then run there too). */
class MySqlMigrationTest {

    @Test
    void migrationsApplyOnMariaDbOrMySql() throws Exception {
        assumeTrue(TestApp.mysql().isPresent(),
                "MySQL integration tests skipped: set QUICKSCAN_TEST_MYSQL_URL, QUICKSCAN_TEST_MYSQL_USER and QUICKSCAN_TEST_MYSQL_PASSWORD");
        TestApp.MySqlSettings settings = TestApp.MySqlSettings.configured().orElseThrow();
        try (Connection connection = settings.connect(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
            assertTrue(product.toLowerCase().contains("mysql") || product.toLowerCase().contains("mariadb"), product);
            List<String> failed = new ArrayList<>();
            int applied = 0;
            try (ResultSet rs = statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
                while (rs.next()) {
                    applied++;
                    if (!rs.getBoolean("success")) {
                        failed.add(rs.getString("version"));
                    }
                }
            }
            assertTrue(applied >= 1, "migrations recorded");
            assertEquals(List.of(), failed, "failed migrations");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM gemeente WHERE cbs_code IN ('GM0014', 'GM0106')")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "demo data loaded through the app");
            }
        }
    }
}
