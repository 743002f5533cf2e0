package nl.quickscan.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures count as the database being unavailable (503), and which remain bugs or bad input. */
class DatabaseOutagesTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreOutages() {
        assertTrue(DatabaseOutages.isOutage(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"))));
        assertTrue(DatabaseOutages.isOutage(new RuntimeException(new SQLException("Communications link failure", "08S01"))));
        assertTrue(DatabaseOutages.isOutage(new SQLException("The database has been closed [90098-232]", "90098", 90098)));
        assertTrue(DatabaseOutages.isOutage(new SQLException("IO Exception: No space left on device", "90031", 90031)));
    }

    @Test
    void bugsAndBadInputAreNotOutages() {
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutages.isOutage(new RuntimeException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseOutages.isOutage(new SQLSyntaxErrorException("Syntax error", "42000", 1064)));
        // A MySQL error number that happens to equal one of H2's codes only counts with H2's SQL state.
        assertFalse(DatabaseOutages.isOutage(new SQLException("other", "HY000", 90098)));
        assertFalse(DatabaseOutages.isOutage(new SQLException("Connection is closed")), "only when HikariCP closed it");
    }

    @Test
    void theFolderOfAnH2FileDatabaseIsFoundInItsUrl() {
        assertEquals(Optional.of(Path.of("/srv/quickscan/data")),
                DatabaseOutages.h2Folder("jdbc:h2:file:/srv/quickscan/data/quickscan;MODE=MySQL;WRITE_DELAY=0"));
        assertEquals(Optional.of(Path.of("data").toAbsolutePath()), DatabaseOutages.h2Folder("jdbc:h2:./data/quickscan"));
        assertEquals(Optional.empty(), DatabaseOutages.h2Folder("jdbc:h2:mem:quickscan-test;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), DatabaseOutages.h2Folder("jdbc:h2:tcp://localhost/~/quickscan"));
        assertEquals(Optional.empty(), DatabaseOutages.h2Folder("jdbc:mysql://127.0.0.1:3306/quickscan"));
    }
}
