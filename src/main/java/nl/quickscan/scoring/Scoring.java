package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one place where scores are computed; pages, API, reports and benchmarks all use it. Plain Java.
 * <ul>
 *   <li>A question scores the points of the chosen option × its weight. "Niet van toepassing" leaves it out of
 *       score and maximum; unanswered and "weet ik niet" score 0 but stay in the maximum.</li>
 *   <li>Bouwsteen score = 100 × Σ(weight × points) / Σ(weight × maximum) over the questions that count; none
 *       counting: no score (never 0).</li>
 *   <li>Total = the bouwsteen scores weighted by bouwsteen weight, over the bouwstenen that have a score.</li>
 *   <li>Unscored questions (follow-ups, kengetallen) never count: not in a score, a maximum or a count.</li>
 *   <li>A bouwsteen's level is uncertain when "Weet ik niet" makes up at least the survey's {@code uncertainShare}
 *       of its answers.</li>
 * </ul>
 * Scores are kept unrounded; rounding is for display only.
 */
public final class Scoring {

    public enum State { ANSWERED, UNANSWERED, UNKNOWN, NOT_APPLICABLE }

    /** One scored question; {@code points} and {@code max} are already multiplied by the weight. */
    public record QuestionScore(Survey.Question question, String bouwsteenKey, String value, State state, double points,
                                double max) {
        public boolean counts() {
            return state != State.NOT_APPLICABLE;
        }

        /** Share of the maximum, 0–1, for counting questions with a maximum. */
        public double fraction() {
            return max == 0 ? 0 : points / max;
        }

        public double percent() {
            return 100 * fraction();
        }

        /** The label of the chosen option(s); "niet beantwoord" when there is no answer. */
        public String answerLabel() {
            return question.answerLabel(value);
        }

        /** The recommendation for this answer: the next step for a partly met statement where the survey has one. */
        public String recommendation() {
            return question.recommendationFor(points, max);
        }
    }

    /**
     * {@code score} and {@code level} are null when no question of the bouwsteen counts; {@code level} carries the
     * bouwsteen's own description of it where it has one. {@code uncertain}: the level rests on too many "Weet ik
     * niet" answers (see {@link #uncertain(Survey, int, int)}).
     */
    public record BouwsteenScore(String key, String title, double weight, Double score, Survey.Level level, int counted,
                                 int unanswered, int unknown, int notApplicable, List<QuestionScore> questions,
                                 boolean uncertain) {
        public boolean hasScore() {
            return score != null;
        }

        /** The statements with an answer, "Niet van toepassing" included. */
        public int answered() {
            return questions.size() - unanswered;
        }

        /** Why the level is uncertain, as pages and reports say it after the level; null when it is not. */
        public String uncertaintyNote() {
            return uncertain ? "onzeker: " + unknown + " van " + answered() + " antwoorden "
                    + (unknown == 1 ? "is" : "zijn") + " 'Weet ik niet'" : null;
        }

        /** The level with its uncertainty: "Gevorderd (onzeker: 4 van 10 antwoorden zijn 'Weet ik niet')". */
        public String levelText() {
            return level == null ? null : uncertain ? level.label() + " (" + uncertaintyNote() + ")" : level.label();
        }
    }

    /** A theme of a bouwsteen (bouwsteen 4 has six), scored as a bouwsteen is over its own statements. */
    public record ThemeScore(String key, String title, Double score, Survey.Level level, List<QuestionScore> questions) {
        public boolean hasScore() {
            return score != null;
        }
    }

    public record Result(Double total, Survey.Level totalLevel, List<BouwsteenScore> bouwstenen) {
        public int unanswered() {
            return bouwstenen.stream().mapToInt(BouwsteenScore::unanswered).sum();
        }

        public int unknown() {
            return bouwstenen.stream().mapToInt(BouwsteenScore::unknown).sum();
        }

        public List<QuestionScore> questions() {
            return bouwstenen.stream().flatMap(b -> b.questions().stream()).toList();
        }
    }

    private Scoring() {
    }

    /** @param values question key → stored answer value (absent or null: unanswered) */
    public static Result score(Survey survey, Map<String, String> values) {
        List<BouwsteenScore> bouwstenen = new ArrayList<>();
        double weightedSum = 0;
        double weights = 0;
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            BouwsteenScore score = bouwsteen(survey, bouwsteen, values);
            bouwstenen.add(score);
            if (score.hasScore()) {
                weightedSum += score.score() * bouwsteen.weight();
                weights += bouwsteen.weight();
            }
        }
        Double total = weights == 0 ? null : weightedSum / weights;
        return new Result(total, total == null ? null : level(survey, total), List.copyOf(bouwstenen));
    }

    /** The maturity level of a score: the last level whose threshold is at or below it. */
    public static Survey.Level level(Survey survey, double score) {
        Survey.Level found = survey.levels().get(0);
        for (Survey.Level level : survey.levels()) {
            if (score >= level.min()) {
                found = level;
            }
        }
        return found;
    }

    /**
     * The themes of a scored bouwsteen with their scores, in the survey's order; empty for a bouwsteen without
     * themes. A theme none of whose statements counts has no score.
     */
    public static List<ThemeScore> themes(Survey survey, BouwsteenScore bouwsteen) {
        List<ThemeScore> themes = new ArrayList<>();
        survey.bouwstenen().stream().filter(b -> b.key().equals(bouwsteen.key())).findFirst().ifPresent(b -> {
            for (Survey.Theme theme : b.themes()) {
                List<QuestionScore> questions = bouwsteen.questions().stream()
                        .filter(q -> theme.key().equals(q.question().theme())).toList();
                Double percent = percent(questions);
                themes.add(new ThemeScore(theme.key(), theme.title(), percent,
                        percent == null ? null : b.describe(level(survey, percent)), questions));
            }
        });
        return List.copyOf(themes);
    }

    /** 100 × points / maximum over the statements that count; null when none counts or the maximum is 0. */
    private static Double percent(List<QuestionScore> questions) {
        double points = 0;
        double max = 0;
        for (QuestionScore question : questions) {
            if (question.counts()) {
                points += question.points();
                max += question.max();
            }
        }
        return max == 0 ? null : 100 * points / max;
    }

    private static BouwsteenScore bouwsteen(Survey survey, Survey.Bouwsteen bouwsteen, Map<String, String> values) {
        List<QuestionScore> questions = new ArrayList<>();
        int counted = 0;
        int unanswered = 0;
        int unknown = 0;
        int notApplicable = 0;
        for (Survey.Question question : bouwsteen.questions()) {
            if (!question.scored()) {
                continue;
            }
            QuestionScore score = question(question, bouwsteen.key(), values.get(question.key()));
            questions.add(score);
            switch (score.state()) {
                case NOT_APPLICABLE -> notApplicable++;
                case UNANSWERED -> unanswered++;
                case UNKNOWN -> unknown++;
                case ANSWERED -> { }
            }
            if (score.counts()) {
                counted++;
            }
        }
        Double percent = percent(questions);
        return new BouwsteenScore(bouwsteen.key(), bouwsteen.title(), bouwsteen.weight(), percent,
                percent == null ? null : bouwsteen.describe(level(survey, percent)), counted, unanswered, unknown,
                notApplicable, List.copyOf(questions),
                percent != null && uncertain(survey, unknown, questions.size() - unanswered));
    }

    /**
     * Whether a level is uncertain: the survey sets an {@code uncertainShare} and at least that percentage of the
     * answered statements (n.v.t. included, unanswered not) is "Weet ik niet".
     */
    static boolean uncertain(Survey survey, int unknown, int answered) {
        return survey.uncertainShare() != null && answered > 0 && 100L * unknown >= (long) survey.uncertainShare() * answered;
    }

    static QuestionScore question(Survey.Question question, String bouwsteenKey, String value) {
        double max = question.weight() * maxPoints(question);
        if (value == null) {
            return new QuestionScore(question, bouwsteenKey, value, State.UNANSWERED, 0, max);
        }
        List<Survey.AnswerOption> chosen = question.type() == Survey.QuestionType.MULTIPLE_CHOICE
                ? Arrays.stream(value.split(",")).map(String::strip).map(v -> option(question, v)).filter(o -> o != null).toList()
                : java.util.stream.Stream.of(option(question, value)).filter(o -> o != null).toList();
        if (chosen.isEmpty()) {
            // A value the survey no longer knows counts as unanswered rather than breaking the score.
            return new QuestionScore(question, bouwsteenKey, value, State.UNANSWERED, 0, max);
        }
        if (chosen.stream().anyMatch(Survey.AnswerOption::notApplicable)) {
            return new QuestionScore(question, bouwsteenKey, value, State.NOT_APPLICABLE, 0, 0);
        }
        double points = chosen.stream().mapToInt(o -> o.points() == null ? 0 : o.points()).sum();
        State state = chosen.stream().anyMatch(Survey.AnswerOption::uncertain) ? State.UNKNOWN : State.ANSWERED;
        return new QuestionScore(question, bouwsteenKey, value, state, question.weight() * Math.min(points, maxPoints(question)), max);
    }

    /** The highest points one answer can reach: the best option, or for multiple choice all positive options. */
    static double maxPoints(Survey.Question question) {
        if (question.type() == Survey.QuestionType.MULTIPLE_CHOICE) {
            return question.options().stream().filter(o -> o.points() != null && o.points() > 0).mapToInt(Survey.AnswerOption::points).sum();
        }
        return question.options().stream().filter(o -> o.points() != null).mapToInt(Survey.AnswerOption::points).max().orElse(0);
    }

    private static Survey.AnswerOption option(Survey.Question question, String value) {
        return question.options().stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
    }
}
