package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One page of a scan's form (a bouwsteen, a theme of a long bouwsteen, or the kengetallen) as a step of the
 * journey: the steps with their state, where this page is among them, its questions as one form, each with its
 * answer, history, and what went wrong when saving it was refused; and the open points when the adviser came
 * from the check page.
 *
 * @param stepLabel    "Stap 2 van 5", for a theme with its place in the bouwsteen
 * @param here         this page as a step: its state and progress
 * @param previousHref where "Vorige" goes: the previous page, or the start page before the first
 * @param nextHref     where "Opslaan en verder" goes: the next page, or the check page after the last
 * @param errorSummary what needs the adviser's attention on this page, each linking to its question
 * @param showOpen     the open points are marked (the adviser came from the check page), also on the pages
 *                     "Opslaan en verder" and "Vorige" lead to
 * @param readOnlyWhy  why the page only shows the answers of a scan that is not submitted (see {@link StartPage})
 * @param unsaved      a page post came after the round closed or the scan was submitted: why nothing was stored;
 *                     the page then shows what was typed (see {@link Refusals#closed})
 */
record PartPage(String title, ScanRow scan, String path, String heading, String stepLabel, String description,
                Steps steps, Steps.Step here, List<Item> items, boolean editable, String previousHref,
                String nextHref, @Nullable String notice, @Nullable String errorSummaryTitle,
                List<SummaryItem> errorSummary, boolean showOpen, @Nullable String readOnlyWhy,
                @Nullable String unsaved) {

    /**
     * A question as the form shows it; {@code themeTitle} is set on the first question of a theme. {@code version}
     * is the version the form's answer is based on. {@code problem} is what the field says is wrong, about the answer
     * ({@code options} and the text box are then marked invalid) or about the toelichting ({@code commentInvalid}),
     * or both for a refused save. {@code incomplete}: the answer needs a toelichting it does not have (shown at the
     * field; {@code mayBeIncomplete} when an option needs one, so the script can show it too). {@code fromRegio}: in a
     * gemeente's scan a statement the regio answers, shown read-only with the regio's answer ({@code answer},
     * {@code regioLabel}).
     */
    record Item(Survey.Question question, String text, @Nullable String themeTitle, @Nullable AnswerRow answer, int version,
                @Nullable String value, @Nullable String comment, String describedBy, List<Option> options,
                List<Change> history, @Nullable String problem, boolean answerInvalid, boolean commentInvalid,
                @Nullable Conflict conflict, @Nullable Beside baseline, boolean mayBeIncomplete, boolean incomplete,
                @Nullable String commentDescribedBy, boolean fromRegio, @Nullable String regioLabel,
                @Nullable Typed typed) {

        /** "1 wijziging", "3 wijzigingen": the answer's history as its summary names it. */
        public String historyCount() {
            return DutchFormat.count(history.size(), "wijziging", "wijzigingen");
        }
    }

    /**
     * What the user typed but could not be stored (the round closed, the scan was submitted), as text to copy:
     * the answer as label, the toelichting as typed.
     */
    record Typed(@Nullable String label, @Nullable String comment) {
    }

    /**
     * A radio button, with its ids and references worked out here: the page has more than a hundred of them, and
     * each lookup of a parent value in the template costs more than building the string.
     */
    /** {@code apart}: "Weet ik niet" or "Niet van toepassing", set apart from the scale on the page. */
    record Option(String id, String name, String value, String label, boolean checked, String describedBy,
                  boolean invalid, boolean requiresComment, @Nullable String help, boolean multiple, boolean apart) {
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


    /** A line of the error summary: the message, and where it links to ({@code #<question key>}). */
    record SummaryItem(String message, String href) {
    }

    /**
     * A save of which some answers were refused: per question key what was submitted, and why it was refused
     * ({@link ScanService.SaveResult.Rejected} or {@link ScanService.SaveResult.Conflict}).
     */
    record Refusals(Map<String, ScanService.Submission> submitted, Map<String, ScanService.SaveResult> byQuestion,
                    boolean closed) {
        static final Refusals NONE = new Refusals(Map.of(), Map.of(), false);

        Refusals(Map<String, ScanService.Submission> submitted, Map<String, ScanService.SaveResult> byQuestion) {
            this(submitted, byQuestion, false);
        }

        /** Nothing was stored, as the round closed or the scan was submitted: every answer stays as typed. */
        static Refusals closed(Map<String, ScanService.Submission> submitted) {
            return new Refusals(submitted, Map.of(), true);
        }

        boolean conflicted() {
            return byQuestion.values().stream().anyMatch(ScanService.SaveResult.Conflict.class::isInstance);
        }
    }

    /** The most characters of a statement in the error summary. */
    private static final int SUMMARY_TEXT_MAX = 70;

    /** What the kengetallen are for, in place of a bouwsteen's description. */
    private static final String KENGETALLEN_DESCRIPTION = "Deze cijfers tellen niet mee in de score. U hoeft ze niet allemaal in te vullen.";

    /**
     * @param baseline for a herhaling, the nulmeting's answers per question key (empty otherwise)
     * @param showOpen the adviser came from the check page: mark every open statement of the page at the statement
     */
    static PartPage of(CurrentAccount account, ScanService.ScanView view, List<AnswerChange> history,
                       Map<String, ScanService.BaselineAnswer> baseline, String path, boolean saved, Refusals refusals,
                       boolean showOpen) {
        Survey survey = view.survey();
        boolean editable = view.editableBy(account);
        PartNavigation.Page page = PartNavigation.page(survey, path);
        Map<String, List<AnswerChange>> changes = history.stream().collect(Collectors.groupingBy(AnswerChange::questionKey));
        Map<String, String> themeTitles = survey.bouwstenen().stream().flatMap(b -> b.themes().stream())
                .collect(Collectors.toMap(Survey.Theme::key, Survey.Theme::title, (first, later) -> first));
        List<Item> items = new ArrayList<>();
        String currentTheme = null;
        for (Survey.Question question : page.questions()) {
            String themeTitle = null;
            // A page of one theme has the theme in its heading already.
            if (page.theme() == null && question.theme() != null && !question.theme().equals(currentTheme)) {
                currentTheme = question.theme();
                themeTitle = themeTitles.get(currentTheme);
            }
            AnswerRow answer = view.answers().get(question.key());
            String text = question.textFor(view.scan().opens().getYear());
            items.add(view.fromRegio(question) ? fromRegio(question, text, themeTitle, answer)
                    : item(question, text, themeTitle, answer, changes.getOrDefault(question.key(), List.of()),
                    baseline.get(question.key()), editable, refusals, showOpen));
        }
        Steps steps = Steps.of(view, path);
        Steps.Step here = steps.pages().stream().filter(step -> step.path().equals(path)).findFirst().orElseThrow();
        String description = survey.bouwstenen().stream().filter(b -> b.key().equals(page.partKey()))
                .map(Survey.Bouwsteen::description).findFirst().orElse(KENGETALLEN_DESCRIPTION);
        String stepLabel = "Stap " + page.step() + " van " + page.steps()
                + (page.theme() == null ? "" : " – " + page.partTitle() + ", onderdeel " + page.part() + " van " + page.parts());
        String scanPath = "/scans/" + view.scan().id();
        List<SummaryItem> summary = items.stream()
                .filter(item -> item.problem() != null || item.conflict() != null)
                .map(item -> new SummaryItem(shortened(item.question().text()) + " – " + (item.conflict() != null
                        ? "een collega heeft deze stelling intussen beantwoord" : summaryReason(item)),
                        "#" + item.question().key()))
                .toList();
        String summaryTitle = summary.isEmpty() ? null : !refusals.byQuestion().isEmpty() ? "Niet alles is opgeslagen"
                : summary.size() == 1 ? "Op deze pagina staat nog 1 open punt" : "Op deze pagina staan nog " + summary.size() + " open punten";
        return new PartPage(page.title(), view.scan(), path, page.theme() == null ? page.partTitle() : page.theme().title(),
                stepLabel, description, steps, here, items, editable,
                PartNavigation.previous(survey, path).map(previous -> scanPath + "/deel/" + previous).orElse(scanPath),
                PartNavigation.next(survey, path).map(next -> scanPath + "/deel/" + next).orElse(scanPath + "/controleren"),
                saved ? "Uw antwoorden zijn opgeslagen." : null, summaryTitle, summary, showOpen,
                refusals.closed() ? null : StartPage.readOnlyWhy(account, view),
                !refusals.closed() ? null : (view.scan().submitted() ? "Deze scan is intussen ingediend"
                        : "De meetronde is gesloten") + "; uw antwoorden zijn niet opgeslagen. Hieronder staat wat u"
                        + " invulde, zodat u het kunt bewaren.");
    }

    /** Who saved first and when; the page and the API say it alike. */
    static String conflictMessage(@Nullable AnswerRow current) {
        if (current == null) {
            return "Uw wijziging is nog niet opgeslagen: de pagina was verouderd.";
        }
        return "Uw wijziging is nog niet opgeslagen: " + current.updatedByName() + " heeft deze vraag intussen beantwoord, op "
                + DutchFormat.dateTime(current.updatedAt()) + ".";
    }

    /** Why an open statement is open, as its field says it. */
    @Nullable
    static String openProblem(Survey.Question question, @Nullable String value, @Nullable String comment) {
        if (value == null) {
            if (!question.required()) {
                return null;
            }
            return question.options().isEmpty() ? "Vul hier een antwoord in." : "Kies een antwoord bij deze stelling.";
        }
        if (AnswerRules.incomplete(question, value, comment)) {
            return "Bij '" + question.answerLabel(value) + "' hoort een toelichting. Schrijf kort waarom.";
        }
        return null;
    }

    /** A statement as the error summary names it: its first words, so that the list stays short. */
    static String shortened(String text) {
        if (text.length() <= SUMMARY_TEXT_MAX) {
            return text;
        }
        int end = text.lastIndexOf(' ', SUMMARY_TEXT_MAX);
        return text.substring(0, end > 0 ? end : SUMMARY_TEXT_MAX).replaceAll("[,.;:]$", "") + "…";
    }

    private static String summaryReason(Item item) {
        if (item.answerInvalid() && item.commentInvalid()) {
            return item.problem();
        }
        return item.commentInvalid() ? "toelichting ontbreekt" : "nog niet beantwoord";
    }

    private static Item item(Survey.Question question, String text, @Nullable String themeTitle, @Nullable AnswerRow answer,
                             List<AnswerChange> changes, @Nullable ScanService.BaselineAnswer then, boolean editable,
                             Refusals refusals, boolean showOpen) {
        String key = question.key();
        ScanService.SaveResult refusal = refusals.byQuestion().get(key);
        String problem = refusal instanceof ScanService.SaveResult.Rejected rejected ? rejected.message() : null;
        String value = answer == null ? null : formValue(question, answer.answerValue());
        String comment = answer == null ? null : answer.comment();
        int version = answer == null ? 0 : answer.version();
        boolean answerInvalid = problem != null;
        boolean commentInvalid = problem != null;
        ScanService.Submission closedTyped = refusals.closed() ? refusals.submitted().get(key) : null;
        Typed unsaved = null;
        if (closedTyped != null) {
            // Nothing could be stored: the answer as typed, and beside it as text, when it differs from what is stored.
            if (!Objects.equals(blankAsNull(closedTyped.value()), blankAsNull(value))
                    || !Objects.equals(blankAsNull(closedTyped.comment()), blankAsNull(comment))) {
                unsaved = new Typed(closedTyped.value() == null || closedTyped.value().isBlank() ? null
                        : question.options().isEmpty() ? closedTyped.value() : label(question, closedTyped.value()),
                        blankAsNull(closedTyped.comment()));
            }
            value = closedTyped.value();
            comment = closedTyped.comment();
        } else if (refusal != null) {
            // A refused answer stays in the form as typed, based on the version it was, so that nothing is lost.
            ScanService.Submission typed = refusals.submitted().get(key);
            value = typed.value();
            comment = typed.comment();
            version = typed.basedOn();
        } else if (showOpen) {
            problem = openProblem(question, value, comment);
            answerInvalid = problem != null && value == null;
            commentInvalid = problem != null && value != null;
        }
        // The help text, and the error message when it is about the answer, describe the question's input.
        String describedBy = "help-" + key + (answerInvalid ? " error-" + key : "");
        Conflict conflict = null;
        if (refusal instanceof ScanService.SaveResult.Conflict refused) {
            AnswerRow current = refused.current();
            conflict = current == null ? new Conflict(conflictMessage(null), null, null, null, 0)
                    : new Conflict(conflictMessage(current), label(question, current.answerValue()),
                    formValue(question, current.answerValue()), current.comment(), current.version());
        }
        boolean invalid = answerInvalid;
        // A multiple choice is a checkbox per option, each of its own name (PartForm.read puts them together).
        boolean multiple = question.type() == Survey.QuestionType.MULTIPLE_CHOICE;
        Set<String> chosen = value == null ? Set.of() : multiple
                ? Set.copyOf(Arrays.asList(value.split(AnswerRules.MULTIPLE_SEPARATOR))) : Set.of(value);
        List<Option> options = question.options().stream().map(option -> new Option(key + "-" + option.value(),
                multiple ? PartForm.optionField(key, option.value()) : "value." + key, option.value(), option.label(),
                chosen.contains(option.value()),
                option.help() == null ? describedBy : describedBy + " help-" + key + "-" + option.value(),
                invalid, option.requiresComment(), option.help(), multiple,
                option.uncertain() || option.notApplicable())).toList();
        List<Change> steps = changes.stream()
                .map(change -> new Change(change, label(question, change.oldValue()), label(question, change.newValue())))
                .toList();
        Beside baseline = then == null ? null : new Beside(then.label(), formValue(question, then.answer().answerValue()),
                then.answer().comment(), editable && then.copyable());
        // When the field already says what is missing (a refusal, or the open points of the check page), once is enough.
        boolean incomplete = AnswerRules.incomplete(question, value, comment) && !commentInvalid;
        String commentDescribedBy = String.join(" ", Stream.of(commentInvalid ? "error-" + key : null,
                incomplete ? "incomplete-" + key : null).filter(Objects::nonNull).toList());
        return new Item(question, text, themeTitle, answer, version, value, comment, describedBy, options, steps, problem,
                answerInvalid, commentInvalid, conflict, baseline,
                question.options().stream().anyMatch(Survey.AnswerOption::requiresComment), incomplete,
                commentDescribedBy.isEmpty() ? null : commentDescribedBy, false, null, unsaved);
    }

    private static @Nullable String blankAsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A statement the regio answers, as a gemeente's scan shows it: no fields, the regio's answer (if any). */
    private static Item fromRegio(Survey.Question question, String text, @Nullable String themeTitle,
                                  @Nullable AnswerRow answer) {
        String label = answer == null || answer.answerValue() == null ? null : question.answerLabel(answer.answerValue());
        return new Item(question, text, themeTitle, answer, 0, null, null, "help-" + question.key(), List.of(), List.of(),
                null, false, false, null, null, false, false, null, true, label, null);
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
