package nl.quickscan.scans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.tenancy.TenantScope;

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

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("SELECT m.* FROM meetronde m WHERE" + SCOPE + "ORDER BY m.opens DESC, m.name")
    List<Meetronde> listInScope(long regioFilter, long gemeenteFilter);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("SELECT m.* FROM meetronde m WHERE m.id = :id AND" + SCOPE)
    Optional<Meetronde> findInScope(long id, long regioFilter, long gemeenteFilter);
}
