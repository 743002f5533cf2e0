package nl.quickscan.reports;

import nl.quickscan.benchmark.Benchmark;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.benchmark.Development;
import nl.quickscan.plans.ActionStatus;
import nl.quickscan.plans.PlanService;
import nl.quickscan.plans.RegioPlan;
import nl.quickscan.reports.Spreadsheet.Cell;
import nl.quickscan.reports.Spreadsheet.Format;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The coordinator's workbook of a round: "Scores" (gemeente × bouwsteen), "Antwoorden" in long format with the
 * toelichtingen (one row per gemeente × statement × round, ready for a pivot table), "Statistiek" with a chart and,
 * for a herhaling, "Ontwikkeling" since the nulmeting, and "Verbeterplannen": the actions made from the round's
 * scans per bouwsteen and status. The beheerder's national workbook has the same sheets over
 * every round, with the regio and the kind of round in columns, and statistics per kind of round.
 */
final class RoundWorkbook {

    private RoundWorkbook() {
    }

    static Spreadsheet of(BenchmarkService.RoundBenchmark round, Optional<BenchmarkService.RoundBenchmark> baseline,
                          Optional<Development.Result> development, PlanService.RoundPlan plans, String regio,
                          LocalDate date) {
        List<BenchmarkService.RoundBenchmark> answerRounds = new ArrayList<>();
        baseline.ifPresent(answerRounds::add);
        answerRounds.add(round);
        Function<BenchmarkService.RoundBenchmark, String> noRegio = r -> regio;
        String title = "Regiorapport " + regio + ", " + round.round().name();
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();
        sheets.add(scores(List.of(round), noRegio, false)
                .intro(title)
                .intro("Meetronde: " + round.round().name() + " (" + kind(round.round().kind()) + ")")
                .intro("Datum: " + DutchFormat.date(date))
                .intro("Scores in procent van het maximum; alleen ingediende scans hebben een score."));
        sheets.add(answers(answerRounds, noRegio, false));
        RegioPartReport.of(round).ifPresent(part -> sheets.add(regioPart(part)));
        sheets.add(statistics("Statistiek", round.result(), development.orElse(null)));
        development.ifPresent(d -> sheets.add(development(d, round.result())));
        sheets.add(plans(plans));
        return new Spreadsheet(title, "Quickscan aanpak seksueel geweld: scores, antwoorden en statistiek van regio "
                + regio + " in " + round.round().name(), date, sheets);
    }

    /** "Regionaal deel": the regio's own answers, a row per statement with its bouwsteen. */
    private static Spreadsheet.Sheet regioPart(RegioPartReport part) {
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet(RegioPartReport.HEADING,
                List.of("Bouwsteen", "Sleutel", "Stelling", "Antwoord van de regio", "Toelichting"), 40, 28, 70, 28, 60);
        for (RegioPartReport.Section section : part.sections()) {
            for (RegioPartReport.Row row : section.rows()) {
                sheet.row(List.of(Cell.text(section.title()), Cell.text(row.key()), Cell.text(row.statement()),
                        Cell.text(row.answer()), Cell.text(row.comment())));
            }
        }
        return sheet.intro(RegioPartReport.INTRODUCTION);
    }

    /** Per bouwsteen how many gemeenten have actions from the round's scans and how many actions have each status. */
    private static Spreadsheet.Sheet plans(PlanService.RoundPlan plans) {
        List<String> columns = new ArrayList<>(List.of("Bouwsteen", "Gemeenten met acties"));
        Arrays.stream(ActionStatus.values()).forEach(status -> columns.add(status.label()));
        columns.add("Over de einddatum");
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Verbeterplannen", columns, 45, 14, 11, 11, 11, 11, 14);
        List<RegioPlan.StatusCount> statuses = plans.byStatus();
        for (int i = 0; i < statuses.size(); i++) {
            RegioPlan.BouwsteenCount count = plans.counts().bouwstenen().get(i);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(count.title()), Cell.exact((double) count.gemeenten())));
            for (ActionStatus status : ActionStatus.values()) {
                row.add(Cell.exact((double) statuses.get(i).statuses().get(status)));
            }
            row.add(Cell.exact((double) count.overdue()));
            sheet.row(row);
        }
        return sheet;
    }

    /** Every round the beheerder sees; statistics per kind of round, never nulmeting and herhaling pooled. */
    static Spreadsheet national(List<BenchmarkService.RoundBenchmark> rounds, Map<Long, String> regioNames,
                                Map<Meetronde.Kind, Benchmark.Result> statistics, LocalDate date) {
        Function<BenchmarkService.RoundBenchmark, String> regio = r -> regioNames.getOrDefault(r.round().regioId(), "");
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();
        sheets.add(scores(rounds, regio, true)
                .intro("Landelijk overzicht")
                .intro("Alle meetrondes van alle regio's; statistiek per soort meetronde.")
                .intro("Datum: " + DutchFormat.date(date)));
        sheets.add(answers(rounds, regio, true));
        statistics.forEach((kind, result) -> sheets.add(statistics("Statistiek " + kind(kind), result, null)));
        return new Spreadsheet("Landelijk overzicht " + DutchFormat.date(date),
                "Quickscan aanpak seksueel geweld: scores en antwoorden van alle regio's", date, sheets);
    }

    private static String kind(Meetronde.Kind kind) {
        return kind.label().toLowerCase(DutchFormat.DUTCH);
    }

    private static Spreadsheet.Sheet scores(List<BenchmarkService.RoundBenchmark> rounds,
                                            Function<BenchmarkService.RoundBenchmark, String> regio, boolean national) {
        List<String> columns = new ArrayList<>(List.of("Gemeente", "CBS-code", "Status"));
        List<Benchmark.BouwsteenStats> bouwstenen = rounds.get(0).result().bouwstenen();
        bouwstenen.forEach(b -> columns.add(b.title()));
        columns.addAll(List.of("Totaal", "Niveau", "Meetronde"));
        if (national) {
            columns.addAll(List.of("Soort meetronde", "Regio"));
        }
        int[] widths = new int[columns.size()];
        java.util.Arrays.fill(widths, 16);
        java.util.Arrays.fill(widths, 3, 3 + bouwstenen.size(), 19);
        widths[0] = 28;
        widths[columns.indexOf("Meetronde")] = 28;
        if (national) {
            widths[columns.indexOf("Regio")] = 28;
        }
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Scores", columns, widths);
        for (BenchmarkService.RoundBenchmark round : rounds) {
            for (Benchmark.Entry entry : round.result().gemeenten()) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.text(entry.name()), Cell.text(entry.cbsCode()),
                        Cell.text(entry.statusLabel())));
                for (Benchmark.BouwsteenStats b : round.result().bouwstenen()) {
                    cells.add(Cell.number(entry.scores().get(b.key()), Format.SCORE));
                }
                cells.add(Cell.number(entry.total(), Format.SCORE));
                cells.add(Cell.text(entry.result() == null || entry.result().totalLevel() == null ? ""
                        : entry.result().totalLevel().label()));
                cells.add(Cell.text(round.round().name()));
                if (national) {
                    cells.add(Cell.text(round.round().kind().label()));
                    cells.add(Cell.text(regio.apply(round)));
                }
                sheet.row(cells);
            }
        }
        return sheet;
    }

    private static Spreadsheet.Sheet answers(List<BenchmarkService.RoundBenchmark> rounds,
                                             Function<BenchmarkService.RoundBenchmark, String> regio, boolean national) {
        List<String> columns = new ArrayList<>(List.of("CBS-code", "Gemeente", "Meetronde"));
        if (national) {
            columns.addAll(List.of("Soort meetronde", "Regio"));
        }
        columns.addAll(List.of("Bouwsteen", "Sleutel", "Stelling", "Antwoord", "Punten", "Maximum", "Toelichting"));
        int[] widths = national ? new int[]{10, 20, 18, 12, 18, 20, 18, 50, 18, 9, 9, 40}
                : new int[]{10, 20, 18, 20, 18, 50, 18, 9, 9, 40};
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Antwoorden", columns, widths);
        for (BenchmarkService.RoundBenchmark round : rounds) {
            Cell roundName = Cell.text(round.round().name());
            Cell kind = Cell.text(round.round().kind().label());
            Cell regioName = Cell.text(regio.apply(round));
            for (Benchmark.Entry entry : round.result().gemeenten()) {
                if (entry.result() == null) {
                    continue;
                }
                Cell cbs = Cell.text(entry.cbsCode());
                Cell name = Cell.text(entry.name());
                for (Scoring.BouwsteenScore b : entry.result().bouwstenen()) {
                    Cell bouwsteen = Cell.text(b.title());
                    for (Scoring.QuestionScore q : b.questions()) {
                        List<Cell> cells = new ArrayList<>(12);
                        cells.addAll(List.of(cbs, name, roundName));
                        if (national) {
                            cells.addAll(List.of(kind, regioName));
                        }
                        cells.addAll(List.of(bouwsteen, Cell.text(q.question().key()), Cell.text(q.question().text()),
                                Cell.text(q.answerLabel()), q.counts() ? Cell.exact(q.points()) : Cell.EMPTY,
                                q.counts() ? Cell.exact(q.max()) : Cell.EMPTY,
                                Cell.text(round.comment(entry.cbsCode(), q.question().key()))));
                        sheet.row(cells);
                    }
                }
            }
        }
        return sheet;
    }

    /** Per bouwsteen n, mean, median, lowest and highest; for a herhaling also the mean change since the nulmeting. */
    private static Spreadsheet.Sheet statistics(String name, Benchmark.Result result, Development.Result development) {
        List<String> columns = new ArrayList<>(List.of("Bouwsteen", "Aantal (n)", "Gemiddelde", "Mediaan", "Laagste", "Hoogste"));
        if (development != null) {
            columns.addAll(List.of("Gemiddeld verschil met nulmeting (procentpunt)", "Aantal met beide scans"));
        }
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet(name, columns, 45, 12, 12, 12, 12, 12, 26, 14);
        for (int i = 0; i < result.bouwstenen().size(); i++) {
            Benchmark.BouwsteenStats b = result.bouwstenen().get(i);
            List<Cell> cells = stats(b.title(), b.stats());
            if (development != null) {
                Development.BouwsteenDevelopment d = development.bouwstenen().get(i);
                cells.add(Cell.number(d.meanDifference(), Format.DIFFERENCE));
                cells.add(Cell.number((double) d.n(), Format.WHOLE));
            }
            sheet.row(cells);
        }
        sheet.row(stats("Totaal", result.total()));
        if (result.total().n() > 0) {
            sheet.chart(new Spreadsheet.Chart("Gemiddelde score per bouwsteen", "Bouwsteen", "Gemiddelde score (procent)",
                    0, List.of(2), result.bouwstenen().size()));
        }
        return sheet;
    }

    private static List<Cell> stats(String title, Benchmark.Stats stats) {
        return new ArrayList<>(List.of(Cell.text(title), Cell.number((double) stats.n(), Format.WHOLE),
                Cell.number(stats.mean(), Format.STATISTIC), Cell.number(stats.median(), Format.STATISTIC),
                Cell.number(stats.min(), Format.STATISTIC), Cell.number(stats.max(), Format.STATISTIC)));
    }

    /** Per gemeente that submitted both scans and per bouwsteen: the score then, now and the difference. */
    private static Spreadsheet.Sheet development(Development.Result development, Benchmark.Result current) {
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Ontwikkeling",
                List.of("Gemeente", "CBS-code", "Bouwsteen", "Nulmeting", "Herhaling", "Verschil (procentpunt)"),
                28, 12, 45, 14, 14, 16)
                .intro("Ontwikkeling sinds de nulmeting")
                .intro("Alleen gemeenten die beide scans hebben ingediend; scores in procent, verschil in procentpunten.");
        Map<String, String> titles = new java.util.HashMap<>();
        current.bouwstenen().forEach(b -> titles.put(b.key(), b.title()));
        for (Development.GemeenteDevelopment g : development.gemeenten()) {
            for (Development.Change change : g.bouwstenen()) {
                sheet.row(change(g, titles.getOrDefault(change.key(), change.key()), change));
            }
            sheet.row(change(g, "Totaal", g.total()));
        }
        return sheet;
    }

    private static List<Cell> change(Development.GemeenteDevelopment g, String title, Development.Change change) {
        return List.of(Cell.text(g.name()), Cell.text(g.cbsCode()), Cell.text(title),
                Cell.number(change.before(), Format.SCORE), Cell.number(change.after(), Format.SCORE),
                Cell.number(change.difference(), Format.DIFFERENCE));
    }
}
