package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import nl.quickscan.errors.InvalidInput;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The start page of a scan: the survey's introduction, until when the round is open, who last worked on it, the
 * steps with their state, and one thing to do next (begin, go on where the adviser was, or check and submit).
 * A coordinator reopens a submitted scan here.
 *
 * @param closing     until when answers can be given, as a sentence
 * @param lastChange  the newest answer (who saved it, when), or null before the first
 * @param action      the one primary action, or null when there is nothing to do (read only)
 * @param readOnlyWhy why the page only shows the scan, or null when the adviser can answer
 * @param notice      the confirmation after the coordinator reopened the scan, or null
 * @param reopenReason the reason as typed, after a refused reopen
 * @param errors       a refused reopen's messages per field ({@code reason}); {@code errorSummary} the same, for the top
 */
record StartPage(String title, ScanRow scan, List<String> introduction, String closing, Steps steps,
                 @Nullable AnswerRow lastChange, @Nullable Action action, boolean editable, boolean canReopen,
                 @Nullable String readOnlyWhy, @Nullable String notice, @Nullable String reopenReason,
                 Map<String, String> errors, List<InvalidInput.Problem> errorSummary) {

    /** A link styled as the page's primary button. */
    record Action(String label, String href) {
    }

    static StartPage of(CurrentAccount account, ScanService.ScanView view, LocalDate today, @Nullable String notice) {
        ScanRow scan = view.scan();
        String scanPath = "/scans/" + scan.id();
        Steps steps = Steps.of(view, null);
        boolean editable = view.editableBy(account);
        Action action = null;
        if (editable) {
            Steps.Place next = steps.firstOpen();
            if (!steps.started()) {
                action = new Action(scan.regioPart() ? "Begin met het regionale deel" : "Begin met de quickscan", scanPath + "/deel/" + steps.steps().get(0).path());
            } else if (next != null) {
                action = new Action("Ga verder waar u was", scanPath + "/deel/" + next.path() + "#" + next.questionKey());
            } else if (scan.regioPart()) {
                action = new Action("Bekijk alle antwoorden", scanPath + "/controleren");
            } else {
                action = new Action("Controleer en dien in", scanPath + "/controleren");
            }
        }
        AnswerRow lastChange = view.answers().values().stream().max(Comparator.comparing(AnswerRow::updatedAt)).orElse(null);
        return new StartPage(scan.title(), scan, List.of(view.survey().introduction().strip().split("\n+")),
                Meetronde.period(scan.opens(), scan.closes(), today), steps, lastChange, action, editable,
                scan.submitted() && !account.is(Role.ADVISEUR), readOnlyWhy(account, view), notice, null, Map.of(),
                List.of());
    }

    /** The page after a refused reopen: the reason as typed, with what is wrong at the field and at the top. */
    StartPage withReopenProblems(@Nullable String reason, InvalidInput problems) {
        return new StartPage(title, scan, introduction, closing, steps, lastChange, action, editable, canReopen,
                readOnlyWhy, notice, reason, problems.byField(), problems.summary());
    }

    /**
     * Why the account can only look at a scan that is not submitted (a submitted one says so itself): the round is
     * closed, or the account is not one of the gemeente's advisers. Null when the account can answer, or it is submitted.
     */
    @Nullable
    static String readOnlyWhy(CurrentAccount account, ScanService.ScanView view) {
        ScanRow scan = view.scan();
        if (scan.submitted() || view.editableBy(account)) {
            return null;
        }
        return !view.editable() ? "De meetronde is gesloten: de antwoorden kunnen niet meer worden gewijzigd."
                : scan.regioPart() ? "U bekijkt het regionale deel van regio " + scan.regioName()
                + "; alleen de coördinatoren van de regio kunnen het invullen."
                : "U bekijkt de scan van gemeente " + scan.gemeenteName() + "; alleen de beleidsadviseurs van de gemeente"
                + " kunnen hem invullen.";
    }

    /** "Open tot en met 31 januari 2027 (nog 40 dagen)". */
}
