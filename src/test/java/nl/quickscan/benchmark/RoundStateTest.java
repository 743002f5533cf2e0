package nl.quickscan.benchmark;

import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a round stands: its days left and its counts, in plain Java, as the round's dashboard says them. */
class RoundStateTest {

    private static final Meetronde ROUND = new Meetronde(1L, 1, "Nulmeting 2027", Meetronde.Kind.NULMETING, null,
            "quickscan-seksueel-geweld", 1, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 12), Instant.EPOCH);

    private static RoundState on(LocalDate today, List<Status> statuses) {
        return RoundState.of(ROUND, statuses, today);
    }

    @Test
    void anOpenRoundCountsTheDaysLeftAsTheAdvisersStartPageDoes() {
        assertEquals("Nog 12 dagen open, tot en met 12 januari 2027.", on(LocalDate.of(2026, 12, 31), List.of()).when());
        assertEquals("Nog 1 dag open, tot en met 12 januari 2027.", on(LocalDate.of(2027, 1, 11), List.of()).when());
        assertEquals("Vandaag is de laatste dag: open tot en met 12 januari 2027.", on(LocalDate.of(2027, 1, 12), List.of()).when());
        assertEquals("Nog 42 dagen open, tot en met 12 januari 2027.", on(LocalDate.of(2026, 12, 1), List.of()).when(),
                "open on its first day");
        assertEquals(RoundState.Phase.OPEN, on(LocalDate.of(2027, 1, 12), List.of()).phase());
    }

    @Test
    void aClosedRoundSaysSinceWhenAndAFutureOneWhenItOpens() {
        RoundState closed = on(LocalDate.of(2027, 1, 13), List.of());
        assertEquals(RoundState.Phase.CLOSED, closed.phase());
        assertEquals("Gesloten sinds 13 januari 2027: de meetronde was open tot en met 12 januari 2027.", closed.when());
        RoundState future = on(LocalDate.of(2026, 11, 26), List.of());
        assertEquals(RoundState.Phase.FUTURE, future.phase());
        assertEquals("Opent op 1 december 2026 (over 5 dagen) en is dan open tot en met 12 januari 2027.", future.when());
        assertEquals("Opent op 1 december 2026 (morgen) en is dan open tot en met 12 januari 2027.",
                on(LocalDate.of(2026, 11, 30), List.of()).when());
    }

    @Test
    void nothingSubmittedSaysSoInOneSentence() {
        RoundState fresh = on(LocalDate.of(2026, 12, 31), Collections.nCopies(10, Status.NOT_STARTED));
        assertEquals("Nog geen gemeente heeft ingediend. Er is ook nog geen gemeente begonnen.", fresh.summary());
        assertFalse(fresh.anySubmitted());
        List<Status> twoBusy = new java.util.ArrayList<>(Collections.nCopies(8, Status.NOT_STARTED));
        twoBusy.addAll(List.of(Status.IN_PROGRESS, Status.IN_PROGRESS));
        assertEquals("Nog geen gemeente heeft ingediend. 2 van 10 zijn bezig.", on(LocalDate.of(2026, 12, 31), twoBusy).summary());
        assertEquals("Nog geen gemeente heeft ingediend. 1 van 3 is bezig.", on(LocalDate.of(2026, 12, 31),
                List.of(Status.NOT_STARTED, Status.IN_PROGRESS, Status.NOT_STARTED)).summary());
        assertEquals("Deze regio heeft nog geen gemeenten.", on(LocalDate.of(2026, 12, 31), List.of()).summary());
    }

    @Test
    void theCountsAndTheBarsPartsAddUp() {
        // 6 ingediend, 1 bezig, 3 niet gestart of 10, as in the walkthrough.
        List<Status> statuses = new java.util.ArrayList<>(Collections.nCopies(6, Status.SUBMITTED));
        statuses.add(Status.IN_PROGRESS);
        statuses.addAll(Collections.nCopies(3, Status.NOT_STARTED));
        Collections.shuffle(statuses, new java.util.Random(1));
        RoundState state = on(LocalDate.of(2026, 12, 31), statuses);
        assertTrue(state.anySubmitted());
        assertEquals(10, state.gemeenten());
        assertEquals(List.of(6, 1, 3), List.of(state.submitted(), state.inProgress(), state.notStarted()));
        assertEquals("6 van 10 gemeenten hebben ingediend; 1 is bezig en 3 zijn nog niet begonnen.", state.summary());
        assertEquals(List.of("ingediend", "bezig", "niet gestart"), state.parts().stream().map(RoundState.Part::label).toList());
        assertEquals(List.of("60%", "10%", "30%"), state.parts().stream().map(RoundState.Part::share).toList());
        assertEquals(List.of("0.00%", "60.00%", "70.00%"), state.parts().stream().map(RoundState.Part::x).toList());
        assertEquals(List.of("60.00%", "10.00%", "30.00%"), state.parts().stream().map(RoundState.Part::width).toList());
        assertEquals("Alle 2 gemeenten hebben ingediend.", on(LocalDate.of(2026, 12, 31),
                List.of(Status.SUBMITTED, Status.SUBMITTED)).summary());
    }

    @Test
    void anEmptyRegioHasABarOfNothingRatherThanADivisionByZero() {
        RoundState empty = on(LocalDate.of(2026, 12, 31), List.of());
        assertEquals(List.of("0.00%", "0.00%", "0.00%"), empty.parts().stream().map(RoundState.Part::width).toList());
        assertEquals(List.of("–", "–", "–"), empty.parts().stream().map(RoundState.Part::share).toList());
    }
}
