package nl.quickscan.imports;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.database.Jdbc;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the import: the regio's gemeenten with whether they have a scan in the round, imported scans, and the
 * uploaded files waiting for their confirmation. Callers reached the round through a scoped lookup first
 * ({@code RoundRepository.findVisible}); every method here is for that round.
 */
@Singleton
class ImportRepository {

    private final Jdbc jdbc;

    ImportRepository(ConnectionOperations<Connection> connections) {
        this.jdbc = new Jdbc(connections);
    }

    /** The gemeenten of the round's regio, by name, each with whether it has a scan in the round. */
    List<ImportCheck.Gemeente> gemeentenOfRound(long roundId, long regioId) {
        return jdbc.query("gemeenten", """
                SELECT g.id, g.cbs_code, g.name,
                       (SELECT COUNT(*) FROM scan s WHERE s.round_id = ? AND s.gemeente_id = g.id) AS scans
                FROM gemeente g WHERE g.regio_id = ? ORDER BY g.name""", row -> new ImportCheck.Gemeente(row.getLong(1),
                row.getString(2), row.getString(3), row.getInt(4) > 0), roundId, regioId);
    }

    /**
     * Creates the gemeente's scan of the round as submitted and imported, unless it has one (then 0 and nothing
     * written: a scan that exists is never overwritten).
     */
    Optional<Long> createImported(long roundId, long gemeenteId, long by, Instant now, String fileName) {
        Timestamp at = Timestamp.from(now);
        int created = jdbc.execute("an imported scan", """
                INSERT INTO scan (round_id, gemeente_id, status, created_at, submitted_at, submitted_by, source,
                                  imported_at, imported_by, import_file)
                SELECT m.id, ?, 'SUBMITTED', ?, ?, ?, 'IMPORT', ?, ?, ? FROM meetronde m
                WHERE m.id = ? AND NOT EXISTS (SELECT 1 FROM scan x WHERE x.round_id = ? AND x.gemeente_id = ?)""",
                gemeenteId, at, at, by, at, by, fileName, roundId, roundId, gemeenteId);
        if (created == 0) {
            return Optional.empty();
        }
        return jdbc.query("an imported scan", "SELECT id FROM scan WHERE round_id = ? AND gemeente_id = ?",
                row -> row.getLong(1), roundId, gemeenteId).stream().findFirst();
    }

    /** An uploaded file waiting for its confirmation. */
    record Upload(long id, long roundId, long accountId, String fileName, byte[] content) {
    }

    /** Keeps the account's upload for the round until it is confirmed, in place of an earlier one; returns its id. */
    long stage(long roundId, long accountId, String fileName, byte[] content, Instant now) {
        jdbc.execute("an upload", "DELETE FROM import_upload WHERE round_id = ? AND account_id = ?", roundId, accountId);
        jdbc.execute("an upload", """
                INSERT INTO import_upload (round_id, account_id, file_name, content, created_at) VALUES (?, ?, ?, ?, ?)""",
                roundId, accountId, fileName, content, Timestamp.from(now));
        return jdbc.query("an upload", "SELECT id FROM import_upload WHERE round_id = ? AND account_id = ?",
                row -> row.getLong(1), roundId, accountId).get(0);
    }

    /** The account's own upload for the round, by its id; another account's or round's is not found. */
    Optional<Upload> staged(long id, long roundId, long accountId) {
        return jdbc.query("an upload", """
                SELECT id, round_id, account_id, file_name, content FROM import_upload
                WHERE id = ? AND round_id = ? AND account_id = ?""", row -> new Upload(row.getLong(1), row.getLong(2),
                row.getLong(3), row.getString(4), row.getBytes(5)), id, roundId, accountId).stream().findFirst();
    }

    void unstage(long id) {
        jdbc.execute("an upload", "DELETE FROM import_upload WHERE id = ?", id);
    }

    /** Uploads never confirmed are removed after a day: they hold answers of gemeenten. */
    void removeStagedBefore(Instant before) {
        jdbc.execute("uploads", "DELETE FROM import_upload WHERE created_at < ?", Timestamp.from(before));
    }
}
