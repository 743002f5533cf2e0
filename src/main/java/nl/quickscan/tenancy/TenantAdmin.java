package nl.quickscan.tenancy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.InvalidInput;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating and changing regio's and gemeenten (beheerder only), with validation and audit trail. */
@Singleton
public class TenantAdmin {

    /** CBS gemeentecode: GM followed by four digits, for example GM0014. */
    private static final Pattern CBS_CODE = Pattern.compile("^GM\\d{4}$");

    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final AuditLog auditLog;

    TenantAdmin(RegioRepository regios, GemeenteRepository gemeenten, AuditLog auditLog) {
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.auditLog = auditLog;
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
                                             InvalidInput problems) {
        Optional<Regio> regio = validateGemeente(cbsCode, name, regioId, null, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Gemeente gemeente = gemeenten.save(new Gemeente(null, normalizeCode(cbsCode), name.strip(),
                regio.get().id(), Instant.now()));
        auditLog.record(actor, AuditAction.GEMEENTE_CREATED, "gemeente " + gemeente.name(),
                "CBS-code " + gemeente.cbsCode() + ", regio " + regio.get().name(), regio.get().id(), gemeente.id());
        return Optional.of(gemeente);
    }

    @Transactional
    public void updateGemeente(CurrentAccount actor, GemeenteRow existing, String cbsCode, String name, String regioId,
                               InvalidInput problems) {
        Optional<Regio> regio = validateGemeente(cbsCode, name, regioId, existing.id(), problems);
        if (problems.isEmpty()) {
            gemeenten.update(existing.id(), normalizeCode(cbsCode), name.strip(), regio.get().id());
            auditLog.record(actor, AuditAction.GEMEENTE_UPDATED, "gemeente " + name.strip(),
                    "Was " + existing.name() + " (" + existing.cbsCode() + ", regio " + existing.regioName() + "); nu "
                            + normalizeCode(cbsCode) + ", regio " + regio.get().name(),
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

    private static String normalizeCode(String cbsCode) {
        return cbsCode.strip().toUpperCase(Locale.ROOT);
    }
}
