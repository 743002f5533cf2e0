package nl.quickscan.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

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

    @Query("UPDATE regio SET name = :name WHERE id = :id")
    void rename(long id, String name);
}
