package nl.quickscan.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.database.Jdbc;
import nl.quickscan.scans.Meetronde;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rounds the retention job looks at, and who it tells. For the platform itself: no tenant. */
@Singleton
class RetentionRepository {

    /** A round as the job sees it; {@code noticeAt} null while the coordinators have not been told. */
    record Round(long id, long regioId, String regioName, String name, Meetronde.Kind kind, LocalDate opens,
                 LocalDate closes, @Nullable Instant noticeAt) {
    }

    private final Jdbc jdbc;

    RetentionRepository(ConnectionOperations<Connection> connections) {
        this.jdbc = new Jdbc(connections);
    }

    /** The rounds of every regio that closed on or before {@code latest}, oldest first. */
    List<Round> closedOnOrBefore(LocalDate latest) {
        return jdbc.query("rounds", """
                SELECT m.id, m.regio_id, r.name, m.name, m.kind, m.opens, m.closes, m.retention_notice_at
                FROM meetronde m JOIN regio r ON r.id = m.regio_id
                WHERE m.closes <= ? ORDER BY m.closes, m.id""", row -> {
            Timestamp notice = row.getTimestamp(8);
            return new Round(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                    Meetronde.Kind.valueOf(row.getString(5)), row.getDate(6).toLocalDate(), row.getDate(7).toLocalDate(),
                    notice == null ? null : notice.toInstant());
        }, java.sql.Date.valueOf(latest));
    }

    /**
     * Claims the round's notice: 1 when this call is the one that tells (the first, on however many instances), 0
     * when another already did.
     */
    int claimNotice(long roundId, Instant now) {
        return jdbc.execute("rounds", "UPDATE meetronde SET retention_notice_at = ? WHERE id = ? AND retention_notice_at IS NULL",
                Timestamp.from(now), roundId);
    }

    /** Locks the round until the transaction ends; false when it is gone (another instance deleted it). */
    boolean lock(long roundId) {
        return !jdbc.query("rounds", "SELECT id FROM meetronde WHERE id = ? FOR UPDATE", row -> row.getLong(1), roundId).isEmpty();
    }

    /** The addresses of the regio's active coordinators. */
    List<String> coordinatorsOf(long regioId) {
        return jdbc.query("coordinators", """
                SELECT email FROM account
                WHERE role = 'COORDINATOR' AND regio_id = ? AND active = TRUE AND removed_at IS NULL AND email LIKE '%_@_%'
                ORDER BY email""", row -> row.getString(1), regioId);
    }
}
