package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GemeenteRepository extends GenericRepository<Gemeente, Long> {

    String ROW = """
            SELECT g.id, g.cbs_code, g.name, g.regio_id, r.name AS regio_name, g.inhabitants, g.inhabitants_year
            FROM gemeente g JOIN regio r ON r.id = g.regio_id
            """;

    Gemeente save(Gemeente gemeente);

    Optional<Gemeente> findByCbsCode(String cbsCode);

    /** The gemeenten of the regio, by CBS code. */
    List<Gemeente> findByRegioIdOrderByCbsCode(long regioId);

    Optional<Gemeente> findByName(String name);

    default List<GemeenteRow> listVisible(TenantScope scope) {
        return listInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    default Optional<GemeenteRow> findVisibleByCbsCode(TenantScope scope, String cbsCode) {
        return findByCbsCodeInScope(cbsCode, scope.regioFilter(), scope.gemeenteFilter());
    }

    default Optional<GemeenteRow> findVisible(TenantScope scope, long id) {
        return findInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + """
            WHERE (:regioFilter = 0 OR g.regio_id = :regioFilter) AND (:gemeenteFilter = 0 OR g.id = :gemeenteFilter)
            ORDER BY r.name, g.name""")
    List<GemeenteRow> listInScope(long regioFilter, long gemeenteFilter);

    /** The gemeenten in scope that match the search, each value a bind parameter; the caller sorts them naturally. */
    default List<GemeenteRow> search(TenantScope scope, GemeenteSearch search) {
        return searchInScope(scope.regioFilter(), scope.gemeenteFilter(), search.pattern(),
                search.regioId() == null ? 0 : search.regioId());
    }

    /** Use {@link #search}; the filters are {@link TenantScope}'s encoding (0 = any), "" or 0 for no condition. */
    @Query(ROW + """
            WHERE (:regioFilter = 0 OR g.regio_id = :regioFilter) AND (:gemeenteFilter = 0 OR g.id = :gemeenteFilter)
              AND (:pattern = '' OR LOWER(g.name) LIKE :pattern ESCAPE '!' OR LOWER(g.cbs_code) LIKE :pattern ESCAPE '!')
              AND (:regio = 0 OR g.regio_id = :regio)""")
    List<GemeenteRow> searchInScope(long regioFilter, long gemeenteFilter, String pattern, long regio);

    /** Use {@link #findVisibleByCbsCode}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + """
            WHERE g.cbs_code = :cbsCode
              AND (:regioFilter = 0 OR g.regio_id = :regioFilter) AND (:gemeenteFilter = 0 OR g.id = :gemeenteFilter)""")
    Optional<GemeenteRow> findByCbsCodeInScope(String cbsCode, long regioFilter, long gemeenteFilter);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + """
            WHERE g.id = :id
              AND (:regioFilter = 0 OR g.regio_id = :regioFilter) AND (:gemeenteFilter = 0 OR g.id = :gemeenteFilter)""")
    Optional<GemeenteRow> findInScope(long id, long regioFilter, long gemeenteFilter);

    @Query("""
            UPDATE gemeente SET cbs_code = :cbsCode, name = :name, regio_id = :regioId, inhabitants = :inhabitants,
                   inhabitants_year = :inhabitantsYear
            WHERE id = :id""")
    void update(long id, String cbsCode, String name, long regioId, @Nullable Integer inhabitants,
                @Nullable Integer inhabitantsYear);
}
