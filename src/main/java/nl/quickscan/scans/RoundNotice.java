package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The confirmation a page shows after a change to a round or one of its scans: the change redirects to the page with
 * {@code ?melding=<param>}, and the page shows the text. A reminder's confirmation carries its two numbers in the
 * parameter ({@link #reminderSent}).
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

    private static final Pattern REMINDED = Pattern.compile("herinnerd-(\\d{1,6})-(\\d{1,6})");

    /** The query string that confirms a reminder to so many advisers of so many gemeenten. */
    public static String reminderSent(int advisers, int gemeenten) {
        return "?melding=herinnerd-" + advisers + "-" + gemeenten;
    }

    /** The confirmation asked for by the page's {@code melding} value; null for none or an unknown one. */
    @Nullable
    public static String textOf(@Nullable String param) {
        Matcher reminded = REMINDED.matcher(param == null ? "" : param);
        if (reminded.matches()) {
            return ScanMails.reminderSent(Integer.parseInt(reminded.group(1)), Integer.parseInt(reminded.group(2)));
        }
        return Arrays.stream(values()).filter(notice -> notice.param.equals(param)).findFirst()
                .map(notice -> notice.text).orElse(null);
    }
}
