package nl.quickscan.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A workbook as data, one description for both file formats: sheets with a title block, one bold header row, data
 * rows of text and numbers (each number with its display format, its value unrounded) and bar charts over columns.
 * {@link XlsxWriter} renders it for Excel, {@link OdsWriter} as OpenDocument; the first sheet is the one that opens.
 * Public for the import template (nl.quickscan.imports), which is a workbook of the same kind.
 */
public record Spreadsheet(String title, String subject, LocalDate date, List<Sheet> sheets) {

    /** The product, as the creator in the document properties. */
    static final String CREATOR = "Quickscan aanpak seksueel geweld";

    /** How a number reads; the codes are Excel's, the ODS writer builds the same as data styles. */
    public enum Format {
        TEXT(null),
        /** A score in percent, whole. */
        SCORE("0"),
        /** A difference in percentage points, signed, with the real minus sign as {@code DutchFormat.points}. */
        DIFFERENCE("+0;\u22120;0"),
        /** A mean, median and the like: one decimal. */
        STATISTIC("0.0"),
        /** A count or a whole number as entered, with thousands separators. */
        WHOLE("#,##0"),
        /** A number as entered with decimals (a kengetal of 0,4 fte). */
        DECIMAL("#,##0.0##");

        final String code;

        Format(String code) {
            this.code = code;
        }
    }

    /** One cell: text, or a number (null number: empty cell). */
    public record Cell(String text, Double number, Format format) {
        static final Cell EMPTY = new Cell("", null, Format.TEXT);

        public static Cell text(String text) {
            return text == null || text.isEmpty() ? EMPTY : new Cell(text, null, Format.TEXT);
        }

        public static Cell number(Double value, Format format) {
            return value == null ? EMPTY : new Cell(null, value, format);
        }

        /** A number as it was entered or counted: whole numbers without, others with their decimals. */
        static Cell exact(Double value) {
            return number(value, value != null && value == Math.rint(value) ? Format.WHOLE : Format.DECIMAL);
        }

        boolean isNumber() {
            return number != null;
        }
    }

    /**
     * A bar chart over rows {@code 0..rows-1} of the data, categories from one column and one series per listed
     * column (named by its header); placed under the table.
     */
    record Chart(String title, String categoryAxis, String valueAxis, int categoryColumn, List<Integer> seriesColumns,
                 int rows) {
    }

    /**
     * A drop-down list on the cells of {@code column} in data rows {@code fromRow..toRow} (0-based, as in
     * {@link Sheet#rows}): the values of column {@code listColumn} of sheet {@code listSheet}, data rows
     * {@code 0..listLength-1}. Other values are refused by the spreadsheet program as they are typed.
     */
    public record Choices(int column, int fromRow, int toRow, Sheet listSheet, int listColumn, int listLength) {
    }

    /** A sheet: title lines above the table (the first in bold), its header, rows, column widths in characters. */
    public static final class Sheet {
        final String name;
        final List<String> intro = new ArrayList<>();
        final List<String> header;
        final int[] widths;
        final List<List<Cell>> rows = new ArrayList<>();
        final List<Chart> charts = new ArrayList<>();
        final List<Choices> choices = new ArrayList<>();

        public Sheet(String name, List<String> header, int... widths) {
            this.name = name;
            this.header = List.copyOf(header);
            this.widths = new int[header.size()];
            for (int i = 0; i < header.size(); i++) {
                this.widths[i] = i < widths.length ? widths[i] : 14;
            }
        }

        public Sheet intro(String line) {
            intro.add(line);
            return this;
        }

        public Sheet row(List<Cell> cells) {
            rows.add(cells);
            return this;
        }

        public Sheet choices(Choices list) {
            choices.add(list);
            return this;
        }

        /** The drop-down list of a data cell, or null. */
        Choices choicesAt(int column, int row) {
            for (Choices list : choices) {
                if (list.column() == column && row >= list.fromRow() && row <= list.toRow()) {
                    return list;
                }
            }
            return null;
        }

        public int rowCount() {
            return rows.size();
        }

        Sheet chart(Chart chart) {
            charts.add(chart);
            return this;
        }

        /** The row of the header, 0-based: after the title lines and one empty row. */
        int headerRow() {
            return intro.isEmpty() ? 0 : intro.size() + 1;
        }

        int lastRow() {
            return headerRow() + rows.size();
        }

        /** Columns that hold a number in some row: their header stands right, above the numbers. */
        boolean[] numericColumns() {
            boolean[] numeric = new boolean[header.size()];
            for (List<Cell> cells : rows) {
                for (int c = 0; c < cells.size(); c++) {
                    numeric[c] |= cells.get(c).isNumber();
                }
            }
            return numeric;
        }

        /**
         * About how many lines the texts of a row take, wrapped in their columns: a width unit is the width of a
         * digit, and {@code charWidth} how much of one a letter takes on average (bold letters more).
         */
        int lines(List<String> texts, double charWidth) {
            int lines = 1;
            for (int c = 0; c < texts.size(); c++) {
                String text = texts.get(c);
                if (text != null && text.length() > widths[c]) {
                    lines = Math.max(lines, (int) Math.ceil(text.length() * charWidth / widths[c]));
                }
            }
            return lines;
        }
    }
}
