package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.database.Constraints;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.errors.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Opening measurement rounds: a coordinator for their own regio, a beheerder for any regio. */
@Singleton
public class RoundAdmin {

    /** What a new round is made of, from a form or from JSON; all text, checked here. */
    public record RoundInput(@Nullable Long regioId, @Nullable String name, @Nullable String kind,
                             @Nullable String surveyId, @Nullable Integer surveyVersion, @Nullable String opens,
                             @Nullable String closes, @Nullable Long baselineRoundId) {
    }

    private final RoundRepository rounds;
    private final RegioRepository regios;
    private final SurveyCatalog surveys;
    private final AuditLog auditLog;

    RoundAdmin(RoundRepository rounds, RegioRepository regios, SurveyCatalog surveys, AuditLog auditLog) {
        this.rounds = rounds;
        this.regios = regios;
        this.surveys = surveys;
        this.auditLog = auditLog;
    }

    private static final String NAME_TAKEN = "Deze regio heeft al een meetronde met deze naam.";

    @Transactional
    public Optional<Meetronde> open(CurrentAccount actor, TenantScope scope, RoundInput input, InvalidInput problems) {
        Long regioId = actor.is(Role.COORDINATOR) && input.regioId() == null ? actor.regioId() : input.regioId();
        Optional<Regio> regio = regioId == null ? Optional.empty() : regios.findVisible(scope, regioId);
        if (regio.isEmpty()) {
            problems.add("regioId", "Kies een regio waarvoor u een meetronde mag openen.");
        }
        problems.require("name", input.name(), Meetronde.NAME_MAX, "de naam van de meetronde");
        if (!problems.has("name") && regio.isPresent() && rounds.existsByRegioIdAndName(regio.get().id(), input.name().strip())) {
            problems.add("name", NAME_TAKEN);
        }
        Meetronde.Kind kind = null;
        try {
            kind = Meetronde.Kind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("kind", "Kies het soort meetronde: NULMETING of HERHALING.");
        }
        if (input.surveyId() == null || input.surveyVersion() == null
                || surveys.find(input.surveyId(), input.surveyVersion()).isEmpty()) {
            problems.add("surveyId", "Kies een bestaande vragenlijst en versie.");
        }
        LocalDate opens = date(input.opens(), "opens", "de openingsdatum", problems);
        LocalDate closes = date(input.closes(), "closes", "de sluitingsdatum", problems);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            problems.add("closes", "De sluitingsdatum ligt voor de openingsdatum.");
        }
        Long baseline = null;
        if (kind == Meetronde.Kind.HERHALING) {
            Optional<Meetronde> base = input.baselineRoundId() == null ? Optional.empty()
                    : rounds.findVisible(scope, input.baselineRoundId())
                            .filter(round -> regio.isPresent() && round.regioId() == regio.get().id());
            if (base.isEmpty()) {
                problems.add("baselineRoundId", "Kies de meetronde van dezelfde regio waarmee deze herhaling wordt vergeleken.");
            } else {
                baseline = base.get().id();
            }
        } else if (input.baselineRoundId() != null) {
            problems.add("baselineRoundId", "Alleen een herhaling wordt met een eerdere meetronde vergeleken.");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Meetronde round;
        try {
            round = rounds.save(new Meetronde(null, regio.get().id(), input.name().strip(), kind, baseline,
                    input.surveyId(), input.surveyVersion(), opens, closes, Instant.now()));
        } catch (DataAccessException e) {
            // The check above cannot see a round another request is opening at this moment; the unique
            // constraint (regio_id, name) can.
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            problems.add("name", NAME_TAKEN);
            return Optional.empty();
        }
        auditLog.record(actor, AuditAction.ROUND_OPENED, "meetronde " + round.name(), kind + ", regio " + regio.get().name()
                + ", " + opens + " t/m " + closes + ", vragenlijst " + input.surveyId() + " v" + input.surveyVersion(),
                regio.get().id(), null);
        return Optional.of(round);
    }

    @Nullable
    private static LocalDate date(@Nullable String value, String field, String label, InvalidInput problems) {
        if (value == null || value.isBlank()) {
            problems.add(field, "Vul " + label + " in (jjjj-mm-dd).");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "Vul " + label + " in als jjjj-mm-dd, bijvoorbeeld 2026-09-01.");
            return null;
        }
    }
}
