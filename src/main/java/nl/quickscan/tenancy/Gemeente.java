package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("gemeente")
public record Gemeente(@Id @GeneratedValue @Nullable Long id, String cbsCode, String name, long regioId,
                       Instant createdAt) {

    /** The length of a CBS gemeentecode: GM and four digits. */
    public static final int CBS_CODE_LENGTH = 6;

    /** The longest name a gemeente can have (the column's length). */
    public static final int MAX_NAME_LENGTH = 100;
}
