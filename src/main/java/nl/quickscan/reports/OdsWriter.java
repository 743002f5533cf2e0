package nl.quickscan.reports;

import nl.quickscan.text.DutchFormat;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.incubator.meta.OdfOfficeMeta;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A {@link Spreadsheet} as an OpenDocument spreadsheet, the open standard beside Excel: numbers as
 * {@code office:value-type="float"} with a data style per format, a bold header row that repeats on every printed
 * page, an autofilter, the header frozen, landscape pages fitted to the width, the first sheet active, and the
 * charts as embedded chart objects ({@link OdsChart}) over the sheet's cells. The ODF Toolkit makes the package,
 * the metadata and the page styles; the sheets' content is streamed into it, since a DOM of the national workbook
 * (hundreds of thousands of cells) would take seconds and hundreds of megabytes.
 */
public final class OdsWriter {

    public static final String CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    static final String SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String CHART = "urn:oasis:names:tc:opendocument:xmlns:chart:1.0";
    private static final String CHART_TYPE = "application/vnd.oasis.opendocument.chart";

    private static final String TITLE_STYLE = "qsTitle";
    private static final String HEADER_STYLE = "qsHeader";
    private static final String NUMBER_HEADER_STYLE = "qsNumberHeader";
    private static final String TEXT_STYLE = "qsText";
    /** The lines above a table run on over the empty cells beside them, unwrapped. */
    private static final String INTRO_STYLE = "qsIntro";

    private OdsWriter() {
    }

    public static byte[] write(Spreadsheet book) {
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.newSpreadsheetDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            // Buffered: the StAX writer hands a stream its bytes one at a time.
            Writer buffered = new BufferedWriter(new OutputStreamWriter(content, StandardCharsets.UTF_8), 1 << 16);
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(buffered);
            content(xml, book);
            xml.close();
            buffered.flush();
            document.getPackage().insert(content.toByteArray(), "content.xml", "text/xml");
            int charts = 0;
            for (Spreadsheet.Sheet sheet : book.sheets()) {
                for (Spreadsheet.Chart chart : sheet.charts) {
                    String object = "Object " + ++charts;
                    document.getPackage().insert(new byte[0], object + "/", CHART_TYPE);
                    document.getPackage().insert(OdsChart.content(sheet, chart).getBytes(StandardCharsets.UTF_8),
                            object + "/content.xml", "text/xml");
                }
            }
            printSetup(document);
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

    private static void content(XMLStreamWriter xml, Spreadsheet book) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("office:document-content");
        for (String[] namespace : new String[][]{{"office", OFFICE}, {"table", TABLE}, {"text", TEXT}, {"style", STYLE},
                {"fo", FO}, {"number", NUMBER}, {"draw", DRAW}, {"svg", SVG}, {"xlink", XLINK}}) {
            xml.writeNamespace(namespace[0], namespace[1]);
        }
        xml.writeAttribute("office:version", "1.2");
        TreeSet<Integer> widths = new TreeSet<>();
        book.sheets().forEach(sheet -> java.util.Arrays.stream(sheet.widths).forEach(widths::add));
        automaticStyles(xml, widths);
        xml.writeStartElement("office:body");
        xml.writeStartElement("office:spreadsheet");
        validations(xml, book);
        int charts = 0;
        for (Spreadsheet.Sheet sheet : book.sheets()) {
            charts = table(xml, sheet, charts);
        }
        xml.writeStartElement("table:database-ranges");
        for (int i = 0; i < book.sheets().size(); i++) {
            Spreadsheet.Sheet sheet = book.sheets().get(i);
            xml.writeEmptyElement("table:database-range");
            xml.writeAttribute("table:name", "__Anonymous_Sheet_DB__" + i);
            xml.writeAttribute("table:target-range-address", address(sheet, 0, sheet.headerRow()) + ":"
                    + address(sheet, sheet.header.size() - 1, Math.max(sheet.lastRow(), sheet.headerRow() + 1)));
            xml.writeAttribute("table:display-filter-buttons", "true");
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    /** Returns the number of charts written so far, which names the next chart object. */
    private static int table(XMLStreamWriter xml, Spreadsheet.Sheet sheet, int charts) throws XMLStreamException {
        xml.writeStartElement("table:table");
        xml.writeAttribute("table:name", sheet.name);
        for (int width : sheet.widths) {
            xml.writeEmptyElement("table:table-column");
            xml.writeAttribute("table:style-name", "qsCol" + width);
            xml.writeAttribute("table:default-cell-style-name", "Default");
        }
        for (int i = 0; i < sheet.intro.size(); i++) {
            textRow(xml, List.of(sheet.intro.get(i)), i == 0 ? TITLE_STYLE : INTRO_STYLE, null);
        }
        if (!sheet.intro.isEmpty()) {
            emptyRow(xml);
        }
        xml.writeStartElement("table:table-header-rows");
        textRow(xml, sheet.header, HEADER_STYLE, sheet.numericColumns());
        xml.writeEndElement();
        for (int r = 0; r < sheet.rows.size(); r++) {
            List<Spreadsheet.Cell> cells = sheet.rows.get(r);
            xml.writeStartElement("table:table-row");
            for (int c = 0; c < cells.size(); c++) {
                Spreadsheet.Cell cell = cells.get(c);
                Spreadsheet.Choices list = sheet.choicesAt(c, r);
                if (list != null) {
                    xml.writeStartElement("table:table-cell");
                    xml.writeAttribute("table:content-validation-name", validationName(sheet, list));
                    if (!cell.text().isEmpty()) {
                        xml.writeAttribute("office:value-type", "string");
                        xml.writeAttribute("table:style-name", TEXT_STYLE);
                        paragraph(xml, cell.text());
                    }
                    xml.writeEndElement();
                } else if (cell.isNumber()) {
                    xml.writeStartElement("table:table-cell");
                    xml.writeAttribute("office:value-type", "float");
                    xml.writeAttribute("office:value", Double.toString(cell.number()));
                    xml.writeAttribute("table:style-name", "qs" + cell.format().name());
                    paragraph(xml, cell.format() == Spreadsheet.Format.DIFFERENCE
                            ? DutchFormat.points(cell.number()) : DutchFormat.number(cell.number()));
                    xml.writeEndElement();
                } else if (cell.text().isEmpty()) {
                    xml.writeEmptyElement("table:table-cell");
                } else {
                    textCell(xml, cell.text(), TEXT_STYLE);
                }
            }
            xml.writeEndElement();
        }
        for (Spreadsheet.Chart chart : sheet.charts) {
            emptyRow(xml);
            chartRow(xml, sheet, chart, "Object " + ++charts);
        }
        xml.writeEndElement();
        return charts;
    }

    /** The drop-down lists of every sheet, each over its range of the list sheet; other values are refused. */
    private static void validations(XMLStreamWriter xml, Spreadsheet book) throws XMLStreamException {
        if (book.sheets().stream().allMatch(sheet -> sheet.choices.isEmpty())) {
            return;
        }
        xml.writeStartElement("table:content-validations");
        for (Spreadsheet.Sheet sheet : book.sheets()) {
            for (Spreadsheet.Choices list : sheet.choices) {
                Spreadsheet.Sheet source = list.listSheet();
                int top = source.headerRow() + 1;
                xml.writeStartElement("table:content-validation");
                xml.writeAttribute("table:name", validationName(sheet, list));
                xml.writeAttribute("table:condition", "of:cell-content-is-in-list([" + address(source, list.listColumn(), top)
                        + ":" + address(source, list.listColumn(), top + list.listLength() - 1).replaceFirst("^'[^.]*'", "") + "])");
                xml.writeAttribute("table:allow-empty-cell", "true");
                xml.writeAttribute("table:display-list", "unsorted");
                xml.writeStartElement("table:error-message");
                xml.writeAttribute("table:title", "Kies uit de lijst");
                xml.writeAttribute("table:message-type", "stop");
                xml.writeAttribute("table:display", "true");
                paragraph(xml, "Kies een van de antwoorden uit de lijst, of laat de cel leeg.");
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static String validationName(Spreadsheet.Sheet sheet, Spreadsheet.Choices list) {
        return "qsList" + Math.abs(sheet.name.hashCode()) + "_" + sheet.choices.indexOf(list);
    }

    /** A row under the table with the chart: an embedded chart object that reads its figures from the sheet. */
    private static void chartRow(XMLStreamWriter xml, Spreadsheet.Sheet sheet, Spreadsheet.Chart chart, String object)
            throws XMLStreamException {
        xml.writeStartElement("table:table-row");
        xml.writeStartElement("table:table-cell");
        xml.writeStartElement("draw:frame");
        xml.writeAttribute("svg:width", OdsChart.WIDTH);
        xml.writeAttribute("svg:height", OdsChart.HEIGHT);
        xml.writeAttribute("svg:x", "0cm");
        xml.writeAttribute("svg:y", "0cm");
        xml.writeAttribute("draw:z-index", "0");
        xml.writeAttribute("draw:name", chart.title());
        xml.writeEmptyElement("draw:object");
        xml.writeAttribute("draw:notify-on-update-of-ranges", OdsChart.dataRange(sheet, chart));
        xml.writeAttribute("xlink:href", "./" + object);
        xml.writeAttribute("xlink:type", "simple");
        xml.writeAttribute("xlink:show", "embed");
        xml.writeAttribute("xlink:actuate", "onLoad");
        xml.writeStartElement("svg:title");
        xml.writeCharacters(chart.title());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void emptyRow(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("table:table-row");
        xml.writeEmptyElement("table:table-cell");
        xml.writeEndElement();
    }

    private static void textRow(XMLStreamWriter xml, List<String> texts, String style, boolean[] numeric)
            throws XMLStreamException {
        xml.writeStartElement("table:table-row");
        for (int c = 0; c < texts.size(); c++) {
            textCell(xml, texts.get(c), numeric != null && numeric[c] ? NUMBER_HEADER_STYLE : style);
        }
        xml.writeEndElement();
    }

    private static void textCell(XMLStreamWriter xml, String text, String style) throws XMLStreamException {
        xml.writeStartElement("table:table-cell");
        xml.writeAttribute("office:value-type", "string");
        xml.writeAttribute("table:style-name", style);
        paragraph(xml, text);
        xml.writeEndElement();
    }

    private static void paragraph(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeStartElement("text:p");
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** "'Scores'.C5": a cell as ODF addresses it. */
    static String address(Spreadsheet.Sheet sheet, int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return "'" + sheet.name.replace("'", "''") + "'." + letters + (row + 1);
    }

    /** The data, cell and column styles, each once per document. */
    private static void automaticStyles(XMLStreamWriter xml, TreeSet<Integer> widths) throws XMLStreamException {
        xml.writeStartElement("office:automatic-styles");
        for (Spreadsheet.Format format : Spreadsheet.Format.values()) {
            if (format.code != null) {
                dataStyle(xml, format);
            }
        }
        cellStyle(xml, TITLE_STYLE, null, "14pt", null, true, false);
        cellStyle(xml, HEADER_STYLE, null, null, null, true, true);
        cellStyle(xml, NUMBER_HEADER_STYLE, null, null, "end", true, true);
        cellStyle(xml, TEXT_STYLE, null, null, null, false, true);
        cellStyle(xml, INTRO_STYLE, null, null, null, false, false);
        for (Spreadsheet.Format format : Spreadsheet.Format.values()) {
            if (format.code != null) {
                cellStyle(xml, "qs" + format.name(), "qsN" + format.name(), null, null, false, false);
            }
        }
        for (int width : widths) {
            xml.writeStartElement("style:style");
            xml.writeAttribute("style:name", "qsCol" + width);
            xml.writeAttribute("style:family", "table-column");
            xml.writeEmptyElement("style:table-column-properties");
            // A character of the default font is about 0.19 cm wide.
            xml.writeAttribute("style:column-width", String.format(Locale.ROOT, "%.2fcm", width * 0.19));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void cellStyle(XMLStreamWriter xml, String name, String dataStyle, String size, String alignment,
                                  boolean bold, boolean wrap) throws XMLStreamException {
        xml.writeStartElement("style:style");
        xml.writeAttribute("style:name", name);
        xml.writeAttribute("style:family", "table-cell");
        xml.writeAttribute("style:parent-style-name", "Default");
        if (dataStyle != null) {
            xml.writeAttribute("style:data-style-name", dataStyle);
        }
        xml.writeEmptyElement("style:table-cell-properties");
        xml.writeAttribute("style:vertical-align", "top");
        xml.writeAttribute("fo:wrap-option", wrap ? "wrap" : "no-wrap");
        if (dataStyle != null || alignment != null) {
            // A little room between a number and the text in the next column.
            xml.writeAttribute("fo:padding-right", "0.2cm");
        }
        if (alignment != null) {
            xml.writeEmptyElement("style:paragraph-properties");
            xml.writeAttribute("fo:text-align", alignment);
        }
        if (bold) {
            xml.writeEmptyElement("style:text-properties");
            xml.writeAttribute("fo:font-weight", "bold");
            if (size != null) {
                xml.writeAttribute("fo:font-size", size);
            }
        }
        xml.writeEndElement();
    }

    /** The data style of a format: the same display as its Excel code. */
    private static void dataStyle(XMLStreamWriter xml, Spreadsheet.Format format) throws XMLStreamException {
        String name = "qsN" + format.name();
        switch (format) {
            case SCORE -> numberStyle(xml, name, 0, 0, false, null);
            case STATISTIC -> numberStyle(xml, name, 1, 1, false, null);
            case WHOLE -> numberStyle(xml, name, 0, 0, true, null);
            case DECIMAL -> numberStyle(xml, name, 3, 1, true, null);
            case DIFFERENCE -> {
                numberStyle(xml, name + "P", 0, 0, false, "+");
                numberStyle(xml, name + "M", 0, 0, false, "\u2212");
                numberStyle(xml, name, 0, 0, false, null, "value()>0", name + "P", "value()<0", name + "M");
            }
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    /** {@code maps}: pairs of a condition and the data style that applies when it holds. */
    private static void numberStyle(XMLStreamWriter xml, String name, int decimals, int minDecimals, boolean grouping,
                                    String prefix, String... maps) throws XMLStreamException {
        xml.writeStartElement("number:number-style");
        xml.writeAttribute("style:name", name);
        if (prefix != null) {
            xml.writeAttribute("style:volatile", "true");
            xml.writeStartElement("number:text");
            xml.writeCharacters(prefix);
            xml.writeEndElement();
        }
        xml.writeEmptyElement("number:number");
        xml.writeAttribute("number:decimal-places", Integer.toString(decimals));
        xml.writeAttribute("number:min-decimal-places", Integer.toString(minDecimals));
        xml.writeAttribute("number:min-integer-digits", "1");
        if (grouping) {
            xml.writeAttribute("number:grouping", "true");
        }
        for (int i = 0; i < maps.length; i += 2) {
            xml.writeEmptyElement("style:map");
            xml.writeAttribute("style:condition", maps[i]);
            xml.writeAttribute("style:apply-style-name", maps[i + 1]);
        }
        xml.writeEndElement();
    }

    /**
     * Every page layout of the template: A4 landscape, scaled to one page wide; the default page's header names
     * the workbook and the sheet, its footer "Pagina 1 van 3" (the template's is English).
     */
    private static void printSetup(OdfSpreadsheetDocument document) throws Exception {
        var styles = document.getStylesDom();
        NodeList masters = styles.getElementsByTagNameNS(STYLE, "master-page");
        for (int i = 0; i < masters.getLength(); i++) {
            Element master = (Element) masters.item(i);
            if ("Default".equals(master.getAttributeNS(STYLE, "name"))) {
                replaceText(master, "header", styles, "#title", " \u2013 ", "#sheet-name");
                replaceText(master, "footer", styles, "Pagina ", "#page-number", " van ", "#page-count");
            }
        }
        NodeList layouts = styles.getElementsByTagNameNS(STYLE, "page-layout-properties");
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

    /** A header or footer's paragraph of texts and fields ("#page-number": the field text:page-number). */
    private static void replaceText(Element master, String part, org.w3c.dom.Document dom, String... pieces) {
        NodeList found = master.getElementsByTagNameNS(STYLE, part);
        if (found.getLength() == 0) {
            return;
        }
        Element region = (Element) found.item(0);
        while (region.getFirstChild() != null) {
            region.removeChild(region.getFirstChild());
        }
        Element paragraph = dom.createElementNS(TEXT, "text:p");
        for (String piece : pieces) {
            paragraph.appendChild(piece.startsWith("#") ? dom.createElementNS(TEXT, "text:" + piece.substring(1))
                    : dom.createTextNode(piece));
        }
        region.appendChild(paragraph);
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

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
