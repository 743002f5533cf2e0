package nl.quickscan.reports;

import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The gemeente's workbook: "Samenvatting" (scores per round, with a native bar chart) and "Antwoorden". */
final class GemeenteReportXlsx {

    byte[] render(ReportData data) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            header.setFont(boldFont);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            summary(workbook.createSheet("Samenvatting"), data, header, percent);
            answers(workbook.createSheet("Antwoorden"), data, header);
            if (!data.kengetallen().isEmpty()) {
                kengetallen(workbook.createSheet("Kengetallen"), data, header);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(XSSFSheet sheet, ReportData data, CellStyle header, CellStyle percent) {
        List<String> columns = new ArrayList<>(List.of("Bouwsteen"));
        String current = data.scores().view().scan().roundName();
        data.comparison().ifPresent(c -> columns.add(c.baseline().scan().roundName()));
        columns.add(current);
        columns.add("Niveau");
        headerRow(sheet, columns, header);
        List<Scoring.BouwsteenScore> bouwstenen = data.current().bouwstenen();
        for (int i = 0; i < bouwstenen.size(); i++) {
            Scoring.BouwsteenScore b = bouwstenen.get(i);
            Row row = sheet.createRow(i + 1);
            int col = 0;
            row.createCell(col++).setCellValue(b.title());
            if (data.hasBaseline()) {
                number(row, col++, data.baselineScore(b.key()), percent);
            }
            number(row, col++, b.score(), percent);
            row.createCell(col).setCellValue(b.level() == null ? DutchFormat.NONE : b.level().label());
        }
        Row total = sheet.createRow(bouwstenen.size() + 1);
        total.createCell(0).setCellValue("Totaal");
        int col = 1;
        if (data.hasBaseline()) {
            number(total, col++, data.comparison().get().result().before().total(), percent);
        }
        number(total, col, data.current().total(), percent);
        finish(sheet, columns.size(), bouwstenen.size() + 1);
        chart(sheet, bouwstenen.size(), data.hasBaseline() ? 2 : 1, columns);
    }

    /** A native Excel bar chart over the score columns, so that it follows edits in the sheet. */
    private void chart(XSSFSheet sheet, int rows, int series, List<String> columns) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, columns.size() + 1, 1, columns.size() + 10, 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Score per bouwsteen (procent)");
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(0);
        values.setMaximum(100);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, rows, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        for (int s = 0; s < series; s++) {
            XDDFNumericalDataSource<Double> scores = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(1, rows, 1 + s, 1 + s));
            data.addSeries(names, scores).setTitle(columns.get(1 + s), null);
        }
        chart.plot(data);
    }

    private void answers(XSSFSheet sheet, ReportData data, CellStyle header) {
        List<String> columns = new ArrayList<>(List.of("Bouwsteen", "Sleutel", "Stelling"));
        if (data.hasBaseline()) {
            columns.addAll(List.of("Antwoord nulmeting", "Punten nulmeting"));
        }
        columns.addAll(List.of("Antwoord", "Punten", "Maximum", "Toelichting"));
        headerRow(sheet, columns, header);
        int r = 1;
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            for (Scoring.QuestionScore q : b.questions()) {
                Row row = sheet.createRow(r++);
                int col = 0;
                row.createCell(col++).setCellValue(b.title());
                row.createCell(col++).setCellValue(q.question().key());
                row.createCell(col++).setCellValue(q.question().text());
                if (data.hasBaseline()) {
                    var change = data.change(q.question().key());
                    row.createCell(col++).setCellValue(data.baselineLabel(q.question().key()));
                    Scoring.QuestionScore before = change.map(c -> c.before()).orElse(null);
                    number(row, col++, before == null || !before.counts() ? null : before.points(), null);
                }
                row.createCell(col++).setCellValue(data.answerLabel(q.question()));
                number(row, col++, q.counts() ? q.points() : null, null);
                number(row, col++, q.counts() ? q.max() : null, null);
                row.createCell(col).setCellValue(data.comment(q.question()));
            }
        }
        finish(sheet, columns.size(), r - 1);
        sheet.setColumnWidth(2, 80 * 256);
        sheet.setColumnWidth(columns.size() - 1, 60 * 256);
    }

    /** The kengetallen as numbers, which the spreadsheet shows in its own (Dutch) notation. */
    private void kengetallen(XSSFSheet sheet, ReportData data, CellStyle header) {
        List<String> columns = List.of("Kengetal", "Sleutel", "Eenheid", "Antwoord", "Toelichting");
        headerRow(sheet, columns, header);
        int r = 1;
        for (Survey.Question question : data.kengetallen()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(question.text());
            row.createCell(1).setCellValue(question.key());
            row.createCell(2).setCellValue(question.unit() == null ? "" : question.unit());
            number(row, 3, data.number(question), null);
            row.createCell(4).setCellValue(data.comment(question));
        }
        finish(sheet, columns.size(), r - 1);
        sheet.setColumnWidth(0, 80 * 256);
    }

    private static void headerRow(XSSFSheet sheet, List<String> columns, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(style);
        }
    }

    /** Numbers are stored as numbers; an absent value leaves the cell empty. */
    private static void number(Row row, int col, Double value, CellStyle style) {
        Cell cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void finish(XSSFSheet sheet, int columns, int lastRow) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 1), 0, columns - 1));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), 18 * 256));
        }
        sheet.setColumnWidth(0, 45 * 256);
    }
}
