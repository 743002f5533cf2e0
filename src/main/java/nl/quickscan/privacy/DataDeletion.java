package nl.quickscan.privacy;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.database.Jdbc;

import java.sql.Connection;
import java.util.List;

/**
 * Deletes the answers of a round (after the retention period) or of a gemeente (at the beheerder's request), with
 * everything that hangs on them, on the caller's transaction. The audit log is kept: it records who changed what,
 * and the deletion itself.
 * <p>
 * Verbeterplan actions: an action belongs to the gemeente, but is made from a scan ({@code source_scan_id}, the
 * latest scan it was aimed from). An action whose source scan goes goes with it, with its notes and history: it was
 * not carried over to a later round. One carried over to a later round stays and only loses its link to the scan
 * that goes ({@code plan_action_scan}).
 */
@Singleton
class DataDeletion {

    /** What was deleted. */
    record Deleted(int scans, int answers, int actions) {
    }

    private static final String SCANS_OF_ROUND = scansWhere("round_id");
    private static final String SCANS_OF_GEMEENTE = scansWhere("gemeente_id");

    private final Jdbc jdbc;

    DataDeletion(ConnectionOperations<Connection> connections) {
        this.jdbc = new Jdbc(connections);
    }

    /** The round's scans (the gemeenten's and the regio's), their answers and history, reminders, and the round. */
    Deleted deleteRound(long roundId) {
        int actions = deleteActions("SELECT id FROM plan_action WHERE source_scan_id IN (" + SCANS_OF_ROUND + ")", roundId);
        Deleted deleted = deleteScans("round_id", roundId, actions);
        jdbc.execute("round reminders", "DELETE FROM round_reminder WHERE round_id = ?", roundId);
        // A herhaling of a deleted nulmeting stays, without the comparison.
        jdbc.execute("rounds", "UPDATE meetronde SET baseline_round_id = NULL WHERE baseline_round_id = ?", roundId);
        jdbc.execute("rounds", "DELETE FROM meetronde WHERE id = ?", roundId);
        return deleted;
    }

    /**
     * Every scan of the gemeente, their answers and history, and its whole verbeterplan; the gemeente stays. Import
     * files of its regio's rounds that wait for their confirmation go too: they may hold its answers.
     */
    Deleted deleteGemeenteData(long gemeenteId) {
        jdbc.execute("waiting imports", """
                DELETE FROM import_upload WHERE round_id IN (SELECT m.id FROM meetronde m JOIN gemeente g
                ON g.regio_id = m.regio_id WHERE g.id = ?)""", gemeenteId);
        int actions = deleteActions("SELECT id FROM plan_action WHERE gemeente_id = ?", gemeenteId);
        return deleteScans("gemeente_id", gemeenteId, actions);
    }

    /** Counts what {@link #deleteGemeenteData} would delete. */
    Deleted countGemeenteData(long gemeenteId) {
        return new Deleted(count("SELECT COUNT(*) FROM scan WHERE gemeente_id = ?", gemeenteId),
                count("SELECT COUNT(*) FROM answer WHERE scan_id IN (" + SCANS_OF_GEMEENTE + ")", gemeenteId),
                count("SELECT COUNT(*) FROM plan_action WHERE gemeente_id = ?", gemeenteId));
    }

    private int deleteActions(String actionIds, long id) {
        jdbc.execute("action notes", "DELETE FROM plan_action_note WHERE action_id IN (" + actionIds + ")", id);
        jdbc.execute("action history", "DELETE FROM plan_action_change WHERE action_id IN (" + actionIds + ")", id);
        jdbc.execute("action scans", "DELETE FROM plan_action_scan WHERE action_id IN (" + actionIds + ")", id);
        // MySQL refuses a DELETE whose subquery reads the same table: select the ids first.
        List<Long> ids = jdbc.query("actions", actionIds, row -> row.getLong(1), id);
        for (Long actionId : ids) {
            jdbc.execute("actions", "DELETE FROM plan_action WHERE id = ?", actionId);
        }
        return ids.size();
    }

    /** The scans whose {@code column} is {@code id}, with their answers, history and links to actions. */
    private Deleted deleteScans(String column, long id, int actions) {
        String scanIds = scansWhere(column);
        jdbc.execute("action scans", "DELETE FROM plan_action_scan WHERE scan_id IN (" + scanIds + ")", id);
        jdbc.execute("answer history", "DELETE FROM answer_change WHERE scan_id IN (" + scanIds + ")", id);
        int answers = jdbc.execute("answers", "DELETE FROM answer WHERE scan_id IN (" + scanIds + ")", id);
        int scans = jdbc.execute("scans", "DELETE FROM scan WHERE " + column + " = ?", id);
        return new Deleted(scans, answers, actions);
    }

    private static String scansWhere(String column) {
        return "SELECT id FROM scan WHERE " + column + " = ?";
    }

    private int count(String sql, long id) {
        return jdbc.query("counts", sql, row -> row.getInt(1), id).get(0);
    }
}
