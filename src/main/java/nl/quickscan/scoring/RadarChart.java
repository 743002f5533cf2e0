package nl.quickscan.scoring;

import nl.quickscan.text.Html;

import java.util.List;
import java.util.Locale;

/** A radar chart of bouwsteen scores as inline SVG, drawn on the server so that it needs no JavaScript. */
final class RadarChart {

    record Axis(String label, Double score) {
    }

    private static final int SIZE = 360;
    private static final double CENTER = SIZE / 2.0;
    private static final double RADIUS = 120;

    private RadarChart() {
    }

    /** The SVG; it is decorative for screen readers, which get the table beside it. */
    static String svg(List<Axis> axes) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" aria-hidden=\"true\" focusable=\"false\" class=\"radar\">");
        for (int ring = 1; ring <= 4; ring++) {
            svg.append("<polygon fill=\"none\" stroke=\"#bbb\" points=\"").append(points(axes, ring * 25.0)).append("\"/>");
        }
        for (int i = 0; i < axes.size(); i++) {
            double[] end = point(i, axes.size(), 100);
            double[] text = point(i, axes.size(), 118);
            svg.append("<line stroke=\"#888\" x1=\"").append(f(CENTER)).append("\" y1=\"").append(f(CENTER))
                    .append("\" x2=\"").append(f(end[0])).append("\" y2=\"").append(f(end[1])).append("\"/>");
            svg.append("<text font-size=\"12\" text-anchor=\"middle\" x=\"").append(f(text[0])).append("\" y=\"")
                    .append(f(text[1] + 4)).append("\">").append(Html.escape(axes.get(i).label())).append("</text>");
        }
        svg.append("<polygon fill=\"rgba(31,90,160,0.25)\" stroke=\"#1f5aa0\" stroke-width=\"2\" points=\"")
                .append(scorePoints(axes)).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static String points(List<Axis> axes, double percent) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < axes.size(); i++) {
            double[] p = point(i, axes.size(), percent);
            points.append(f(p[0])).append(',').append(f(p[1])).append(' ');
        }
        return points.toString().strip();
    }

    private static String scorePoints(List<Axis> axes) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < axes.size(); i++) {
            double[] p = point(i, axes.size(), axes.get(i).score() == null ? 0 : axes.get(i).score());
            points.append(f(p[0])).append(',').append(f(p[1])).append(' ');
        }
        return points.toString().strip();
    }

    /** Axis i of n at the given percentage, starting at the top and going clockwise. */
    private static double[] point(int i, int n, double percent) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        double r = RADIUS * percent / 100;
        return new double[] {CENTER + r * Math.cos(angle), CENTER + r * Math.sin(angle)};
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
