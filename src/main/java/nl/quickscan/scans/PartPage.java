package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;

import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The page of one part of a scan (a bouwsteen or the kengetallen): its questions as one form, each with its answer,
 * history, and what went wrong when saving it was refused.
 */
record PartPage(String title, ScanRow scan, String part, String description, Progress.Part progress,
                List<Progress.Part> parts, List<Item> items, boolean editable, @Nullable String previous,
                @Nullable String next, @Nullable String notice) {

    /**
     * A question as the form shows it; {@code themeTitle} is set on the first question of a theme. {@code version}
     * is the version the form's answer is based on. {@code incomplete}: the answer needs a toelichting it does not
     * have (shown at the field; {@code mayBeIncomplete} when an option needs one, so the script can show it too).
     */
    record Item(Survey.Question question, @Nullable String themeTitle, @Nullable AnswerRow answer, int version,
                @Nullable String value, @Nullable String comment, String describedBy, List<Option> options,
                List<Change> history, @Nullable String problem, @Nullable Conflict conflict, @Nullable Beside baseline,
                boolean mayBeIncomplete, boolean incomplete, @Nullable String commentDescribedBy) {
    }

    /**
     * A radio button, with its ids and references worked out here: the page has more than a hundred of them, and
     * each lookup of a parent value in the template costs more than building the string.
     */
    record Option(String id, String name, String value, String label, boolean checked, String describedBy,
                  boolean invalid, boolean requiresComment) {
    }

    /** A step in the answer's history, with the values as labels. */
    record Change(AnswerChange change, String from, String to) {
    }

    /**
     * A colleague saved first: what is stored now (who, when, the answer as label and as the form's value), shown
     * beside the user's own answer, which stays in the form; {@code version} is the colleague's version.
     */
    record Conflict(String message, @Nullable String label, @Nullable String value, @Nullable String comment, int version) {
    }

    /**
     * A herhaling: the nulmeting's answer beside the statement, as label and as the form's value; {@code canCopy}
     * when "Zelfde antwoord als bij de nulmeting" is offered.
     */
    record Beside(String label, @Nullable String value, @Nullable String comment, boolean canCopy) {
    }

    /**
     * A save of which some answers were refused: per question key what was submitted, and why it was refused
     * ({@link ScanService.SaveResult.Rejected} or {@link ScanService.SaveResult.Conflict}).
     */
    record Refusals(Map<String, ScanService.Submission> submitted, Map<String, ScanService.SaveResult> byQuestion) {
        static final Refusals NONE = new Refusals(Map.of(), Map.of());

        boolean conflicted() {
            return byQuestion.values().stream().anyMatch(ScanService.SaveResult.Conflict.class::isInstance);
        }
    }

    /** What the kengetallen are for, in place of a bouwsteen's description. */
    private static final String KENGETALLEN_DESCRIPTION = "Deze cijfers tellen niet mee in de score.";

    /** @param baseline for a herhaling, the nulmeting's answers per question key (empty otherwise) */
    static PartPage of(CurrentAccount account, ScanService.ScanView view, List<AnswerChange> history,
                       Map<String, ScanService.BaselineAnswer> baseline, String part, boolean saved, Refusals refusals) {
        Survey survey = view.survey();
        boolean editable = view.editable() && account.is(Role.ADVISEUR);
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
                    changes.getOrDefault(question.key(), List.of()), baseline.get(question.key()), editable, refusals));
        }
        Progress.Part progress = view.progress().stream().filter(p -> p.key().equals(part)).findFirst().orElseThrow();
        String description = survey.bouwstenen().stream().filter(b -> b.key().equals(part))
                .map(Survey.Bouwsteen::description).findFirst().orElse(KENGETALLEN_DESCRIPTION);
        return new PartPage(progress.title(), view.scan(), part, description, progress, view.progress(), items,
                editable, PartNavigation.previous(survey, part).orElse(null),
                PartNavigation.next(survey, part).orElse(null), saved ? "Uw antwoorden zijn opgeslagen." : null);
    }

    /** Who saved first and when; the page and the API say it alike. */
    static String conflictMessage(@Nullable AnswerRow current) {
        if (current == null) {
            return "Uw wijziging is nog niet opgeslagen: de pagina was verouderd.";
        }
        return "Uw wijziging is nog niet opgeslagen: " + current.updatedByName() + " heeft deze vraag intussen beantwoord, op "
                + DutchFormat.dateTime(current.updatedAt()) + ".";
    }

    private static Item item(Survey.Question question, @Nullable String themeTitle, @Nullable AnswerRow answer,
                             List<AnswerChange> changes, @Nullable ScanService.BaselineAnswer then, boolean editable,
                             Refusals refusals) {
        String key = question.key();
        ScanService.SaveResult refusal = refusals.byQuestion().get(key);
        String problem = refusal instanceof ScanService.SaveResult.Rejected rejected ? rejected.message() : null;
        // The help text, and the error message when there is one, describe the question's input.
        String describedBy = "help-" + key + (problem != null ? " error-" + key : "");
        String value = answer == null ? null : formValue(question, answer.answerValue());
        String comment = answer == null ? null : answer.comment();
        int version = answer == null ? 0 : answer.version();
        if (refusal != null) {
            // A refused answer stays in the form as typed, based on the version it was, so that nothing is lost.
            ScanService.Submission typed = refusals.submitted().get(key);
            value = typed.value();
            comment = typed.comment();
            version = typed.basedOn();
        }
        Conflict conflict = null;
        if (refusal instanceof ScanService.SaveResult.Conflict refused) {
            AnswerRow current = refused.current();
            conflict = current == null ? new Conflict(conflictMessage(null), null, null, null, 0)
                    : new Conflict(conflictMessage(current), label(question, current.answerValue()),
                    formValue(question, current.answerValue()), current.comment(), current.version());
        }
        String checked = value;
        List<Option> options = question.options().stream().map(option -> new Option(key + "-" + option.value(),
                "value." + key, option.value(), option.label(), option.value().equals(checked), describedBy,
                problem != null, option.requiresComment())).toList();
        List<Change> steps = changes.stream()
                .map(change -> new Change(change, label(question, change.oldValue()), label(question, change.newValue())))
                .toList();
        Beside baseline = then == null ? null : new Beside(then.label(), formValue(question, then.answer().answerValue()),
                then.answer().comment(), editable && then.copyable());
        boolean incomplete = AnswerRules.incomplete(question, value, comment);
        String commentDescribedBy = String.join(" ", Stream.of(problem != null ? "error-" + key : null,
                incomplete ? "incomplete-" + key : null).filter(Objects::nonNull).toList());
        return new Item(question, themeTitle, answer, version, value, comment, describedBy, options, steps, problem,
                conflict, baseline, question.options().stream().anyMatch(Survey.AnswerOption::requiresComment), incomplete,
                commentDescribedBy.isEmpty() ? null : commentDescribedBy);
    }

    /** A stored value as the form holds it: a kengetal in Dutch notation ("1234.5" → "1.234,5"), an option's value as is. */
    private static String formValue(Survey.Question question, @Nullable String value) {
        return value != null && question.type() == Survey.QuestionType.NUMBER ? question.answerLabel(value) : value;
    }

    /** In the history and beside a colleague's answer an empty value reads "(leeg)", as a step in a change. */
    private static String label(Survey.Question question, @Nullable String value) {
        return value == null ? "(leeg)" : question.answerLabel(value);
    }
}
