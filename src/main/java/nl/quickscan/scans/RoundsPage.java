package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.web.FormValues;

import java.util.List;
import java.util.Map;

/**
 * The rounds in scope, and the form to open one (with its problems after a refused attempt); notice: the
 * confirmation after a round was removed.
 */
record RoundsPage(String title, @Nullable String notice, List<Meetronde> rounds, RoundController.RoundForm form, Map<String, String> errors,
                  List<InvalidInput.Problem> errorSummary, boolean chooseRegio, List<FormValues.Option> regios,
                  List<FormValues.Option> surveys, List<FormValues.Option> baselines, boolean herhaling) {

    static RoundsPage of(CurrentAccount actor, List<Meetronde> rounds, List<Regio> regios, List<Survey> surveys,
                         RoundController.RoundForm form, InvalidInput problems, @Nullable String notice) {
        return new RoundsPage("Meetrondes", notice, rounds, form, problems.byField(), problems.summary(), actor.is(Role.BEHEERDER),
                regios.stream().map(r -> FormValues.option(r.id().toString(), r.name(), form.regioId())).toList(),
                surveys.stream().map(s -> FormValues.option(s.id() + "@" + s.version(), s.title() + ", versie " + s.version(),
                        form.survey() == null || form.survey().isEmpty() ? newest(surveys) : form.survey())).toList(),
                rounds.stream().map(r -> FormValues.option(r.id().toString(), r.name(), form.baselineRoundId())).toList(),
                "HERHALING".equals(form.kind()));
    }

    /** A new round is on the newest published version of the first survey listed, unless the coordinator chooses another. */
    @Nullable
    static String newest(List<Survey> surveys) {
        return surveys.stream().filter(s -> s.id().equals(surveys.get(0).id()))
                .max(java.util.Comparator.comparingInt(Survey::version)).map(s -> s.id() + "@" + s.version()).orElse(null);
    }
}
