package nl.quickscan.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.text.DutchFormat;

import java.util.Locale;

/**
 * The beheerder deletes everything a gemeente entered (its scans, answers and their history, its verbeterplan),
 * after typing the gemeente's name. The gemeente itself stays, with its regio and accounts: the regio's rounds and
 * figures still list it, and it can start again; its accounts are removed one by one (they may also work elsewhere).
 */
@Singleton
public class GemeenteDataDeletion {

    /** The longest confirmation read; a gemeente's name is at most 100 characters. */
    static final int CONFIRMATION_MAX = 200;

    private final DataDeletion deletion;
    private final AuditLog auditLog;

    GemeenteDataDeletion(DataDeletion deletion, AuditLog auditLog) {
        this.deletion = deletion;
        this.auditLog = auditLog;
    }

    /** What would be deleted now. */
    public DataDeletion.Deleted preview(GemeenteRow gemeente) {
        return deletion.countGemeenteData(gemeente.id());
    }

    /**
     * Deletes the gemeente's data when {@code confirmation} is its name (case and surrounding spaces aside); otherwise
     * adds the problem and deletes nothing.
     *
     * @return what was deleted, or null when refused
     */
    @Nullable
    @Transactional
    public DataDeletion.Deleted delete(CurrentAccount actor, GemeenteRow gemeente, @Nullable String confirmation,
                                       InvalidInput problems) {
        if (!confirms(gemeente, confirmation)) {
            problems.add("bevestiging", "Typ de naam van de gemeente, " + gemeente.name()
                    + ", om te bevestigen dat u alle gegevens wilt verwijderen. Er is niets verwijderd.");
            return null;
        }
        DataDeletion.Deleted deleted = deletion.deleteGemeenteData(gemeente.id());
        auditLog.record(actor, AuditAction.GEMEENTE_DATA_DELETED, "gemeente " + gemeente.name(), "Verwijderd: "
                + DutchFormat.count(deleted.scans(), "scan", "scans") + ", "
                + DutchFormat.count(deleted.answers(), "antwoord", "antwoorden") + " met hun geschiedenis, "
                + DutchFormat.count(deleted.actions(), "actie", "acties") + " van het verbeterplan; de gemeente en haar "
                + "accounts blijven", gemeente.regioId(), gemeente.id());
        return deleted;
    }

    static boolean confirms(GemeenteRow gemeente, @Nullable String confirmation) {
        return confirmation != null && confirmation.length() <= CONFIRMATION_MAX
                && confirmation.strip().toLowerCase(Locale.ROOT).equals(gemeente.name().toLowerCase(Locale.ROOT));
    }
}
