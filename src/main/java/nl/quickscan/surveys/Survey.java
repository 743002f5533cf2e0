package nl.quickscan.surveys;

import nl.quickscan.text.DutchFormat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One version of a questionnaire, as defined by a file under {@code surveys/}. Immutable. */
public record Survey(String id, int version, String title, String introduction, List<Level> levels,
                     List<Bouwsteen> bouwstenen, List<Question> kengetallen, Integer uncertainShare) {

    /** How an unanswered question reads on pages and in reports. */
    public static final String NOT_ANSWERED = "niet beantwoord";
    /** A kengetal as stored: digits with at most one decimal point (see the scans' answer rules). */
    private static final Pattern STORED_NUMBER = Pattern.compile("\\d{1,30}(\\.\\d{1,30})?");


    /** {@code levelDescriptions}: level label → this bouwsteen's own description of that level (may be empty). */
    public record Bouwsteen(String key, String title, String description, double weight, List<Theme> themes,
                            List<Question> questions, Map<String, String> levelDescriptions) {

        /** The unscored questions that follow up statement {@code key}, in display order (right below it). */
        public List<Question> followUpsOf(String key) {
            return questions.stream().filter(q -> key.equals(q.followUpOf())).toList();
        }

        /** The unscored questions of a theme (null: of a bouwsteen without themes) that follow up no statement. */
        public List<Question> unscoredApart(String theme) {
            return questions.stream().filter(q -> !q.scored() && q.followUpOf() == null && Objects.equals(theme, q.theme()))
                    .toList();
        }

        /** The level as this bouwsteen describes it: the survey's level, with the bouwsteen's own description if any. */
        public Level describe(Level level) {
            String own = level == null ? null : levelDescriptions.get(level.label());
            return own == null ? level : new Level(level.index(), level.label(), level.min(), own);
        }
    }

    public record Theme(String key, String title) {
    }

    public record Source(String document, String section) {
        /**
         * How a source reads: the document's name from its file name, then the section
         * ("landelijke-bouwstenen-….txt", "Bouwsteen 3" → "Landelijke bouwstenen …, Bouwsteen 3").
         */
        public String label() {
            String name = document.replaceFirst("\\.[a-z]+$", "").replaceAll("(?<!\\d)-|-(?!\\d)", " ");
            return (name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1)) + ", " + section;
        }
    }

    /**
     * A maturity level; {@code index} is its place in {@link #levels()}, 0 for the lowest. Colours go by the
     * index, not the label, so that a survey version may rename a level without losing its colour.
     */
    public record Level(int index, String label, double min, String description) {
    }

    /**
     * An answer option. {@code points} is null for an option that leaves the question out of the maximum, and for
     * every option of an unscored question. {@code help} (may be null) is shown with the choice in the form.
     */
    public record AnswerOption(String value, String label, Integer points, boolean uncertain, boolean notApplicable,
                               boolean requiresComment, String help) {

        public AnswerOption(String value, String label, Integer points, boolean uncertain, boolean notApplicable,
                            boolean requiresComment) {
            this(value, label, points, uncertain, notApplicable, requiresComment, null);
        }
    }

    /**
     * A statement or question. Options of a scale are resolved at load time, so every choice question carries its
     * own options. {@code theme}, {@code unit}, {@code replaces}, {@code recommendationNext}, {@code followUpOf} and
     * {@code referenceYear} may be null. {@code scope} says who answers it. {@code scored}: it counts in the score
     * (a statement); an unscored question (a follow-up, a kengetal) is only answered and shown.
     */
    public record Question(String key, String theme, QuestionType type, String text, String help,
                           String recommendation, String recommendationNext, List<Source> sources, double weight,
                           boolean required, List<AnswerOption> options, String unit, String replaces, Scope scope,
                           boolean scored, String followUpOf, ReferenceYear referenceYear) {

        /** A question as before several sources and unscored follow-ups: scored when its type has options. */
        public Question(String key, String theme, QuestionType type, String text, String help, String recommendation,
                        Source source, double weight, boolean required, List<AnswerOption> options, String unit,
                        String replaces, Scope scope) {
            this(key, theme, type, text, help, recommendation, null, source == null ? List.of() : List.of(source),
                    weight, required, options, unit, replaces, scope, type.hasOptions(), null, null);
        }

        /** The first source, for callers that show one; null when the question has none. */
        public Source source() {
            return sources.isEmpty() ? null : sources.get(0);
        }

        /**
         * The recommendation for an answer worth {@code points} of {@code max}: the next step when the answer is
         * partly met (more than 0 points, below the maximum) and the survey gives one, else the one to start with.
         */
        public String recommendationFor(double points, double max) {
            return recommendationNext != null && points > 0 && points < max ? recommendationNext : recommendation;
        }

        /**
         * The recommendation for a stored answer: {@link #recommendationFor} with the answer's points of the most
         * this statement gives; the one to start with for no answer or an answer without points.
         */
        public String recommendationForAnswer(String value) {
            Integer points = options.stream().filter(option -> option.value().equals(value)).map(AnswerOption::points)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            int max = options.stream().map(AnswerOption::points).filter(Objects::nonNull).mapToInt(Integer::intValue)
                    .max().orElse(0);
            return points == null ? recommendation : recommendationFor(points, max);
        }

        /** The sources as they read, separated by semicolons. */
        public String sourcesLabel() {
            return String.join("; ", sources.stream().map(Source::label).toList());
        }

        /** A kengetal's text with the year it is about, for a round in {@code roundYear} ("…, over 2025"). */
        public String textFor(int roundYear) {
            return referenceYear == null ? text : text + " (over " + referenceYear.year(roundYear) + ")";
        }

        /**
         * This question's counterpart in an earlier survey version, looked up by key among that version's items:
         * the item of the same key, else that of the key this question {@code replaces}; null for a new question.
         * One rule for the comparison, a regio's development and a herhaling beside its nulmeting.
         */
        public <T> T counterpartIn(Map<String, T> earlierByKey) {
            T same = earlierByKey.get(key);
            return same != null || replaces == null ? same : earlierByKey.get(replaces);
        }

        /**
         * What the user reads for a stored answer: the option's label ("2" → "Deels / in uitvoering"), a kengetal in
         * Dutch notation ("1234.5" → "1.234,5"), "niet beantwoord" for none.
         */
        public String answerLabel(String value) {
            if (value == null) {
                return NOT_ANSWERED;
            }
            BigDecimal number = number(value);
            if (number != null) {
                return DutchFormat.exact(number);
            }
            return options.stream().filter(option -> option.value().equals(value)).map(AnswerOption::label)
                    .findFirst().orElse(value);
        }

        /** A kengetal's stored answer as a number; null for none or for the answer of another type of question. */
        public BigDecimal number(String value) {
            return type == QuestionType.NUMBER && value != null && STORED_NUMBER.matcher(value).matches()
                    ? new BigDecimal(value) : null;
        }
    }

    /**
     * Who answers a statement: each gemeente for itself, or the regio once per round (the coordinator), whose answer
     * then counts for every gemeente of the round.
     */
    public enum Scope {
        GEMEENTE("gemeente"), REGIO("regio");

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Scope> ofCode(String code) {
            return Stream.of(values()).filter(scope -> scope.code.equals(code)).findFirst();
        }
    }

    /**
     * Which year a number kengetal is about, relative to the year of the round: the calendar year before it, or the
     * round's own year.
     */
    public enum ReferenceYear {
        PREVIOUS("previous", "het kalenderjaar voor de meetronde"), CURRENT("current", "het jaar van de meetronde");

        private final String code;
        private final String description;

        ReferenceYear(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        /** How the survey page says it, without a round: "het kalenderjaar voor de meetronde". */
        public String description() {
            return description;
        }

        public int year(int roundYear) {
            return this == PREVIOUS ? roundYear - 1 : roundYear;
        }

        static Optional<ReferenceYear> ofCode(String code) {
            return Stream.of(values()).filter(year -> year.code.equals(code)).findFirst();
        }
    }

    public enum QuestionType {
        SCALE("scale"), SINGLE_CHOICE("single-choice"), MULTIPLE_CHOICE("multiple-choice"),
        YES_NO("yes-no"), NUMBER("number"), TEXT("text");

        private final String code;

        QuestionType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public boolean hasOptions() {
            return this != NUMBER && this != TEXT;
        }

        static Optional<QuestionType> ofCode(String code) {
            return Stream.of(values()).filter(type -> type.code.equals(code)).findFirst();
        }
    }

    public Stream<Question> questions() {
        return bouwstenen.stream().flatMap(bouwsteen -> bouwsteen.questions().stream());
    }

    public long scoredQuestionCount() {
        return questions().filter(Question::scored).count();
    }
}
