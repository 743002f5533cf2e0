package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's dashboard of a round. First where it stands ({@link RoundState}: open for how long, how many
 * gemeenten submitted, are busy, have not started) and what to do next (invite an adviser for a gemeente that has
 * none); then the gemeenten with their status (sortable, as any column) and, once a scan is submitted, their scores
 * with the regio's median as the matrix's last row, the regio's figures per bouwsteen, the development since the
 * nulmeting of a herhaling, the kengetallen in context (apart from the scores) and the reports. Before the first
 * submitted scan none of those would show more than dashes, so the page says when they come instead.
 * notice: the confirmation after the round was opened or changed. regioPart: for a survey with regio statements, the
 * regio's own part of the round (null otherwise).
 */
record RoundBenchmarkPage(String title, Meetronde round, boolean open, RoundState state, List<Invite> withoutAdviser,
                          List<Column> columns, List<Row> rows, @Nullable MedianRow median,
                          List<Benchmark.BouwsteenStats> bouwstenen, Benchmark.Stats total,
                          @Nullable Development.Result development, List<KengetalTable> kengetallen,
                          @Nullable String notice, @Nullable RegioPart regioPart, String surveyTitle) {

    /**
     * The regio's part of the round: its scan (null before a coordinator started it), how many of its statements are
     * answered, and whether this account may fill it in (a coordinator of the regio, while the round is open).
     */
    record RegioPart(@Nullable Long scanId, int answered, int total, boolean canFill) {
    }

    /** A column header that sorts the table; {@code next} is the direction a click sorts in. */
    record Column(String key, String label, boolean active, String next, String aria) {
    }

    /** A gemeente; {@code cells} is empty when it has no scores (not submitted). */
    record Row(Benchmark.Entry entry, String status, @Nullable Long scanId, List<Cell> cells, Cell totalCell) {
    }

    /** The regio's median per bouwsteen and in total, over the {@code n} submitted scans. */
    record MedianRow(int n, List<Cell> cells, Cell totalCell) {
    }

    /** A gemeente without an active adviser, and the link to the account form with it chosen. */
    record Invite(String name, String href) {
    }

    /** A score with its level; the level's colour goes by its index in the scale, so that renaming a level keeps its colour. */
    record Cell(@Nullable Double score, @Nullable String level, String levelClass) {
        static Cell of(@Nullable Double score, @Nullable Survey.Level level) {
            return new Cell(score, level == null ? null : level.label(), level == null ? "none" : String.valueOf(level.index()));
        }

        static Cell of(Survey survey, @Nullable Double score) {
            return of(score, score == null ? null : Scoring.level(survey, score));
        }
    }

    /**
     * @param sortKey       "naam", "status", "totaal" or a bouwsteen key; null sorts by name
     * @param direction     "af" sorts descending, anything else ascending
     * @param withAdviser   the CBS codes of the gemeenten that have an active adviser
     */
    static RoundBenchmarkPage of(BenchmarkService.RoundBenchmark benchmark, Optional<Development.Result> development,
                                 Set<String> withAdviser, @Nullable String sortKey, @Nullable String direction,
                                 LocalDate today, @Nullable String notice, @Nullable RegioPart regioPart) {
        Benchmark.Result result = benchmark.result();
        Survey survey = benchmark.survey();
        RoundState state = RoundState.of(benchmark.round(),
                result.gemeenten().stream().map(Benchmark.Entry::status).toList(), today);
        boolean scores = state.anySubmitted();
        String key = sortKey == null ? "naam" : sortKey;
        boolean descending = "af".equals(direction);
        List<Column> columns = new ArrayList<>();
        columns.add(column("naam", "Gemeente", key, descending));
        columns.add(column("status", "Status", key, descending));
        if (scores) {
            survey.bouwstenen().forEach(b -> columns.add(column(b.key(), b.title(), key, descending)));
            columns.add(column("totaal", "Totaal", key, descending));
        }
        List<Row> rows = result.gemeenten().stream().sorted(comparator(key, descending)).map(entry -> new Row(entry,
                entry.statusLabel(), benchmark.scanIds().get(entry.cbsCode()),
                entry.result() == null ? List.of() : entry.result().bouwstenen().stream()
                        .map(b -> Cell.of(b.score(), b.level())).toList(),
                Cell.of(entry.total(), entry.result() == null ? null : entry.result().totalLevel()))).toList();
        MedianRow median = scores ? new MedianRow(result.total().n(),
                result.bouwstenen().stream().map(b -> Cell.of(survey, b.stats().median())).toList(),
                Cell.of(survey, result.total().median())) : null;
        List<Invite> invites = result.gemeenten().stream().filter(g -> !withAdviser.contains(g.cbsCode()))
                .sorted(Comparator.comparing(Benchmark.Entry::name))
                .map(g -> new Invite(g.name(), "/accounts/nieuw?rol=ADVISEUR&gemeente=" + g.cbsCode())).toList();
        return new RoundBenchmarkPage(benchmark.round().name(), benchmark.round(), benchmark.round().openOn(today),
                state, invites, columns, rows, median, result.bouwstenen(), result.total(),
                scores ? development.orElse(null) : null, KengetalTable.of(benchmark.kengetallen()), notice,
                regioPart, benchmark.survey().title());
    }

    /** "Ingediend", "Niet gestart", "Bezig (45%)". */

    private static Column column(String key, String label, String sortKey, boolean descending) {
        boolean active = key.equals(sortKey);
        return new Column(key, label, active, active && !descending ? "af" : "op",
                active ? (descending ? "descending" : "ascending") : "none");
    }

    /**
     * Sorted by name; by status (niet gestart, bezig with the least progress first, ingediend; "af" the other way
     * round, and within a status by name either way, so that a gemeente is easy to find); or by total or a
     * bouwsteen, where gemeenten without a score always come last.
     */
    private static Comparator<Benchmark.Entry> comparator(String key, boolean descending) {
        Comparator<Benchmark.Entry> byName = Comparator.comparing(Benchmark.Entry::name);
        if (key.equals("naam")) {
            return descending ? byName.reversed() : byName;
        }
        if (key.equals("status")) {
            Comparator<Benchmark.Entry> byStatus = Comparator.comparing((Benchmark.Entry e) -> e.status().ordinal())
                    .thenComparing(e -> e.progress() == null ? 0 : e.progress());
            return (descending ? byStatus.reversed() : byStatus).thenComparing(byName);
        }
        Comparator<Double> numbers = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Benchmark.Entry e) -> key.equals("totaal") ? e.total() : e.scores().get(key),
                Comparator.nullsLast(numbers)).thenComparing(byName);
    }
}
