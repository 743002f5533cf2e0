package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's page of a round: the gemeenten with their scores (sortable by any column), the regio's figures
 * per bouwsteen, the development since the nulmeting of a herhaling, who has not submitted yet, and the
 * kengetallen in context (apart from the scores); notice: the confirmation after the round was opened or changed.
 */
record RoundBenchmarkPage(String title, Meetronde round, boolean open, List<Column> columns, List<Row> rows,
                          List<Benchmark.BouwsteenStats> bouwstenen, Benchmark.Stats total,
                          @Nullable Development.Result development, List<String> notSubmitted,
                          List<KengetalTable> kengetallen, @Nullable String notice) {

    /** A column header that sorts the table; {@code next} is the direction a click sorts in. */
    record Column(String key, String label, boolean active, String next, String aria) {
    }

    /** A gemeente; {@code cells} is empty when it has no scores (not submitted). */
    record Row(Benchmark.Entry entry, String status, @Nullable Long scanId, List<Cell> cells, Cell totalCell) {
    }

    /** A score with its level; {@code levelClass} names the level's colour in the stylesheet. */
    /** A score with its level; the level's colour goes by its index in the scale, so that renaming a level keeps its colour. */
    record Cell(@Nullable Double score, @Nullable String level, String levelClass) {
        static Cell of(@Nullable Double score, @Nullable Survey.Level level) {
            return new Cell(score, level == null ? null : level.label(), level == null ? "none" : String.valueOf(level.index()));
        }
    }

    /**
     * @param sortKey   "naam", "totaal" or a bouwsteen key; null sorts by name
     * @param direction "af" sorts descending, anything else ascending
     */
    static RoundBenchmarkPage of(BenchmarkService.RoundBenchmark benchmark, Optional<Development.Result> development,
                                 @Nullable String sortKey, @Nullable String direction, LocalDate today,
                                 @Nullable String notice) {
        Benchmark.Result result = benchmark.result();
        String key = sortKey == null ? "naam" : sortKey;
        boolean descending = "af".equals(direction);
        List<Column> columns = new ArrayList<>();
        columns.add(column("naam", "Gemeente", key, descending));
        benchmark.survey().bouwstenen().forEach(b -> columns.add(column(b.key(), b.title(), key, descending)));
        columns.add(column("totaal", "Totaal", key, descending));
        List<Row> rows = result.gemeenten().stream().sorted(comparator(key, descending)).map(entry -> new Row(entry,
                entry.status().label(), benchmark.scanIds().get(entry.cbsCode()),
                entry.result() == null ? List.of() : entry.result().bouwstenen().stream()
                        .map(b -> Cell.of(b.score(), b.level())).toList(),
                Cell.of(entry.total(), entry.result() == null ? null : entry.result().totalLevel()))).toList();
        return new RoundBenchmarkPage(benchmark.round().name(), benchmark.round(), benchmark.round().openOn(today),
                columns, rows, result.bouwstenen(), result.total(), development.orElse(null),
                result.gemeenten().stream().filter(g -> g.status() != ScanRow.Status.SUBMITTED).map(Benchmark.Entry::name).toList(),
                KengetalTable.of(benchmark.kengetallen()), notice);
    }

    private static Column column(String key, String label, String sortKey, boolean descending) {
        boolean active = key.equals(sortKey);
        return new Column(key, label, active, active && !descending ? "af" : "op",
                active ? (descending ? "descending" : "ascending") : "none");
    }

    /** Sorted by name, total or a bouwsteen; gemeenten without a score always come last. */
    private static Comparator<Benchmark.Entry> comparator(String key, boolean descending) {
        if (key.equals("naam")) {
            Comparator<Benchmark.Entry> byName = Comparator.comparing(Benchmark.Entry::name);
            return descending ? byName.reversed() : byName;
        }
        Comparator<Double> numbers = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Benchmark.Entry e) -> key.equals("totaal") ? e.total() : e.scores().get(key),
                Comparator.nullsLast(numbers)).thenComparing(Benchmark.Entry::name);
    }
}
