package nl.quickscan.scans;

/** Dutch words for the states of a scan. */
final class ScanLabels {

    private ScanLabels() {
    }

    static String status(ScanRow.Status status) {
        return switch (status) {
            case NOT_STARTED -> "Niet gestart";
            case IN_PROGRESS -> "Bezig";
            case SUBMITTED -> "Ingediend";
        };
    }
}
