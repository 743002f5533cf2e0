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
 * Both have a row per gemeente, the level bands marked above and a percent axis below.
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
        plot.frame(chart, bands);
        for (int i = 0; i < points.size(); i++) {
            RegioSummary.Point point = points.get(i);
            float middle = plot.middle(i);
            plot.label(chart, point.name(), middle);
            Color fill = PdfStyle.levelColour(point.level());
            float bar = plot.row * 0.7f;
            chart.rectangle(plot.x(0), middle - bar / 2, plot.x(point.score()) - plot.x(0), bar,
                    fill == null ? TaggedPdf.RULE : fill, TaggedPdf.TEXT);
            plot.value(chart, DutchFormat.percent(point.score()), plot.x(point.score()) + 3, middle);
        }
        if (distribution.median() != null) {
            float at = plot.x(distribution.median());
            chart.line(at, plot.bottom, at, plot.top + 4, TaggedPdf.TEXT, 1.6f, 0);
            chart.text("Middelste score regio: " + DutchFormat.percent(distribution.median()), at, plot.top + 7, 7.5f,
                    Element.ALIGN_CENTER, true, TaggedPdf.TEXT);
        }
    }

    static void beforeAfter(PdfChart chart, RegioSummary.BeforeAfter beforeAfter, List<LevelBand> bands, float width,
                            float height) {
        List<RegioSummary.Pair> pairs = beforeAfter.gemeenten();
        Plot plot = new Plot(width, height, pairs.size());
        plot.frame(chart, bands);
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
        final float left = LABELS;
        final float right;
        final float top;
        final float bottom = BOTTOM;
        final float row;

        Plot(float width, float height, int rows) {
            right = width - VALUES;
            top = height - TOP;
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

        /** The axis, the level bands' borders as dashed lines and their names above the rows. */
        void frame(PdfChart chart, List<LevelBand> bands) {
            chart.percentAxis(left, bottom, right - left, 10, top);
            for (LevelBand band : bands) {
                if (!band.first()) {
                    chart.line(x(band.from()), bottom, x(band.from()), top, TaggedPdf.MUTED, 0.6f, 2);
                }
                chart.text(band.level().label(), (x(band.from()) + x(band.to())) / 2, top + 19, 7.5f,
                        Element.ALIGN_CENTER, false, TaggedPdf.MUTED);
            }
        }
    }
}
