package nl.quickscan.scans;

/**
 * The confirmation after submitting: that the scan is in, and what happens next (who sees it, where the results
 * and reports are, that the coordinator can reopen it).
 */
record SubmittedPage(String title, ScanRow scan) {

    static SubmittedPage of(ScanService.ScanView view) {
        return new SubmittedPage("Quickscan ingediend", view.scan());
    }
}
