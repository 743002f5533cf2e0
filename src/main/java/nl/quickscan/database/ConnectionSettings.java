package nl.quickscan.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Connection settings that hold whatever URL the operator configures.
 * <ul>
 *   <li>Read committed by default, on every database. The saves need it (they read after locking the scan row,
 *       see {@code ScanService}) and say so themselves; as the pool's default it costs no extra statements per
 *       transaction to switch to it and back.</li>
 *   <li>On MySQL and MariaDB, the driver settings HikariCP recommends: keep the session state (autocommit,
 *       isolation) on the client instead of asking the server before each transaction, and reuse prepared
 *       statements. With read committed as the default, a save takes 11 statements instead of 15. And batches in
 *       one round trip: a step of the scan writes its answers, history and audit rows as three batches.</li>
 * </ul>
 */
@Singleton
final class ConnectionSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final Map<String, String> MYSQL_DRIVER_PROPERTIES = Map.of(
            "useLocalSessionState", "true",
            "elideSetAutoCommits", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "cacheServerConfiguration", "true",
            "cacheResultSetMetadata", "true",
            "maintainTimeStats", "false",
            "rewriteBatchedStatements", "true");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        return apply(event.getBean());
    }

    static DatasourceConfiguration apply(DatasourceConfiguration configuration) {
        if (configuration.getTransactionIsolation() == null) {
            configuration.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        String url = configuration.getUrl();
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
            // A setting the operator made, in the URL or as a data source property, stays theirs.
            MYSQL_DRIVER_PROPERTIES.forEach((name, value) -> {
                if (!url.contains(name + "=") && !configuration.getDataSourceProperties().containsKey(name)) {
                    configuration.addDataSourceProperty(name, value);
                }
            });
        }
        return configuration;
    }
}
