package nl.quickscan.reports;

import nl.quickscan.benchmark.Benchmark;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.scoring.Scoring;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's workbook of a round: "Scores" (gemeente × bouwsteen), "Antwoorden" in long format (one row per
 * gemeente × statement × round, ready for a pivot table), and "Statistiek" with a chart. The large sheets are
 * written in streaming mode, so memory stays flat however many gemeenten there are.
 */
final class RoundWorkbook {

    private static final int ROWS_IN_MEMORY = 200;

    byte[] render(BenchmarkService.RoundBenchmark round, Optional<BenchmarkService.RoundBenchmark> baseline) {
        List<BenchmarkService.RoundBenchmark> rounds = new ArrayList<>();
        baseline.ifPresent(rounds::add);
        rounds.add(round);
        return render(List.of(round), rounds, round.result());
    }

    /** The beheerder's national workbook: every round's scores and answers; statistics over all submitted scans. */
    byte[] renderNational(List<BenchmarkService.RoundBenchmark> rounds, Benchmark.Result national) {
        return render(rounds, rounds, national);
    }

    private byte[] render(List<BenchmarkService.RoundBenchmark> scoreRounds, List<BenchmarkService.RoundBenchmark> answerRounds,
                          Benchmark.Result statistics) {
        // The small sheet with the chart is built in full first: charts need the regular (non-streaming) API.
        XSSFWorkbook template = new XSSFWorkbook();
        statistics(template.createSheet("Statistiek"), statistics);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            scores(workbook.createSheet("Scores"), scoreRounds);
            SXSSFSheet answers = workbook.createSheet("Antwoorden");
            int row = header(answers, List.of("CBS-code", "Gemeente", "Meetronde", "Bouwsteen", "Sleutel", "Stelling",
                    "Antwoord", "Punten", "Maximum"));
            for (BenchmarkService.RoundBenchmark round : answerRounds) {
                row = answers(answers, row, round);
            }
            finish(answers, 9, row - 1);
            workbook.setSheetOrder("Statistiek", 2);
            workbook.setActiveSheet(0);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scores(Sheet sheet, List<BenchmarkService.RoundBenchmark> rounds) {
        List<String> columns = new ArrayList<>(List.of("Gemeente", "CBS-code", "Status"));
        rounds.get(0).result().bouwstenen().forEach(b -> columns.add(b.title()));
        columns.add("Totaal");
        columns.add("Meetronde");
        int r = header(sheet, columns);
        for (BenchmarkService.RoundBenchmark round : rounds) {
            for (Benchmark.Entry entry : round.result().gemeenten()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(entry.name());
                row.createCell(1).setCellValue(entry.cbsCode());
                row.createCell(2).setCellValue(entry.status().label());
                int col = 3;
                for (Benchmark.BouwsteenStats b : round.result().bouwstenen()) {
                    number(row, col++, entry.scores().get(b.key()));
                }
                number(row, col++, entry.total());
                row.createCell(col).setCellValue(round.round().name());
            }
        }
        finish(sheet, columns.size(), r - 1);
    }

    private int answers(Sheet sheet, int r, BenchmarkService.RoundBenchmark round) {
        for (Benchmark.Entry entry : round.result().gemeenten()) {
            if (entry.result() == null) {
                continue;
            }
            for (Scoring.BouwsteenScore b : entry.result().bouwstenen()) {
                for (Scoring.QuestionScore q : b.questions()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(entry.cbsCode());
                    row.createCell(1).setCellValue(entry.name());
                    row.createCell(2).setCellValue(round.round().name());
                    row.createCell(3).setCellValue(b.title());
                    row.createCell(4).setCellValue(q.question().key());
                    row.createCell(5).setCellValue(q.question().text());
                    row.createCell(6).setCellValue(q.answerLabel());
                    number(row, 7, q.counts() ? q.points() : null);
                    number(row, 8, q.counts() ? q.max() : null);
                }
            }
        }
        return r;
    }

    private void statistics(XSSFSheet sheet, Benchmark.Result result) {
        int r = header(sheet, List.of("Bouwsteen", "Aantal (n)", "Gemiddelde", "Mediaan", "Laagste", "Hoogste"));
        for (Benchmark.BouwsteenStats b : result.bouwstenen()) {
            stats(sheet.createRow(r++), b.title(), b.stats());
        }
        stats(sheet.createRow(r), "Totaal", result.total());
        finish(sheet, 6, r);
        if (result.total().n() > 0) {
            XSSFChart chart = sheet.createDrawingPatriarch().createChart(
                    sheet.getDrawingPatriarch().createAnchor(0, 0, 0, 0, 7, 1, 16, 20));
            chart.setTitleText("Gemiddelde score per bouwsteen (procent)");
            var categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            values.setMinimum(0);
            values.setMaximum(100);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            data.setBarDirection(BarDirection.COL);
            int last = result.bouwstenen().size();
            data.addSeries(XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, last, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, last, 2, 2))).setTitle("Gemiddelde", null);
            chart.plot(data);
        }
    }

    private static void stats(Row row, String title, Benchmark.Stats stats) {
        row.createCell(0).setCellValue(title);
        row.createCell(1).setCellValue(stats.n());
        number(row, 2, stats.mean());
        number(row, 3, stats.median());
        number(row, 4, stats.min());
        number(row, 5, stats.max());
    }

    private static int header(Sheet sheet, List<String> columns) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(columns.get(i));
        }
        return 1;
    }

    private static void number(Row row, int col, Double value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }

    private static void finish(Sheet sheet, int columns, int lastRow) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 1), 0, columns - 1));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, (i == 0 || i == 5 ? 40 : 16) * 256);
        }
    }
}
