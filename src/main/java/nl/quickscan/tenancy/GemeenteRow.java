package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Introspected;

/** A gemeente with the name of its regio, as pages and the API show it. */
@Introspected
public record GemeenteRow(long id, String cbsCode, String name, long regioId, String regioName) {
}
