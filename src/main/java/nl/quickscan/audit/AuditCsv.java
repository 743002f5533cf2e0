package nl.quickscan.audit;

import nl.quickscan.text.Csv;
import nl.quickscan.text.DutchFormat;

import java.util.List;

/**
 * The audit log as a CSV file for Dutch Excel ({@link Csv}).
 */
public final class AuditCsv {

    /** At most this many entries go into one file; the filters narrow it down. */
    public static final int ROWS_MAX = 10_000;
    private static final List<String> HEADER = List.of("Wanneer", "Wie", "Soort", "Gemeente", "Onderwerp", "Details");

    private AuditCsv() {
    }

    /** The file: a header, the entries, and when {@code total} exceeds them, a last line saying so. */
    public static String of(List<AuditLog.Listed> entries, long total) {
        StringBuilder csv = new StringBuilder(Csv.BOM);
        line(csv, HEADER);
        for (AuditLog.Listed entry : entries) {
            line(csv, List.of(DutchFormat.dateTime(entry.occurredAt()), entry.who(), entry.actionLabel(),
                    entry.gemeenteName() == null ? "" : entry.gemeenteName(), entry.subject(), entry.details()));
        }
        if (total > entries.size()) {
            line(csv, List.of(cappedMessage(entries.size(), total)));
        }
        return csv.toString();
    }

    /** What the page and the file say when the filters match more entries than one file holds. */
    public static String cappedMessage(long rows, long total) {
        return "Let op: dit bestand bevat de nieuwste " + DutchFormat.number(rows) + " van "
                + DutchFormat.number(total) + " wijzigingen. Kies strengere filters voor de rest.";
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(Csv.line(cells));
    }
}
