package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    AnswerRepository(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /**
     * Every answer of the scan. The answer rows and {@link #changesOfScan} are read for every scan page and save,
     * and mapped here by column position: the generic mapping, which works out each column's name again for every
     * row, took a fifth of the page's time for its 2 × 61 rows.
     */
    public List<AnswerRow> ofScan(long scanId) {
        return query(ROW + "WHERE x.scan_id = ? ORDER BY x.question_key", ANSWER_ROW, scanId);
    }

    public Optional<AnswerRow> find(long scanId, String questionKey) {
        return query(ROW + "WHERE x.scan_id = ? AND x.question_key = ?", ANSWER_ROW, scanId, questionKey).stream().findFirst();
    }

    private static final RowMapper<AnswerRow> ANSWER_ROW = row -> new AnswerRow(row.getString(1), row.getString(2),
            row.getString(3), row.getInt(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant());

    /**
     * The answers of every submitted scan of a round, in one query. For aggregate figures only (mean, median):
     * callers reach the round through a scoped lookup and never show these per gemeente.
     */
    @Query("""
            SELECT x.scan_id, x.question_key, x.answer_value FROM answer x JOIN scan s ON s.id = x.scan_id
            WHERE s.round_id = :roundId AND s.status = 'SUBMITTED'""")
    public abstract List<RoundAnswer> ofSubmittedScansOfRound(long roundId);

    /** The answers of every scan of a round, in one query, for the coordinator's overview of that round. */
    @Query("""
            SELECT x.scan_id, x.question_key, x.answer_value FROM answer x JOIN scan s ON s.id = x.scan_id
            WHERE s.round_id = :roundId""")
    public abstract List<RoundAnswer> ofScansOfRound(long roundId);

    @Query("""
            INSERT INTO answer (scan_id, question_key, answer_value, comment, version, updated_by, updated_at)
            VALUES (:scanId, :questionKey, :answerValue, :comment, 1, :by, :now)""")
    public abstract void insertFirst(long scanId, String questionKey, @Nullable String answerValue, @Nullable String comment, long by,
                     Instant now);

    /** Applies the change only when the stored version is the one the saver saw; returns 0 otherwise. */
    @Query("""
            UPDATE answer SET answer_value = :answerValue, comment = :comment, version = version + 1,
                              updated_by = :by, updated_at = :now
            WHERE scan_id = :scanId AND question_key = :questionKey AND version = :expectedVersion""")
    public abstract int updateIfVersion(long scanId, String questionKey, @Nullable String answerValue, @Nullable String comment,
                        int expectedVersion, long by, Instant now);

    @Query("""
            INSERT INTO answer_change (scan_id, question_key, version, old_value, new_value, old_comment, new_comment,
                                       changed_by, changed_at)
            VALUES (:scanId, :questionKey, :version, :oldValue, :newValue, :oldComment, :newComment, :by, :now)""")
    public abstract void recordChange(long scanId, String questionKey, int version, @Nullable String oldValue, @Nullable String newValue,
                      @Nullable String oldComment, @Nullable String newComment, long by, Instant now);

    public List<AnswerChange> changesOfScan(long scanId) {
        return query("""
                SELECT c.question_key, c.version, c.old_value, c.new_value, c.old_comment, c.new_comment,
                       a.display_name AS changed_by_name, c.changed_at
                FROM answer_change c JOIN account a ON a.id = c.changed_by
                WHERE c.scan_id = ? ORDER BY c.question_key, c.version DESC""", row -> new AnswerChange(
                row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getTimestamp(8).toInstant()), scanId);
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs on the caller's connection when it has one (inside a transaction), on a pooled one otherwise. */
    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        rows.add(mapper.map(resultSet));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new DataAccessException("reading answers failed: " + e.getMessage(), e);
            }
        });
    }
}
