package nl.quickscan.database;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
