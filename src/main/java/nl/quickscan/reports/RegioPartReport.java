package nl.quickscan.reports;

import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.scans.RegioAnswers;
import nl.quickscan.scans.RoundAnswer;
import nl.quickscan.surveys.Survey;

import java.util.List;
import java.util.Optional;

/**
 * The regio's own answers of a round per bouwsteen: the "Regionaal deel" of the regiorapport and of the round's
 * workbook. Empty for a survey without regio statements.
 */
record RegioPartReport(List<Section> sections) {

    static final String HEADING = "Regionaal deel";
    static final String INTRODUCTION = "Deze stellingen beantwoordt de regio één keer voor alle gemeenten van de meetronde."
            + " De antwoorden tellen mee in de score van elke gemeente.";
    static final String NOT_ANSWERED = "De regio heeft dit nog niet beantwoord";

    record Section(String title, List<Row> rows) {
    }

    /** {@code comment} is empty without a toelichting. */
    record Row(String key, String statement, String answer, String comment) {
    }

    static Optional<RegioPartReport> of(BenchmarkService.RoundBenchmark round) {
        if (!RegioAnswers.hasRegioPart(round.survey())) {
            return Optional.empty();
        }
        List<Section> sections = RegioAnswers.regioPart(round.survey()).bouwstenen().stream()
                .map(bouwsteen -> new Section(bouwsteen.title(), bouwsteen.questions().stream()
                        .map(question -> row(question, round.regioAnswers().get(question.key()))).toList()))
                .toList();
        return Optional.of(new RegioPartReport(sections));
    }

    private static Row row(Survey.Question question, RoundAnswer answer) {
        String value = answer == null ? null : answer.answerValue();
        return new Row(question.key(), question.text(), value == null ? NOT_ANSWERED : question.answerLabel(value),
                answer == null || answer.comment() == null ? "" : answer.comment());
    }
}
