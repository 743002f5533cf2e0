package nl.quickscan.scoring;

import nl.quickscan.scans.ScanRow;
import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A herhaling beside its nulmeting: the totals, the change per bouwsteen (a table, which is also the text of the
 * pictures), and per bouwsteen a before/after picture and its statements, all of them or only the changed ones.
 * The unchanged statements are on the page even when filtered, hidden, so that the script can show them again
 * without a new request.
 */
record ComparisonPage(String title, ScanRow scan, ScanRow baseline, Comparison.Result comparison,
                      List<BouwsteenRow> bouwstenen, List<GroupSection> groups, boolean changedOnly,
                      String shownAll, String shownChanged, List<ActionRow> actions) {

    /** An action of the verbeterplan made from the nulmeting, with its statements then and now. */
    record ActionRow(long id, String title, String statusLabel, List<StatementRow> statements) {
    }

    /** {@code before}/{@code after}: the answers' labels. */
    record StatementRow(String text, String before, String after, DirectionMark direction) {
    }

    /** The value of the filter parameter {@code alleen} that shows only the changed statements. */
    static final String CHANGED_ONLY = "gewijzigd";

    record BouwsteenRow(Comparison.BouwsteenChange change, DirectionMark direction) {
    }

    /** {@code before} and {@code after} are the answers' labels; {@code hidden}: filtered out. */
    record QuestionRow(Comparison.QuestionChange change, String before, String after, DirectionMark direction,
                       boolean hidden) {
    }

    /**
     * One bouwsteen: {@code change} is null for a bouwsteen only the nulmeting had (then it has no picture);
     * {@code noneShown}: filtered, and none of its statements changed.
     */
    record GroupSection(String key, String title, Comparison.BouwsteenChange change, DirectionMark direction,
                        String chart, String counts, List<QuestionRow> questions, boolean noneShown) {
    }

    /** A direction as the page marks it: its label, a symbol beside it and a class for its colour. */
    record DirectionMark(String label, String symbol, String type) {
        static DirectionMark of(Comparison.Direction direction) {
            String symbol = switch (direction) {
                case IMPROVED -> "▲";
                case DECLINED -> "▼";
                case UNCHANGED -> "=";
                case UNKNOWN -> "?";
                case NEW -> "+";
                case DROPPED -> "×";
                case NOT_COMPARABLE -> "≠";
            };
            return new DirectionMark(direction.label(), symbol, direction.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    static ComparisonPage of(Results.ScanComparison comparison, boolean changedOnly, List<PlanCheck> plan) {
        Comparison.Result result = comparison.result();
        List<LevelBand> bands = LevelBand.of(comparison.current().survey());
        List<GroupSection> groups = new ArrayList<>();
        for (Comparison.Group group : result.groups()) {
            List<QuestionRow> rows = group.questions().stream().map(q -> new QuestionRow(q, comparison.labelBefore(q),
                    comparison.labelAfter(q), DirectionMark.of(q.direction()), changedOnly && !q.changed())).toList();
            Comparison.BouwsteenChange change = group.change();
            groups.add(new GroupSection(group.key(), group.title(), change,
                    change == null ? null : DirectionMark.of(change.direction()),
                    change == null ? null : picture(bands, change), counts(group.directions()), rows,
                    changedOnly && group.changedQuestions().isEmpty()));
        }
        int total = result.questions().size();
        int changed = result.changedCount();
        return new ComparisonPage("Vergelijking " + comparison.current().scan().gemeenteName(),
                comparison.current().scan(), comparison.baseline().scan(), result,
                result.bouwstenen().stream().map(b -> new BouwsteenRow(b, DirectionMark.of(b.direction()))).toList(),
                List.copyOf(groups), changedOnly,
                "U ziet alle " + total + " stellingen. Daarvan " + (changed == 1 ? "is 1" : "zijn " + changed) + " gewijzigd.",
                "U ziet alleen de gewijzigde stellingen: " + changed + " van de " + total + ".",
                plan.stream().map(check -> actionRow(comparison, check)).toList());
    }

    private static ActionRow actionRow(Results.ScanComparison comparison, PlanCheck check) {
        return new ActionRow(check.action().id(), check.action().title(), check.action().status().label(),
                check.statements().stream().map(statement -> new StatementRow(statement.text(),
                        statement.before(comparison), statement.after(comparison),
                        DirectionMark.of(statement.direction()))).toList());
    }

    /** The nulmeting's and the herhaling's bar, one above the other, on the level bands. */
    private static String picture(List<LevelBand> bands, Comparison.BouwsteenChange change) {
        String before = "Nulmeting: " + DutchFormat.percent(change.before());
        String after = "Herhaling: " + DutchFormat.percent(change.after());
        return ScoreChart.svg(bands, List.of(new ScoreChart.Bar(before, change.before(), "before"),
                new ScoreChart.Bar(after, change.after(), "now")), null, before + ", " + after);
    }

    /** "3 verbeterd, 1 onbekend (Weet ik niet), 6 gelijk gebleven". */
    private static String counts(Map<Comparison.Direction, Integer> directions) {
        return directions.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
