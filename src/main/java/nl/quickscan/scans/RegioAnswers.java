package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements a regio answers once per round for all its gemeenten ({@code scope: regio}), and the one merge of
 * the regio's answers with a gemeente's own: what counts for a gemeente (its score, its report, its place in the
 * benchmark) is its own answer to each gemeente statement and the regio's answer to each regio statement. Plain Java.
 */
public final class RegioAnswers {

    private RegioAnswers() {
    }

    /** Whether the survey has statements the regio answers, so that a round of it has a regio scan. */
    public static boolean hasRegioPart(Survey survey) {
        return !regioKeys(survey).isEmpty();
    }

    /** The keys of the statements the regio answers. */
    public static Set<String> regioKeys(Survey survey) {
        return Stream.concat(survey.questions(), survey.kengetallen().stream())
                .filter(question -> question.scope() == Survey.Scope.REGIO)
                .map(Survey.Question::key).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The survey as the regio's scan asks it: the bouwstenen that have regio statements, each with only those, and
     * the regio's kengetallen (if any); levels, their descriptions and weights as they are.
     */
    public static Survey regioPart(Survey survey) {
        List<Survey.Bouwsteen> bouwstenen = survey.bouwstenen().stream()
                .map(bouwsteen -> new Survey.Bouwsteen(bouwsteen.key(), bouwsteen.title(), bouwsteen.description(),
                        bouwsteen.weight(), bouwsteen.themes(), regioOnly(bouwsteen.questions()),
                        bouwsteen.levelDescriptions()))
                .filter(bouwsteen -> !bouwsteen.questions().isEmpty())
                .toList();
        return new Survey(survey.id(), survey.version(), survey.title(), survey.introduction(), survey.levels(),
                bouwstenen, regioOnly(survey.kengetallen()), survey.uncertainShare());
    }

    private static List<Survey.Question> regioOnly(List<Survey.Question> questions) {
        return questions.stream().filter(question -> question.scope() == Survey.Scope.REGIO).toList();
    }

    /**
     * What counts for a gemeente, per question key: its own answers to the gemeente statements and the regio's to the
     * regio statements. An answer the gemeente might hold for a regio statement is ignored, as is one of the regio's to
     * a gemeente statement.
     *
     * @param own   the gemeente's answers (or values) by question key
     * @param regio the regio's scan's, by question key (empty when the regio has none)
     */
    public static <T> Map<String, T> merge(Survey survey, Map<String, T> own, Map<String, T> regio) {
        Set<String> regioKeys = regioKeys(survey);
        if (regioKeys.isEmpty()) {
            return own;
        }
        Map<String, T> merged = new LinkedHashMap<>();
        own.forEach((key, answer) -> {
            if (!regioKeys.contains(key)) {
                merged.put(key, answer);
            }
        });
        regio.forEach((key, answer) -> {
            if (regioKeys.contains(key)) {
                merged.put(key, answer);
            }
        });
        return merged;
    }

    /**
     * The values of a round's gemeente scans, each merged with the regio's answers: read once per round (two queries),
     * not once per gemeente.
     *
     * @param own   per gemeente scan id its own values (a scan without answers may be absent)
     * @param regio the values of the round's regio scan
     */
    public record RoundValues(Survey survey, Map<Long, Map<String, String>> own, Map<String, String> regio) {

        public static RoundValues of(Survey survey, List<RoundAnswer> gemeenteAnswers, List<RoundAnswer> regioAnswers) {
            Map<String, String> regio = new HashMap<>();
            regioAnswers.forEach(answer -> regio.put(answer.questionKey(), answer.answerValue()));
            Map<Long, Map<String, String>> own = new HashMap<>();
            gemeenteAnswers.forEach(answer -> own.computeIfAbsent(answer.scanId(), id -> new HashMap<>())
                    .put(answer.questionKey(), answer.answerValue()));
            return new RoundValues(survey, own, regio);
        }

        /** What counts for this gemeente scan: its own values and the regio's. */
        public Map<String, String> of(long scanId) {
            return merge(survey, own.getOrDefault(scanId, Map.of()), regio);
        }
    }
}
