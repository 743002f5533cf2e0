package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a question accepts as an answer. Plain Java; messages in Dutch, for pages and API alike. */
public final class AnswerRules {

    public static final int COMMENT_MAX = 4000;
    public static final int VALUE_MAX = 1000;
    /** Separates the chosen values of a multiple-choice answer. */
    public static final String MULTIPLE_SEPARATOR = ",";

    /** A kengetal (inwoners, fte, euro's, meldingen) lies from 0 up to and including this. */
    public static final BigDecimal NUMBER_MAX = new BigDecimal("1000000000");
    /** Digits of a kengetal, before and after the decimal separator together (leading zeros not counted). */
    public static final int NUMBER_DIGITS_MAX = 15;
    /** Characters of a kengetal as typed, spaces and separators included; checked before anything else. */
    public static final int NUMBER_LENGTH_MAX = 30;
    static final String NUMBER_SYNTAX = "Vul een getal in, zoals 12 of 3,5.";
    static final String NUMBER_RANGE = "Vul een getal in van 0 tot en met 1.000.000.000.";
    static final String NUMBER_DIGITS = "Vul een getal in met hoogstens " + NUMBER_DIGITS_MAX + " cijfers.";
    static final String NUMBER_NOTATION = "Schrijf het getal op zijn Nederlands: een punt tussen de duizendtallen en "
            + "een komma voor de decimalen, zoals 1.234.567 of 3,5.";
    /**
     * Dutch notation: digits, maybe thousands points between groups of three, maybe a decimal comma ("12", "0,4",
     * "230.000", "1.234,5"). A group before a point starts with 1 to 9: "0.125" is no thousand.
     */
    private static final Pattern DUTCH_NUMBER = Pattern.compile("(-?)([1-9]\\d{0,2}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?");
    /** A point that cannot be a thousands point is a decimal point, as spreadsheets write it: "3.5", "0.125", "1234.5". */
    private static final Pattern POINT_DECIMAL = Pattern.compile("(-?)(\\d+)\\.(\\d+)");
    /** English thousands commas, which Dutch would read as decimals: "1,234,567", "1,234.5". */
    private static final Pattern ENGLISH_NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+\\.\\d+|-?\\d{1,3}(?:,\\d{3}){2,}");
    /** An amount as Dutch people write one: a euro sign before it, ",-" after it ("€ 25.000,-"). */
    private static final Pattern AMOUNT_MARKS = Pattern.compile("^€|,[-\u2013]$");

    private AnswerRules() {
    }

    /**
     * The Dutch reason why this value or toelichting is not accepted, or null when it is. The value as
     * {@link #normalize} leaves it; null = no answer.
     */
    public static String problemWith(Survey.Question question, String value, String comment) {
        if (comment != null && comment.length() > COMMENT_MAX) {
            return "De toelichting mag hoogstens " + COMMENT_MAX + " tekens lang zijn (nu " + comment.length() + ").";
        }
        if (value == null) {
            return null;
        }
        if (value.length() > VALUE_MAX) {
            return "Het antwoord mag hoogstens " + VALUE_MAX + " tekens lang zijn.";
        }
        Set<String> allowed = new HashSet<>();
        question.options().forEach(option -> allowed.add(option.value()));
        return switch (question.type()) {
            case SCALE, YES_NO, SINGLE_CHOICE -> allowed.contains(value) ? null
                    : "Kies een van de antwoorden bij deze stelling.";
            case MULTIPLE_CHOICE -> {
                List<String> chosen = Arrays.stream(value.split(MULTIPLE_SEPARATOR)).map(String::strip).toList();
                yield allowed.containsAll(chosen) && new HashSet<>(chosen).size() == chosen.size() ? null
                        : "Kies alleen antwoorden uit de lijst, elk één keer.";
            }
            case NUMBER -> number(value, Source.PROGRAM).problem();
            case TEXT -> null;
        };
    }

    /**
     * Who wrote a kengetal, which decides the one notation that reads two ways: a single point before exactly three
     * digits ("1.234", "230.000").
     */
    public enum Source {
        /** Typed by a person on the page (with or without its script): Dutch, "230.000" is two hundred thirty thousand. */
        PERSON,
        /**
         * Sent by a program through the API: a single point is a decimal point, as the API returns stored numbers
         * ("1.234" is one point two three four), so that a value read and sent back stays the same.
         */
        PROGRAM
    }

    /** The value as stored: trimmed, empty means no answer, numbers with a decimal point. */
    public static String normalize(Survey.Question question, String value, Source source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (question.type() == Survey.QuestionType.NUMBER) {
            BigDecimal number = number(trimmed, source).value();
            return number == null ? trimmed : number.stripTrailingZeros().toPlainString();
        }
        return trimmed;
    }

    public static String normalizeComment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** Whether the chosen option asks for a toelichting (such as "Niet van toepassing"). */
    public static boolean needsComment(Survey.Question question, String value) {
        return value != null && question.options().stream()
                .anyMatch(option -> option.requiresComment() && option.value().equals(value));
    }

    /** Whether this answer still needs its toelichting ("Niet van toepassing" without one): saved, but open. */
    public static boolean incomplete(Survey.Question question, String value, String comment) {
        return needsComment(question, value) && (comment == null || comment.isBlank());
    }

    /** A checked kengetal: its value, or the Dutch reason it is refused. */
    record Kengetal(BigDecimal value, String problem) {
        static Kengetal refused(String problem) {
            return new Kengetal(null, problem);
        }
    }

    /**
     * A kengetal as typed, checked by length and syntax before it is converted, so that no input makes the
     * conversion expensive ("1e999999999" is refused as text, never expanded). The rule is Dutch notation, with
     * what cannot be misread added:
     * <ul>
     *   <li>a comma is the decimal separator, a point between groups of three digits separates thousands: "0,4",
     *       "230.000", "1.234,5", and so "1.234" is one thousand two hundred thirty-four and "1,234" is one point
     *       two three four, as a Dutch reader reads them;</li>
     *   <li>a point that cannot separate thousands is a decimal point, as spreadsheets write it: "3.5", "0.125",
     *       "1234.5";</li>
     *   <li>English thousands commas ("1,234,567", "1,234.5") are refused with a message that shows the Dutch way,
     *       rather than read as decimals;</li>
     *   <li>spaces, a euro sign before and ",-" after are ignored: "1 234", "€ 25.000", "25.000,-".</li>
     * </ul>
     * No exponents, no signs other than a refused minus, at most {@link #NUMBER_DIGITS_MAX} digits, from 0 up to
     * and including {@link #NUMBER_MAX}. Pages show the stored number back in Dutch notation, so that a misreading
     * shows at once. A {@link Source#PROGRAM program} reads one form the other way: a single point before three
     * digits is a decimal point there, as in the numbers the API returns, unless a euro sign or ",-" says that a
     * person wrote the amount.
     */
    static Kengetal number(String value, Source source) {
        if (value.length() > NUMBER_LENGTH_MAX) {
            return Kengetal.refused(NUMBER_DIGITS);
        }
        String compact = value.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        Matcher amount = AMOUNT_MARKS.matcher(compact);
        boolean writtenAsAmount = amount.find();
        compact = amount.replaceAll("");
        Matcher dutch = DUTCH_NUMBER.matcher(compact);
        Matcher point = POINT_DECIMAL.matcher(compact);
        Matcher match = source == Source.PROGRAM && !writtenAsAmount && point.matches() ? point
                : dutch.matches() ? dutch : point.matches() ? point : null;
        if (match == null) {
            return Kengetal.refused(ENGLISH_NUMBER.matcher(compact).matches() ? NUMBER_NOTATION : NUMBER_SYNTAX);
        }
        String whole = match.group(2).replace(".", "").replaceFirst("^0+(?=\\d)", "");
        String fraction = match.group(3) == null ? "" : match.group(3);
        if (whole.length() + fraction.length() > NUMBER_DIGITS_MAX) {
            return Kengetal.refused(NUMBER_DIGITS);
        }
        BigDecimal number = new BigDecimal(fraction.isEmpty() ? whole : whole + "." + fraction);
        if (!match.group(1).isEmpty() && number.signum() != 0 || number.compareTo(NUMBER_MAX) > 0) {
            return Kengetal.refused(NUMBER_RANGE);
        }
        return new Kengetal(number, null);
    }
}
