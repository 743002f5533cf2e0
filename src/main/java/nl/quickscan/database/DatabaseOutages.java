package nl.quickscan.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Failures of the database itself, told apart from bugs: the server cannot be reached, no connection came free
 * within the pool's connection timeout, or the embedded H2 database could not write its file (a full disk) and
 * closed itself. Requests that meet one answer 503 ({@code web/ErrorHandlers}), and {@code /health} says DOWN.
 * <p>
 * After such a failure the pool drops its connections, so that the next request opens fresh ones: on MySQL that
 * reconnects, and on H2 it opens the file again, which is how the app recovers without a restart once the
 * server is back or there is space again. (HikariCP only drops a connection by itself on SQL state 08; H2 says
 * "database closed" with its own code, so without this every request would keep failing on the closed file.)
 */
@Singleton
public final class DatabaseOutages {

    /** How long {@code /health} keeps saying DOWN after a request met an outage. */
    static final Duration REPORTED_FOR = Duration.ofSeconds(5);
    /** Below this much free space in the H2 database's folder, {@code /health} says DOWN. */
    static final long MIN_FREE_BYTES = 1024 * 1024;
    /** H2 error codes (also its SQL states) for a closed database and for failing file access. */
    private static final Set<Integer> H2_STORAGE_ERRORS = Set.of(
            90098, // DATABASE_IS_CLOSED
            90121, // DATABASE_CALLED_AT_SHUTDOWN
            90028, // IO_EXCEPTION_1
            90031, // IO_EXCEPTION_2
            90100); // NO_DISK_SPACE_AVAILABLE
    private static final String H2_STORE_EXCEPTION = "org.h2.mvstore.MVStoreException";
    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private final DataSource pool;
    private final Optional<Path> h2Folder;
    private volatile long lastOutageNanos;
    private volatile boolean anyOutage;

    DatabaseOutages(DataSource dataSource) {
        // The injected DataSource hands out transaction-bound connections; this needs the pool itself.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.h2Folder = pool instanceof HikariDataSource hikari ? h2Folder(hikari.getJdbcUrl()) : Optional.empty();
    }

    /**
     * When {@code failure} is a database outage: remembers it, lets the pool renew its connections and returns
     * true. Anything else (a bug, a constraint) returns false and changes nothing.
     */
    public boolean handle(Throwable failure) {
        if (!isOutage(failure)) {
            return false;
        }
        outage();
        return true;
    }

    /** The database failed in a way only the caller saw (for example a connection that is no longer valid). */
    public void outage() {
        lastOutageNanos = System.nanoTime();
        anyOutage = true;
        if (pool instanceof HikariDataSource hikari) {
            HikariPoolMXBean connections = hikari.getHikariPoolMXBean();
            if (connections != null) {
                // Idle connections close now, connections in use when they are returned.
                connections.softEvictConnections();
            }
        }
    }

    /** True while a request met an outage in the last few seconds. */
    public boolean recentlyFailed() {
        return anyOutage && System.nanoTime() - lastOutageNanos < REPORTED_FOR.toNanos();
    }

    /** True when the embedded H2 database's folder has (nearly) no space left, so that commits will fail. */
    public boolean diskFull() {
        if (h2Folder.isEmpty()) {
            return false;
        }
        try {
            return Files.getFileStore(h2Folder.get()).getUsableSpace() < MIN_FREE_BYTES;
        } catch (IOException e) {
            return false; // no folder (yet): the connection check tells
        }
    }

    static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause.getClass().getName().equals(H2_STORE_EXCEPTION)) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionState(sql) || closedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception), or H2's own code for a closed database or failing file. */
    private static boolean connectionState(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08")
                || H2_STORAGE_ERRORS.contains(sql.getErrorCode()) && state.equals(String.valueOf(sql.getErrorCode())));
    }

    /**
     * HikariCP's answer on a connection it closed because the database broke it. Micronaut Data then fails to
     * reset the connection and that failure replaces the original one (SQL state 08), so this is what remains.
     */
    private static boolean closedByPool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return "Connection is closed".equals(sql.getMessage()) && trace.length > 0
                && trace[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION);
    }

    /** The folder of an H2 file database URL ({@code jdbc:h2:file:<path>} or {@code jdbc:h2:<path>}), if it is one. */
    static Optional<Path> h2Folder(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (!(name.startsWith("/") || name.startsWith("./") || name.startsWith("../") || name.startsWith("~"))) {
            return Optional.empty(); // mem:, tcp:, ssl: and other stores
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }
}
