package nl.quickscan.reports;

import nl.quickscan.plans.PlanOverview;
import nl.quickscan.scans.AnswerRow;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scans.ScanService;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.scoring.Highlights;
import nl.quickscan.scoring.PlanCheck;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a gemeenterapport shows, taken from the scoring engine and the comparison (never computed again here):
 * per bouwsteen its score now and, for a herhaling, at the nulmeting; per statement the answer(s); the gemeente's
 * verbeterplan as its page groups it, and for a herhaling the check of the actions made from the nulmeting.
 */
record ReportData(Results.ScanScores scores, Optional<Results.ScanComparison> comparison, PlanOverview plan,
                  List<PlanCheck> planChecks) {

    /** For a herhaling, the action (made from the nulmeting) beside its statements then and now. */
    Optional<PlanCheck> planCheck(long actionId) {
        return planChecks.stream().filter(check -> check.action().id() == actionId).findFirst();
    }

    boolean hasBaseline() {
        return comparison.isPresent();
    }

    Scoring.Result current() {
        return scores.result();
    }

    /** The nulmeting's score of a bouwsteen, or null. */
    Double baselineScore(String bouwsteenKey) {
        return bouwsteenChange(bouwsteenKey).map(Comparison.BouwsteenChange::before).orElse(null);
    }

    /** The nulmeting beside the herhaling for a bouwsteen: both scores and the difference. */
    Optional<Comparison.BouwsteenChange> bouwsteenChange(String bouwsteenKey) {
        return comparison.flatMap(c -> c.result().bouwstenen().stream().filter(b -> b.key().equals(bouwsteenKey)).findFirst());
    }

    Optional<Comparison.QuestionChange> change(String questionKey) {
        return comparison.flatMap(c -> c.result().questions().stream().filter(q -> q.key().equals(questionKey)).findFirst());
    }

    String baselineLabel(String questionKey) {
        return comparison.flatMap(c -> change(questionKey).map(c::labelBefore)).orElse("");
    }

    /** The answer as the gemeente's report gives it; the regio's answer to a regio statement says it is the regio's. */
    String answerLabel(Survey.Question question) {
        AnswerRow answer = scores.view().answers().get(question.key());
        String label = question.answerLabel(answer == null ? null : answer.answerValue());
        return scores.view().fromRegio(question) ? label + " (beantwoord door de regio)" : label;
    }

    /** A kengetal's text with the year it is about, counted from the year the round opens. */
    String kengetalText(Survey.Question question) {
        return question.textFor(scan().opens().getYear());
    }

    /** The survey's bouwsteen of a score. */
    Survey.Bouwsteen bouwsteen(Scoring.BouwsteenScore score) {
        return survey().bouwstenen().stream().filter(b -> b.key().equals(score.key())).findFirst().orElseThrow();
    }

    List<Survey.Question> kengetallen() {
        return scores.view().survey().kengetallen();
    }

    /** A kengetal in Dutch notation with its unit ("230.000 inwoners"), or "niet beantwoord". */
    String kengetalLabel(Survey.Question question) {
        return kengetalLabel(scores.view(), question);
    }

    /** The nulmeting's answer to the kengetal (or the one it replaces); "–" for a kengetal the nulmeting did not ask. */
    String baselineKengetalLabel(Survey.Question question) {
        return comparison.map(c -> {
            Map<String, Survey.Question> earlier = new HashMap<>();
            c.baseline().survey().kengetallen().forEach(k -> earlier.put(k.key(), k));
            Survey.Question counterpart = question.counterpartIn(earlier);
            return counterpart == null ? DutchFormat.NONE : kengetalLabel(c.baseline(), counterpart);
        }).orElse("");
    }

    private static String kengetalLabel(ScanService.ScanView view, Survey.Question question) {
        AnswerRow answer = view.answers().get(question.key());
        String value = answer == null ? null : answer.answerValue();
        return question.answerLabel(value) + (value != null && question.unit() != null ? " " + question.unit() : "");
    }

    ScanRow scan() {
        return scores.view().scan();
    }

    Survey survey() {
        return scores.view().survey();
    }

    /** The strongest points, the next steps and what is still to be found out, as the results page has them. */
    Highlights highlights() {
        return Highlights.of(current(), Highlights.SHOWN);
    }

    List<Scoring.ThemeScore> themes(Scoring.BouwsteenScore bouwsteen) {
        return Scoring.themes(survey(), bouwsteen);
    }

    /** The nulmeting's round name, for a herhaling. */
    Optional<String> baselineRoundName() {
        return comparison.map(c -> c.baseline().scan().roundName());
    }

    Optional<Double> baselineTotal() {
        return comparison.map(c -> c.result().before().total());
    }

    Optional<Double> totalDifference() {
        return comparison.map(c -> c.result().totalDifference());
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
