package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.web.Notice;

import java.util.List;

/**
 * The confirmations a page shows after a change to a round or one of its scans ({@code ?melding=<param>}). A
 * reminder's confirmation ({@link #REMINDED}) is written from the round's latest reminder, never from the address,
 * so that a link cannot make the page claim what was not sent ({@link RoundReminders#latestSent}).
 */
public final class RoundNotice {

    public static final Notice OPENED = new Notice("geopend", "Meetronde geopend; de gemeenten zien hem nu.");
    public static final Notice CHANGED = new Notice("aangepast", "Meetronde aangepast.");
    public static final Notice REMOVED = new Notice("verwijderd", "Meetronde verwijderd.");
    public static final Notice SCAN_REOPENED = new Notice("heropend", "Scan heropend; de gemeente kan hem weer aanpassen.");
    /** Its text is the page's own, from the latest reminder; this one stands for it in the list of confirmations. */
    public static final Notice REMINDED = new Notice("herinnerd", "Herinnering verstuurd.");
    private static final List<Notice> ALL = List.of(OPENED, CHANGED, REMOVED, SCAN_REOPENED);

    private RoundNotice() {
    }

    /** The confirmation asked for by the page's {@code melding} value; null for none or an unknown one (and the reminder's). */
    @Nullable
    public static String textOf(@Nullable String param) {
        return Notice.textOf(ALL, param);
    }
}
