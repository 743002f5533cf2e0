package nl.quickscan.scans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ScanRepository extends GenericRepository<ScanRow, Long> {

    String ROW = """
            SELECT s.id, s.round_id, m.name AS round_name, m.kind AS round_kind, m.baseline_round_id, s.gemeente_id,
                   g.cbs_code, g.name AS gemeente_name,
                   m.regio_id, s.status, s.submitted_at, a.display_name AS submitted_by_name,
                   m.survey_id, m.survey_version, m.opens, m.closes,
                   s.reopened_at, r.display_name AS reopened_by_name, s.reopen_reason, NULL AS regio_name,
                   s.source, s.imported_at, i.display_name AS imported_by_name, s.import_file
            FROM scan s
            JOIN meetronde m ON m.id = s.round_id
            JOIN gemeente g ON g.id = s.gemeente_id
            LEFT JOIN account a ON a.id = s.submitted_by
            LEFT JOIN account r ON r.id = s.reopened_by
            LEFT JOIN account i ON i.id = s.imported_by
            """;
    /** The regio's scan of a round (see {@link ScanRow#regioPart}); {@link #ROW} leaves it out by its join. */
    String REGIO_ROW = """
            SELECT s.id, s.round_id, m.name AS round_name, m.kind AS round_kind, m.baseline_round_id, 0 AS gemeente_id,
                   '' AS cbs_code, rg.name AS gemeente_name,
                   m.regio_id, s.status, s.submitted_at, a.display_name AS submitted_by_name,
                   m.survey_id, m.survey_version, m.opens, m.closes,
                   s.reopened_at, r.display_name AS reopened_by_name, s.reopen_reason, rg.name AS regio_name,
                   s.source, NULL AS imported_at, NULL AS imported_by_name, NULL AS import_file
            FROM scan s
            JOIN meetronde m ON m.id = s.round_id
            JOIN regio rg ON rg.id = s.regio_id
            LEFT JOIN account a ON a.id = s.submitted_by
            LEFT JOIN account r ON r.id = s.reopened_by
            """;
    /** A scan belongs to the regio of its round, even if its gemeente later moved to another regio. */
    String SCOPE = " (:regioFilter = 0 OR m.regio_id = :regioFilter) AND (:gemeenteFilter = 0 OR s.gemeente_id = :gemeenteFilter) ";

    default Optional<ScanRow> findVisible(TenantScope scope, long id) {
        return findInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    default List<ScanRow> listVisibleOfRound(TenantScope scope, long roundId) {
        return listOfRoundInScope(roundId, scope.regioFilter(), scope.gemeenteFilter());
    }

    default List<ScanRow> listVisible(TenantScope scope) {
        return listInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    /** A gemeente's scans, newest round first. */
    default List<ScanRow> listVisibleOfGemeente(TenantScope scope, long gemeenteId) {
        return listOfGemeenteInScope(gemeenteId, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #listVisibleOfGemeente}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + "WHERE s.gemeente_id = :gemeenteId AND" + SCOPE + "ORDER BY m.opens DESC, m.id DESC")
    List<ScanRow> listOfGemeenteInScope(long gemeenteId, long regioFilter, long gemeenteFilter);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + "WHERE s.id = :id AND" + SCOPE)
    Optional<ScanRow> findInScope(long id, long regioFilter, long gemeenteFilter);

    /** Use {@link #listVisibleOfRound}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + "WHERE s.round_id = :roundId AND" + SCOPE + "ORDER BY g.name")
    List<ScanRow> listOfRoundInScope(long roundId, long regioFilter, long gemeenteFilter);

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + "WHERE" + SCOPE + "ORDER BY m.opens DESC, g.name")
    List<ScanRow> listInScope(long regioFilter, long gemeenteFilter);

    @Query(ROW + "WHERE s.round_id = :roundId AND s.gemeente_id = :gemeenteId")
    Optional<ScanRow> findOfGemeente(long roundId, long gemeenteId);

    /** The gemeente's scan of the round, when the scope may see it. */
    default Optional<ScanRow> findVisibleOfGemeente(TenantScope scope, long roundId, long gemeenteId) {
        return findOfGemeenteInScope(roundId, gemeenteId, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #findVisibleOfGemeente}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + "WHERE s.round_id = :roundId AND s.gemeente_id = :gemeenteId AND" + SCOPE)
    Optional<ScanRow> findOfGemeenteInScope(long roundId, long gemeenteId, long regioFilter, long gemeenteFilter);

    /**
     * The regio's scan with this id, when the scope may see it: the coordinators of the round's regio and the
     * beheerder. An adviser reads the regio's answers through the gemeente's own scan only.
     */
    default Optional<ScanRow> findVisibleRegioPart(TenantScope scope, long id) {
        return findRegioPartInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #findVisibleRegioPart}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(REGIO_ROW + "WHERE s.id = :id AND (:regioFilter = 0 OR m.regio_id = :regioFilter) AND :gemeenteFilter = 0")
    Optional<ScanRow> findRegioPartInScope(long id, long regioFilter, long gemeenteFilter);

    /**
     * The regio's scan of the round, for reading its answers beside a gemeente's scan: callers reached the round
     * or the gemeente's scan through a scoped lookup first.
     */
    @Query(REGIO_ROW + "WHERE s.round_id = :roundId")
    Optional<ScanRow> findRegioPartOfRound(long roundId);

    /** Creates the regio's scan of the round unless it exists; its regio is the round's. */
    @Query("""
            INSERT INTO scan (round_id, regio_id, status, created_at)
            SELECT m.id, m.regio_id, 'NOT_STARTED', :now FROM meetronde m
            WHERE m.id = :roundId
              AND NOT EXISTS (SELECT 1 FROM scan x WHERE x.round_id = :roundId AND x.regio_id IS NOT NULL)""")
    int createRegioPartIfAbsent(long roundId, Instant now);

    /** Creates the gemeente's scan of the round unless it exists. */
    @Query("""
            INSERT INTO scan (round_id, gemeente_id, status, created_at)
            SELECT m.id, :gemeenteId, 'NOT_STARTED', :now FROM meetronde m
            WHERE m.id = :roundId
              AND NOT EXISTS (SELECT 1 FROM scan x WHERE x.round_id = :roundId AND x.gemeente_id = :gemeenteId)""")
    int createIfAbsent(long roundId, long gemeenteId, Instant now);

    /**
     * Marks the scan as being worked on and locks its row for the rest of the transaction, so that saves, submit
     * and reopen of one scan happen one after the other. Returns 0 when the scan is submitted.
     */
    @Query("UPDATE scan SET status = 'IN_PROGRESS' WHERE id = :id AND status <> 'SUBMITTED'")
    int lockForChange(long id);

    @Query("UPDATE scan SET status = 'SUBMITTED', submitted_at = :now, submitted_by = :by WHERE id = :id AND status <> 'SUBMITTED'")
    int markSubmitted(long id, long by, Instant now);

    /** Reopens a submitted scan and records who did it, when and why; returns 0 when it was not submitted. */
    @Query("""
            UPDATE scan SET status = 'IN_PROGRESS', submitted_at = NULL, submitted_by = NULL,
                            reopened_at = :now, reopened_by = :by, reopen_reason = :reason
            WHERE id = :id AND status = 'SUBMITTED'""")
    int reopen(long id, long by, Instant now, String reason);
}
