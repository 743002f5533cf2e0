package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("gemeente")
public record Gemeente(@Id @GeneratedValue @Nullable Long id, String cbsCode, String name, long regioId,
                       Instant createdAt) {

    /** The longest name (the column's length). */
    public static final int NAME_MAX = 100;
    /** "GM" and four digits. */
    public static final int CBS_CODE_LENGTH = 6;
}
