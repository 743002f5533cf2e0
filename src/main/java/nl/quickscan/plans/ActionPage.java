package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.web.FormValues;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page of one action: its statements with their current answer, the form to change it (the gemeente's own
 * adviser; read-only for the others), its progress notes and history. Also the form of a new action, then without
 * {@code action}. After a refused save the form holds what the user typed, beside the problems or, when a
 * colleague saved first, the stored action ({@code conflict}).
 */
record ActionPage(String title, GemeenteRow gemeente, @Nullable PlanAction action, boolean editable, boolean overdue,
                  @Nullable String statusLabel, @Nullable ActionForm form, String formAction,
                  List<StatementGroup> statementGroups, List<FormValues.Option> statusOptions,
                  Map<String, String> errors, List<InvalidInput.Problem> errorSummary, @Nullable Conflict conflict,
                  List<PlanOverview.Statement> statements, List<ActionRepository.Change> history,
                  @Nullable String noteText, @Nullable String noteError, @Nullable String notice,
                  @Nullable String sourceRound, String planHref) {

    @Nullable
    public String overdueLabel() {
        return PlanAction.overdueLabel(overdue);
    }

    /** The statements of a bouwsteen to choose from; {@code open}: one of them is chosen, so the group is shown open. */
    record StatementGroup(String title, boolean open, List<StatementChoice> statements) {
    }

    record StatementChoice(String key, String text, boolean checked) {
    }

    /** A colleague's save came first: what is stored now, with the texts of its statements. */
    record Conflict(String message, PlanAction stored, String statusLabel, List<String> statementTexts) {
    }

    static String conflictMessage(PlanAction current) {
        return "Een collega heeft deze actie intussen gewijzigd: " + current.updatedByName() + " op "
                + DutchFormat.dateTime(current.updatedAt()) + " (versie " + current.version() + "). "
                + "Er is niets overschreven.";
    }

    /** The statement choices of a survey, per bouwsteen. */
    static List<StatementGroup> choices(@Nullable Survey survey, Set<String> checked) {
        if (survey == null) {
            return List.of();
        }
        return survey.bouwstenen().stream().map(bouwsteen -> {
            List<StatementChoice> choices = bouwsteen.questions().stream()
                    .map(question -> new StatementChoice(question.key(), question.text(), checked.contains(question.key())))
                    .toList();
            return new StatementGroup(bouwsteen.title(), choices.stream().anyMatch(StatementChoice::checked), choices);
        }).toList();
    }

    static List<FormValues.Option> statusOptions(@Nullable String selected) {
        return Arrays.stream(ActionStatus.values())
                .map(status -> FormValues.option(status.name(), status.label(), selected)).toList();
    }

    static ActionPage of(GemeenteRow gemeente, @Nullable PlanAction action, boolean editable, LocalDate today,
                         @Nullable ActionForm form, @Nullable Survey survey, InvalidInput problems,
                         @Nullable Conflict conflict, List<PlanOverview.Statement> statements,
                         List<ActionRepository.Change> history, @Nullable String noteText, @Nullable String noteError,
                         @Nullable String notice, @Nullable String sourceRound, String planHref) {
        String title = action == null ? "Nieuwe actie voor het verbeterplan" : "Actie: " + action.title();
        return new ActionPage(title, gemeente, action, editable, action != null && action.overdue(today),
                action == null ? null : action.status().label(), form,
                action == null ? "/verbeterplan/nieuw" : "/verbeterplan/acties/" + action.id(),
                form == null ? List.of() : choices(survey, form.questionKeys()),
                statusOptions(form == null ? null : form.status()), problems.byField(), problems.summary(), conflict,
                statements, history, noteText, noteError, notice, sourceRound, planHref);
    }
}
