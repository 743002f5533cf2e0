package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
@MappedEntity("regio")
public record Regio(@Id @GeneratedValue @Nullable Long id, String name, Instant createdAt) {

    /** The longest name (the column's length). */
    public static final int NAME_MAX = 100;
}
