package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;

import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The adviser's dashboard: the rounds of their regio and the state of their gemeente's scan in each. */
record DashboardPage(String title, List<Row> rows) {

    /**
     * A round; {@code scan} is null (and {@code parts} empty) while the gemeente has not started it. {@code note}:
     * beside the action, how long the round is still open ({@link #daysLeft}) while the scan is not submitted, or
     * that a round the gemeente never started has closed; null otherwise.
     */
    record Row(Meetronde round, boolean open, @Nullable ScanRow scan, String status, int percent,
               List<Progress.Part> parts, @Nullable String note) {
    }

    /** A closed round without a scan of the gemeente. */
    static final String NOT_STARTED_CLOSED = "Niet ingevuld; de meetronde is gesloten";

    /** @param scans the gemeente's scans, by round id */
    static DashboardPage of(List<Meetronde> rounds, Map<Long, ScanService.ScanView> scans, LocalDate today) {
        return new DashboardPage("Mijn quickscans", rounds.stream().map(round -> {
            ScanService.ScanView view = scans.get(round.id());
            boolean open = round.openOn(today);
            if (view == null) {
                String note = open ? daysLeft(today, round.closes())
                        : today.isAfter(round.closes()) ? NOT_STARTED_CLOSED : "Opent op " + DutchFormat.date(round.opens());
                return new Row(round, open, null, ScanRow.Status.NOT_STARTED.label(), 0, List.of(), note);
            }
            String note = open && !view.scan().submitted() ? daysLeft(today, round.closes()) : null;
            return new Row(round, open, view.scan(), view.scan().status().label(), view.percent(), view.progress(), note);
        }).toList());
    }

    /** How long a round that is open today stays open, as a note of its own: "Nog 12 dagen", "Vandaag is de laatste dag". */
    static String daysLeft(LocalDate today, LocalDate closes) {
        String left = Meetronde.daysLeft(today, closes);
        return Character.toUpperCase(left.charAt(0)) + left.substring(1);
    }
}
