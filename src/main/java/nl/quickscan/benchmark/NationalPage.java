package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scoring.SharedFigures;
import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every round of every regio as a row, with the figures the viewer may see (see {@link BenchmarkService#national}):
 * submitted scans, mean and median of the total score, and a column per bouwsteen with its mean; then a national
 * total row per kind of round over the rounds shown, nulmetingen and herhalingen apart (never pooled: a gemeente
 * would count twice; {@link BenchmarkService#perKindOfSummaries}).
 * <p>
 * A total over rounds that include another regio's is shown as {@link SharedFigures} allows (from its minimum of
 * scores, in bands): it holds the other regio's scores. Only where every round of the kind is the viewer's own is it
 * exact. Rounds whose figures are not shown yet are left out of the total.
 */
record NationalPage(String title, List<Column> columns, List<Row> rows, List<Row> totals, String explanation,
                    int minimum) {

    record Column(String key, String title) {
    }

    /** The columns a row's "no figures yet" cell spans: the two totals and the bouwstenen. */
    public int totalSpan() {
        return 2 + columns.size();
    }

    /** A figure, or none where the rule does not allow it or there are no scores. */
    record Cell(@Nullable Double value) {
        /** Handlebars' #if takes 0 for false, and 0 % is a figure, not a missing one. */
        public boolean hasValue() {
            return value != null;
        }
    }

    /**
     * A round (or a total: {@code roundId} null) with its figures; {@code shown} false while the round's figures may
     * not be shown yet; {@code named}: the viewer may open the round's page.
     */
    record Row(String regioName, @Nullable Long roundId, String roundName, String kind, boolean named, String submitted,
               boolean shown, Cell totalMean, Cell totalMedian, List<Cell> bouwstenen) {
    }

    static NationalPage of(List<BenchmarkService.RoundSummary> rounds) {
        Map<String, String> titles = new LinkedHashMap<>();
        rounds.forEach(r -> r.result().bouwstenen().forEach(b -> titles.putIfAbsent(b.key(), b.title())));
        List<Column> columns = titles.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList();

        List<Row> rows = rounds.stream().map(r -> row(r, columns)).toList();

        List<BenchmarkService.RoundSummary> shown = rounds.stream().filter(BenchmarkService.RoundSummary::shown).toList();
        List<Row> totals = new ArrayList<>();
        BenchmarkService.perKindOfSummaries(shown).forEach((kind, result) -> totals.add(total(kind, result, columns,
                shown.stream().filter(r -> r.round().kind() == kind).allMatch(BenchmarkService.RoundSummary::named))));
        return new NationalPage("Landelijk overzicht", columns, rows, List.copyOf(totals), SharedFigures.EXPLANATION,
                SharedFigures.MIN_SCANS);
    }

    private static Row row(BenchmarkService.RoundSummary round, List<Column> columns) {
        Map<String, Double> means = new LinkedHashMap<>();
        List<BenchmarkService.BouwsteenMean> shownMeans = round.bouwsteenMeans();
        for (int i = 0; i < shownMeans.size(); i++) {
            means.put(round.result().bouwstenen().get(i).key(), shownMeans.get(i).mean());
        }
        return new Row(round.regioName(), round.round().id(), round.round().name(), round.round().kind().label(),
                round.named(), DutchFormat.number(round.result().total().n()) + " van " + DutchFormat.number(round.gemeenten()),
                round.shown(), new Cell(round.shown() ? round.totalMean() : null),
                new Cell(round.shown() ? round.totalMedian() : null),
                columns.stream().map(c -> new Cell(round.shown() ? means.get(c.key()) : null)).toList());
    }

    private static Row total(Meetronde.Kind kind, Benchmark.Result result, List<Column> columns, boolean exact) {
        Map<String, Benchmark.Stats> stats = new LinkedHashMap<>();
        result.bouwstenen().forEach(b -> stats.put(b.key(), b.stats()));
        return new Row("Landelijk", null, "Alle " + kind.label().toLowerCase(java.util.Locale.ROOT) + "en",
                kind.label(), false, DutchFormat.number(result.total().n()) + " scans", true,
                cell(result.total(), result.total().mean(), exact), cell(result.total(), result.total().median(), exact),
                columns.stream().map(c -> stats.containsKey(c.key())
                        ? cell(stats.get(c.key()), stats.get(c.key()).mean(), exact) : new Cell(null)).toList());
    }

    private static Cell cell(Benchmark.Stats stats, @Nullable Double value, boolean exact) {
        if (value == null) {
            return new Cell(null);
        }
        if (exact) {
            return new Cell(value);
        }
        return new Cell(stats.n() >= SharedFigures.MIN_SCANS ? SharedFigures.band(value) : null);
    }
}
