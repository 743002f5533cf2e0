package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;

/**
 * The confirmation the beheer lists show after a change to a regio or gemeente: the change redirects to the list
 * with {@code ?melding=<param>}, and the list shows the text (like {@code scans.RoundNotice}).
 */
enum TenantNotice {
    REGIO_ADDED("regio-toegevoegd", "Regio toegevoegd."),
    REGIO_RENAMED("regio-gewijzigd", "Regio opgeslagen."),
    GEMEENTE_ADDED("gemeente-toegevoegd", "Gemeente toegevoegd."),
    GEMEENTE_CHANGED("gemeente-gewijzigd", "Gemeente opgeslagen.");

    private final String param;
    private final String text;

    TenantNotice(String param, String text) {
        this.param = param;
        this.text = text;
    }

    String query() {
        return "?melding=" + param;
    }

    @Nullable
    static String textOf(@Nullable String param) {
        return Arrays.stream(values()).filter(notice -> notice.param.equals(param)).findFirst()
                .map(notice -> notice.text).orElse(null);
    }
}
