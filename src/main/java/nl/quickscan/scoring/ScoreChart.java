package nl.quickscan.scoring;

import nl.quickscan.text.DutchFormat;
import nl.quickscan.text.Html;

import java.util.List;
import java.util.Locale;

/**
 * Bars on the 0–100 % scale as inline SVG, drawn on the server so that they need no JavaScript: behind each bar
 * the level bands with their thresholds marked and named on an axis below, and optionally a marker (the regio's
 * median). Positions are percentages of the width, so a chart fills any width, down to a phone's, without
 * stretching its text. Colours and type come from app.css (the score-chart classes); the page's CSP allows no
 * style attributes. Plain Java.
 */
final class ScoreChart {

    /** One bar; {@code label} is written above it (null: none), {@code kind} names its colour ("now", "before"). */
    record Bar(String label, Double score, String kind) {
    }

    private static final int MARKER_SPACE = 9;
    private static final int LABEL_HEIGHT = 18;
    private static final int BAND_HEIGHT = 22;
    private static final int FILL_INSET = 5;
    private static final int ROW_GAP = 6;
    private static final int AXIS_HEIGHT = 20;

    private ScoreChart() {
    }

    /**
     * @param marker         a score to mark across the bars, or null
     * @param accessibleName what the chart says, for a chart without the same text beside it (role img); null
     *                       hides the chart from screen readers, for a chart whose numbers stand next to it
     */
    static String svg(List<LevelBand> bands, List<Bar> bars, Double marker, String accessibleName) {
        StringBuilder body = new StringBuilder();
        int y = marker == null ? 0 : MARKER_SPACE;
        int top = y;
        for (Bar bar : bars) {
            if (bar.label() != null) {
                body.append("<text class=\"score-chart__label\" x=\"0\" y=\"").append(y + LABEL_HEIGHT - 5).append("\">")
                        .append(Html.escape(bar.label())).append("</text>");
                y += LABEL_HEIGHT;
            }
            for (LevelBand band : bands) {
                body.append("<rect class=\"score-chart__band score-chart__band--").append(band.level().index())
                        .append("\" x=\"").append(percent(band.from())).append("\" y=\"").append(y)
                        .append("\" width=\"").append(percent(band.to() - band.from())).append("\" height=\"")
                        .append(BAND_HEIGHT).append("\"/>");
                if (!band.first()) {
                    line(body, "score-chart__threshold", band.from(), y, y + BAND_HEIGHT);
                }
            }
            if (bar.score() != null) {
                body.append("<rect class=\"score-chart__bar score-chart__bar--").append(Html.escape(bar.kind()))
                        .append("\" x=\"0\" y=\"").append(y + FILL_INSET).append("\" width=\"")
                        .append(percent(clamp(bar.score()))).append("\" height=\"").append(BAND_HEIGHT - 2 * FILL_INSET)
                        .append("\"/>");
            }
            y += BAND_HEIGHT + ROW_GAP;
        }
        int bottom = y - ROW_GAP;
        for (LevelBand band : bands) {
            tick(body, band.from(), bottom, band.first() ? "start" : "middle");
        }
        tick(body, 100, bottom, "end");
        if (marker != null) {
            line(body, "score-chart__marker", clamp(marker), top - 2, bottom + 2);
            body.append("<svg x=\"").append(percent(clamp(marker))).append("\" y=\"0\" overflow=\"visible\">")
                    .append("<polygon class=\"score-chart__marker-head\" points=\"-6,0 6,0 0,").append(MARKER_SPACE)
                    .append("\"/></svg>");
        }
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart\" width=\"100%\" height=\"")
                .append(bottom + AXIS_HEIGHT).append('"');
        if (accessibleName == null) {
            svg.append(" aria-hidden=\"true\"");
        } else {
            svg.append(" role=\"img\" aria-label=\"").append(Html.escape(accessibleName)).append('"');
        }
        return svg.append(" focusable=\"false\">").append(body).append("</svg>").toString();
    }

    /** A mark on the axis below the bars with its value: "0%", "25%", … "100%". */
    private static void tick(StringBuilder body, double at, int bottom, String anchor) {
        line(body, "score-chart__tick", at, bottom, bottom + 4);
        body.append("<text class=\"score-chart__axis\" x=\"").append(percent(at)).append("\" y=\"").append(bottom + AXIS_HEIGHT - 3)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(DutchFormat.percent(at)).append("</text>");
    }

    private static void line(StringBuilder body, String type, double at, int from, int to) {
        body.append("<line class=\"").append(type).append("\" x1=\"").append(percent(at)).append("\" x2=\"")
                .append(percent(at)).append("\" y1=\"").append(from).append("\" y2=\"").append(to).append("\"/>");
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
