package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegioRepository extends GenericRepository<Regio, Long> {

    Regio save(Regio regio);

    Optional<Regio> findByName(String name);

    default List<Regio> listVisible(TenantScope scope) {
        return listInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    default Optional<Regio> findVisible(TenantScope scope, long id) {
        return findInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("""
            SELECT r.* FROM regio r
            WHERE (:regioFilter = 0 OR r.id = :regioFilter)
              AND (:gemeenteFilter = 0 OR r.id = (SELECT g.regio_id FROM gemeente g WHERE g.id = :gemeenteFilter))
            ORDER BY r.name""")
    List<Regio> listInScope(long regioFilter, long gemeenteFilter);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("""
            SELECT r.* FROM regio r
            WHERE r.id = :id
              AND (:regioFilter = 0 OR r.id = :regioFilter)
              AND (:gemeenteFilter = 0 OR r.id = (SELECT g.regio_id FROM gemeente g WHERE g.id = :gemeenteFilter))""")
    Optional<Regio> findInScope(long id, long regioFilter, long gemeenteFilter);

    /** A regio in the beheer list, with how many gemeenten, coordinators and rounds it has. */
    @Introspected
    record Counted(long id, String name, Instant createdAt, int gemeenten, int coordinators, int rounds) {
    }

    /** A coordinator of a regio, for the links on its page. */
    @Introspected
    record Coordinator(long id, String displayName, String email) {
    }

    /** A round of a regio, for the links on its page. */
    @Introspected
    record Round(long id, String name, LocalDate opens, LocalDate closes) {
    }

    default List<Counted> listCounted(TenantScope scope) {
        return listCountedInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #listCounted}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("""
            SELECT r.id, r.name, r.created_at,
                   (SELECT COUNT(*) FROM gemeente g WHERE g.regio_id = r.id) AS gemeenten,
                   (SELECT COUNT(*) FROM account a WHERE a.regio_id = r.id AND a.role = 'COORDINATOR') AS coordinators,
                   (SELECT COUNT(*) FROM meetronde m WHERE m.regio_id = r.id) AS rounds
            FROM regio r
            WHERE (:regioFilter = 0 OR r.id = :regioFilter)
              AND (:gemeenteFilter = 0 OR r.id = (SELECT g.regio_id FROM gemeente g WHERE g.id = :gemeenteFilter))""")
    List<Counted> listCountedInScope(long regioFilter, long gemeenteFilter);

    /** The coordinators of a regio found by {@link #findVisible} (so within the scope). */
    @Query("SELECT a.id, a.display_name, a.email FROM account a WHERE a.regio_id = :regioId AND a.role = 'COORDINATOR'")
    List<Coordinator> coordinatorsOf(long regioId);

    /** The rounds of a regio found by {@link #findVisible}, newest first. */
    @Query("SELECT m.id, m.name, m.opens, m.closes FROM meetronde m WHERE m.regio_id = :regioId ORDER BY m.opens DESC, m.id DESC")
    List<Round> roundsOf(long regioId);

    @Query("UPDATE regio SET name = :name WHERE id = :id")
    void rename(long id, String name);
}
