package nl.quickscan.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Figures over other gemeenten's scores for a viewer who may not see those scores one by one (an adviser
 * beside the regio, a coordinator beside another regio). Plain Java; the one place of this rule.
 * <p>
 * A mean that changes by one submission gives away that submission's score exactly (from 3 to 4 scans:
 * new score = 4 × new mean − 3 × old mean). So such figures are shown only
 * <ul>
 *   <li>once the round has closed: after its closing date no scan can be submitted, reopened or changed
 *       ({@code ScanService}), and a closed round keeps its dates ({@code RoundAdmin}), so every later view shows
 *       the same figures and there is no second view to difference against;</li>
 *   <li>from {@value #MIN_SCANS} scores: no figure stands for one or two gemeenten (a median of three is one
 *       gemeente's score);</li>
 *   <li>rounded to whole {@value #BAND_TEXT} percent: a band, not a value to compute with.</li>
 * </ul>
 */
public final class SharedFigures {

    public static final int MIN_SCANS = 5;
    public static final double BAND = 5;
    static final String BAND_TEXT = "5";
    /** The sentence shown beside such figures. */
    public static final String EXPLANATION = "Deze cijfers verschijnen pas als de meetronde is gesloten en minstens "
            + MIN_SCANS + " gemeenten hun scan hebben ingediend, en zijn afgerond op " + BAND_TEXT
            + " procent. Zo kan niemand er de score van één gemeente uit afleiden.";
    /** The sentence shown instead of a gemeente's position in the regio while the rule does not allow it yet. */
    public static final String POSITION_NOT_YET = "De vergelijking met de regio verschijnt als de meetronde is gesloten en "
            + "minstens " + MIN_SCANS + " andere gemeenten hun scan hebben ingediend. Zo kan niemand er de score van "
            + "één gemeente uit afleiden.";

    public record Figures(double mean, double median, int n) {
    }

    private SharedFigures() {
    }

    /** Whether a round's figures over {@code n} scores may be shown on {@code today}. */
    public static boolean allowed(int n, LocalDate closes, LocalDate today) {
        return n >= MIN_SCANS && today.isAfter(closes);
    }

    /** Mean and median in bands, or empty while the rule does not allow them. */
    public static Optional<Figures> of(List<Double> scores, LocalDate closes, LocalDate today) {
        if (!allowed(scores.size(), closes, today)) {
            return Optional.empty();
        }
        return Optional.of(new Figures(band(Statistics.mean(scores)), band(Statistics.median(scores)), scores.size()));
    }

    /** To the nearest multiple of {@link #BAND}: 72.4 → 70, 72.5 → 75. */
    public static double band(double percent) {
        return Math.round(percent / BAND) * BAND;
    }
}
