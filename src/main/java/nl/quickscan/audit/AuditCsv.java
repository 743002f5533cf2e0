package nl.quickscan.audit;

import nl.quickscan.text.DutchFormat;

import java.util.List;
import java.util.stream.Stream;

/**
 * The audit log as a CSV file for Dutch Excel: UTF-8 with a byte order mark, {@code ;} between the cells, a cell
 * quoted when it holds a separator, a quote or a line break, and a cell that starts like a formula made plain text.
 */
public final class AuditCsv {

    /** At most this many entries go into one file; the filters narrow it down. */
    public static final int ROWS_MAX = 10_000;
    static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("Wanneer", "Wie", "Soort", "Gemeente", "Onderwerp", "Details");

    private AuditCsv() {
    }

    /** The file: a header, the entries, and when {@code total} exceeds them, a last line saying so. */
    public static String of(List<AuditLog.Listed> entries, long total) {
        StringBuilder csv = new StringBuilder(BOM);
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
        csv.append(String.join(";", cells.stream().map(AuditCsv::cell).toList())).append("\r\n");
    }

    /**
     * One cell. Excel runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula,
     * so such a cell gets a leading apostrophe, which Excel shows as text.
     */
    static String cell(String value) {
        String text = Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(value::startsWith) ? "'" + value : value;
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
