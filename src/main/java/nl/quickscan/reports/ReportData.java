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

    List<Survey.Question> kengetallen() {
        return scores.view().survey().kengetallen();
    }

    /** A kengetal in Dutch notation with its unit ("230.000 inwoners"), or "niet beantwoord". */
    String kengetalLabel(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        boolean answered = answer != null && answer.answerValue() != null;
        return answerLabel(question) + (answered && question.unit() != null ? " " + question.unit() : "");
    }

    /** A kengetal as a number, for a workbook cell; null when it has none. */
    Double number(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        try {
            return answer == null || answer.answerValue() == null ? null : Double.valueOf(answer.answerValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String comment(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        return answer == null || answer.comment() == null ? "" : answer.comment();
    }

    List<Results.Position> position() {
        return scores.position();
    }
}
