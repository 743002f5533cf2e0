package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Controleer uw antwoorden": every answer per bouwsteen, each with a link to change it on its step page, the open
 * points marked and counted per step; the adviser submits the scan from here. From the link of a step, its
 * pages mark their open points (and "Opslaan en verder" keeps doing so on the step's next pages). After a submit that was refused,
 * the counts are the page's error summary.
 *
 * @param openPoints per step with open points, how many and a link to (the first of) its page(s) with them
 * @param refused    the adviser tried to submit and it was refused: the open points are an error summary
 */
record CheckPage(String title, ScanRow scan, Steps steps, List<Section> sections, List<OpenPoint> openPoints,
                 int open, boolean editable, boolean refused) {

    /** A bouwsteen, or the kengetallen. */
    record Section(String title, List<Group> groups) {
    }

    /** The answers of one page; {@code title} names the theme of a split bouwsteen's page. */
    record Group(@Nullable String title, List<Row> rows) {
    }

    /** A statement with its answer; {@code openReason} says why it blocks submitting, when it does. */
    record Row(String key, String text, String answer, @Nullable String comment, boolean answered,
               @Nullable String openReason, @Nullable String changeHref) {
    }

    /** One line of the summary: a page's open points, counted, linking to the page where they are marked. */
    record OpenPoint(String message, String href) {
    }

    static CheckPage of(CurrentAccount account, ScanService.ScanView view, boolean refused) {
        Survey survey = view.survey();
        String scanPath = "/scans/" + view.scan().id();
        Steps steps = Steps.of(view, null);
        boolean editable = view.editableBy(account);
        Map<String, Section> sections = new LinkedHashMap<>();
        for (PartNavigation.Page page : PartNavigation.pages(survey)) {
            List<Row> rows = new ArrayList<>();
            for (Survey.Question question : page.questions()) {
                AnswerRow answer = view.answers().get(question.key());
                String value = answer == null ? null : answer.answerValue();
                String comment = answer == null ? null : answer.comment();
                if (view.fromRegio(question)) {
                    // The regio's answer, which the gemeente cannot change: no open point, no link to change it.
                    rows.add(new Row(question.key(), question.text(), value == null ? "De regio heeft dit nog niet beantwoord"
                            : "Beantwoord door de regio: " + answerText(question, value), comment, value != null, null, null));
                    continue;
                }
                String reason = PartPage.openProblem(question, value, comment) == null ? null
                        : value == null ? "Nog niet beantwoord" : "Toelichting ontbreekt";
                rows.add(new Row(question.key(), question.textFor(view.scan().opens().getYear()), answerText(question, value), comment, value != null,
                        reason, scanPath + "/deel/" + page.path() + (reason == null ? "" : "?controle=1") + "#" + question.key()));
            }
            sections.computeIfAbsent(page.partKey(), key -> new Section(page.partTitle(), new ArrayList<>()))
                    .groups().add(new Group(page.theme() == null ? null : page.theme().title(), List.copyOf(rows)));
        }
        List<OpenPoint> openPoints = steps.steps().stream().filter(step -> step.open() > 0)
                .map(step -> new OpenPoint(step.title() + ": " + counted(step), scanPath + "/deel/"
                        + firstOpenPage(step).path() + "?controle=1#open-punten"))
                .toList();
        String title = view.scan().regioPart() ? "Antwoorden van het regionale deel"
                : editable ? "Controleer uw antwoorden" : "Antwoorden van de quickscan";
        return new CheckPage(title, view.scan(), steps, List.copyOf(sections.values()), openPoints, steps.open(),
                editable, refused);
    }

    /** The step itself, or for a split bouwsteen its first page with open points. */
    private static Steps.Step firstOpenPage(Steps.Step step) {
        return step.subSteps().stream().filter(sub -> sub.open() > 0).findFirst().orElse(step);
    }

    /** "2 stellingen nog niet beantwoord en 1 toelichting ontbreekt". */
    private static String counted(Steps.Step step) {
        List<String> parts = new ArrayList<>();
        if (step.unanswered() > 0) {
            parts.add(step.unanswered() == 1 ? "1 stelling nog niet beantwoord" : step.unanswered() + " stellingen nog niet beantwoord");
        }
        if (step.withoutComment() > 0) {
            parts.add(step.withoutComment() == 1 ? "1 toelichting ontbreekt" : step.withoutComment() + " toelichtingen ontbreken");
        }
        return String.join(" en ", parts);
    }

    /** The answer as the adviser chose it; a kengetal in Dutch notation with its unit. */
    private static String answerText(Survey.Question question, @Nullable String value) {
        if (value == null) {
            return question.required() ? "Niet beantwoord" : "Niet ingevuld";
        }
        if (question.type() == Survey.QuestionType.NUMBER) {
            try {
                return DutchFormat.exact(new BigDecimal(value)) + (question.unit() == null ? "" : " " + question.unit());
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return question.answerLabel(value);
    }
}
