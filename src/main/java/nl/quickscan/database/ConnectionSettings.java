package nl.quickscan.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;
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
 *   <li>On H2, no reuse of a query's previous result ({@code OPTIMIZE_REUSE_RESULTS=FALSE}). H2 hands a statement
 *       its last result again when no table changed since, and another transaction's commit does not count as a
 *       change: a save that read the answers before waiting for the scan's lock read them again, after the lock,
 *       as they were before the colleague's save committed, and inserted an answer that existed.</li>
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
            addUnlessSet(configuration, url, MYSQL_DRIVER_PROPERTIES);
        } else if (url != null && url.startsWith("jdbc:h2:")) {
            addUnlessSet(configuration, url, H2_PROPERTIES);
        }
        return configuration;
    }

    static final Map<String, String> H2_PROPERTIES = Map.of("OPTIMIZE_REUSE_RESULTS", "FALSE");

    /** A setting the operator made, in the URL or as a data source property, stays theirs. */
    private static void addUnlessSet(DatasourceConfiguration configuration, String url, Map<String, String> properties) {
        properties.forEach((name, value) -> {
            if (!url.toUpperCase(Locale.ROOT).contains(name.toUpperCase(Locale.ROOT) + "=")
                    && !configuration.getDataSourceProperties().containsKey(name)) {
                configuration.addDataSourceProperty(name, value);
            }
        });
    }
}
