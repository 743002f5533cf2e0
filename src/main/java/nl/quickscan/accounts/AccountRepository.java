package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountRepository extends GenericRepository<Account, Long> {

    String ROW = """
            SELECT a.id, a.email, a.display_name, a.role, a.active, a.locked_until,
                   a.password_hash IS NOT NULL AS has_password, a.last_login_at,
                   g.cbs_code AS gemeente_cbs_code, g.name AS gemeente_name,
                   COALESCE(a.regio_id, g.regio_id) AS regio_id, r.name AS regio_name, a.sso_provider
            FROM account a
            LEFT JOIN gemeente g ON g.id = a.gemeente_id
            LEFT JOIN regio r ON r.id = COALESCE(a.regio_id, g.regio_id)
            """;

    Account save(Account account);

    /** Unscoped: for login, the session check and the beheerder only. */
    Optional<Account> findById(Long id);

    /** Unscoped: for login and for the uniqueness check of a new account. */
    Optional<Account> findByEmail(String email);

    boolean existsByRole(Role role);

    default List<AccountRow> listVisible(TenantScope scope) {
        return listInScope(scope.regioFilter(), scope.gemeenteFilter());
    }

    default Optional<AccountRow> findVisible(TenantScope scope, long id) {
        return findInScope(id, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #listVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + """
            WHERE (:regioFilter = 0 OR COALESCE(a.regio_id, g.regio_id) = :regioFilter)
              AND (:gemeenteFilter = 0 OR a.gemeente_id = :gemeenteFilter) AND a.removed_at IS NULL
            ORDER BY r.name, g.name, a.email""")
    List<AccountRow> listInScope(long regioFilter, long gemeenteFilter);

    /**
     * The accounts in scope that match the search, each value a bind parameter; the order is the caller's (names
     * sort naturally, which SQL cannot). A coordinator's list holds advisers only ({@code role}).
     */
    default List<AccountRow> search(TenantScope scope, AccountSearch search, @Nullable Role onlyRole, Instant now) {
        String role = onlyRole != null ? onlyRole.name() : search.roleName();
        if (onlyRole != null && search.role() != null && search.role() != onlyRole) {
            return List.of();
        }
        return searchInScope(scope.regioFilter(), scope.gemeenteFilter(), search.pattern(), role, search.statusCode(), now);
    }

    /** Use {@link #search}; the filters are {@link TenantScope}'s encoding (0 = any), "" for no condition. */
    @Query(ROW + """
            WHERE (:regioFilter = 0 OR COALESCE(a.regio_id, g.regio_id) = :regioFilter)
              AND (:gemeenteFilter = 0 OR a.gemeente_id = :gemeenteFilter) AND a.removed_at IS NULL
              AND (:pattern = '' OR LOWER(a.display_name) LIKE :pattern ESCAPE '!' OR LOWER(a.email) LIKE :pattern ESCAPE '!')
              AND (:role = '' OR a.role = :role)
              AND (:status = ''
                   OR (:status = 'gedeactiveerd' AND a.active = FALSE)
                   OR (:status = 'geblokkeerd' AND a.active = TRUE AND a.locked_until > :now)
                   OR (:status = 'uitnodiging' AND a.active = TRUE AND (a.locked_until IS NULL OR a.locked_until <= :now)
                       AND a.password_hash IS NULL AND a.sso_provider IS NULL)
                   OR (:status = 'actief' AND a.active = TRUE AND (a.locked_until IS NULL OR a.locked_until <= :now)
                       AND (a.password_hash IS NOT NULL OR a.sso_provider IS NOT NULL)))""")
    List<AccountRow> searchInScope(long regioFilter, long gemeenteFilter, String pattern, String role, String status,
                                   Instant now);

    /** Use {@link #findVisible}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query(ROW + """
            WHERE a.id = :id AND a.removed_at IS NULL
              AND (:regioFilter = 0 OR COALESCE(a.regio_id, g.regio_id) = :regioFilter)
              AND (:gemeenteFilter = 0 OR a.gemeente_id = :gemeenteFilter)""")
    Optional<AccountRow> findInScope(long id, long regioFilter, long gemeenteFilter);

    @Query(ROW + " WHERE a.gemeente_id = :gemeenteId AND a.removed_at IS NULL ORDER BY a.email")
    List<AccountRow> listOfGemeente(long gemeenteId);

    /**
     * Counts one failed login ahead, while the account is not locked and this is not the last attempt before the
     * lock (fewer than {@code limit - 1} counted); returns 1 when it did. Atomic: parallel attempts cannot both
     * take the same place. Use {@link #lockAtLastAttempt} for the last one.
     */
    @Query("""
            UPDATE account SET failed_logins = failed_logins + 1
            WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now) AND failed_logins < :limit - 1""")
    int reserveAttempt(long id, int limit, Instant now);

    /**
     * Takes the last attempt before the lock: locks the account until {@code until} (and starts counting from 0
     * again) when it is not locked and {@code limit - 1} or more failures are counted; returns 1 when it did.
     */
    @Query("""
            UPDATE account SET locked_until = :until, failed_logins = 0
            WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now) AND failed_logins >= :limit - 1""")
    int lockAtLastAttempt(long id, int limit, Instant now, Instant until);

    @Query("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = :id")
    void clearFailedLogins(long id);

    /** A successful login (form or API): the failures are forgotten and the moment is kept for the account pages. */
    @Query("UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
    void loggedIn(long id, Instant now);

    @Query("UPDATE account SET password_hash = :passwordHash, failed_logins = 0, locked_until = NULL WHERE id = :id")
    void setPassword(long id, String passwordHash);

    @Query("""
            UPDATE account SET display_name = :displayName, role = :role, gemeente_id = :gemeenteId,
                               regio_id = :regioId, active = :active
            WHERE id = :id""")
    void updateProfile(long id, String displayName, String role, @Nullable Long gemeenteId, @Nullable Long regioId,
                       boolean active);

    /**
     * Removes the account: the row stays for the history that refers to it, with {@link Account#FORMER} as its name,
     * a placeholder address, no password or single sign-on, inactive. The lists and account pages no longer show it.
     */
    @Query("""
            UPDATE account SET email = :placeholderEmail, display_name = :formerName, password_hash = NULL,
                               sso_provider = NULL, active = FALSE, failed_logins = 0, locked_until = NULL,
                               removed_at = :now
            WHERE id = :id AND removed_at IS NULL""")
    int remove(long id, String placeholderEmail, String formerName, Instant now);
}
