package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.Paging;

import java.util.Locale;

/** Which gemeenten the beheer list shows: part of the name or CBS code (any case), a regio; and which page. */
record GemeenteSearch(@Nullable String text, @Nullable Long regioId) {

    /** A name is at most this long, so a longer text matches nothing. */
    static final int TEXT_MAX = Gemeente.NAME_MAX;

    /** The query parameters as sent, each null when absent. */
    record Parameters(@Nullable String zoek, @Nullable String regio, @Nullable String pagina) {
        static Parameters none() {
            return new Parameters(null, null, null);
        }
    }

    record Request(GemeenteSearch search, int page) {
    }

    /** Reads the parameters; a regio must be one of {@code scope}'s ({@code regios}); problems in Dutch by name. */
    static Request parse(Parameters parameters, RegioRepository regios, TenantScope scope, InvalidInput problems) {
        String text = parameters.zoek() != null && !parameters.zoek().isBlank() ? parameters.zoek().strip() : null;
        if (text != null && text.length() > TEXT_MAX) {
            problems.add("zoek", "De zoektekst mag hoogstens " + TEXT_MAX + " tekens lang zijn.");
        }
        Long regioId = null;
        if (parameters.regio() != null && !parameters.regio().isBlank()) {
            regioId = FormValues.id(parameters.regio()).filter(id -> regios.findVisible(scope, id).isPresent()).orElse(null);
            if (regioId == null) {
                problems.add("filterRegio", "Kies een regio uit de lijst.");
            }
        }
        return new Request(new GemeenteSearch(text, regioId), Paging.pageNumber(parameters.pagina(), problems));
    }

    /** The LIKE pattern of the text, lower case, with {@code !} escaping the pattern's own characters; "" for none. */
    String pattern() {
        return text == null ? "" : "%" + text.toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
    }

    boolean any() {
        return text != null || regioId != null;
    }
}
