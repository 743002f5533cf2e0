package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a question accepts as an answer. Plain Java; messages in Dutch, for pages and API alike. */
public final class AnswerRules {

    public static final int COMMENT_MAX = 4000;
    public static final int VALUE_MAX = 1000;
    /** Separates the chosen values of a multiple-choice answer. */
    public static final String MULTIPLE_SEPARATOR = ",";

    private AnswerRules() {
    }

    /** The Dutch reason why this value or toelichting is not accepted, or null when it is. Null value = no answer. */
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
            case NUMBER -> number(value) == null ? "Vul een getal in, zoals 12 of 3,5." : null;
            case TEXT -> null;
        };
    }

    /** The value as stored: trimmed, empty means no answer, numbers with a decimal point. */
    public static String normalize(Survey.Question question, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (question.type() == Survey.QuestionType.NUMBER) {
            BigDecimal number = number(trimmed);
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

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
