package nl.quickscan.reports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Spreadsheet} as an Excel workbook (POI). Sheets with a chart are built in full (charts need the regular
 * API); the others are streamed, so that memory stays flat however many gemeenten there are. Every style is made
 * once per workbook.
 */
public final class XlsxWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Bar fills, the last for the latest round: LibreOffice draws bars without an explicit fill as nothing. */
    static final List<String> SERIES_COLOURS = List.of("8FAADC", "1F5AA0");

    private static final int ROWS_IN_MEMORY = 200;
    private static final int CHART_HEIGHT_ROWS = 18;
    private static final float LINE_HEIGHT = 15;
    /** Most letters of a sentence are narrower than a digit, bold ones about as wide (and room for the indent). */
    private static final double CHAR_WIDTH = 0.85;
    private static final double BOLD_CHAR_WIDTH = 1.15;

    private XlsxWriter() {
    }

    public static byte[] write(Spreadsheet book) {
        XSSFWorkbook full = new XSSFWorkbook();
        Styles styles = new Styles(full);
        for (Spreadsheet.Sheet sheet : book.sheets()) {
            if (!sheet.charts.isEmpty()) {
                XSSFSheet built = full.createSheet(sheet.name);
                fill(built, sheet, book.title(), styles);
                sheet.charts.forEach(chart -> chart(built, sheet, chart));
            }
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(full, ROWS_IN_MEMORY);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Spreadsheet.Sheet sheet : book.sheets()) {
                if (sheet.charts.isEmpty()) {
                    fill(workbook.createSheet(sheet.name), sheet, book.title(), styles);
                }
            }
            for (int i = 0; i < book.sheets().size(); i++) {
                workbook.setSheetOrder(book.sheets().get(i).name, i);
            }
            for (int i = 0; i < book.sheets().size(); i++) {
                workbook.getSheetAt(i).setSelected(i == 0);
            }
            workbook.setActiveSheet(0);
            workbook.setFirstVisibleTab(0);
            properties(full, book);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void properties(XSSFWorkbook workbook, Spreadsheet book) {
        var core = workbook.getProperties().getCoreProperties();
        core.setTitle(book.title());
        core.setSubjectProperty(book.subject());
        core.setCreator(Spreadsheet.CREATOR);
        core.setLastModifiedByUser(Spreadsheet.CREATOR);
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication(Spreadsheet.CREATOR);
    }

    private static void fill(Sheet target, Spreadsheet.Sheet sheet, String title, Styles styles) {
        for (int i = 0; i < sheet.intro.size(); i++) {
            Row row = target.createRow(i);
            row.createCell(0).setCellValue(sheet.intro.get(i));
            row.getCell(0).setCellStyle(i == 0 ? styles.title : styles.intro);
        }
        int headerRow = sheet.headerRow();
        Row header = target.createRow(headerRow);
        boolean[] numeric = sheet.numericColumns();
        for (int c = 0; c < sheet.header.size(); c++) {
            header.createCell(c).setCellValue(sheet.header.get(c));
            header.getCell(c).setCellStyle(numeric[c] ? styles.numberHeader : styles.header);
        }
        header.setHeightInPoints(LINE_HEIGHT * sheet.lines(sheet.header, BOLD_CHAR_WIDTH));
        int r = headerRow + 1;
        for (List<Spreadsheet.Cell> cells : sheet.rows) {
            Row row = target.createRow(r++);
            int lines = sheet.lines(cells.stream().map(Spreadsheet.Cell::text).toList(), CHAR_WIDTH);
            if (lines > 1) {
                // Excel and LibreOffice keep a wrapped row one line high unless told its height.
                row.setHeightInPoints(LINE_HEIGHT * lines);
            }
            for (int c = 0; c < cells.size(); c++) {
                Spreadsheet.Cell cell = cells.get(c);
                if (cell.isNumber()) {
                    var written = row.createCell(c);
                    written.setCellValue(cell.number());
                    written.setCellStyle(styles.numbers.get(cell.format()));
                } else if (!cell.text().isEmpty()) {
                    var written = row.createCell(c);
                    written.setCellValue(cell.text());
                    written.setCellStyle(styles.text);
                }
            }
        }
        for (int c = 0; c < sheet.widths.length; c++) {
            target.setColumnWidth(c, sheet.widths[c] * 256);
        }
        choices(target, sheet);
        target.createFreezePane(0, headerRow + 1);
        target.setAutoFilter(new CellRangeAddress(headerRow, Math.max(sheet.lastRow(), headerRow + 1), 0,
                sheet.header.size() - 1));
        target.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        target.getHeader().setLeft(title.replace("&", "&&"));
        // &A, &P and &N: Excel's codes for the sheet's name, the page number and the number of pages.
        target.getHeader().setRight("&A");
        target.getFooter().setCenter("Pagina &P van &N");
        target.setFitToPage(true);
        target.setAutobreaks(true);
        PrintSetup print = target.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    /** The drop-down lists, each over its range of the list sheet (a label may hold a comma: no inline lists). */
    private static void choices(Sheet target, Spreadsheet.Sheet sheet) {
        DataValidationHelper helper = target.getDataValidationHelper();
        int first = sheet.headerRow() + 1;
        for (Spreadsheet.Choices list : sheet.choices) {
            String column = CellReference.convertNumToColString(list.listColumn());
            int top = list.listSheet().headerRow() + 2;
            String range = "'" + list.listSheet().name.replace("'", "''") + "'!$" + column + "$" + top + ":$" + column
                    + "$" + (top + list.listLength() - 1);
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                    new CellRangeAddressList(first + list.fromRow(), first + list.toRow(), list.column(), list.column()));
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Kies uit de lijst", "Kies een van de antwoorden uit de lijst, of laat de cel leeg.");
            validation.setSuppressDropDownArrow(true);
            target.addValidationData(validation);
        }
    }

    /** A native bar chart under the table, so that it follows edits in the sheet. */
    private static void chart(XSSFSheet target, Spreadsheet.Sheet sheet, Spreadsheet.Chart spec) {
        int top = sheet.lastRow() + 2;
        XSSFDrawing drawing = target.getDrawingPatriarch() != null ? target.getDrawingPatriarch() : target.createDrawingPatriarch();
        int right = Math.max(4, Math.min(sheet.header.size(), 8));
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, right, top + CHART_HEIGHT_ROWS));
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        categories.setTitle(spec.categoryAxis());
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(spec.valueAxis());
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(0);
        values.setMaximum(100);
        values.setNumberFormat("0");
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        int first = sheet.headerRow() + 1;
        int last = sheet.headerRow() + spec.rows();
        var names = XDDFDataSourcesFactory.fromStringCellRange(target,
                new CellRangeAddress(first, last, spec.categoryColumn(), spec.categoryColumn()));
        int count = spec.seriesColumns().size();
        for (int s = 0; s < count; s++) {
            int column = spec.seriesColumns().get(s);
            var series = data.addSeries(names, XDDFDataSourcesFactory.fromNumericCellRange(target,
                    new CellRangeAddress(first, last, column, column)));
            series.setTitle(sheet.header.get(column), null);
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(
                    XDDFColor.from(hex(SERIES_COLOURS.get(SERIES_COLOURS.size() - count + s))));
            XDDFLineProperties outline = new XDDFLineProperties(fill);
            series.setFillProperties(fill);
            series.setLineProperties(outline);
        }
        chart.plot(data);
    }

    private static byte[] hex(String rgb) {
        return new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
                (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }

    /** The workbook's styles, made once: POI keeps every style made, and a style per cell slows Excel down. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle numberHeader;
        final CellStyle text;
        /** The lines above a table run on over the empty cells beside them, unwrapped. */
        final CellStyle intro;
        final Map<Spreadsheet.Format, CellStyle> numbers = new EnumMap<>(Spreadsheet.Format.class);

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            numberHeader = workbook.createCellStyle();
            numberHeader.cloneStyleFrom(header);
            numberHeader.setAlignment(HorizontalAlignment.RIGHT);
            // A little room between a number and the text in the next column.
            numberHeader.setIndention((short) 1);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            intro = workbook.createCellStyle();
            var formats = workbook.createDataFormat();
            for (Spreadsheet.Format format : Spreadsheet.Format.values()) {
                if (format.code != null) {
                    CellStyle style = workbook.createCellStyle();
                    style.setDataFormat(formats.getFormat(format.code));
                    style.setAlignment(HorizontalAlignment.RIGHT);
                    style.setIndention((short) 1);
                    style.setVerticalAlignment(VerticalAlignment.TOP);
                    numbers.put(format, style);
                }
            }
        }
    }
}
