package nl.quickscan.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import nl.quickscan.support.TestApp;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ConnectionSettingsTest {

    static Stream<TestApp> apps() {
        return TestApp.all();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void connectionsReadCommittedOnEveryDatabase(TestApp app) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class)).getConnection()) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
            // The server agrees, not only the driver's local copy of the session state.
            String product = (connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion()).toLowerCase();
            if (product.contains("mysql") || product.contains("mariadb")) {
                String variable = product.contains("mariadb") ? "tx_isolation" : "transaction_isolation";
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT @@session." + variable)) {
                    rs.next();
                    assertEquals("READ-COMMITTED", rs.getString(1));
                }
            }
        }
    }

    @Test
    void driverSettingsForMySqlOnlyAndNeverOverTheOperatorsOwn() {
        DatasourceConfiguration mysql = new DatasourceConfiguration("default");
        mysql.setUrl("jdbc:mysql://db:3306/quickscan?cachePrepStmts=false");
        mysql.addDataSourceProperty("prepStmtCacheSize", "10");
        ConnectionSettings.apply(mysql);
        assertEquals("true", mysql.getDataSourceProperties().get("useLocalSessionState"));
        assertFalse(mysql.getDataSourceProperties().containsKey("cachePrepStmts"), "set in the URL");
        assertEquals("10", mysql.getDataSourceProperties().get("prepStmtCacheSize"));
        assertEquals("TRANSACTION_READ_COMMITTED", mysql.getTransactionIsolation());

        DatasourceConfiguration h2 = new DatasourceConfiguration("default");
        h2.setUrl("jdbc:h2:mem:x");
        h2.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        ConnectionSettings.apply(h2);
        assertEquals(java.util.Map.of("OPTIMIZE_REUSE_RESULTS", "FALSE"), h2.getDataSourceProperties(),
                "H2 would refuse MySQL driver settings; it gets its own");
        assertEquals("TRANSACTION_SERIALIZABLE", h2.getTransactionIsolation(), "a configured isolation stays");
    }
}
