package nl.quickscan.identity;

/** What an account may do; the tenant it works for follows from the role (see {@code TenantScope}). */
public enum Role {
    BEHEERDER("Beheerder"),
    COORDINATOR("Regiocoördinator"),
    ADVISEUR("Beleidsadviseur");

    /** The role names as constants, for {@code @Secured}. */
    public static final class Names {
        public static final String BEHEERDER = "BEHEERDER";
        public static final String COORDINATOR = "COORDINATOR";
        public static final String ADVISEUR = "ADVISEUR";

        private Names() {
        }
    }

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
