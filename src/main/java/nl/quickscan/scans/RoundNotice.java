package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;

/**
 * The confirmation a page shows after a change to a round or one of its scans: the change redirects to the page with
 * {@code ?melding=<param>}, and the page shows the text.
 */
public enum RoundNotice {
    OPENED("geopend", "Meetronde geopend; de gemeenten zien hem nu."),
    CHANGED("aangepast", "Meetronde aangepast."),
    REMOVED("verwijderd", "Meetronde verwijderd."),
    SCAN_REOPENED("heropend", "Scan heropend; de gemeente kan hem weer aanpassen.");

    private final String param;
    private final String text;

    RoundNotice(String param, String text) {
        this.param = param;
        this.text = text;
    }

    /** The query string that asks for this confirmation. */
    public String query() {
        return "?melding=" + param;
    }

    /** The confirmation asked for by the page's {@code melding} value; null for none or an unknown one. */
    @Nullable
    public static String textOf(@Nullable String param) {
        return Arrays.stream(values()).filter(notice -> notice.param.equals(param)).findFirst()
                .map(notice -> notice.text).orElse(null);
    }
}
