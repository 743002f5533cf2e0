package nl.quickscan.scans;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What Mijn quickscans says beside a round the gemeente has not started: how long it is open, or that it closed. */
class DashboardPageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void theDaysLeftUntilTheRoundClosesInTheSingularForOne() {
        assertEquals("Nog 12 dagen", DashboardPage.daysLeft(TODAY, TODAY.plusDays(12)));
        assertEquals("Nog 1 dag", DashboardPage.daysLeft(TODAY, TODAY.plusDays(1)));
        assertEquals("Vandaag is de laatste dag", DashboardPage.daysLeft(TODAY, TODAY));
    }

    @Test
    void aRoundWithoutAScanSaysWhetherItIsOpenClosedOrYetToOpen() {
        List<DashboardPage.Row> rows = DashboardPage.of(List.of(round(1, TODAY.minusDays(3), TODAY.plusDays(12)),
                round(2, TODAY.minusDays(40), TODAY.minusDays(1)), round(3, TODAY.plusDays(5), TODAY.plusDays(30))),
                Map.of(), TODAY).rows();
        assertEquals("Nog 12 dagen", rows.get(0).note());
        assertEquals("Niet ingevuld; de meetronde is gesloten", rows.get(1).note());
        assertEquals("Opent op 7 december 2026", rows.get(2).note());
        assertNull(DashboardPage.of(List.of(), Map.of(), TODAY).rows().stream().findFirst().orElse(null));
    }

    private static Meetronde round(long id, LocalDate opens, LocalDate closes) {
        return new Meetronde(id, 1, "Ronde " + id, Meetronde.Kind.NULMETING, null, "quickscan", 1, opens, closes,
                Instant.EPOCH);
    }
}
