package nl.quickscan.reports;

import nl.quickscan.text.DutchFormat;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.dom.OdfContentDom;
import org.odftoolkit.odfdom.incubator.meta.OdfOfficeMeta;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Spreadsheet} as an OpenDocument spreadsheet (ODF Toolkit), the open standard beside Excel: numbers as
 * {@code office:value-type="float"} with a data style per format, a bold header row that repeats on every printed
 * page, an autofilter, the header frozen, landscape pages fitted to the width, the first sheet active.
 * The ODF Toolkit has no chart API, so the charts are in the Excel workbook only.
 */
final class OdsWriter {

    static final String CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";

    private OdsWriter() {
    }

    static byte[] write(Spreadsheet book) {
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.newSpreadsheetDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OdfContentDom content = document.getContentDom();
            Element spreadsheet = document.getContentRoot();
            while (spreadsheet.getFirstChild() != null) {
                spreadsheet.removeChild(spreadsheet.getFirstChild());
            }
            Styles styles = new Styles(content, (Element) content.getElementsByTagNameNS(OFFICE, "automatic-styles").item(0));
            Element ranges = content.createElementNS(TABLE, "table:database-ranges");
            for (Spreadsheet.Sheet sheet : book.sheets()) {
                spreadsheet.appendChild(table(content, sheet, styles));
                ranges.appendChild(filter(content, sheet, ranges.getChildNodes().getLength()));
            }
            spreadsheet.appendChild(ranges);
            landscapeFittedToWidth(document);
            document.getPackage().insert(settings(book).getBytes(StandardCharsets.UTF_8), "settings.xml", "text/xml");
            OdfOfficeMeta meta = document.getOfficeMetadata();
            meta.setTitle(book.title());
            meta.setSubject(book.subject());
            meta.setInitialCreator(Spreadsheet.CREATOR);
            meta.setCreator(Spreadsheet.CREATOR);
            meta.setGenerator(Spreadsheet.CREATOR);
            document.save(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("OpenDocument-werkmap niet gemaakt", e);
        }
    }

    private static Element table(OdfContentDom content, Spreadsheet.Sheet sheet, Styles styles) {
        Element table = content.createElementNS(TABLE, "table:table");
        table.setAttributeNS(TABLE, "table:name", sheet.name);
        for (int width : sheet.widths) {
            Element column = content.createElementNS(TABLE, "table:table-column");
            column.setAttributeNS(TABLE, "table:style-name", styles.column(width));
            column.setAttributeNS(TABLE, "table:default-cell-style-name", "Default");
            table.appendChild(column);
        }
        for (int i = 0; i < sheet.intro.size(); i++) {
            table.appendChild(textRow(content, List.of(sheet.intro.get(i)), i == 0 ? Styles.TITLE : null));
        }
        if (!sheet.intro.isEmpty()) {
            table.appendChild(content.createElementNS(TABLE, "table:table-row")).appendChild(
                    content.createElementNS(TABLE, "table:table-cell"));
        }
        Element headerRows = content.createElementNS(TABLE, "table:table-header-rows");
        headerRows.appendChild(textRow(content, sheet.header, Styles.HEADER));
        table.appendChild(headerRows);
        for (List<Spreadsheet.Cell> cells : sheet.rows) {
            Element row = content.createElementNS(TABLE, "table:table-row");
            for (Spreadsheet.Cell cell : cells) {
                Element written = content.createElementNS(TABLE, "table:table-cell");
                if (cell.isNumber()) {
                    written.setAttributeNS(OFFICE, "office:value-type", "float");
                    written.setAttributeNS(OFFICE, "office:value", Double.toString(cell.number()));
                    written.setAttributeNS(TABLE, "table:style-name", styles.numbers.get(cell.format()));
                    paragraph(content, written, cell.format() == Spreadsheet.Format.DIFFERENCE
                            ? DutchFormat.points(cell.number()) : DutchFormat.number(cell.number()));
                } else if (!cell.text().isEmpty()) {
                    written.setAttributeNS(OFFICE, "office:value-type", "string");
                    written.setAttributeNS(TABLE, "table:style-name", Styles.TEXT);
                    paragraph(content, written, cell.text());
                }
                row.appendChild(written);
            }
            table.appendChild(row);
        }
        return table;
    }

    private static Element textRow(OdfContentDom content, List<String> texts, String style) {
        Element row = content.createElementNS(TABLE, "table:table-row");
        for (String text : texts) {
            Element cell = content.createElementNS(TABLE, "table:table-cell");
            cell.setAttributeNS(OFFICE, "office:value-type", "string");
            if (style != null) {
                cell.setAttributeNS(TABLE, "table:style-name", style);
            }
            paragraph(content, cell, text);
            row.appendChild(cell);
        }
        return row;
    }

    private static void paragraph(OdfContentDom content, Element cell, String text) {
        cell.appendChild(content.createElementNS(TEXT, "text:p")).appendChild(content.createTextNode(text));
    }

    /** An autofilter over the header and data rows. */
    private static Element filter(OdfContentDom content, Spreadsheet.Sheet sheet, int index) {
        Element range = content.createElementNS(TABLE, "table:database-range");
        range.setAttributeNS(TABLE, "table:name", "__Anonymous_Sheet_DB__" + index);
        String name = "'" + sheet.name.replace("'", "''") + "'";
        range.setAttributeNS(TABLE, "table:target-range-address", name + "." + cell(0, sheet.headerRow()) + ":" + name + "."
                + cell(sheet.header.size() - 1, Math.max(sheet.lastRow(), sheet.headerRow() + 1)));
        range.setAttributeNS(TABLE, "table:display-filter-buttons", "true");
        return range;
    }

    private static String cell(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    /** Every page layout of the template: A4 landscape, scaled to one page wide. */
    private static void landscapeFittedToWidth(OdfSpreadsheetDocument document) throws Exception {
        NodeList layouts = document.getStylesDom().getElementsByTagNameNS(STYLE, "page-layout-properties");
        for (int i = 0; i < layouts.getLength(); i++) {
            Element properties = (Element) layouts.item(i);
            properties.setAttributeNS(FO, "fo:page-width", "29.7cm");
            properties.setAttributeNS(FO, "fo:page-height", "21cm");
            properties.setAttributeNS(STYLE, "style:print-orientation", "landscape");
            properties.setAttributeNS(STYLE, "style:scale-to-X", "1");
            properties.setAttributeNS(STYLE, "style:scale-to-Y", "0");
            properties.setAttributeNS(FO, "fo:margin", "1.5cm");
        }
    }

    /** The view: the first sheet active, each sheet's header frozen (LibreOffice's settings, which Calc reads). */
    private static String settings(Spreadsheet book) {
        StringBuilder tables = new StringBuilder();
        for (Spreadsheet.Sheet sheet : book.sheets()) {
            int frozen = sheet.headerRow() + 1;
            tables.append("<config:config-item-map-entry config:name=\"").append(xml(sheet.name)).append("\">")
                    .append(item("VerticalSplitMode", "short", "2")).append(item("VerticalSplitPosition", "int", frozen))
                    .append(item("ActiveSplitRange", "short", "2")).append(item("PositionTop", "int", "0"))
                    .append(item("PositionBottom", "int", frozen)).append(item("CursorPositionX", "int", "0"))
                    .append(item("CursorPositionY", "int", frozen)).append("</config:config-item-map-entry>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-settings xmlns:office=\"" + OFFICE
                + "\" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.2\">"
                + "<office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
                + "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>"
                + item("ViewId", "string", "view1")
                + "<config:config-item-map-named config:name=\"Tables\">" + tables + "</config:config-item-map-named>"
                + item("ActiveTable", "string", xml(book.sheets().get(0).name))
                + "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>"
                + "</office:settings></office:document-settings>";
    }

    private static String item(String name, String type, Object value) {
        return "<config:config-item config:name=\"" + name + "\" config:type=\"" + type + "\">" + value + "</config:config-item>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The cell, column and data styles, made once per document. */
    private static final class Styles {
        static final String TITLE = "qsTitle";
        static final String HEADER = "qsHeader";
        static final String TEXT = "qsText";

        private final OdfContentDom content;
        private final Element automatic;
        final Map<Spreadsheet.Format, String> numbers = new EnumMap<>(Spreadsheet.Format.class);
        private final Map<Integer, String> columns = new LinkedHashMap<>();

        Styles(OdfContentDom content, Element automatic) {
            this.content = content;
            this.automatic = automatic;
            cellStyle(TITLE, null, "bold", "14pt", false);
            cellStyle(HEADER, null, "bold", null, true);
            cellStyle(TEXT, null, null, null, true);
            for (Spreadsheet.Format format : Spreadsheet.Format.values()) {
                if (format.code != null) {
                    String data = dataStyle(format);
                    String name = "qs" + format.name();
                    cellStyle(name, data, null, null, false);
                    numbers.put(format, name);
                }
            }
        }

        String column(int width) {
            return columns.computeIfAbsent(width, w -> {
                String name = "qsCol" + w;
                Element style = style(name, "table-column");
                Element properties = content.createElementNS(STYLE, "style:table-column-properties");
                // A character of the default font is about 0.19 cm wide.
                properties.setAttributeNS(STYLE, "style:column-width", String.format(java.util.Locale.ROOT, "%.2fcm", w * 0.19));
                style.appendChild(properties);
                return name;
            });
        }

        private Element style(String name, String family) {
            Element style = content.createElementNS(STYLE, "style:style");
            style.setAttributeNS(STYLE, "style:name", name);
            style.setAttributeNS(STYLE, "style:family", family);
            automatic.appendChild(style);
            return style;
        }

        private void cellStyle(String name, String dataStyle, String weight, String size, boolean wrap) {
            Element style = style(name, "table-cell");
            style.setAttributeNS(STYLE, "style:parent-style-name", "Default");
            if (dataStyle != null) {
                style.setAttributeNS(STYLE, "style:data-style-name", dataStyle);
            }
            Element cell = content.createElementNS(STYLE, "style:table-cell-properties");
            cell.setAttributeNS(STYLE, "style:vertical-align", "top");
            if (wrap) {
                cell.setAttributeNS(FO, "fo:wrap-option", "wrap");
            }
            style.appendChild(cell);
            if (weight != null || size != null) {
                Element text = content.createElementNS(STYLE, "style:text-properties");
                if (weight != null) {
                    text.setAttributeNS(FO, "fo:font-weight", weight);
                }
                if (size != null) {
                    text.setAttributeNS(FO, "fo:font-size", size);
                }
                style.appendChild(text);
            }
        }

        /** The data style of a format: the same display as its Excel code. */
        private String dataStyle(Spreadsheet.Format format) {
            String name = "qsN" + format.name();
            switch (format) {
                case SCORE -> numberStyle(name, 0, 0, false, null, List.of());
                case STATISTIC -> numberStyle(name, 1, 1, false, null, List.of());
                case WHOLE -> numberStyle(name, 0, 0, true, null, List.of());
                case DECIMAL -> numberStyle(name, 3, 1, true, null, List.of());
                case DIFFERENCE -> {
                    numberStyle(name + "P", 0, 0, false, "+", List.of());
                    numberStyle(name + "M", 0, 0, false, "\u2212", List.of());
                    numberStyle(name, 0, 0, false, null, List.of(
                            new String[]{"value()>0", name + "P"}, new String[]{"value()<0", name + "M"}));
                }
                default -> throw new IllegalArgumentException(format.name());
            }
            return name;
        }

        private void numberStyle(String name, int decimals, int minDecimals, boolean grouping, String prefix,
                                 List<String[]> maps) {
            Element style = content.createElementNS(NUMBER, "number:number-style");
            style.setAttributeNS(STYLE, "style:name", name);
            if (prefix != null) {
                style.setAttributeNS(STYLE, "style:volatile", "true");
                Element text = content.createElementNS(NUMBER, "number:text");
                text.appendChild(content.createTextNode(prefix));
                style.appendChild(text);
            }
            Element number = content.createElementNS(NUMBER, "number:number");
            number.setAttributeNS(NUMBER, "number:decimal-places", Integer.toString(decimals));
            number.setAttributeNS(NUMBER, "number:min-decimal-places", Integer.toString(minDecimals));
            number.setAttributeNS(NUMBER, "number:min-integer-digits", "1");
            if (grouping) {
                number.setAttributeNS(NUMBER, "number:grouping", "true");
            }
            style.appendChild(number);
            for (String[] map : maps) {
                Element condition = content.createElementNS(STYLE, "style:map");
                condition.setAttributeNS(STYLE, "style:condition", map[0]);
                condition.setAttributeNS(STYLE, "style:apply-style-name", map[1]);
                style.appendChild(condition);
            }
            automatic.insertBefore(style, automatic.getFirstChild());
        }
    }
}
