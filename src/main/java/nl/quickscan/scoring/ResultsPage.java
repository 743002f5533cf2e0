package nl.quickscan.scoring;

import nl.quickscan.scans.ScanRow;

import java.util.Comparator;
import java.util.List;

/** The scores of a scan: per bouwsteen (bars, radar and table), its strongest and weakest points, its regio. */
record ResultsPage(String title, ScanRow scan, boolean provisional, Scoring.Result result, String radar,
                   List<Scoring.QuestionScore> strongest, List<Scoring.QuestionScore> weakest,
                   List<Results.Position> position, String sharedFiguresExplanation, String sharedFiguresNotYet,
                   boolean hasComparison) {

    private static final int POINTS_SHOWN = 3;

    static ResultsPage of(Results.ScanScores scores, boolean hasComparison) {
        ScanRow scan = scores.view().scan();
        Scoring.Result result = scores.result();
        List<Scoring.QuestionScore> ranked = result.questions().stream().filter(Scoring.QuestionScore::counts)
                .sorted(Comparator.comparingDouble(Scoring.QuestionScore::fraction)).toList();
        return new ResultsPage("Resultaten " + scan.gemeenteName(), scan, !scan.submitted(), result,
                RadarChart.svg(result.bouwstenen().stream().map(b -> new RadarChart.Axis(shortTitle(b.title()), b.score())).toList()),
                ranked.stream().sorted(Comparator.comparingDouble(Scoring.QuestionScore::fraction).reversed()).limit(POINTS_SHOWN).toList(),
                ranked.stream().limit(POINTS_SHOWN).toList(), scores.position(), SharedFigures.EXPLANATION,
                SharedFigures.POSITION_NOT_YET, hasComparison);
    }

    /** "Bouwsteen 1. Visie en regionale aanpak" → "Bouwsteen 1" for the chart's axes. */
    private static String shortTitle(String title) {
        int dot = title.indexOf('.');
        return dot > 0 && dot < 15 ? title.substring(0, dot) : title;
    }
}
