package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.database.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers of a scan. Callers reach a scan through {@link ScanRepository#findVisible} first, which is where the
 * tenant is checked; every method here is for that one scan.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class AnswerRepository implements GenericRepository<AnswerRow, String> {

    private static final String ROW = """
            SELECT x.question_key, x.answer_value, x.comment, x.version, a.display_name AS updated_by_name,
                   a.email AS updated_by_email, x.updated_at
            FROM answer x JOIN account a ON a.id = x.updated_by
            """;

    private final ConnectionOperations<Connection> connections;
    private final Jdbc jdbc;

    AnswerRepository(ConnectionOperations<Connection> connections) {
        this.connections = connections;
        this.jdbc = new Jdbc(connections);
    }

    /**
     * Every answer of the scan. The answer rows and {@link #changesOfScan} are read for every scan page and save,
     * and mapped here by column position: the generic mapping, which works out each column's name again for every
     * row, took a fifth of the page's time for its 2 × 61 rows.
     */
    public List<AnswerRow> ofScan(long scanId) {
        return jdbc.query("answers", ROW + "WHERE x.scan_id = ? ORDER BY x.question_key", ANSWER_ROW, scanId);
    }

    /** Whether the scan has any answer; reads one row at most. */
    public boolean hasAnswers(long scanId) {
        return !jdbc.query("answers", "SELECT 1 FROM answer WHERE scan_id = ? LIMIT 1", row -> Boolean.TRUE, scanId).isEmpty();
    }

    public Optional<AnswerRow> find(long scanId, String questionKey) {
        return jdbc.query("answers", ROW + "WHERE x.scan_id = ? AND x.question_key = ?", ANSWER_ROW, scanId, questionKey).stream().findFirst();
    }

    private static final Jdbc.RowMapper<AnswerRow> ANSWER_ROW = row -> new AnswerRow(row.getString(1), row.getString(2),
            row.getString(3), row.getInt(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant());

    /**
     * The answers of every submitted gemeente scan of a round, in one query, without the regio's (see
     * {@link #ofRegioPartOfRound}, to merge with {@link RegioAnswers}). For aggregate figures only (mean, median):
     * callers reach the round through a scoped lookup and never show these per gemeente.
     */
    @Query("""
            SELECT x.scan_id, x.question_key, x.answer_value, x.comment FROM answer x JOIN scan s ON s.id = x.scan_id
            WHERE s.round_id = :roundId AND s.status = 'SUBMITTED' AND s.gemeente_id IS NOT NULL""")
    public abstract List<RoundAnswer> ofSubmittedScansOfRound(long roundId);

    /**
     * The answers of every gemeente scan of a round, in one query, for the coordinator's overview of that round;
     * without the regio's (see {@link #ofRegioPartOfRound}).
     */
    @Query("""
            SELECT x.scan_id, x.question_key, x.answer_value, x.comment FROM answer x JOIN scan s ON s.id = x.scan_id
            WHERE s.round_id = :roundId AND s.gemeente_id IS NOT NULL""")
    public abstract List<RoundAnswer> ofScansOfRound(long roundId);

    /** The answers of the regio's scan of the round (none when it has none), in one query, for every gemeente of it. */
    @Query("""
            SELECT x.scan_id, x.question_key, x.answer_value, x.comment FROM answer x JOIN scan s ON s.id = x.scan_id
            WHERE s.round_id = :roundId AND s.regio_id IS NOT NULL""")
    public abstract List<RoundAnswer> ofRegioPartOfRound(long roundId);

    /** A new version of one answer: what it becomes, and the stored row it replaces (null: the first answer). */
    public record Write(String questionKey, @Nullable String value, @Nullable String comment, @Nullable AnswerRow before) {
        public int version() {
            return before == null ? 1 : before.version() + 1;
        }
    }

    /** An answer's value and toelichting as they were at one version. */
    public record Content(@Nullable String value, @Nullable String comment) {
    }

    /**
     * Stores new versions of answers of one scan, a batch per statement: first answers inserted, later ones updated
     * only where the stored version is still the one they replace. Returns the keys where it was not (nothing
     * written for those); the caller holds the scan's lock, so normally none.
     */
    public Set<String> write(long scanId, List<Write> writes, long by, Instant now) {
        List<Write> first = writes.stream().filter(write -> write.before() == null).toList();
        List<Write> later = writes.stream().filter(write -> write.before() != null).toList();
        Timestamp at = Timestamp.from(now);
        batch("""
                INSERT INTO answer (scan_id, question_key, answer_value, comment, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)""", first, write -> new Object[] {scanId, write.questionKey(),
                write.value(), write.comment(), by, at});
        int[] updated = batch("""
                UPDATE answer SET answer_value = ?, comment = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE scan_id = ? AND question_key = ? AND version = ?""", later, write -> new Object[] {write.value(),
                write.comment(), by, at, scanId, write.questionKey(), write.before().version()});
        Set<String> moved = new HashSet<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                moved.add(later.get(i).questionKey());
            }
        }
        return moved;
    }

    /** The history rows of stored versions, one batch. */
    public void recordChanges(long scanId, List<Write> writes, long by, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch("""
                INSERT INTO answer_change (scan_id, question_key, version, old_value, new_value, old_comment, new_comment,
                                           changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", writes, write -> new Object[] {scanId, write.questionKey(),
                write.version(), write.before() == null ? null : write.before().answerValue(), write.value(),
                write.before() == null ? null : write.before().comment(), write.comment(), by, at});
    }

    /** What the answer was at this version, from its history; empty when the history does not have it. */
    public Optional<Content> contentAt(long scanId, String questionKey, int version) {
        return jdbc.query("answers", "SELECT new_value, new_comment FROM answer_change WHERE scan_id = ? AND question_key = ? AND version = ?",
                row -> new Content(row.getString(1), row.getString(2)), scanId, questionKey, version).stream().findFirst();
    }

    public List<AnswerChange> changesOfScan(long scanId) {
        return jdbc.query("answers", """
                SELECT c.question_key, c.version, c.old_value, c.new_value, c.old_comment, c.new_comment,
                       a.display_name AS changed_by_name, c.changed_at
                FROM answer_change c JOIN account a ON a.id = c.changed_by
                WHERE c.scan_id = ? ORDER BY c.question_key, c.version DESC""", row -> new AnswerChange(
                row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getTimestamp(8).toInstant()), scanId);
    }

    private interface Parameters<T> {
        Object[] of(T item);
    }

    /** One statement run for every item as a JDBC batch, on the caller's connection; the update count of each. */
    private <T> int[] batch(String sql, List<T> items, Parameters<T> parameters) {
        if (items.isEmpty()) {
            return new int[0];
        }
        return connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (T item : items) {
                    Jdbc.set(statement, 1, parameters.of(item));
                    statement.addBatch();
                }
                return statement.executeBatch();
            } catch (SQLException e) {
                throw new DataAccessException("writing answers failed: " + e.getMessage(), e);
            }
        });
    }
}
