package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A herhaling beside its nulmeting: per bouwsteen both scores and the difference in percentage points, per
 * question the answer then and now. Questions are matched by key, or through {@code replaces} when the survey
 * version changed. Plain Java, on top of {@link Scoring}.
 */
public final class Comparison {

    public enum Direction {
        IMPROVED, DECLINED, UNCHANGED, NEW, DROPPED, NOT_COMPARABLE;

        /** How the change reads on the comparison page and in the gemeenterapport. */
        public String label() {
            return switch (this) {
                case IMPROVED -> "verbeterd";
                case DECLINED -> "achteruitgegaan";
                case UNCHANGED -> "gelijk gebleven";
                case NEW -> "nieuw";
                case DROPPED -> "vervallen";
                case NOT_COMPARABLE -> "niet te vergelijken";
            };
        }
    }

    /** {@code difference} in percentage points; null when either side has no score. */
    public record BouwsteenChange(String key, String title, Double before, Double after, Double difference,
                                  Direction direction) {
    }

    /** {@code before}/{@code after} are null for a question that exists on one side only. */
    public record QuestionChange(String key, String bouwsteenKey, String text, Scoring.QuestionScore before,
                                 Scoring.QuestionScore after, Direction direction) {
    }

    public record Result(Scoring.Result before, Scoring.Result after, Double totalDifference,
                         List<BouwsteenChange> bouwstenen, List<QuestionChange> questions) {
    }

    private Comparison() {
    }

    public static Result compare(Survey baselineSurvey, Map<String, String> baselineValues, Survey currentSurvey,
                                 Map<String, String> currentValues) {
        Scoring.Result before = Scoring.score(baselineSurvey, baselineValues);
        Scoring.Result after = Scoring.score(currentSurvey, currentValues);

        List<BouwsteenChange> bouwstenen = new ArrayList<>();
        Map<String, Scoring.BouwsteenScore> beforeByKey = new HashMap<>();
        before.bouwstenen().forEach(b -> beforeByKey.put(b.key(), b));
        for (Scoring.BouwsteenScore now : after.bouwstenen()) {
            Scoring.BouwsteenScore then = beforeByKey.get(now.key());
            Double difference = then != null && then.hasScore() && now.hasScore() ? now.score() - then.score() : null;
            bouwstenen.add(new BouwsteenChange(now.key(), now.title(), then == null ? null : then.score(), now.score(),
                    difference, then == null ? Direction.NEW : direction(difference)));
        }

        Map<String, Scoring.QuestionScore> beforeQuestions = new HashMap<>();
        before.questions().forEach(q -> beforeQuestions.put(q.question().key(), q));
        Set<String> matched = new HashSet<>();
        List<QuestionChange> questions = new ArrayList<>();
        for (Scoring.QuestionScore now : after.questions()) {
            Scoring.QuestionScore then = now.question().counterpartIn(beforeQuestions);
            if (then == null) {
                questions.add(new QuestionChange(now.question().key(), now.bouwsteenKey(), now.question().text(), null, now, Direction.NEW));
                continue;
            }
            matched.add(then.question().key());
            questions.add(new QuestionChange(now.question().key(), now.bouwsteenKey(), now.question().text(), then, now,
                    questionDirection(then, now)));
        }
        for (Scoring.QuestionScore then : before.questions()) {
            if (!matched.contains(then.question().key())) {
                questions.add(new QuestionChange(then.question().key(), then.bouwsteenKey(), then.question().text(), then,
                        null, Direction.DROPPED));
            }
        }
        Double totalDifference = before.total() != null && after.total() != null ? after.total() - before.total() : null;
        return new Result(before, after, totalDifference, List.copyOf(bouwstenen), List.copyOf(questions));
    }

    private static Direction questionDirection(Scoring.QuestionScore then, Scoring.QuestionScore now) {
        if (!then.counts() || !now.counts() || then.max() == 0 || now.max() == 0) {
            return then.state() == now.state() ? Direction.UNCHANGED : Direction.NOT_COMPARABLE;
        }
        return direction(now.fraction() * 100 - then.fraction() * 100);
    }

    private static Direction direction(Double difference) {
        if (difference == null) {
            return Direction.NOT_COMPARABLE;
        }
        if (Math.abs(difference) < 1e-9) {
            return Direction.UNCHANGED;
        }
        return difference > 0 ? Direction.IMPROVED : Direction.DECLINED;
    }
}
