package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import nl.quickscan.database.Jdbc;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions of the verbeterplan, their notes and history. Reading takes the {@link TenantScope}: an action
 * belongs to its gemeente, and through it to the gemeente's regio. Writes are for an action found that way.
 */
@Singleton
public class ActionRepository {

    private static final String ROW = """
            SELECT p.id, p.gemeente_id, g.cbs_code, p.source_scan_id, p.title, p.description, p.question_keys, p.owner,
                   p.partners, p.due, p.status, p.shared, p.version, a.display_name, p.updated_at
            FROM plan_action p JOIN gemeente g ON g.id = p.gemeente_id JOIN account a ON a.id = p.updated_by
            """;
    private static final String SCOPE = " (? = 0 OR g.regio_id = ?) AND (? = 0 OR p.gemeente_id = ?) ";

    private final ConnectionOperations<Connection> connections;
    private final Jdbc jdbc;

    ActionRepository(ConnectionOperations<Connection> connections) {
        this.connections = connections;
        this.jdbc = new Jdbc(connections);
    }

    /** The gemeente's actions with their notes, oldest first; none when the scope may not see the gemeente. */
    public List<PlanAction> ofGemeente(TenantScope scope, long gemeenteId) {
        return withNotes(jdbc.query("actions", ROW + "WHERE p.gemeente_id = ? AND" + SCOPE + "ORDER BY p.id", ACTION,
                gemeenteId, scope.regioFilter(), scope.regioFilter(), scope.gemeenteFilter(), scope.gemeenteFilter()));
    }

    /**
     * The actions aimed from the scans of a round (made from one, or carried over to one), per gemeente, with their
     * notes; the caller found the round in scope.
     */
    public List<PlanAction> ofRound(TenantScope scope, long roundId) {
        return withNotes(jdbc.query("actions", ROW + "JOIN plan_action_scan x ON x.action_id = p.id JOIN scan s ON s.id = x.scan_id "
                + "WHERE s.round_id = ? AND" + SCOPE + "ORDER BY g.name, p.id", ACTION, roundId, scope.regioFilter(),
                scope.regioFilter(), scope.gemeenteFilter(), scope.gemeenteFilter()));
    }

    /**
     * The gemeente's actions that were ever aimed from that scan: made from it, also those carried over to a later
     * scan since; none when the scope may not see the gemeente.
     */
    public List<PlanAction> aimedFrom(TenantScope scope, long gemeenteId, long scanId) {
        return withNotes(jdbc.query("actions", ROW + "JOIN plan_action_scan x ON x.action_id = p.id "
                + "WHERE x.scan_id = ? AND p.gemeente_id = ? AND" + SCOPE + "ORDER BY p.id", ACTION, scanId, gemeenteId,
                scope.regioFilter(), scope.regioFilter(), scope.gemeenteFilter(), scope.gemeenteFilter()));
    }

    /** What a gemeente sees of an action another gemeente of its regio shares: no owner, partners or notes. */
    public record SharedAction(String title, @Nullable String description, ActionStatus status, String gemeenteName) {
    }

    /** The most shared actions a gemeente sees at once. */
    public static final int SHARED_MAX = 200;

    /**
     * The actions the other gemeenten of the gemeente's regio share, newest first; the caller found the gemeente in
     * its scope, and the regio is that gemeente's.
     */
    public List<SharedAction> sharedWith(GemeenteRow own) {
        return jdbc.query("actions", """
                SELECT p.title, p.description, p.status, g.name FROM plan_action p JOIN gemeente g ON g.id = p.gemeente_id
                WHERE p.shared = TRUE AND g.regio_id = ? AND p.gemeente_id <> ?
                ORDER BY p.updated_at DESC, p.id DESC LIMIT %d""".formatted(SHARED_MAX), row -> new SharedAction(
                row.getString(1), row.getString(2), ActionStatus.valueOf(row.getString(3)), row.getString(4)),
                own.regioId(), own.id());
    }

    private List<PlanAction> withNotes(List<PlanAction> actions) {
        if (actions.isEmpty()) {
            return actions;
        }
        Map<Long, List<PlanAction.Note>> notes = new LinkedHashMap<>();
        String ids = String.join(", ", Collections.nCopies(actions.size(), "?"));
        jdbc.query("actions", """
                SELECT n.action_id, n.text, a.display_name, n.written_at
                FROM plan_action_note n JOIN account a ON a.id = n.written_by
                WHERE n.action_id IN (%s) ORDER BY n.id""".formatted(ids), row -> {
            notes.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                    .add(new PlanAction.Note(row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()));
            return Boolean.TRUE;
        }, actions.stream().map(PlanAction::id).toArray());
        return actions.stream().map(action -> action.withNotes(notes.getOrDefault(action.id(), List.of()))).toList();
    }

    /** One action with its notes, when the scope may see its gemeente. */
    public Optional<PlanAction> findVisible(TenantScope scope, long id) {
        return withNotes(jdbc.query("actions", ROW + "WHERE p.id = ? AND" + SCOPE, ACTION, id, scope.regioFilter(),
                scope.regioFilter(), scope.gemeenteFilter(), scope.gemeenteFilter())).stream().findFirst();
    }

    /** Stores a new action at version 1; returns its id. */
    public long insert(long gemeenteId, ActionRules.Fields fields, long by, Instant now) {
        long id = connections.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO plan_action (gemeente_id, source_scan_id, title, description, question_keys, owner, partners,
                                             due, status, shared, version, created_by, created_at, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.set(insert, 1, gemeenteId, fields.sourceScanId(), fields.title(), fields.description(),
                        String.join(" ", fields.questionKeys()), fields.owner(), fields.partners(), date(fields.due()),
                        fields.status().name(), fields.shared(), by, Timestamp.from(now), by, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new DataAccessException("storing an action failed: " + e.getMessage(), e);
            }
        });
        rememberSourceScan(id);
        return id;
    }

    /** Stores a new version, only when the stored one is still {@code basedOn}; false when it was not. */
    public boolean update(long id, int basedOn, ActionRules.Fields fields, long by, Instant now) {
        boolean stored = jdbc.execute("an action", """
                UPDATE plan_action SET source_scan_id = ?, title = ?, description = ?, question_keys = ?, owner = ?,
                       partners = ?, due = ?, status = ?, shared = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ?""", fields.sourceScanId(), fields.title(), fields.description(),
                String.join(" ", fields.questionKeys()), fields.owner(), fields.partners(), date(fields.due()),
                fields.status().name(), fields.shared(), by, Timestamp.from(now), id, basedOn) == 1;
        if (stored) {
            rememberSourceScan(id);
        }
        return stored;
    }

    /** Adds the action's present source scan to the scans it has been aimed from, unless it is there already. */
    private void rememberSourceScan(long id) {
        jdbc.execute("an action", """
                INSERT INTO plan_action_scan (action_id, scan_id) SELECT p.id, p.source_scan_id FROM plan_action p
                WHERE p.id = ? AND NOT EXISTS (
                    SELECT 1 FROM plan_action_scan x WHERE x.action_id = p.id AND x.scan_id = p.source_scan_id)""", id);
    }

    public void addNote(long actionId, String text, long by, Instant now) {
        jdbc.execute("an action", "INSERT INTO plan_action_note (action_id, text, written_by, written_at) VALUES (?, ?, ?, ?)",
                actionId, text, by, Timestamp.from(now));
    }

    public void recordChange(long actionId, int version, String summary, long by, Instant now) {
        jdbc.execute("an action", "INSERT INTO plan_action_change (action_id, version, summary, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                actionId, version, summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary, by, Timestamp.from(now));
    }

    /** A version of an action in its history: what changed, by whom, when. */
    public record Change(int version, String summary, String byName, Instant at) {
    }

    /** The action's history, newest first; the caller found the action through {@link #findVisible}. */
    public List<Change> history(long actionId) {
        return jdbc.query("actions", """
                SELECT c.version, c.summary, a.display_name, c.changed_at
                FROM plan_action_change c JOIN account a ON a.id = c.changed_by
                WHERE c.action_id = ? ORDER BY c.version DESC, c.id DESC""", row -> new Change(row.getInt(1),
                row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()), actionId);
    }

    private static final Jdbc.RowMapper<PlanAction> ACTION = row -> {
        Date due = row.getDate(10);
        return new PlanAction(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), Arrays.asList(row.getString(7).split(" ")), row.getString(8), row.getString(9),
                due == null ? null : due.toLocalDate(), ActionStatus.valueOf(row.getString(11)), row.getBoolean(12),
                row.getInt(13), row.getString(14), row.getTimestamp(15).toInstant(), List.of());
    };

    @Nullable
    private static Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
