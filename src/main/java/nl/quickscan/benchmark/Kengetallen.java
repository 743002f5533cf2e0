package nl.quickscan.benchmark;

import nl.quickscan.scoring.Statistics;
import nl.quickscan.surveys.Survey;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A round's kengetallen in context: per kengetal (a survey question of type number) each submitting gemeente's
 * value, that value per 10,000 inhabitants, and the regio's median of both. Apart from the scores, which they never
 * enter. Plain Java.
 */
public final class Kengetallen {

    /** Per 10,000 inhabitants: the size the figures are normalised to. */
    static final double PER = 10_000;

    /**
     * The unit of a kengetal that counts inhabitants itself: divided by the inhabitants it would read 10,000 for
     * every gemeente, so it has no figure per 10,000.
     */
    static final String INHABITANTS_UNIT = "inwoners";

    /** A gemeente whose scan is submitted; {@code inhabitants} is null while unknown. */
    public record Input(String cbsCode, String name, Integer inhabitants, Map<String, String> values) {
    }

    /**
     * {@code value} is null when not answered; {@code per10000} also when the inhabitants are unknown, and always for
     * the kengetal that counts the inhabitants.
     */
    public record GemeenteValue(String cbsCode, String name, Double value, Double per10000) {
    }

    /** The medians are over the gemeenten that have the figure; null when none has. */
    public record Kengetal(String key, String title, String unit, List<GemeenteValue> gemeenten, Double median,
                           Double medianPer10000) {
    }

    private Kengetallen() {
    }

    /** In the survey's order of kengetallen, the gemeenten in the order given. */
    public static List<Kengetal> of(Survey survey, List<Input> submitted) {
        return survey.kengetallen().stream().filter(q -> q.type() == Survey.QuestionType.NUMBER)
                .map(question -> of(question, submitted)).toList();
    }

    private static Kengetal of(Survey.Question question, List<Input> submitted) {
        boolean normalised = !INHABITANTS_UNIT.equals(question.unit());
        List<GemeenteValue> values = submitted.stream().map(input -> {
            BigDecimal value = question.number(input.values().get(question.key()));
            Double per10000 = value == null || input.inhabitants() == null || !normalised ? null
                    : value.doubleValue() * PER / input.inhabitants();
            return new GemeenteValue(input.cbsCode(), input.name(), value == null ? null : value.doubleValue(), per10000);
        }).toList();
        return new Kengetal(question.key(), question.text(), question.unit(), values,
                median(values.stream().map(GemeenteValue::value).toList()),
                median(values.stream().map(GemeenteValue::per10000).toList()));
    }

    private static Double median(List<Double> values) {
        List<Double> present = values.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : Statistics.median(present);
    }
}
