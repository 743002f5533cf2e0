package nl.quickscan.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.identity.CurrentAccount;

import java.time.Instant;
import java.util.List;

/** Who changed what, and when. Written in the same transaction as the change it describes. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditLog extends GenericRepository<AuditEntry, Long> {

    int SUBJECT_MAX = 200;
    int DETAILS_MAX = 2000;

    AuditEntry save(AuditEntry entry);

    default void record(@Nullable CurrentAccount actor, String action, String subject, String details,
                        @Nullable Long regioId, @Nullable Long gemeenteId) {
        save(new AuditEntry(null, Instant.now(), actor == null ? null : actor.id(),
                actor == null ? null : actor.email(), action, cut(subject, SUBJECT_MAX), cut(details, DETAILS_MAX),
                regioId, gemeenteId));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    @Query("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    List<AuditEntry> latest(int limit);
}
