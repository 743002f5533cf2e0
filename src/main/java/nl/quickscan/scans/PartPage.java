package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The page of one part of a scan (a bouwsteen or the kengetallen): its questions as one form, each with its answer,
 * history, and what went wrong when saving it was refused.
 */
record PartPage(String title, ScanRow scan, String part, String description, Progress.Part progress,
                List<Progress.Part> parts, List<Item> items, boolean editable, @Nullable String previous,
                @Nullable String next, @Nullable String notice) {

    /** A question as the form shows it; {@code themeTitle} is set on the first question of a theme. */
    record Item(Survey.Question question, @Nullable String themeTitle, @Nullable AnswerRow answer, int version,
                @Nullable String value, @Nullable String comment, String describedBy, List<Option> options,
                List<Change> history, @Nullable String problem, @Nullable Conflict conflict) {
    }

    /**
     * A radio button, with its ids and references worked out here: the page has more than a hundred of them, and
     * each lookup of a parent value in the template costs more than building the string.
     */
    record Option(String id, String name, String value, String label, boolean checked, String describedBy,
                  boolean invalid) {
    }

    /** A step in the answer's history, with the values as labels. */
    record Change(AnswerChange change, String from, String to) {
    }

    /** A colleague saved first: what is stored now, shown beside the question. */
    record Conflict(String message, String value, @Nullable String comment) {
    }

    /**
     * A save of which some answers were refused: the form as submitted, and per question key why
     * ({@link ScanService.SaveResult.Rejected} or {@link ScanService.SaveResult.Conflict}).
     */
    record Refusals(PartForm submitted, Map<String, ScanService.SaveResult> byQuestion) {
        static final Refusals NONE = new Refusals(PartForm.NONE, Map.of());

        boolean conflicted() {
            return byQuestion.values().stream().anyMatch(ScanService.SaveResult.Conflict.class::isInstance);
        }
    }

    /** What the kengetallen are for, in place of a bouwsteen's description. */
    private static final String KENGETALLEN_DESCRIPTION = "Deze cijfers tellen niet mee in de score.";

    static PartPage of(CurrentAccount account, ScanService.ScanView view, List<AnswerChange> history, String part,
                       boolean saved, Refusals refusals) {
        Survey survey = view.survey();
        Map<String, List<AnswerChange>> changes = history.stream().collect(Collectors.groupingBy(AnswerChange::questionKey));
        Map<String, String> themeTitles = survey.bouwstenen().stream().flatMap(b -> b.themes().stream())
                .collect(Collectors.toMap(Survey.Theme::key, Survey.Theme::title, (first, later) -> first));
        List<Item> items = new ArrayList<>();
        String currentTheme = null;
        for (Survey.Question question : PartNavigation.questions(survey, part)) {
            String themeTitle = null;
            if (question.theme() != null && !question.theme().equals(currentTheme)) {
                currentTheme = question.theme();
                themeTitle = themeTitles.get(currentTheme);
            }
            items.add(item(question, themeTitle, view.answers().get(question.key()),
                    changes.getOrDefault(question.key(), List.of()), refusals));
        }
        Progress.Part progress = view.progress().stream().filter(p -> p.key().equals(part)).findFirst().orElseThrow();
        String description = survey.bouwstenen().stream().filter(b -> b.key().equals(part))
                .map(Survey.Bouwsteen::description).findFirst().orElse(KENGETALLEN_DESCRIPTION);
        return new PartPage(progress.title(), view.scan(), part, description, progress, view.progress(), items,
                view.editable() && account.is(Role.ADVISEUR), PartNavigation.previous(survey, part).orElse(null),
                PartNavigation.next(survey, part).orElse(null), saved ? "Uw antwoorden zijn opgeslagen." : null);
    }

    static String conflictMessage(@Nullable AnswerRow current) {
        if (current == null) {
            return "Uw wijziging is niet opgeslagen: de pagina was verouderd. Laad de vraag opnieuw.";
        }
        return "Uw wijziging is niet opgeslagen: " + current.updatedByName() + " heeft deze vraag intussen beantwoord. "
                + "Bekijk dat antwoord en sla daarna opnieuw op als u het wilt wijzigen.";
    }

    private static Item item(Survey.Question question, @Nullable String themeTitle, @Nullable AnswerRow answer,
                             List<AnswerChange> changes, Refusals refusals) {
        String key = question.key();
        ScanService.SaveResult refusal = refusals.byQuestion().get(key);
        String problem = refusal instanceof ScanService.SaveResult.Rejected rejected ? rejected.message() : null;
        // The help text, and the error message when there is one, describe the question's input.
        String describedBy = "help-" + key + (problem != null ? " error-" + key : "");
        String value = answer == null ? null : answer.answerValue();
        String comment = answer == null ? null : answer.comment();
        if (problem != null) {
            // A refused answer stays in the form as typed, so that nothing the user wrote is lost.
            PartForm.Answer typed = refusals.submitted().answers().get(key);
            value = typed.value();
            comment = typed.comment();
        }
        Conflict conflict = null;
        if (refusal instanceof ScanService.SaveResult.Conflict refused) {
            AnswerRow current = refused.current();
            conflict = new Conflict(conflictMessage(current), label(question, current == null ? null : current.answerValue()),
                    current == null ? null : current.comment());
        }
        String checked = value;
        List<Option> options = question.options().stream().map(option -> new Option(key + "-" + option.value(),
                "value." + key, option.value(), option.label(), option.value().equals(checked), describedBy,
                problem != null)).toList();
        List<Change> steps = changes.stream()
                .map(change -> new Change(change, label(question, change.oldValue()), label(question, change.newValue())))
                .toList();
        return new Item(question, themeTitle, answer, answer == null ? 0 : answer.version(), value, comment, describedBy,
                options, steps, problem, conflict);
    }

    /** In the history and beside a colleague's answer an empty value reads "(leeg)", as a step in a change. */
    private static String label(Survey.Question question, @Nullable String value) {
        return value == null ? "(leeg)" : question.answerLabel(value);
    }
}
