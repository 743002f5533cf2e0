package nl.quickscan.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The level bands and their ranges, and the SVG drawn from them. */
class ScoreChartTest {

    private static final List<LevelBand> BANDS = LevelBand.of(ScoringTest.V1);

    @Test
    void theLevelsAreBandsFromTheirThresholdToTheNext() {
        assertEquals(List.of(0.0, 25.0, 50.0, 75.0), BANDS.stream().map(LevelBand::from).toList());
        assertEquals(List.of(25.0, 50.0, 75.0, 100.0), BANDS.stream().map(LevelBand::to).toList());
        assertEquals(List.of("minder dan 25%", "25% tot 50%", "50% tot 75%", "75% of meer"),
                BANDS.stream().map(LevelBand::range).toList());
    }

    @Test
    void aBarShowsTheBandsTheThresholdsAndTheMarker() {
        String svg = ScoreChart.svg(BANDS, List.of(new ScoreChart.Bar(null, 42.5, "now")), 55.0, null);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart\" width=\"100%\""), svg);
        assertTrue(svg.contains("aria-hidden=\"true\""), "its numbers stand beside it as text");
        assertEquals(4, count(svg, "class=\"score-chart__band "));
        assertEquals(3, count(svg, "class=\"score-chart__threshold\""), "at 25, 50 and 75");
        assertTrue(svg.contains("x1=\"25.00%\" x2=\"25.00%\""), svg);
        assertTrue(svg.contains("class=\"score-chart__bar score-chart__bar--now\" x=\"0\" y=\"14\" width=\"42.50%\""), svg);
        assertTrue(svg.contains("<line class=\"score-chart__marker\" x1=\"55.00%\""), svg);
        for (String tick : List.of(">0%<", ">25%<", ">50%<", ">75%<", ">100%<")) {
            assertTrue(svg.contains(tick), tick);
        }
        assertFalse(svg.contains("style="), "the CSP allows no style attributes");
    }

    @Test
    void withoutAScoreThereIsNoBarAndWithoutAMedianNoMarker() {
        String svg = ScoreChart.svg(BANDS, List.of(new ScoreChart.Bar(null, null, "now")), null, null);
        assertFalse(svg.contains("score-chart__bar"), svg);
        assertFalse(svg.contains("score-chart__marker"), svg);
    }

    @Test
    void labelsAndTheNameAreEscapedWithTheAppsEscaping() {
        String svg = ScoreChart.svg(BANDS, List.of(new ScoreChart.Bar("Zorg & <veiligheid>", 50.0, "before"),
                new ScoreChart.Bar("\"Nu\"", 120.0, "now")), null, "Nulmeting <50%>");
        assertTrue(svg.contains(">Zorg &amp; &lt;veiligheid&gt;</text>"), svg);
        assertTrue(svg.contains(">&quot;Nu&quot;</text>"), svg);
        assertTrue(svg.contains("role=\"img\" aria-label=\"Nulmeting &lt;50%&gt;\""), svg);
        assertTrue(svg.contains("width=\"100.00%\" height=\"12\""), "a score beyond the scale stays on it");
        assertFalse(svg.contains("<veiligheid>"), svg);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
