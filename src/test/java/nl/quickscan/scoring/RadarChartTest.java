package nl.quickscan.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RadarChartTest {

    @Test
    void axisLabelsAreEscapedWithTheAppsEscaping() {
        String svg = RadarChart.svg(List.of(new RadarChart.Axis("Zorg & <veiligheid>", 50.0),
                new RadarChart.Axis("\"Preventie\"", null), new RadarChart.Axis("Nazorg", 100.0)));
        assertTrue(svg.contains(">Zorg &amp; &lt;veiligheid&gt;</text>"), svg);
        assertTrue(svg.contains(">&quot;Preventie&quot;</text>"), svg);
        assertTrue(!svg.contains("<veiligheid>"), svg);
    }
}
