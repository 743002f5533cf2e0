package nl.quickscan.database;

import java.sql.SQLException;
import java.util.Arrays;

/** Reading the database's verdict on a refused write, the same on H2 and MySQL/MariaDB. */
public final class Constraints {

    /** SQLSTATE of a unique violation on H2 (and in standard SQL). */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of any integrity violation on MySQL/MariaDB, where the error code tells which one. */
    private static final String INTEGRITY_VIOLATION = "23000";
    /** MySQL/MariaDB ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** SQLSTATE of a foreign key violation on H2 (and in standard SQL). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** MySQL/MariaDB ER_ROW_IS_REFERENCED_2 and ER_NO_REFERENCED_ROW_2: a row still referred to, a reference to no row. */
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;

    private Constraints() {
    }

    /** Whether a unique key refused the write (not a foreign key, not an outage), anywhere in the cause chain. */
    public static boolean isUniqueViolation(Throwable failure) {
        return refusedBy(failure, UNIQUE_VIOLATION, DUPLICATE_ENTRY);
    }

    /** Whether a foreign key refused the write (a row still referred to, or a reference to none), anywhere in the cause chain. */
    public static boolean isForeignKeyViolation(Throwable failure) {
        return refusedBy(failure, FOREIGN_KEY_VIOLATION, ROW_IS_REFERENCED, NO_REFERENCED_ROW);
    }

    /** Whether the failure has the standard SQLSTATE (H2), or MySQL's integrity state with one of the error codes. */
    private static boolean refusedBy(Throwable failure, String standardState, int... mysqlErrorCodes) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (standardState.equals(sql.getSQLState())
                    || INTEGRITY_VIOLATION.equals(sql.getSQLState())
                    && Arrays.stream(mysqlErrorCodes).anyMatch(code -> code == sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
