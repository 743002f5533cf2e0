package nl.quickscan.benchmark;

import nl.quickscan.scoring.Scoring;
import nl.quickscan.scoring.Statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a regio developed from the nulmeting to the herhaling: per gemeente and bouwsteen the score then, now and
 * the difference; per bouwsteen the mean difference; the statements that improved most and those that declined
 * most. Only gemeenten that submitted both scans count. Plain Java, on the two rounds' {@link Benchmark} results.
 */
public final class Development {

    public record Change(String key, Double before, Double after, Double difference) {
    }

    public record GemeenteDevelopment(String cbsCode, String name, List<Change> bouwstenen, Change total) {
    }

    public record BouwsteenDevelopment(String key, String title, int n, Double meanDifference) {
    }

    public record StatementDevelopment(String key, String text, int n, double meanDifference) {
    }

    /** {@code mostImproved} best first, {@code mostDeclined} worst first; a statement without change is in neither. */
    public record Result(List<GemeenteDevelopment> gemeenten, List<BouwsteenDevelopment> bouwstenen,
                         List<StatementDevelopment> mostImproved, List<StatementDevelopment> mostDeclined) {
    }

    private Development() {
    }

    public static Result of(Benchmark.Result baseline, Benchmark.Result current, int statements) {
        Map<String, Benchmark.Entry> before = new HashMap<>();
        baseline.gemeenten().stream().filter(e -> e.result() != null).forEach(e -> before.put(e.cbsCode(), e));
        List<GemeenteDevelopment> gemeenten = new ArrayList<>();
        Map<String, List<Double>> bouwsteenDiffs = new LinkedHashMap<>();
        current.bouwstenen().forEach(b -> bouwsteenDiffs.put(b.key(), new ArrayList<>()));
        Map<String, List<Double>> statementDiffs = new HashMap<>();
        Map<String, String> statementTexts = new HashMap<>();
        for (Benchmark.Entry now : current.gemeenten()) {
            Benchmark.Entry then = before.get(now.cbsCode());
            if (now.result() == null || then == null) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            for (Scoring.BouwsteenScore b : now.result().bouwstenen()) {
                Double old = then.scores().get(b.key());
                Change change = change(b.key(), old, b.score());
                changes.add(change);
                if (change.difference() != null) {
                    bouwsteenDiffs.get(b.key()).add(change.difference());
                }
            }
            gemeenten.add(new GemeenteDevelopment(now.cbsCode(), now.name(), changes, change("totaal", then.total(), now.total())));
            Map<String, Scoring.QuestionScore> thenQuestions = new HashMap<>();
            then.result().questions().forEach(q -> thenQuestions.put(q.question().key(), q));
            for (Scoring.QuestionScore q : now.result().questions()) {
                Scoring.QuestionScore old = q.question().counterpartIn(thenQuestions);
                if (old != null && old.counts() && q.counts()) {
                    statementDiffs.computeIfAbsent(q.question().key(), k -> new ArrayList<>()).add(q.percent() - old.percent());
                    statementTexts.put(q.question().key(), q.question().text());
                }
            }
        }
        List<BouwsteenDevelopment> bouwstenen = current.bouwstenen().stream().map(b -> {
            List<Double> diffs = bouwsteenDiffs.get(b.key());
            return new BouwsteenDevelopment(b.key(), b.title(), diffs.size(), diffs.isEmpty() ? null : Statistics.mean(diffs));
        }).toList();
        List<StatementDevelopment> all = statementDiffs.entrySet().stream()
                .map(e -> new StatementDevelopment(e.getKey(), statementTexts.get(e.getKey()), e.getValue().size(),
                        Statistics.mean(e.getValue())))
                .toList();
        Comparator<StatementDevelopment> byDifference = Comparator.comparingDouble(StatementDevelopment::meanDifference);
        List<StatementDevelopment> improved = all.stream().filter(s -> s.meanDifference() > 0)
                .sorted(byDifference.reversed().thenComparing(StatementDevelopment::key)).limit(statements).toList();
        List<StatementDevelopment> declined = all.stream().filter(s -> s.meanDifference() < 0)
                .sorted(byDifference.thenComparing(StatementDevelopment::key)).limit(statements).toList();
        return new Result(List.copyOf(gemeenten), bouwstenen, improved, declined);
    }

    private static Change change(String key, Double before, Double after) {
        return new Change(key, before, after, before == null || after == null ? null : after - before);
    }
}
