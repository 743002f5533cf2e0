package nl.quickscan.scoring;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.plans.ActionStatus;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.web.FormValues;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a scan: per bouwsteen a bar with the level bands and, where the sharing rule allows it, the
 * regio's median; what the levels mean; its strongest and weakest points; what is still to be found out; its
 * position in the regio.
 */
record ResultsPage(String title, ScanRow scan, boolean provisional, Scoring.Result result, List<BouwsteenBar> bars,
                   boolean medianShown, List<LevelRow> levels, Highlights highlights, List<Results.Position> position,
                   String sharedFiguresExplanation, String sharedFiguresNotYet, boolean hasComparison,
                   List<PlanAction> openActions, List<FormValues.Option> closeOptions, @Nullable String notice) {

    /**
     * {@code median}: of the other gemeenten, banded, or null while {@link SharedFigures} does not allow it.
     * {@code ownLevelDescription}: what the bouwsteen's level means for this bouwsteen where it says so itself
     * (otherwise the survey's description under "Wat betekenen de niveaus?" holds). {@code themes}: the score per
     * theme of a bouwsteen with themes.
     */
    record BouwsteenBar(Scoring.BouwsteenScore bouwsteen, Double median, String chart, @Nullable String ownLevelDescription,
                        List<Scoring.ThemeScore> themes) {
        /** Handlebars' #if takes 0 for false, and a median of 0 % is a figure. */
        public boolean hasMedian() {
            return median != null;
        }
    }

    /** A level with its range, and the bouwstenen (and whether the total) that reached it. */
    record LevelRow(LevelBand band, List<String> bouwstenen, boolean total) {
    }

    /**
     * @param openActions for a herhaling, the gemeente's open actions made from the nulmeting's scan, offered to
     *                    carry over to this scan or to close
     */
    static ResultsPage of(Results.ScanScores scores, boolean hasComparison, List<PlanAction> openActions,
                          @Nullable String notice) {
        ScanRow scan = scores.view().scan();
        Survey survey = scores.view().survey();
        Scoring.Result result = scores.result();
        List<LevelBand> bands = LevelBand.of(survey);
        Map<String, Double> medians = new HashMap<>();
        scores.position().forEach(p -> medians.put(p.key(), p.median()));
        Map<String, Survey.Bouwsteen> byKey = new HashMap<>();
        survey.bouwstenen().forEach(b -> byKey.put(b.key(), b));
        List<BouwsteenBar> bars = result.bouwstenen().stream().map(b -> new BouwsteenBar(b, medians.get(b.key()),
                ScoreChart.svg(bands, List.of(new ScoreChart.Bar(null, b.score(), "now")), medians.get(b.key()), null),
                b.level() == null ? null : byKey.get(b.key()).levelDescriptions().get(b.level().label()),
                Scoring.themes(survey, b))).toList();
        List<LevelRow> levels = bands.stream().map(band -> new LevelRow(band,
                result.bouwstenen().stream().filter(b -> b.level() != null && b.level().index() == band.level().index())
                        .map(Scoring.BouwsteenScore::title).toList(),
                result.totalLevel() != null && result.totalLevel().index() == band.level().index())).toList();
        return new ResultsPage("Resultaten " + scan.gemeenteName(), scan, !scan.submitted(), result, bars,
                !medians.isEmpty(), levels, Highlights.of(result, Highlights.SHOWN), scores.position(),
                SharedFigures.EXPLANATION, SharedFigures.POSITION_NOT_YET, hasComparison, openActions,
                Arrays.stream(ActionStatus.values()).filter(ActionStatus::finished)
                        .map(status -> new FormValues.Option(status.name(), status.label(), false)).toList(), notice);
    }
}
