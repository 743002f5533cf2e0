package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import nl.quickscan.benchmark.Benchmark;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.benchmark.Development;
import nl.quickscan.benchmark.RegioSummary;
import nl.quickscan.plans.ActionStatus;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.PlanService;
import nl.quickscan.plans.RegioPlan;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scoring.LevelBand;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The regiorapport, landscape for the wide heatmap: a summary for the stuurgroep ({@link RegioSummary}), the heatmap
 * gemeente × bouwsteen with the level as text, the regio's figures per bouwsteen, a distribution chart per bouwsteen,
 * and for a herhaling the development with a before/after chart per bouwsteen (the statements that improved and
 * declined most are in the summary), and the verbeterplannen made from the round's scans. Tagged PDF/UA through {@link TaggedPdf}.
 */
final class RegioReportPdf {

    /** The tallest chart: a landscape page's text height less its heading, so that the heading stays with the chart. */
    private static final float CHART_HEIGHT = 400;
    /** What a chart's heading takes above it. */
    private static final float CHART_HEADING = 36;
    /** What a section's heading and introduction take above its first chart or table. */
    private static final float SECTION_HEADING = 70;
    /** About what a table row takes, to keep a heading with the first rows of its table. */
    private static final float TABLE_ROW = 24;

    byte[] render(BenchmarkService.RoundBenchmark benchmark, String regioName, Optional<Development.Result> development,
                  PlanService.RoundPlan plans, LocalDate today) {
        RegioSummary summary = RegioSummary.of(benchmark, development, today);
        List<LevelBand> bands = LevelBand.of(benchmark.survey());
        Meetronde round = benchmark.round();
        return TaggedPdf.render("Regiorapport " + regioName + " – " + round.name(), PageSize.A4.rotate(), pdf -> {
            pdf.heading(1, "Regiorapport " + regioName);
            pdf.paragraph(subtitle(benchmark, today));
            pdf.heading(2, "Samenvatting voor de stuurgroep");
            for (RegioSummary.Topic topic : summary.topics()) {
                pdf.heading(3, topic.heading());
                if (!topic.sentences().isEmpty()) {
                    pdf.paragraph(String.join(" ", topic.sentences()));
                }
                if (!topic.items().isEmpty()) {
                    pdf.list(pdf.phrases(topic.items()));
                }
                if (topic.overview()) {
                    float height = RegioCharts.overviewHeight(summary.standings().size());
                    pdf.figure(summary.overview(), pdf.width(), height, chart -> RegioCharts.overview(chart,
                            summary.standings(), summary.distributions(), bands, pdf.width(), height));
                }
            }
            pdf.newPage();
            heatmap(pdf, benchmark);
            bouwstenen(pdf, benchmark.result(), summary, bands);
            RegioPartReport.of(benchmark).ifPresent(part -> regioPart(pdf, part));
            development.ifPresent(d -> development(pdf, d, summary, bands));
            plans(pdf, plans);
        });
    }

    /** The round and the survey as users know them, not by their technical ids. */
    private static String subtitle(BenchmarkService.RoundBenchmark benchmark, LocalDate today) {
        Meetronde round = benchmark.round();
        Survey survey = benchmark.survey();
        String kind = round.kind().label().toLowerCase(DutchFormat.DUTCH);
        boolean named = round.name().toLowerCase(DutchFormat.DUTCH).contains(kind);
        return round.name() + (named ? "" : " (" + kind + ")") + ", open van "
                + DutchFormat.date(round.opens()) + " tot en met " + DutchFormat.date(round.closes()) + ". Vragenlijst: "
                + survey.title() + ", versie " + DutchFormat.number(survey.version()) + ". Gemaakt op "
                + DutchFormat.date(today) + ".";
    }

    private static void heatmap(TaggedPdf pdf, BenchmarkService.RoundBenchmark benchmark) {
        List<Benchmark.BouwsteenStats> bouwstenen = benchmark.result().bouwstenen();
        float[] widths = new float[bouwstenen.size() + 3];
        widths[0] = 2;
        widths[1] = 0.95f;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 1.4f;
        }
        TaggedPdf.Table table = new TaggedPdf.Table(widths).rowHeaders();
        List<TaggedPdf.Cell> header = new ArrayList<>(List.of(pdf.headerCell("Gemeente"), pdf.headerCell("Status")));
        bouwstenen.forEach(b -> header.add(pdf.headerCell(b.title())));
        header.add(pdf.headerCell("Totaal"));
        table.header(header);
        for (Benchmark.Entry entry : benchmark.result().gemeenten()) {
            List<TaggedPdf.Cell> row = new ArrayList<>();
            row.add(pdf.cell(entry.name() + " (" + entry.cbsCode() + ")"));
            row.add(pdf.cell(entry.statusLabel()));
            if (entry.result() == null) {
                for (int i = 0; i <= bouwstenen.size(); i++) {
                    row.add(pdf.cell(DutchFormat.NONE));
                }
            } else {
                for (Scoring.BouwsteenScore b : entry.result().bouwstenen()) {
                    row.add(heat(pdf, b.score(), b.level()));
                }
                row.add(heat(pdf, entry.total(), entry.result().totalLevel()));
            }
            table.row(row);
        }
        pdf.heading(2, "Scores per gemeente en bouwsteen");
        pdf.paragraph("Alleen ingediende scans hebben een score. Kleur en tekst geven het niveau: "
                + PdfStyle.levelLegend(benchmark.survey().levels()) + ".");
        pdf.table(table);
    }

    /** A heatmap cell: the score and the level in words on one line, on the level's colour. */
    private static TaggedPdf.Cell heat(TaggedPdf pdf, Double score, Survey.Level level) {
        Font font = new Font(pdf.tableText.getBaseFont(), pdf.tableText.getSize(), Font.NORMAL, PdfStyle.levelTextColour(level));
        Font bold = new Font(pdf.tableHeader.getBaseFont(), pdf.tableHeader.getSize(), Font.NORMAL, PdfStyle.levelTextColour(level));
        Phrase text = pdf.phrase(new Chunk(DutchFormat.percent(score), bold),
                new Chunk(level == null ? "" : " " + level.label(), font));
        return new TaggedPdf.Cell(text, PdfStyle.levelColour(level), Element.ALIGN_LEFT);
    }

    /** The regio's figures per bouwsteen, then per bouwsteen the distribution chart. */
    private static void bouwstenen(TaggedPdf pdf, Benchmark.Result result, RegioSummary summary, List<LevelBand> bands) {
        TaggedPdf.Table table = new TaggedPdf.Table(5, 1.5f, 2, 2, 2, 2).rowHeaders();
        table.header(List.of(pdf.headerCell("Bouwsteen"), numberHeader(pdf, "Aantal gemeenten"), numberHeader(pdf, "Gemiddelde"),
                numberHeader(pdf, "Middelste score (mediaan)"), numberHeader(pdf, "Laagste"), numberHeader(pdf, "Hoogste")));
        for (Benchmark.BouwsteenStats b : result.bouwstenen()) {
            table.row(stats(pdf, b.title(), b.stats()));
        }
        table.row(stats(pdf, "Totaal", result.total()));
        pdf.ensure(SECTION_HEADING + (result.bouwstenen().size() + 2) * TABLE_ROW);
        pdf.heading(2, "Regio per bouwsteen");
        if (summary.submitted() == 0) {
            pdf.paragraph("De cijfers over de ingediende scans; er is nog geen scan ingediend.");
            pdf.table(table);
            return;
        }
        pdf.paragraph("De cijfers over de ingediende scans. Daarna per bouwsteen de score van elke gemeente, van hoog naar "
                + "laag: de kleur van de balk is het niveau, de zwarte lijn de middelste score van de regio.");
        pdf.table(table);
        for (RegioSummary.Distribution d : summary.distributions()) {
            float height = RegioCharts.height(d.gemeenten().size(), CHART_HEIGHT);
            pdf.ensure(CHART_HEADING + height);
            pdf.heading(3, d.title());
            pdf.figure(d.description(), pdf.width(), height, chart -> RegioCharts.distribution(chart, d, bands, pdf.width(), height));
        }
    }

    private static List<TaggedPdf.Cell> stats(TaggedPdf pdf, String title, Benchmark.Stats stats) {
        return List.of(pdf.cell(title), number(pdf, DutchFormat.number(stats.n())), number(pdf, DutchFormat.percent(stats.mean())),
                number(pdf, DutchFormat.percent(stats.median())), number(pdf, DutchFormat.percent(stats.min())),
                number(pdf, DutchFormat.percent(stats.max())));
    }

    private static TaggedPdf.Cell number(TaggedPdf pdf, String text) {
        return pdf.cell(text, null, Element.ALIGN_RIGHT);
    }

    /** A header cell over a column of numbers, aligned with them. */
    private static TaggedPdf.Cell numberHeader(TaggedPdf pdf, String text) {
        return new TaggedPdf.Cell(new Phrase(text, pdf.tableHeader), TaggedPdf.HEADER_FILL, Element.ALIGN_RIGHT);
    }

    /**
     * The verbeterplannen made from the round's scans: per bouwsteen how many gemeenten have actions and how many
     * actions have each status, then the actions the gemeenten share in the regio (only those).
     */
    /** The regio's own answers, per bouwsteen. */
    private static void regioPart(TaggedPdf pdf, RegioPartReport part) {
        pdf.ensure(SECTION_HEADING + 4 * TABLE_ROW);
        pdf.heading(2, RegioPartReport.HEADING);
        pdf.paragraph(RegioPartReport.INTRODUCTION);
        for (RegioPartReport.Section section : part.sections()) {
            pdf.ensure(SECTION_HEADING + 2 * TABLE_ROW);
            pdf.heading(3, section.title());
            TaggedPdf.Table table = new TaggedPdf.Table(5, 2, 3).rowHeaders()
                    .header(List.of(pdf.headerCell("Stelling"), pdf.headerCell("Antwoord van de regio"), pdf.headerCell("Toelichting")));
            section.rows().forEach(row -> table.row(List.of(pdf.cell(row.statement()), pdf.cell(row.answer()),
                    pdf.cell(row.comment()))));
            pdf.table(table);
        }
    }

    private static void plans(TaggedPdf pdf, PlanService.RoundPlan plans) {
        pdf.ensure(SECTION_HEADING + 4 * TABLE_ROW);
        pdf.heading(2, "Verbeterplannen");
        if (plans.actions().isEmpty()) {
            pdf.paragraph("Nog geen gemeente heeft een actie in het verbeterplan gezet vanuit deze meetronde.");
            return;
        }
        long gemeenten = plans.actions().stream().map(PlanAction::gemeenteId).distinct().count();
        pdf.paragraph(plans.actions().size() + (plans.actions().size() == 1 ? " actie" : " acties") + " van " + gemeenten
                + (gemeenten == 1 ? " gemeente" : " gemeenten") + " komen voort uit deze meetronde. Een actie telt bij de "
                + "bouwsteen van haar eerste stelling.");
        List<TaggedPdf.Cell> header = new ArrayList<>(List.of(pdf.headerCell("Bouwsteen"), numberHeader(pdf, "Gemeenten")));
        Arrays.stream(ActionStatus.values()).forEach(status -> header.add(numberHeader(pdf, status.label())));
        header.add(numberHeader(pdf, "Over de einddatum"));
        TaggedPdf.Table table = new TaggedPdf.Table(5, 1.4f, 1.4f, 1.4f, 1.4f, 1.4f, 1.6f).rowHeaders().header(header);
        List<RegioPlan.StatusCount> statuses = plans.byStatus();
        for (int i = 0; i < statuses.size(); i++) {
            RegioPlan.BouwsteenCount count = plans.counts().bouwstenen().get(i);
            List<TaggedPdf.Cell> row = new ArrayList<>(List.of(pdf.cell(count.title()), number(pdf, DutchFormat.number(count.gemeenten()))));
            for (ActionStatus status : ActionStatus.values()) {
                row.add(number(pdf, DutchFormat.number(statuses.get(i).statuses().get(status))));
            }
            row.add(number(pdf, DutchFormat.number(count.overdue())));
            table.row(row);
        }
        pdf.table(table);
        pdf.ensure(SECTION_HEADING);
        pdf.heading(3, "Gedeeld in de regio");
        List<PlanAction> shared = plans.shared();
        if (shared.isEmpty()) {
            pdf.paragraph("Geen gemeente deelt een actie uit deze meetronde met de regio.");
            return;
        }
        pdf.paragraph("Deze acties delen de gemeenten als voorbeeld met de andere gemeenten van de regio.");
        TaggedPdf.Table examples = new TaggedPdf.Table(6, 1.4f, 2).rowHeaders()
                .header(List.of(pdf.headerCell("Actie"), pdf.headerCell("Status"), pdf.headerCell("Gemeente")));
        for (PlanAction action : shared) {
            GemeenteRow gemeente = plans.gemeenten().get(action.gemeenteId());
            examples.row(List.of(pdf.cell(action.title()), pdf.cell(action.status().label()),
                    pdf.cell(gemeente == null ? action.cbsCode() : gemeente.name())));
        }
        pdf.table(examples);
    }

    private static void development(TaggedPdf pdf, Development.Result development, RegioSummary summary, List<LevelBand> bands) {
        pdf.ensure(SECTION_HEADING + CHART_HEADING + (development.bouwstenen().size() + 1) * TABLE_ROW);
        pdf.heading(2, "Ontwikkeling sinds de nulmeting");
        pdf.paragraph("Alleen gemeenten die zowel de nulmeting als de herhaling hebben ingediend tellen mee. Verschillen "
                + "in procentpunten: van 50% naar 60% is +10. In de grafieken per bouwsteen is het open rondje de nulmeting "
                + "en het blauwe de herhaling; de gemeenten die het meest vooruitgingen staan bovenaan.");
        TaggedPdf.Table means = new TaggedPdf.Table(5, 2, 2).rowHeaders();
        means.header(List.of(pdf.headerCell("Bouwsteen"), numberHeader(pdf, "Aantal gemeenten"), numberHeader(pdf, "Gemiddeld verschil")));
        for (Development.BouwsteenDevelopment b : development.bouwstenen()) {
            means.row(List.of(pdf.cell(b.title()), number(pdf, DutchFormat.number(b.n())), number(pdf, DutchFormat.points(b.meanDifference()))));
        }
        pdf.table(means);

        for (RegioSummary.BeforeAfter b : summary.beforeAfter()) {
            if (b.gemeenten().isEmpty()) {
                continue;
            }
            float height = RegioCharts.height(b.gemeenten().size(), CHART_HEIGHT);
            pdf.ensure(CHART_HEADING + height);
            pdf.heading(3, "Voor en na: " + b.title());
            pdf.figure(b.description(), pdf.width(), height, chart -> RegioCharts.beforeAfter(chart, b, bands, pdf.width(), height));
        }

        TaggedPdf.Table totals = new TaggedPdf.Table(5, 2, 2, 2).rowHeaders();
        totals.header(List.of(pdf.headerCell("Gemeente"), numberHeader(pdf, "Nulmeting"), numberHeader(pdf, "Herhaling"), numberHeader(pdf, "Verschil")));
        for (Development.GemeenteDevelopment g : development.gemeenten()) {
            totals.row(List.of(pdf.cell(g.name()), number(pdf, DutchFormat.percent(g.total().before())),
                    number(pdf, DutchFormat.percent(g.total().after())), number(pdf, DutchFormat.points(g.total().difference()))));
        }
        pdf.ensure(SECTION_HEADING + 4 * TABLE_ROW);
        pdf.heading(3, "Totaalscore per gemeente");
        pdf.table(totals);
    }
}
