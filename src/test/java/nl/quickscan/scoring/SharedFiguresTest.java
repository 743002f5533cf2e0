package nl.quickscan.scoring;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two views of the figures, before and after one more submission, must not give away that submission's score. */
class SharedFiguresTest {

    private static final LocalDate CLOSES = LocalDate.of(2026, 6, 30);
    private static final LocalDate DURING = LocalDate.of(2026, 6, 10);
    private static final LocalDate AFTER = LocalDate.of(2026, 7, 1);

    @Test
    void theOldMeansGaveTheNewScoreAwayExactly() {
        // What the rule prevents: from 3 to 4 submitted scans, 4 × new mean − 3 × old mean is the new score.
        List<Double> before = List.of(40.0, 55.0, 70.0);
        List<Double> after = List.of(40.0, 55.0, 70.0, 83.0);
        assertEquals(83.0, 4 * Statistics.mean(after) - 3 * Statistics.mean(before), 1e-9);
    }

    @Test
    void whileTheRoundIsOpenNothingIsShownAtAnyCount() {
        List<Double> scores = new ArrayList<>();
        Optional<SharedFigures.Figures> previous = Optional.empty();
        for (int n = 1; n <= 40; n++) {
            scores.add((double) (n * 37 % 101));
            Optional<SharedFigures.Figures> view = SharedFigures.of(scores, CLOSES, DURING);
            assertEquals(previous, view, "view after submission " + n + " is the same as before it");
            previous = view;
        }
        assertEquals(Optional.empty(), SharedFigures.of(scores, CLOSES, CLOSES), "the closing day itself still counts as open");
    }

    @Test
    void aClosedRoundShowsFiguresFromFiveScoresRoundedToBandsOfFive() {
        assertEquals(Optional.empty(), SharedFigures.of(List.of(10.0, 20.0, 30.0, 40.0), CLOSES, AFTER));
        // Exactly: mean 53,33, median 66,67.
        assertEquals(Optional.of(new SharedFigures.Figures(55, 65, 5)),
                SharedFigures.of(List.of(100.0, 100.0, 200.0 / 3, 0.0, 0.0), CLOSES, AFTER));
        assertEquals(70, SharedFigures.band(72.4));
        assertEquals(75, SharedFigures.band(72.5));
        assertEquals(0, SharedFigures.band(2.4));
        assertEquals(100, SharedFigures.band(99.0));
    }

    @Test
    void aClosedRoundLooksTheSameOnEveryLaterDay() {
        // After closing no scan can be submitted, reopened or changed, so the scores behind the figures are fixed.
        List<Double> scores = List.of(35.0, 48.0, 61.0, 77.0, 90.0);
        Optional<SharedFigures.Figures> first = SharedFigures.of(scores, CLOSES, AFTER);
        assertTrue(first.isPresent());
        for (LocalDate day = AFTER; day.isBefore(AFTER.plusYears(2)); day = day.plusDays(1)) {
            assertEquals(first, SharedFigures.of(scores, CLOSES, day));
        }
    }

    @Test
    void evenWhereOneMoreScoreChangedAVisibleSetTheBandsWouldNotRevealIt() {
        // Defence in depth, should the set behind closed figures ever change: before and after one more score,
        // many different new scores give the very same pair of views, so the pair does not tell which it was.
        List<Double> before = List.of(52.0, 61.0, 66.0, 74.0, 83.0);
        SharedFigures.Figures viewBefore = SharedFigures.of(before, CLOSES, AFTER).orElseThrow();
        Set<Integer> candidates = new HashSet<>();
        for (int newScore = 0; newScore <= 100; newScore++) {
            List<Double> after = new ArrayList<>(before);
            after.add((double) newScore);
            SharedFigures.Figures viewAfter = SharedFigures.of(after, CLOSES, AFTER).orElseThrow();
            if (viewAfter.mean() == 65 && viewAfter.median() == 65) {
                candidates.add(newScore);
            }
        }
        assertEquals(65, viewBefore.mean());
        assertTrue(candidates.size() >= 10, "a new score between " + candidates + " all look alike");
    }
}
