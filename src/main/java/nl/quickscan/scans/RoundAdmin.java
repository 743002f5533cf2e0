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

import io.micronaut.serde.annotation.Serdeable;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.text.DutchFormat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opening, changing and removing measurement rounds: a coordinator for their own regio, a beheerder for any regio.
 * <p>
 * The dates of a closed round stay as they are: {@link nl.quickscan.scoring.SharedFigures} shows figures over other
 * gemeenten' scores once a round has closed, on the ground that they never change afterwards. Reopening a closed
 * round (moving its closing date into the future) would let scans change and be submitted again, and the figures
 * seen before and after could be differenced; so a closed round keeps its dates, and an open round can be closed no
 * earlier than today (it then closes at the end of the day).
 */
@Singleton
public class RoundAdmin {

    /**
     * A round's new name and dates, and how many days before closing it reminds by itself (empty: it does not; null:
     * as it is); from the form or from JSON; all text, checked here.
     */
    @Serdeable
    public record Change(@Nullable String name, @Nullable String opens, @Nullable String closes,
                         @Nullable String reminderDaysBefore) {
    }

    /** What a new round is made of, from a form or from JSON; all text, checked here. */
    public record RoundInput(@Nullable Long regioId, @Nullable String name, @Nullable String kind,
                             @Nullable String surveyId, @Nullable Integer surveyVersion, @Nullable String opens,
                             @Nullable String closes, @Nullable Long baselineRoundId) {
    }

    private final RoundRepository rounds;
    private final RegioRepository regios;
    private final SurveyCatalog surveys;
    private final AuditLog auditLog;
    private final Clock clock;

    RoundAdmin(RoundRepository rounds, RegioRepository regios, SurveyCatalog surveys, AuditLog auditLog, Clock clock) {
        this.clock = clock;
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

    /**
     * Renames the round or moves its dates (extends it, or closes it early by closing it today). Refused with the
     * problems, and nothing changed: a closing date before the opening date or before today, an opening date after
     * the first answer, a name another round of the regio has, other dates for a closed round.
     *
     * @return the round as it is now; empty when refused
     * @throws NotFoundException when the round is not in scope
     */
    @Transactional
    public Optional<Meetronde> change(CurrentAccount actor, TenantScope scope, long roundId, Change input, InvalidInput problems) {
        Meetronde round = lockVisible(scope, roundId);
        LocalDate today = LocalDate.now(clock);
        problems.require("name", input.name(), Meetronde.NAME_MAX, "de naam van de meetronde");
        String name = problems.has("name") ? null : input.name().strip();
        if (name != null && !name.equals(round.name()) && rounds.countNamedOtherThan(round.regioId(), name, round.id()) > 0) {
            problems.add("name", NAME_TAKEN);
        }
        LocalDate opens = date(input.opens(), "opens", "de openingsdatum", problems);
        LocalDate closes = date(input.closes(), "closes", "de sluitingsdatum", problems);
        Integer reminderDays = input.reminderDaysBefore() == null ? round.reminderDaysBefore()
                : reminderDays(input.reminderDaysBefore(), problems);
        if (opens != null && closes != null) {
            if (today.isAfter(round.closes())) {
                if (!opens.equals(round.opens()) || !closes.equals(round.closes())) {
                    problems.add(opens.equals(round.opens()) ? "closes" : "opens", "Deze meetronde is gesloten. De data "
                            + "van een gesloten meetronde veranderen niet meer, zodat de cijfers die anderen ervan zien gelijk blijven.");
                }
            } else if (closes.isBefore(opens)) {
                problems.add("closes", "De sluitingsdatum ligt voor de openingsdatum.");
            } else if (closes.isBefore(today)) {
                problems.add("closes", "De sluitingsdatum kan niet voor vandaag liggen. Wilt u de meetronde nu sluiten? "
                        + "Kies dan vandaag: de gemeenten kunnen dan nog tot en met vandaag invullen.");
            } else {
                rounds.firstAnswerAt(round.id()).map(first -> LocalDate.ofInstant(first, clock.getZone()))
                        .filter(opens::isAfter).ifPresent(first -> problems.add("opens", "Op " + DutchFormat.date(first)
                                + " is al een antwoord gegeven. De openingsdatum kan niet later zijn dan die dag."));
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        describe(changes, "naam", round.name(), name);
        describe(changes, "open vanaf", DutchFormat.date(round.opens()), DutchFormat.date(opens));
        describe(changes, "open tot en met", DutchFormat.date(round.closes()), DutchFormat.date(closes));
        describe(changes, "herinnering vooraf", reminderLabel(round.reminderDaysBefore()), reminderLabel(reminderDays));
        if (changes.isEmpty()) {
            return Optional.of(round);
        }
        try {
            rounds.change(round.id(), name, opens, closes, reminderDays);
        } catch (DataAccessException e) {
            // Another request may be giving a round of the regio this name at this moment; the unique constraint decides.
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            problems.add("name", NAME_TAKEN);
            return Optional.empty();
        }
        auditLog.record(actor, AuditAction.ROUND_CHANGED, "meetronde " + round.name(), String.join("; ", changes),
                round.regioId(), null);
        return rounds.findVisible(scope, round.id());
    }

    private static String reminderLabel(@Nullable Integer days) {
        return days == null ? "uit" : ScanMails.daysBeforeClosing(days);
    }

    /** The number of days before closing to remind: empty for none, else a whole number from 1 to 30. */
    @Nullable
    private static Integer reminderDays(@Nullable String value, InvalidInput problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = "Vul een aantal dagen in van 1 tot en met " + Meetronde.REMINDER_DAYS_MAX
                + ", of laat het veld leeg voor geen automatische herinnering.";
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= Meetronde.REMINDER_DAYS_MAX) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("reminderDaysBefore", problem);
        return null;
    }

    private static void describe(List<String> changes, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }

    /**
     * Removes a round nobody has answered anything in, with the scans that were started in it.
     *
     * @throws NotFoundException when the round is not in scope
     * @throws ConflictException when it has answers, or a herhaling is compared with it
     */
    @Transactional
    public void remove(CurrentAccount actor, TenantScope scope, long roundId) {
        Meetronde round = lockVisible(scope, roundId);
        Optional<String> refusal = whyNotRemovable(round);
        if (refusal.isPresent()) {
            throw new ConflictException(refusal.get());
        }
        try {
            rounds.deleteScansOf(round.id());
            rounds.deleteRemindersOf(round.id());
            rounds.delete(round.id());
        } catch (DataAccessException e) {
            // An adviser saved a first answer (or started a scan) while this request looked: the foreign keys refuse.
            if (!Constraints.isForeignKeyViolation(e)) {
                throw e;
            }
            throw new ConflictException(HAS_ANSWERS);
        }
        auditLog.record(actor, AuditAction.ROUND_REMOVED, "meetronde " + round.name(), round.kind().label() + ", "
                + DutchFormat.date(round.opens()) + " t/m " + DutchFormat.date(round.closes()) + ", zonder antwoorden",
                round.regioId(), null);
    }

    /** Why the round cannot be removed (someone answered, a herhaling is compared with it); empty when it can. */
    public Optional<String> whyNotRemovable(Meetronde round) {
        if (rounds.countAnswers(round.id()) > 0) {
            return Optional.of(HAS_ANSWERS);
        }
        List<String> herhalingen = rounds.namesOfHerhalingenOf(round.id());
        return herhalingen.isEmpty() ? Optional.empty() : Optional.of("Deze meetronde kan niet worden verwijderd: "
                + "de herhaling " + String.join(", ", herhalingen) + " wordt ermee vergeleken.");
    }

    private static final String HAS_ANSWERS = "Deze meetronde kan niet worden verwijderd: er zijn al antwoorden gegeven.";

    private Meetronde lockVisible(TenantScope scope, long roundId) {
        return rounds.lockVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
    }

    @Nullable
    private static LocalDate date(@Nullable String value, String field, String label, InvalidInput problems) {
        if (value == null || value.isBlank()) {
            problems.add(field, "Vul " + label + " in.");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "Vul " + label + " in als jjjj-mm-dd, bijvoorbeeld 2026-09-01.");
            return null;
        }
        if (date.isBefore(Meetronde.EARLIEST) || date.isAfter(Meetronde.LATEST)) {
            problems.add(field, "Kies voor " + label + " een datum van " + Meetronde.EARLIEST.getYear() + " tot en met "
                    + Meetronde.LATEST.getYear() + ".");
            return null;
        }
        return date;
    }
}
