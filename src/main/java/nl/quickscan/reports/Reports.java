package nl.quickscan.reports;

/** Where reports are rendered. */
public final class Reports {

    /**
     * The executor named in application.yml (micronaut.executors.reports): a small fixed pool, so that many
     * downloads at once make only the downloads wait.
     */
    public static final String EXECUTOR = "reports";

    /** The product's name, as the reports' creator. */
    static final String PRODUCT = "Quickscan aanpak seksueel geweld";

    private Reports() {
    }
}
