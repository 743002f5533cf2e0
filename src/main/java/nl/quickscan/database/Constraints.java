package nl.quickscan.database;

import java.sql.SQLException;

/** Reading the database's verdict on a refused write, the same on H2 and MySQL/MariaDB. */
public final class Constraints {

    /** SQLSTATE of a unique violation on H2 (and in standard SQL). */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of any integrity violation on MySQL/MariaDB, where the error code tells which one. */
    private static final String INTEGRITY_VIOLATION = "23000";
    /** MySQL/MariaDB ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;

    private Constraints() {
    }

    /** Whether a unique key refused the write (not a foreign key, not an outage), anywhere in the cause chain. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || INTEGRITY_VIOLATION.equals(sql.getSQLState()) && sql.getErrorCode() == DUPLICATE_ENTRY)) {
                return true;
            }
        }
        return false;
    }
}
