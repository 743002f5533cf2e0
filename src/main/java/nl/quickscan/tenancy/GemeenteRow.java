package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A gemeente with the name of its regio, as pages and the API show it; inhabitants as in {@link Gemeente}. */
@Introspected
public record GemeenteRow(long id, String cbsCode, String name, long regioId, String regioName,
                          @Nullable Integer inhabitants, @Nullable Integer inhabitantsYear) {
}
