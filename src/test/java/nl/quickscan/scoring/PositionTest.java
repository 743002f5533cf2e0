package nl.quickscan.scoring;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The regio's median beside a gemeente's bars follows {@link SharedFigures}: the median of three scans would be
 * one gemeente's score, and figures that move with each submission give scores away.
 */
class PositionTest {

    private static final LocalDate CLOSES = LocalDate.of(2026, 6, 30);
    private static final Scoring.Result OWN = score("0", "0");

    /** Bouwsteen A's questions all answered {@code a}, B's all {@code b}. */
    private static Scoring.Result score(String a, String b) {
        return Scoring.score(ScoringTest.V1, Map.of("q1", a, "q2", a, "q3", a, "q4", b, "q5", b));
    }

    private static List<Scoring.Result> others(int n) {
        // Bouwsteen A at 100%, 66,67%, 0%, 100%, 66,67%, 0%; B n.v.t. everywhere, so without a score.
        String[] values = {"3", "2", "0", "3", "2", "0"};
        return Stream.iterate(0, i -> i + 1).limit(n).map(i -> score(values[i % values.length], "NVT")).toList();
    }

    @Test
    void notWhileTheRoundIsOpenAtAnyCount() {
        for (int n = 0; n <= 6; n++) {
            assertEquals(List.of(), Results.Position.of(OWN, others(n), CLOSES, CLOSES), n + " others on the closing day");
        }
    }

    @Test
    void notFromFewerThanFiveOtherScansEvenOnceClosed() {
        assertEquals(List.of(), Results.Position.of(OWN, others(3), CLOSES, CLOSES.plusDays(1)));
        assertEquals(List.of(), Results.Position.of(OWN, others(4), CLOSES, CLOSES.plusDays(1)));
    }

    @Test
    void fromFiveOtherScansOfAClosedRoundTheMedianInABandOfFive() {
        List<Results.Position> positions = Results.Position.of(OWN, others(5), CLOSES, CLOSES.plusDays(1));
        assertEquals(1, positions.size(), "bouwsteen B has no score in the others' scans (all n.v.t.), so no figure");
        Results.Position a = positions.get(0);
        assertEquals("a", a.key());
        assertEquals(0.0, a.own());
        assertEquals(65.0, a.median(), "the middle of 0, 66,67, 66,67, 100, 100 in a band of 5");
        assertEquals(65.0, a.mean(), "(100 + 66,67 + 0 + 100 + 66,67) / 5 = 66,67 in a band of 5");
        assertEquals(5, a.n());
    }
}
