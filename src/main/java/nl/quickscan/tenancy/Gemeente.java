package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** {@code inhabitants}: the CBS figure on 1 January of {@code inhabitantsYear}; both null while unknown. */
@MappedEntity("gemeente")
public record Gemeente(@Id @GeneratedValue @Nullable Long id, String cbsCode, String name, long regioId,
                       Instant createdAt, @Nullable Integer inhabitants, @Nullable Integer inhabitantsYear) {

    /** The longest name (the column's length). */
    public static final int NAME_MAX = 100;
    /** "GM" and four digits. */
    public static final int CBS_CODE_LENGTH = 6;
    /** The most inhabitants a gemeente can be given (more than any Dutch gemeente has). */
    public static final int INHABITANTS_MAX = 10_000_000;
    /** The earliest reference year of an inhabitants figure. */
    public static final int INHABITANTS_YEAR_MIN = 1900;
}
