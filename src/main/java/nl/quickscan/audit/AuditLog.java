package nl.quickscan.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.identity.CurrentAccount;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** Who changed what, and when. Written in the same transaction as the change it describes. */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class AuditLog implements GenericRepository<AuditEntry, Long> {

    public static final int SUBJECT_MAX = 200;
    public static final int DETAILS_MAX = 2000;

    /** One change to record: what was done, to what, in words; the tenant it belongs to. */
    public record Change(String action, String subject, String details, @Nullable Long regioId, @Nullable Long gemeenteId) {
    }

    private final ConnectionOperations<Connection> connections;

    protected AuditLog(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    public abstract AuditEntry save(AuditEntry entry);

    public void record(@Nullable CurrentAccount actor, String action, String subject, String details,
                       @Nullable Long regioId, @Nullable Long gemeenteId) {
        save(new AuditEntry(null, Instant.now(), actor == null ? null : actor.id(),
                actor == null ? null : actor.email(), action, cut(subject, SUBJECT_MAX), cut(details, DETAILS_MAX),
                regioId, gemeenteId));
    }

    /**
     * Several changes by one actor as one batch of inserts, on the caller's connection: a step of the scan saves
     * its answers with one round trip to the database instead of one per answer.
     */
    public void recordAll(CurrentAccount actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        connections.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO audit_log (occurred_at, actor_id, actor_email, action, subject, details, regio_id, gemeente_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Change change : changes) {
                    insert.setTimestamp(1, now);
                    insert.setLong(2, actor.id());
                    insert.setString(3, actor.email());
                    insert.setString(4, change.action());
                    insert.setString(5, cut(change.subject(), SUBJECT_MAX));
                    insert.setString(6, cut(change.details(), DETAILS_MAX));
                    setNullable(insert, 7, change.regioId());
                    setNullable(insert, 8, change.gemeenteId());
                    insert.addBatch();
                }
                insert.executeBatch();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("writing the audit log failed: " + e.getMessage(), e);
            }
        });
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    @Query("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    public abstract List<AuditEntry> latest(int limit);
}
