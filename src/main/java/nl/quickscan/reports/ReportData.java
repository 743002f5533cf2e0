package nl.quickscan.reports;

import nl.quickscan.scans.AnswerRow;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;

import java.util.List;
import java.util.Optional;

/**
 * What a gemeenterapport shows, taken from the scoring engine and the comparison (never computed again here):
 * per bouwsteen its score now and, for a herhaling, at the nulmeting; per statement the answer(s).
 */
record ReportData(Results.ScanScores scores, Optional<Results.ScanComparison> comparison) {

    boolean hasBaseline() {
        return comparison.isPresent();
    }

    Scoring.Result current() {
        return scores.result();
    }

    /** The nulmeting's score of a bouwsteen, or null. */
    Double baselineScore(String bouwsteenKey) {
        return comparison.flatMap(c -> c.result().bouwstenen().stream().filter(b -> b.key().equals(bouwsteenKey))
                .findFirst()).map(Comparison.BouwsteenChange::before).orElse(null);
    }

    Optional<Comparison.QuestionChange> change(String questionKey) {
        return comparison.flatMap(c -> c.result().questions().stream().filter(q -> q.key().equals(questionKey)).findFirst());
    }

    String baselineLabel(String questionKey) {
        return comparison.flatMap(c -> change(questionKey).map(c::labelBefore)).orElse("");
    }

    String answerLabel(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        return question.answerLabel(answer == null ? null : answer.answerValue());
    }

    String comment(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        return answer == null || answer.comment() == null ? "" : answer.comment();
    }

    List<Results.Position> position() {
        return scores.position();
    }
}
