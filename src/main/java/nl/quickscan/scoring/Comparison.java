package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A herhaling beside its nulmeting: per bouwsteen both scores and the difference in percentage points, per
 * question the answer then and now. Questions are matched by key, or through {@code replaces} when the survey
 * version changed. A question's direction follows its points, except where the points say nothing: "Weet ik
 * niet" on either side is {@link Direction#UNKNOWN}, an answer on one side only is not comparable. Plain Java,
 * on top of {@link Scoring}.
 */
public final class Comparison {

    public enum Direction {
        IMPROVED, DECLINED, UNCHANGED, NEW, DROPPED, NOT_COMPARABLE,
        /** "Weet ik niet" on either side: whether the gemeente got better or worse is not known. */
        UNKNOWN;

        /** How the change reads on the comparison page and in the gemeenterapport. */
        public String label() {
            return switch (this) {
                case IMPROVED -> "verbeterd";
                case DECLINED -> "achteruitgegaan";
                case UNCHANGED -> "gelijk gebleven";
                case NEW -> "nieuw";
                case DROPPED -> "vervallen";
                case NOT_COMPARABLE -> "niet te vergelijken";
                case UNKNOWN -> "onbekend (Weet ik niet)";
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
        /**
         * Whether the gemeente's answer changed: a statement new or dropped, or answered both times, differently.
         * "Weet ik niet" both times is no change; "Weet ik niet" on one side is, though which way is
         * {@link Direction#UNKNOWN}. A statement not (yet) answered on one side has not changed.
         */
        public boolean changed() {
            if (before == null || after == null) {
                return true;
            }
            if (before.state() == Scoring.State.UNANSWERED || after.state() == Scoring.State.UNANSWERED) {
                return false;
            }
            return direction == Direction.UNKNOWN ? !Objects.equals(before.value(), after.value())
                    : direction != Direction.UNCHANGED;
        }
    }

    /**
     * The statements of one bouwsteen with their changes; {@code change} is null for a bouwsteen that only the
     * nulmeting had (its statements are all {@link Direction#DROPPED}).
     */
    public record Group(String key, String title, BouwsteenChange change, List<QuestionChange> questions) {
        public List<QuestionChange> changedQuestions() {
            return questions.stream().filter(QuestionChange::changed).toList();
        }

        /** How many statements went each way, in the order of {@link Direction}; directions with none are left out. */
        public Map<Direction, Integer> directions() {
            Map<Direction, Integer> counts = new EnumMap<>(Direction.class);
            questions.forEach(q -> counts.merge(q.direction(), 1, Integer::sum));
            return counts;
        }
    }

    public record Result(Scoring.Result before, Scoring.Result after, Double totalDifference,
                         List<BouwsteenChange> bouwstenen, List<QuestionChange> questions) {

        /**
         * The statements per bouwsteen, in the herhaling's order; a bouwsteen that only the nulmeting had comes
         * last, with its title from the nulmeting.
         */
        public List<Group> groups() {
            Map<String, List<QuestionChange>> byBouwsteen = new LinkedHashMap<>();
            questions.forEach(q -> byBouwsteen.computeIfAbsent(q.bouwsteenKey(), k -> new ArrayList<>()).add(q));
            List<Group> groups = new ArrayList<>();
            for (BouwsteenChange change : bouwstenen) {
                groups.add(new Group(change.key(), change.title(), change,
                        List.copyOf(byBouwsteen.getOrDefault(change.key(), List.of()))));
                byBouwsteen.remove(change.key());
            }
            for (Scoring.BouwsteenScore dropped : before.bouwstenen()) {
                if (byBouwsteen.containsKey(dropped.key())) {
                    groups.add(new Group(dropped.key(), dropped.title(), null, List.copyOf(byBouwsteen.get(dropped.key()))));
                }
            }
            return List.copyOf(groups);
        }

        public int changedCount() {
            return (int) questions.stream().filter(QuestionChange::changed).count();
        }
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
        if (then.state() == Scoring.State.UNKNOWN || now.state() == Scoring.State.UNKNOWN) {
            return Direction.UNKNOWN; // "Weet ik niet" scores 0, so "Weet ik niet → Ja" would read as improved
        }
        if ((then.state() == Scoring.State.UNANSWERED) != (now.state() == Scoring.State.UNANSWERED)) {
            return Direction.NOT_COMPARABLE; // a herhaling still being filled in has not declined where it is blank
        }
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
