package nl.quickscan.reports;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import nl.quickscan.text.DutchFormat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing primitives for the vector charts of the reports (inside {@link TaggedPdf#figure}): text, bars, dots,
 * lines and a percent axis. Coordinates are points from the figure's lower left corner.
 */
final class PdfChart {

    private final PdfContentByte canvas;
    private final BaseFont regular;
    private final BaseFont bold;

    PdfChart(PdfContentByte canvas, BaseFont regular, BaseFont bold) {
        this.canvas = canvas;
        this.regular = regular;
        this.bold = bold;
    }

    /** Text with its baseline at y; alignment is {@code Element.ALIGN_LEFT}, {@code _CENTER} or {@code _RIGHT}. */
    void text(String text, float x, float y, float size, int alignment, boolean strong, Color colour) {
        canvas.beginText();
        canvas.setFontAndSize(strong ? bold : regular, size);
        canvas.setColorFill(colour);
        canvas.showTextAligned(alignment, text, x, y, 0);
        canvas.endText();
    }

    void text(String text, float x, float y, float size) {
        text(text, x, y, size, Element.ALIGN_LEFT, false, TaggedPdf.TEXT);
    }

    /** The width of the text in points, to place what follows it. */
    float textWidth(String text, float size, boolean strong) {
        return (strong ? bold : regular).getWidthPoint(text, size);
    }

    /** The text broken into lines no wider than {@code width} at this size, at spaces. */
    List<String> lines(String text, float width, float size) {
        return lines(regular, text, width, size);
    }

    static List<String> lines(BaseFont font, String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getWidthPoint(candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** A filled rectangle, with an outline when {@code outline} is not null (so light fills show in print). */
    void rectangle(float x, float y, float width, float height, Color fill, Color outline) {
        canvas.setColorFill(fill);
        canvas.rectangle(x, y, width, height);
        if (outline == null) {
            canvas.fill();
        } else {
            canvas.setColorStroke(outline);
            canvas.setLineWidth(0.5f);
            canvas.fillStroke();
        }
    }

    /** A dot of the given radius, outlined in the text colour. */
    void dot(float x, float y, float radius, Color fill) {
        canvas.setColorFill(fill);
        canvas.setColorStroke(TaggedPdf.TEXT);
        canvas.setLineWidth(0.6f);
        canvas.circle(x, y, radius);
        canvas.fillStroke();
    }

    /** A straight line; dashed when {@code dash} is above 0. */
    void line(float x1, float y1, float x2, float y2, Color colour, float width, float dash) {
        canvas.saveState();
        canvas.setColorStroke(colour);
        canvas.setLineWidth(width);
        if (dash > 0) {
            canvas.setLineDash(dash, dash, 0);
        }
        canvas.moveTo(x1, y1);
        canvas.lineTo(x2, y2);
        canvas.stroke();
        canvas.restoreState();
    }

    /**
     * A horizontal axis from 0 to 100 % along {@code width} at height y, with a tick and a label ("25 %") every
     * {@code step} percent and faint grid lines up to {@code gridTop}.
     */
    void percentAxis(float x, float y, float width, int step, float gridTop) {
        line(x, y, x + width, y, TaggedPdf.MUTED, 0.6f, 0);
        for (int percent = 0; percent <= 100; percent += step) {
            float at = x + width * percent / 100;
            line(at, y, at, y - 3, TaggedPdf.MUTED, 0.6f, 0);
            if (percent > 0) {
                line(at, y, at, gridTop, TaggedPdf.RULE, 0.3f, 0);
            }
            text(DutchFormat.percent(percent), at, y - 12, 7.5f, Element.ALIGN_CENTER, false, TaggedPdf.MUTED);
        }
    }
}
