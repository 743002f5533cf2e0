package nl.quickscan.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import nl.quickscan.benchmark.Benchmark;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.benchmark.Development;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The regiorapport: status, the benchmark matrix as a heatmap with values, statistics, development. */
final class RegioReportPdf {

    private final PdfStyle style = new PdfStyle();

    byte[] render(BenchmarkService.RoundBenchmark benchmark, String regioName, Optional<Development.Result> development,
                  LocalDate today) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 40, 40, 55, 55);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        style.prepare(writer, document, "Regiorapport " + regioName + " – " + benchmark.round().name());
        document.open();
        try {
            Benchmark.Result result = benchmark.result();
            document.add(new Paragraph("Regiorapport " + regioName, style.h1));
            document.add(PdfStyle.spaced(new Paragraph(benchmark.round().name() + ", vragenlijst "
                    + benchmark.round().surveyId() + " versie " + benchmark.round().surveyVersion() + ". Datum: "
                    + DutchFormat.date(today) + ".", style.body), 8));
            long submitted = result.gemeenten().stream().filter(g -> g.result() != null).count();
            document.add(PdfStyle.spaced(new Paragraph(submitted + " van " + result.gemeenten().size()
                    + " gemeenten hebben hun scan ingediend. Alleen ingediende scans tellen mee in de cijfers.", style.body), 4));
            matrix(document, benchmark);
            statistics(document, result);
            if (development.isPresent()) {
                development(document, development.get());
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        document.close();
        return out.toByteArray();
    }

    private void matrix(Document document, BenchmarkService.RoundBenchmark benchmark) throws DocumentException {
        document.add(PdfStyle.spaced(new Paragraph("Scores per gemeente en bouwsteen", style.h2), 16));
        List<Benchmark.BouwsteenStats> bouwstenen = benchmark.result().bouwstenen();
        PdfPTable table = new PdfPTable(bouwstenen.size() + 3);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(6);
        style.header(table, "Gemeente");
        style.header(table, "Status");
        bouwstenen.forEach(b -> style.header(table, b.title()));
        style.header(table, "Totaal");
        for (Benchmark.Entry entry : benchmark.result().gemeenten()) {
            style.cell(table, entry.name() + " (" + entry.cbsCode() + ")");
            style.cell(table, entry.status().label() + (entry.status() == ScanRow.Status.IN_PROGRESS
                    ? " (" + DutchFormat.percent(entry.progress()) + ")" : ""));
            if (entry.result() == null) {
                for (int i = 0; i <= bouwstenen.size(); i++) {
                    style.cell(table, DutchFormat.NONE);
                }
                continue;
            }
            for (Scoring.BouwsteenScore b : entry.result().bouwstenen()) {
                heat(table, b.score(), b.level());
            }
            heat(table, entry.total(), entry.result().totalLevel());
        }
        document.add(table);
        document.add(new Paragraph("Kleur en tekst geven het niveau: " + PdfStyle.levelLegend(benchmark.survey().levels())
                + ".", style.small));
    }

    /** A heatmap cell: the value and the level in words, on the level's colour. */
    private void heat(PdfPTable table, Double score, Survey.Level level) {
        PdfPCell cell = new PdfPCell(new Phrase(DutchFormat.percent(score) + (level == null ? "" : "\n" + level.label()),
                new Font(style.base, 10, Font.NORMAL, PdfStyle.levelTextColour(level))));
        cell.setPadding(4);
        cell.setBackgroundColor(PdfStyle.levelColour(level));
        table.addCell(cell);
    }

    private void statistics(Document document, Benchmark.Result result) throws DocumentException {
        document.add(PdfStyle.spaced(new Paragraph("Regio per bouwsteen", style.h2), 16));
        PdfPTable table = new PdfPTable(6);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {5, 1.5f, 2, 2, 2, 2});
        table.setSpacingBefore(6);
        for (String title : List.of("Bouwsteen", "Aantal (n)", "Gemiddelde", "Mediaan", "Laagste", "Hoogste")) {
            style.header(table, title);
        }
        for (Benchmark.BouwsteenStats b : result.bouwstenen()) {
            stats(table, b.title(), b.stats());
        }
        stats(table, "Totaal", result.total());
        document.add(table);
    }

    private void stats(PdfPTable table, String title, Benchmark.Stats stats) {
        style.cell(table, title);
        style.cell(table, Integer.toString(stats.n()));
        style.cell(table, DutchFormat.percent(stats.mean()));
        style.cell(table, DutchFormat.percent(stats.median()));
        style.cell(table, DutchFormat.percent(stats.min()));
        style.cell(table, DutchFormat.percent(stats.max()));
    }

    private void development(Document document, Development.Result development) throws DocumentException {
        document.newPage();
        document.add(new Paragraph("Ontwikkeling sinds de nulmeting", style.h2));
        document.add(PdfStyle.spaced(new Paragraph("Gemeenten die beide scans hebben ingediend; verschillen in procentpunten.",
                style.body), 4));
        PdfPTable table = new PdfPTable(4);
        table.setWidthPercentage(70);
        table.setSpacingBefore(6);
        for (String title : List.of("Gemeente", "Nulmeting", "Herhaling", "Verschil")) {
            style.header(table, title);
        }
        for (Development.GemeenteDevelopment g : development.gemeenten()) {
            style.cell(table, g.name());
            style.cell(table, DutchFormat.percent(g.total().before()));
            style.cell(table, DutchFormat.percent(g.total().after()));
            style.cell(table, DutchFormat.points(g.total().difference()));
        }
        document.add(table);
        PdfPTable means = new PdfPTable(3);
        means.setWidthPercentage(70);
        means.setSpacingBefore(12);
        for (String title : List.of("Bouwsteen", "Aantal (n)", "Gemiddeld verschil")) {
            style.header(means, title);
        }
        for (Development.BouwsteenDevelopment b : development.bouwstenen()) {
            style.cell(means, b.title());
            style.cell(means, Integer.toString(b.n()));
            style.cell(means, DutchFormat.points(b.meanDifference()));
        }
        document.add(means);
    }
}
