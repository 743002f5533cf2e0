package nl.quickscan.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
@MappedEntity("audit_log")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        @Nullable Long actorId,
        @Nullable String actorEmail,
        String action,
        String subject,
        String details,
        @Nullable Long regioId,
        @Nullable Long gemeenteId) {
}
