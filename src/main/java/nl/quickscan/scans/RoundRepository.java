package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoundRepository extends GenericRepository<Meetronde, Long> {

    /** Rounds of the regio's in scope; an adviser sees the rounds of their gemeente's regio. */
    String SCOPE = """
             (:regioFilter = 0 OR m.regio_id = :regioFilter)
             AND (:gemeenteFilter = 0 OR m.regio_id = (SELECT g.regio_id FROM gemeente g WHERE g.id = :gemeenteFilter))
            """;

    Meetronde save(Meetronde round);

    boolean existsByRegioIdAndName(long regioId, String name);

    default List<Meetronde> listVisible(TenantScope scope) {
        return listInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    default Optional<Meetronde> findVisible(TenantScope scope, long id) {
        return findInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** The round, its row locked until the transaction ends, so that changes and removal happen one at a time. */
    default Optional<Meetronde> lockVisible(TenantScope scope, long id) {
        return lockInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #lockVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("SELECT m.* FROM meetronde m WHERE m.id = :id AND" + SCOPE + "FOR UPDATE")
    Optional<Meetronde> lockInScope(long id, long regioFilter, long gemeenteFilter);

    @Query("SELECT COUNT(*) FROM meetronde WHERE regio_id = :regioId AND name = :name AND id <> :id")
    long countNamedOtherThan(long regioId, String name, long id);

    @Query("""
            UPDATE meetronde SET name = :name, opens = :opens, closes = :closes, reminder_days_before = :reminderDaysBefore
            WHERE id = :id""")
    int change(long id, String name, LocalDate opens, LocalDate closes, @Nullable Integer reminderDaysBefore);

    /** When the first answer of the round was saved; empty when nobody has answered anything yet. */
    @Query("""
            SELECT c.changed_at FROM answer_change c JOIN scan s ON s.id = c.scan_id
            WHERE s.round_id = :roundId ORDER BY c.changed_at LIMIT 1""")
    Optional<Instant> firstAnswerAt(long roundId);

    @Query("SELECT COUNT(*) FROM answer a JOIN scan s ON s.id = a.scan_id WHERE s.round_id = :roundId")
    long countAnswers(long roundId);

    /** The herhalingen compared with this round. */
    @Query("SELECT m.name FROM meetronde m WHERE m.baseline_round_id = :roundId ORDER BY m.name")
    List<String> namesOfHerhalingenOf(long roundId);

    @Query("DELETE FROM scan WHERE round_id = :roundId")
    int deleteScansOf(long roundId);

    /** The rounds open today that remind by themselves some days before they close (for every regio). */
    @Query("SELECT m.* FROM meetronde m WHERE m.reminder_days_before IS NOT NULL AND m.opens <= :today AND m.closes >= :today")
    List<Meetronde> openWithAutomaticReminder(LocalDate today);

    @Query("DELETE FROM round_reminder WHERE round_id = :roundId")
    int deleteRemindersOf(long roundId);

    @Query("DELETE FROM meetronde WHERE id = :id")
    int delete(long id);

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("SELECT m.* FROM meetronde m WHERE" + SCOPE + "ORDER BY m.opens DESC, m.name")
    List<Meetronde> listInScope(long regioFilter, long gemeenteFilter);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("SELECT m.* FROM meetronde m WHERE m.id = :id AND" + SCOPE)
    Optional<Meetronde> findInScope(long id, long regioFilter, long gemeenteFilter);
}
