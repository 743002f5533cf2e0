package nl.quickscan.reports;

import com.lowagie.text.Element;
import nl.quickscan.benchmark.RegioSummary;
import nl.quickscan.scoring.LevelBand;
import nl.quickscan.text.DutchFormat;

import java.awt.Color;
import java.util.List;

/**
 * The regiorapport's charts, drawn inside {@link TaggedPdf#figure}: per bouwsteen each gemeente's score as a bar in
 * its level's colour with the regio's median as a line, and for a herhaling each gemeente's score then and now.
 * Both have a row per gemeente, the level bands marked above and a percent axis below. The overview has a row per
 * bouwsteen.
 */
final class RegioCharts {

    /** Room for the gemeente names at the left. */
    private static final float LABELS = 150;
    /** Room for the value or difference at the right. */
    private static final float VALUES = 44;
    /** Above the rows: the level names, and a line for the median or the legend. */
    private static final float TOP = 30;
    /** Below the rows: the axis with its labels. */
    private static final float BOTTOM = 20;
    private static final float MAX_ROW = 12;
    private static final float OVERVIEW_LABELS = 230;
    private static final float OVERVIEW_VALUES = 110;
    private static final float OVERVIEW_TOP = 16;
    private static final float OVERVIEW_ROW = 22;
    private static final float MIN_ROW = 8;

    private RegioCharts() {
    }

    /** The height a chart of {@code rows} gemeenten takes when it may take up to {@code available} points. */
    static float height(int rows, float available) {
        return TOP + BOTTOM + rows * row(rows, available);
    }

    private static float row(int rows, float available) {
        return Math.max(MIN_ROW, Math.min(MAX_ROW, (available - TOP - BOTTOM) / Math.max(1, rows)));
    }

    static void distribution(PdfChart chart, RegioSummary.Distribution distribution, List<LevelBand> bands, float width,
                             float height) {
        List<RegioSummary.Point> points = distribution.gemeenten();
        Plot plot = new Plot(width, height, points.size());
        plot.frame(chart, bands, 19);
        float bar = plot.row * 0.7f;
        for (int i = 0; i < points.size(); i++) {
            RegioSummary.Point point = points.get(i);
            float middle = plot.middle(i);
            plot.label(chart, point.name(), middle);
            Color fill = PdfStyle.levelColour(point.level());
            chart.rectangle(plot.x(0), middle - bar / 2, plot.x(point.score()) - plot.x(0), bar,
                    fill == null ? TaggedPdf.RULE : fill, TaggedPdf.TEXT);
        }
        if (distribution.median() != null) {
            float at = plot.x(distribution.median());
            // A white edge keeps the line visible where it crosses the dark bars.
            chart.line(at, plot.bottom, at, plot.top + 4, Color.WHITE, 3.4f, 0);
            chart.line(at, plot.bottom, at, plot.top + 4, TaggedPdf.TEXT, 1.6f, 0);
            chart.text("Middelste score regio: " + DutchFormat.percent(distribution.median()), at, plot.top + 7, 7.5f,
                    Element.ALIGN_CENTER, true, TaggedPdf.TEXT);
        }
        // The values last, so that no line runs through them.
        for (int i = 0; i < points.size(); i++) {
            RegioSummary.Point point = points.get(i);
            plot.value(chart, DutchFormat.percent(point.score()), plot.x(point.score()) + 3, plot.middle(i));
        }
    }

    static void beforeAfter(PdfChart chart, RegioSummary.BeforeAfter beforeAfter, List<LevelBand> bands, float width,
                            float height) {
        List<RegioSummary.Pair> pairs = beforeAfter.gemeenten();
        Plot plot = new Plot(width, height, pairs.size());
        plot.frame(chart, bands, 19);
        float legend = plot.top + 7;
        chart.dot(plot.x(0) + 4, legend + 2.5f, 3, Color.WHITE);
        chart.text("Nulmeting", plot.x(0) + 11, legend, 7.5f);
        chart.dot(plot.x(0) + 66, legend + 2.5f, 3, TaggedPdf.ACCENT);
        chart.text("Herhaling", plot.x(0) + 73, legend, 7.5f);
        chart.text("Verschil", width, legend, 7.5f, Element.ALIGN_RIGHT, true, TaggedPdf.TEXT);
        float radius = Math.min(3.2f, plot.row * 0.32f);
        for (int i = 0; i < pairs.size(); i++) {
            RegioSummary.Pair pair = pairs.get(i);
            float middle = plot.middle(i);
            plot.label(chart, pair.name(), middle);
            chart.line(plot.x(pair.before()), middle, plot.x(pair.after()), middle, TaggedPdf.MUTED, 1.2f, 0);
            chart.dot(plot.x(pair.before()), middle, radius, Color.WHITE);
            chart.dot(plot.x(pair.after()), middle, radius, TaggedPdf.ACCENT);
            chart.text(DutchFormat.points(pair.difference()), width, plot.baseline(middle), plot.font(),
                    Element.ALIGN_RIGHT, false, TaggedPdf.TEXT);
        }
    }

    /** The rows between the level names above and the axis below. */
    private static final class Plot {
        final float left;
        final float right;
        final float top;
        final float bottom = BOTTOM;
        final float row;

        /** A chart with room for gemeente names at the left and values at the right. */
        Plot(float width, float height, int rows) {
            this(LABELS, width - VALUES, height - TOP, rows);
        }

        Plot(float left, float right, float top, int rows) {
            this.left = left;
            this.right = right;
            this.top = top;
            row = rows == 0 ? MAX_ROW : (top - bottom) / rows;
        }

        float x(double percent) {
            return left + (right - left) * (float) percent / 100;
        }

        float middle(int index) {
            return top - row * (index + 0.5f);
        }

        float font() {
            return Math.min(8.5f, row * 0.78f);
        }

        float baseline(float middle) {
            return middle - font() * 0.35f;
        }

        /** A value beside a bar, on white so that the median and grid lines do not run through it. */
        void value(PdfChart chart, String text, float x, float middle) {
            chart.rectangle(x - 1, middle - font() * 0.55f, chart.textWidth(text, font(), false) + 2, font() * 1.1f, Color.WHITE, null);
            chart.text(text, x, baseline(middle), font());
        }

        void label(PdfChart chart, String name, float middle) {
            chart.text(name, left - 5, baseline(middle), font(), Element.ALIGN_RIGHT, false, TaggedPdf.TEXT);
        }

        /** The axis, the level bands' borders as dashed lines, and their names {@code namesAbove} points above the rows. */
        void frame(PdfChart chart, List<LevelBand> bands, float namesAbove) {
            chart.percentAxis(left, bottom, right - left, 10, top);
            for (LevelBand band : bands) {
                if (!band.first()) {
                    chart.line(x(band.from()), bottom, x(band.from()), top, TaggedPdf.MUTED, 0.6f, 2);
                }
                chart.text(band.level().label(), (x(band.from()) + x(band.to())) / 2, top + namesAbove, 7.5f,
                        Element.ALIGN_CENTER, false, TaggedPdf.MUTED);
            }
        }
    }

    /** The height of the overview of {@code bouwstenen} rows. */
    static float overviewHeight(int bouwstenen) {
        return OVERVIEW_TOP + BOTTOM + bouwstenen * OVERVIEW_ROW;
    }

    /**
     * The regio at a glance: per bouwsteen a row with each gemeente's score as a dot in its level's colour and the
     * median as a bar, and at the right the median with its level in words.
     */
    static void overview(PdfChart chart, List<RegioSummary.Standing> standings, List<RegioSummary.Distribution> distributions,
                         List<LevelBand> bands, float width, float height) {
        Plot plot = new Plot(OVERVIEW_LABELS, width - OVERVIEW_VALUES, height - OVERVIEW_TOP, standings.size());
        plot.frame(chart, bands, 5);
        float radius = 2.6f;
        for (int i = 0; i < standings.size(); i++) {
            RegioSummary.Standing standing = standings.get(i);
            float middle = plot.middle(i);
            chart.text(standing.title(), plot.left - 8, middle - 3, 8.5f, Element.ALIGN_RIGHT, false, TaggedPdf.TEXT);
            List<RegioSummary.Point> points = distributions.get(i).gemeenten();
            for (int j = 0; j < points.size(); j++) {
                // Three lines of dots, so that gemeenten with nearly the same score stay apart.
                float offset = ((j % 3) - 1) * plot.row * 0.24f;
                Color fill = PdfStyle.levelColour(points.get(j).level());
                chart.dot(plot.x(points.get(j).score()), middle + offset, radius, fill == null ? TaggedPdf.RULE : fill);
            }
            if (standing.median() == null) {
                chart.text(DutchFormat.NO_SCORE, width, middle - 3, 8.5f, Element.ALIGN_RIGHT, false, TaggedPdf.MUTED);
                continue;
            }
            float at = plot.x(standing.median());
            float half = plot.row * 0.45f;
            chart.line(at, middle - half, at, middle + half, Color.WHITE, 5, 0);
            chart.line(at, middle - half, at, middle + half, TaggedPdf.TEXT, 2.6f, 0);
            String level = " " + standing.level().label();
            chart.text(level, width, middle - 3, 8.5f, Element.ALIGN_RIGHT, false, TaggedPdf.TEXT);
            chart.text(DutchFormat.percent(standing.median()), width - chart.textWidth(level, 8.5f, false), middle - 3, 8.5f,
                    Element.ALIGN_RIGHT, true, TaggedPdf.TEXT);
        }
    }
}
