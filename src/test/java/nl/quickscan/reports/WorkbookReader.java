package nl.quickscan.reports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A downloaded workbook read back, the same way for xlsx (POI) and ods (ODF Toolkit): its sheets' cells with their
 * number formats, which sheets open selected, the document properties, and per chart whether every series has an
 * explicit fill and both axes a title.
 */
record WorkbookReader(String format, Map<String, List<List<Value>>> sheets, List<String> selected, String active,
                      String title, String subject, String creator, List<ChartCheck> charts) {

    /** A cell: text, or a number with the display format its style gives it (null: none). */
    record Value(String text, Double number, String numberFormat) {
        boolean isNumber() {
            return number != null;
        }
    }

    /** One chart: on which sheet, its number of series, and whether all have a fill and the axes titles. */
    record ChartCheck(String sheet, int series, boolean everySeriesFilled, boolean axesTitled) {
    }

    static WorkbookReader read(String format, byte[] body) throws Exception {
        return format.equals("xlsx") ? xlsx(body) : ods(body);
    }

    List<List<Value>> sheet(String name) {
        List<List<Value>> rows = sheets.get(name);
        if (rows == null) {
            throw new AssertionError("no sheet " + name + " in " + sheets.keySet());
        }
        return rows;
    }

    /** The index of the row whose first cells include the text (the header row, for example). */
    static int rowWith(List<List<Value>> rows, String text) {
        for (int r = 0; r < rows.size(); r++) {
            for (Value value : rows.get(r)) {
                if (text.equals(value.text())) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row with " + text);
    }

    static Value cell(List<List<Value>> rows, int row, int column) {
        List<Value> cells = rows.get(row);
        return column < cells.size() ? cells.get(column) : new Value("", null, null);
    }

    private static WorkbookReader xlsx(byte[] body) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Map<String, List<List<Value>>> sheets = new LinkedHashMap<>();
            List<String> selected = new ArrayList<>();
            List<ChartCheck> charts = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                if (sheet.isSelected()) {
                    selected.add(sheet.getSheetName());
                }
                List<List<Value>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<Value> cells = new ArrayList<>();
                    for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null || cell.getCellType() == CellType.BLANK) {
                            cells.add(new Value("", null, null));
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            String code = cell.getCellStyle().getDataFormat() == 0 ? null : cell.getCellStyle().getDataFormatString();
                            cells.add(new Value(null, cell.getNumericCellValue(), code));
                        } else {
                            cells.add(new Value(cell.getStringCellValue(), null, null));
                        }
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
                if (sheet.getDrawingPatriarch() != null) {
                    for (XSSFChart chart : sheet.getDrawingPatriarch().getCharts()) {
                        var plot = chart.getCTChart().getPlotArea();
                        List<CTBarSer> series = plot.getBarChartList().stream().flatMap(b -> b.getSerList().stream()).toList();
                        boolean filled = !series.isEmpty() && series.stream().allMatch(ser -> ser.isSetSpPr() && ser.getSpPr().isSetSolidFill());
                        boolean titled = plot.getCatAxList().stream().allMatch(a -> a.isSetTitle())
                                && plot.getValAxList().stream().allMatch(a -> a.isSetTitle());
                        charts.add(new ChartCheck(sheet.getSheetName(), series.size(), filled, titled));
                    }
                }
            }
            var core = workbook.getProperties().getCoreProperties();
            return new WorkbookReader("xlsx", sheets, selected, workbook.getSheetName(workbook.getActiveSheetIndex()),
                    core.getTitle(), core.getSubject(), core.getCreator(), charts);
        }
    }

    private static WorkbookReader ods(byte[] body) throws Exception {
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(body))) {
            Map<String, List<List<Value>>> sheets = new LinkedHashMap<>();
            // The content parsed as plain XML: the ODF Toolkit's own DOM hides the text of text:p elements.
            org.w3c.dom.Document content = parse(document.getPackage().getBytes("content.xml"));
            NodeList tables = content.getElementsByTagNameNS(OdsWriter.TABLE, "table");
            for (int t = 0; t < tables.getLength(); t++) {
                Element table = (Element) tables.item(t);
                List<List<Value>> rows = new ArrayList<>();
                NodeList tableRows = table.getElementsByTagNameNS(OdsWriter.TABLE, "table-row");
                for (int r = 0; r < tableRows.getLength(); r++) {
                    List<Value> cells = new ArrayList<>();
                    NodeList tableCells = ((Element) tableRows.item(r)).getElementsByTagNameNS(OdsWriter.TABLE, "table-cell");
                    for (int c = 0; c < tableCells.getLength(); c++) {
                        Element cell = (Element) tableCells.item(c);
                        if ("float".equals(cell.getAttributeNS(OdsWriter.OFFICE, "value-type"))) {
                            cells.add(new Value(null, Double.valueOf(cell.getAttributeNS(OdsWriter.OFFICE, "value")),
                                    dataStyle(content, cell.getAttributeNS(OdsWriter.TABLE, "style-name"))));
                        } else {
                            cells.add(new Value(cell.getTextContent(), null, null));
                        }
                    }
                    rows.add(cells);
                }
                sheets.put(table.getAttributeNS(OdsWriter.TABLE, "name"), rows);
            }
            String settings = new String(document.getPackage().getBytes("settings.xml"), java.nio.charset.StandardCharsets.UTF_8);
            Matcher active = Pattern.compile("config:name=\"ActiveTable\"[^>]*>([^<]*)<").matcher(settings);
            String activeTable = active.find() ? active.group(1) : null;
            List<ChartCheck> charts = new ArrayList<>();
            NodeList objects = content.getElementsByTagNameNS(OdsWriter.DRAW, "object");
            for (int i = 0; i < objects.getLength(); i++) {
                Element object = (Element) objects.item(i);
                String path = object.getAttributeNS(OdsWriter.XLINK, "href").replaceFirst("^\\./", "") + "/content.xml";
                org.w3c.dom.Node table = object;
                while (!"table".equals(table.getLocalName())) {
                    table = table.getParentNode();
                }
                String sheet = ((Element) table).getAttributeNS(OdsWriter.TABLE, "name");
                charts.add(odsChart(document.getPackage().getBytes(path), sheet));
            }
            var meta = document.getOfficeMetadata();
            return new WorkbookReader("ods", sheets, activeTable == null ? List.of() : List.of(activeTable), activeTable,
                    meta.getTitle(), meta.getSubject(), meta.getInitialCreator(), charts);
        }
    }

    /** The data style a cell style names, as the format it is (its name; "" when the style has none). */
    private static String dataStyle(org.w3c.dom.Document content, String cellStyle) {
        NodeList styles = content.getElementsByTagNameNS(OdsWriter.STYLE, "style");
        for (int i = 0; i < styles.getLength(); i++) {
            Element style = (Element) styles.item(i);
            if (cellStyle.equals(style.getAttributeNS(OdsWriter.STYLE, "name"))) {
                String data = style.getAttributeNS(OdsWriter.STYLE, "data-style-name");
                return data.isEmpty() ? null : data;
            }
        }
        return null;
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static ChartCheck odsChart(byte[] content, String sheet) throws Exception {
        var chart = parse(content);
        Map<String, String> fills = new LinkedHashMap<>();
        NodeList styles = chart.getElementsByTagNameNS(OdsWriter.STYLE, "style");
        for (int i = 0; i < styles.getLength(); i++) {
            Element style = (Element) styles.item(i);
            NodeList graphic = style.getElementsByTagNameNS(OdsWriter.STYLE, "graphic-properties");
            if (graphic.getLength() > 0) {
                fills.put(style.getAttributeNS(OdsWriter.STYLE, "name"), ((Element) graphic.item(0)).getAttributeNS(OdsWriter.DRAW, "fill"));
            }
        }
        NodeList series = chart.getElementsByTagNameNS(OdsWriter.CHART, "series");
        boolean filled = series.getLength() > 0;
        for (int i = 0; i < series.getLength(); i++) {
            filled &= "solid".equals(fills.get(((Element) series.item(i)).getAttributeNS(OdsWriter.CHART, "style-name")));
        }
        NodeList axes = chart.getElementsByTagNameNS(OdsWriter.CHART, "axis");
        boolean titled = axes.getLength() == 2;
        for (int i = 0; i < axes.getLength(); i++) {
            titled &= ((Element) axes.item(i)).getElementsByTagNameNS(OdsWriter.CHART, "title").getLength() == 1;
        }
        return new ChartCheck(sheet, series.getLength(), filled, titled);
    }
}
