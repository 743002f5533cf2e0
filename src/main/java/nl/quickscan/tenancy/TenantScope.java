package nl.quickscan.tenancy;

import nl.quickscan.identity.CurrentAccount;

/**
 * The part of the platform an account may see: everything (beheerder), one regio (coordinator) or one gemeente
 * (adviseur). It is made from the authenticated account only, never from request data, and every repository
 * method that reads or writes tenant data takes it as an argument.
 */
public final class TenantScope {

    /** Filter value meaning "any"; real ids start at 1. */
    private static final long ANY = 0L;

    private final long regioId;
    private final long gemeenteId;

    private TenantScope(long regioId, long gemeenteId) {
        this.regioId = regioId;
        this.gemeenteId = gemeenteId;
    }

    public static TenantScope of(CurrentAccount account) {
        return switch (account.role()) {
            case BEHEERDER -> new TenantScope(ANY, ANY);
            case COORDINATOR -> new TenantScope(account.regioId(), ANY);
            case ADVISEUR -> new TenantScope(ANY, account.gemeenteId());
        };
    }

    /** For start-up and maintenance jobs that act for the platform itself. */
    public static TenantScope platform() {
        return new TenantScope(ANY, ANY);
    }

    /** The regio id that rows must have, or 0 for any. */
    public long regioFilter() {
        return regioId;
    }

    /** The gemeente id that rows must have, or 0 for any. */
    public long gemeenteFilter() {
        return gemeenteId;
    }
}
