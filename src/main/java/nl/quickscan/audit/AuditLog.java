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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Who changed what, and when. Written in the same transaction as the change it describes. */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class AuditLog implements GenericRepository<AuditEntry, Long> {

    public static final int SUBJECT_MAX = 200;
    public static final int DETAILS_MAX = 2000;

    /** One change to record: what was done, to what, in words; the tenant it belongs to. */
    public record Change(AuditAction action, String subject, String details, @Nullable Long regioId, @Nullable Long gemeenteId) {
    }

    private final ConnectionOperations<Connection> connections;

    protected AuditLog(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    public abstract AuditEntry save(AuditEntry entry);

    public void record(@Nullable CurrentAccount actor, AuditAction action, String subject, String details,
                       @Nullable Long regioId, @Nullable Long gemeenteId) {
        save(new AuditEntry(null, Instant.now(), actor == null ? null : actor.id(),
                actor == null ? null : actor.email(), action.name(), cut(subject, SUBJECT_MAX), cut(details, DETAILS_MAX),
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
                    insert.setString(4, change.action().name());
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

    /** An entry as the beheerder reads it: with the gemeente's name. */
    public record Listed(long id, Instant occurredAt, @Nullable String actorEmail, String action, String subject,
                         String details, @Nullable String gemeenteName) {

        /** Who did it: the e-mail address, or the system for a change nobody signed in made (a lock, an invitation accepted). */
        public String who() {
            return actorEmail == null ? "systeem" : actorEmail;
        }

        public String actionLabel() {
            return AuditAction.labelOf(action);
        }
    }

    /** How many entries the filter matches. */
    public long count(AuditFilter filter) {
        return query("SELECT COUNT(*) FROM audit_log a", filter, "", List.of(), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** The filter's entries, newest first, from the {@code offset}-th on, at most {@code limit}. */
    public List<Listed> find(AuditFilter filter, long offset, int limit) {
        return query("""
                SELECT a.id, a.occurred_at, a.actor_email, a.action, a.subject, a.details, g.name AS gemeente_name
                FROM audit_log a LEFT JOIN gemeente g ON g.id = a.gemeente_id""", filter,
                " ORDER BY a.occurred_at DESC, a.id DESC LIMIT ? OFFSET ?", List.of(limit, offset), rows -> {
                    List<Listed> list = new ArrayList<>();
                    while (rows.next()) {
                        list.add(new Listed(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                    }
                    return list;
                });
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code select} with the filter's conditions, each value a bind parameter, then {@code tail} with its own. */
    private <T> T query(String select, AuditFilter filter, String tail, List<Object> tailValues, Reader<T> reader) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<AuditAction> actions = filter.actions();
        conditions.add("a.action IN (" + String.join(", ", Collections.nCopies(actions.size(), "?")) + ")");
        actions.forEach(action -> values.add(action.name()));
        if (filter.person() != null) {
            conditions.add("LOWER(a.actor_email) LIKE ? ESCAPE '!'");
            values.add("%" + filter.person().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%");
        }
        if (filter.gemeenteId() != null) {
            conditions.add("a.gemeente_id = ?");
            values.add(filter.gemeenteId());
        }
        if (filter.start() != null) {
            conditions.add("a.occurred_at >= ?");
            values.add(Timestamp.from(filter.start()));
        }
        if (filter.end() != null) {
            conditions.add("a.occurred_at < ?");
            values.add(Timestamp.from(filter.end()));
        }
        values.addAll(tailValues);
        String sql = select + " WHERE " + String.join(" AND ", conditions) + tail;
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            } catch (SQLException e) {
                throw new DataAccessException("reading the audit log failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * A removed account's personal data leaves the log: in the entries it made, and in those that name its address,
     * its address and name become {@code former}. The entries themselves stay: what was done, when.
     */
    public void forget(long accountId, String email, String displayName, String former) {
        connections.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement("""
                    UPDATE audit_log SET subject = REPLACE(REPLACE(subject, ?, ?), ?, ?),
                                         details = REPLACE(REPLACE(details, ?, ?), ?, ?),
                                         actor_email = CASE WHEN actor_id = ? THEN ? ELSE actor_email END
                    WHERE actor_id = ? OR LOCATE(?, subject) > 0 OR LOCATE(?, details) > 0""")) {
                Object[] values = {email, former, displayName, former, email, former, displayName, former,
                        accountId, former, accountId, email, email};
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                update.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("writing the audit log failed: " + e.getMessage(), e);
            }
        });
    }

    @Query("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    public abstract List<AuditEntry> latest(int limit);
}
