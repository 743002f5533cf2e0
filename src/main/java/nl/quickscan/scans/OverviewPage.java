package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import java.util.List;
import java.util.Map;

/** The overview of a scan: progress per part, submitting or reopening it, and what still blocks submitting. */
record OverviewPage(String title, ScanRow scan, String status, int percent, List<Progress.Part> parts,
                    boolean editable, boolean canReopen, @Nullable String notice, List<MissingPart> missing) {

    /** A part with questions that block submitting. */
    record MissingPart(String key, String title, List<MissingQuestion> questions) {
    }

    record MissingQuestion(String key, String text, String why) {
    }

    /**
     * @param justSubmitted the adviser came here right after submitting
     * @param missing       per part key the questions that blocked submitting (empty when none were tried)
     */
    static OverviewPage of(CurrentAccount account, ScanService.ScanView view, boolean justSubmitted,
                           Map<String, List<String>> missing) {
        ScanRow scan = view.scan();
        return new OverviewPage("Quickscan " + scan.gemeenteName(), scan, scan.status().label(),
                view.percent(), view.progress(), view.editable() && account.is(Role.ADVISEUR),
                scan.submitted() && !account.is(Role.ADVISEUR),
                justSubmitted && scan.submitted() ? "De scan is ingediend. Dank u wel!" : null,
                missingParts(view, missing));
    }

    private static List<MissingPart> missingParts(ScanService.ScanView view, Map<String, List<String>> missing) {
        return view.progress().stream().filter(part -> missing.containsKey(part.key()))
                .map(part -> new MissingPart(part.key(), part.title(), missing.get(part.key()).stream().map(key -> {
                    AnswerRow answer = view.answers().get(key);
                    String why = answer != null && answer.answerValue() != null ? "toelichting ontbreekt" : "nog niet beantwoord";
                    return new MissingQuestion(key, ScanService.questionOf(view.survey(), key).orElseThrow().text(), why);
                }).toList()))
                .toList();
    }
}
