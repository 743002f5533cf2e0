package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.web.Notice;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The confirmations a page shows after a change to a round or one of its scans ({@code ?melding=<param>}). A
 * reminder's confirmation carries its two numbers in the parameter ({@link #reminderSent}).
 */
public final class RoundNotice {

    public static final Notice OPENED = new Notice("geopend", "Meetronde geopend; de gemeenten zien hem nu.");
    public static final Notice CHANGED = new Notice("aangepast", "Meetronde aangepast.");
    public static final Notice REMOVED = new Notice("verwijderd", "Meetronde verwijderd.");
    public static final Notice SCAN_REOPENED = new Notice("heropend", "Scan heropend; de gemeente kan hem weer aanpassen.");
    private static final List<Notice> ALL = List.of(OPENED, CHANGED, REMOVED, SCAN_REOPENED);

    private static final Pattern REMINDED = Pattern.compile("herinnerd-(\\d{1,6})-(\\d{1,6})");

    private RoundNotice() {
    }

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
        return Notice.textOf(ALL, param);
    }
}
