package nl.quickscan.text;

import java.util.List;
import java.util.stream.Stream;

/**
 * CSV for Dutch Excel, as every CSV file of the app writes it: UTF-8 with a byte order mark, {@code ;} between the
 * cells, a cell quoted when it holds a separator, a quote or a line break, and a cell that starts like a formula
 * made plain text.
 */
public final class Csv {

    /** The byte order mark that makes Excel read the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** One line: the cells, separated by {@code ;}, ended by CR LF. */
    public static String line(List<String> cells) {
        return String.join(";", cells.stream().map(Csv::cell).toList()) + "\r\n";
    }

    /**
     * One cell. Excel runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula,
     * so such a cell gets a leading apostrophe, which Excel shows as text.
     */
    public static String cell(String value) {
        String text = Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(value::startsWith) ? "'" + value : value;
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
