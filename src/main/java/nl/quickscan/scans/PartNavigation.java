package nl.quickscan.scans;

import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a scan in the order the adviser walks through them: the bouwstenen, then the kengetallen when the
 * survey has any (the order of {@link Progress#of}).
 */
final class PartNavigation {

    private PartNavigation() {
    }

    /** The questions of a part; "not found" for a key the survey does not have. */
    static List<Survey.Question> questions(Survey survey, String part) {
        if (part.equals(Progress.KENGETALLEN) && !survey.kengetallen().isEmpty()) {
            return survey.kengetallen();
        }
        return survey.bouwstenen().stream().filter(b -> b.key().equals(part)).findFirst()
                .map(Survey.Bouwsteen::questions)
                .orElseThrow(() -> new NotFoundException("deel"));
    }

    static Optional<String> previous(Survey survey, String part) {
        return neighbour(survey, part, -1);
    }

    static Optional<String> next(Survey survey, String part) {
        return neighbour(survey, part, 1);
    }

    private static Optional<String> neighbour(Survey survey, String part, int step) {
        List<String> keys = new ArrayList<>(survey.bouwstenen().stream().map(Survey.Bouwsteen::key).toList());
        if (!survey.kengetallen().isEmpty()) {
            keys.add(Progress.KENGETALLEN);
        }
        int index = keys.indexOf(part);
        int neighbour = index + step;
        return index >= 0 && neighbour >= 0 && neighbour < keys.size() ? Optional.of(keys.get(neighbour)) : Optional.empty();
    }
}
