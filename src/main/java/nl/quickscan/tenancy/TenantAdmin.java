package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.text.DutchFormat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating and changing regio's and gemeenten (beheerder only), with validation and audit trail. */
@Singleton
public class TenantAdmin {

    /** CBS gemeentecode: GM followed by four digits, for example GM0014. */
    private static final Pattern CBS_CODE = Pattern.compile("^GM\\d{4}$");
    /** A whole number, plainly or with thousands points as the CBS writes it: 234950 or 234.950. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^(\\d{1,8}|\\d{1,3}(\\.\\d{3}){1,2})$");

    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final AuditLog auditLog;
    private final Clock clock;

    TenantAdmin(RegioRepository regios, GemeenteRepository gemeenten, AuditLog auditLog, Clock clock) {
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A gemeente's number of inhabitants with its reference year, both null while unknown. */
    private record Inhabitants(@Nullable Integer count, @Nullable Integer year) {
        /** ", 234.950 inwoners (2024)", or "" while unknown: for the audit trail. */
        String described() {
            return count == null ? "" : ", " + DutchFormat.number(count) + " inwoners (" + year + ")";
        }
    }

    @Transactional
    public Optional<Regio> createRegio(CurrentAccount actor, String name, InvalidInput problems) {
        validateRegioName(name, null, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Regio regio = regios.save(new Regio(null, name.strip(), Instant.now()));
        auditLog.record(actor, AuditAction.REGIO_CREATED, "regio " + regio.name(), "Aangemaakt", regio.id(), null);
        return Optional.of(regio);
    }

    @Transactional
    public void renameRegio(CurrentAccount actor, Regio regio, String name, InvalidInput problems) {
        validateRegioName(name, regio.id(), problems);
        if (problems.isEmpty()) {
            regios.rename(regio.id(), name.strip());
            auditLog.record(actor, AuditAction.REGIO_UPDATED, "regio " + name.strip(), "Naam was " + regio.name(), regio.id(), null);
        }
    }

    @Transactional
    public Optional<Gemeente> createGemeente(CurrentAccount actor, String cbsCode, String name, String regioId,
                                             @Nullable String inhabitants, @Nullable String inhabitantsYear,
                                             InvalidInput problems) {
        Optional<Regio> regio = validateGemeente(cbsCode, name, regioId, null, problems);
        Inhabitants counted = validateInhabitants(inhabitants, inhabitantsYear, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Gemeente gemeente = gemeenten.save(new Gemeente(null, normalizeCode(cbsCode), name.strip(),
                regio.get().id(), Instant.now(), counted.count(), counted.year()));
        auditLog.record(actor, AuditAction.GEMEENTE_CREATED, "gemeente " + gemeente.name(),
                "CBS-code " + gemeente.cbsCode() + ", regio " + regio.get().name() + counted.described(),
                regio.get().id(), gemeente.id());
        return Optional.of(gemeente);
    }

    @Transactional
    public void updateGemeente(CurrentAccount actor, GemeenteRow existing, String cbsCode, String name, String regioId,
                               @Nullable String inhabitants, @Nullable String inhabitantsYear, InvalidInput problems) {
        Optional<Regio> regio = validateGemeente(cbsCode, name, regioId, existing.id(), problems);
        Inhabitants counted = validateInhabitants(inhabitants, inhabitantsYear, problems);
        if (problems.isEmpty()) {
            gemeenten.update(existing.id(), normalizeCode(cbsCode), name.strip(), regio.get().id(),
                    counted.count(), counted.year());
            auditLog.record(actor, AuditAction.GEMEENTE_UPDATED, "gemeente " + name.strip(),
                    "Was " + existing.name() + " (" + existing.cbsCode() + ", regio " + existing.regioName()
                            + new Inhabitants(existing.inhabitants(), existing.inhabitantsYear()).described() + "); nu "
                            + normalizeCode(cbsCode) + ", regio " + regio.get().name() + counted.described(),
                    regio.get().id(), existing.id());
        }
    }

    private void validateRegioName(String name, Long ownId, InvalidInput problems) {
        problems.require("name", name, Regio.NAME_MAX, "de naam van de regio");
        if (!problems.has("name")) {
            regios.findByName(name.strip()).filter(other -> !other.id().equals(ownId))
                    .ifPresent(other -> problems.add("name", "Er is al een regio met deze naam."));
        }
    }

    private Optional<Regio> validateGemeente(String cbsCode, String name, String regioId, Long ownId,
                                             InvalidInput problems) {
        problems.require("cbsCode", cbsCode, Gemeente.CBS_CODE_LENGTH, "de CBS-gemeentecode");
        if (!problems.has("cbsCode")) {
            if (!CBS_CODE.matcher(normalizeCode(cbsCode)).matches()) {
                problems.add("cbsCode", "Een CBS-gemeentecode is GM met vier cijfers, zoals GM0014.");
            } else {
                gemeenten.findByCbsCode(normalizeCode(cbsCode)).filter(other -> !other.id().equals(ownId))
                        .ifPresent(other -> problems.add("cbsCode", "Deze CBS-code hoort al bij gemeente " + other.name() + "."));
            }
        }
        problems.require("name", name, Gemeente.NAME_MAX, "de naam van de gemeente");
        if (!problems.has("name")) {
            gemeenten.findByName(name.strip()).filter(other -> !other.id().equals(ownId))
                    .ifPresent(other -> problems.add("name", "Er is al een gemeente met deze naam."));
        }
        Optional<Regio> regio = FormValues.id(regioId).flatMap(id -> regios.findVisible(TenantScope.platform(), id));
        if (regio.isEmpty()) {
            problems.add("regio", "Kies de regio van de gemeente.");
        }
        return regio;
    }

    /**
     * The number of inhabitants and its year: both given or both left empty (unknown). A whole number from 1 to
     * {@link Gemeente#INHABITANTS_MAX}; a year from {@link Gemeente#INHABITANTS_YEAR_MIN} to next year, since the
     * CBS publishes a first figure for 1 January shortly before it.
     */
    private Inhabitants validateInhabitants(@Nullable String count, @Nullable String year, InvalidInput problems) {
        boolean noCount = count == null || count.isBlank();
        boolean noYear = year == null || year.isBlank();
        if (noCount && noYear) {
            return new Inhabitants(null, null);
        }
        Integer parsedCount = noCount ? null : wholeNumber(count, 1, Gemeente.INHABITANTS_MAX);
        if (noCount) {
            problems.add("inhabitants", "Vul het aantal inwoners in, of maak ook het jaar leeg.");
        } else if (parsedCount == null) {
            problems.add("inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met "
                    + DutchFormat.number(Gemeente.INHABITANTS_MAX) + ", zoals 234950.");
        }
        int nextYear = LocalDate.now(clock).getYear() + 1;
        Integer parsedYear = noYear ? null : wholeNumber(year, Gemeente.INHABITANTS_YEAR_MIN, nextYear);
        if (noYear) {
            problems.add("inhabitantsYear", "Vul het jaar van het aantal inwoners in, zoals " + (nextYear - 1) + ".");
        } else if (parsedYear == null) {
            problems.add("inhabitantsYear", "Het jaar is een jaartal van " + Gemeente.INHABITANTS_YEAR_MIN
                    + " tot en met " + nextYear + ".");
        }
        return new Inhabitants(parsedCount, parsedYear);
    }

    /** The number, or null when it is not a whole number from min to max. */
    private static Integer wholeNumber(String text, int min, int max) {
        String stripped = text.strip();
        if (!WHOLE_NUMBER.matcher(stripped).matches()) {
            return null;
        }
        int value = Integer.parseInt(stripped.replace(".", ""));
        return value < min || value > max ? null : value;
    }

    private static String normalizeCode(String cbsCode) {
        return cbsCode.strip().toUpperCase(Locale.ROOT);
    }
}
