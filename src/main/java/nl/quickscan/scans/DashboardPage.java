package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The adviser's dashboard: the rounds of their regio and the state of their gemeente's scan in each. */
record DashboardPage(String title, List<Row> rows) {

    /** A round; {@code scan} is null (and {@code parts} empty) while the gemeente has not started it. */
    record Row(Meetronde round, boolean open, @Nullable ScanRow scan, String status, int percent,
               List<Progress.Part> parts) {
    }

    /** @param scans the gemeente's scans, by round id */
    static DashboardPage of(List<Meetronde> rounds, Map<Long, ScanService.ScanView> scans, LocalDate today) {
        return new DashboardPage("Mijn quickscans", rounds.stream().map(round -> {
            ScanService.ScanView view = scans.get(round.id());
            boolean open = round.openOn(today);
            if (view == null) {
                return new Row(round, open, null, ScanRow.Status.NOT_STARTED.label(), 0, List.of());
            }
            return new Row(round, open, view.scan(), view.scan().status().label(), view.percent(), view.progress());
        }).toList());
    }
}
