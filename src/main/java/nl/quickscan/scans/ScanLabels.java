package nl.quickscan.scans;

/** Dutch words for the states of a scan. */
public final class ScanLabels {

    private ScanLabels() {
    }

    public static String status(ScanRow.Status status) {
        return switch (status) {
            case NOT_STARTED -> "Niet gestart";
            case IN_PROGRESS -> "Bezig";
            case SUBMITTED -> "Ingediend";
        };
    }
}
