package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import nl.quickscan.surveys.Survey;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Fonts, colours, table cells and page furniture shared by the PDF reports. */
final class PdfStyle {

    static final Color BLUE = new Color(31, 90, 160);
    static final Color GREY = new Color(160, 160, 160);

    /** A level's colour, the colour of text on it, and the colour's name in the legend. */
    record LevelColour(Color colour, Color text, String name) {
    }

    /**
     * The colours of the levels by their index in the survey's scale, lowest first. Their lightness steps down
     * clearly from level to level (grey values 228, 184, 142 and 78 of 255), so that a greyscale print still tells
     * them apart and in order; the hues follow the page's (red, orange, blue, green), and the names say the colour
     * as it prints. Text on each has a contrast of at least 4.5 to 1. A level beyond them has no colour; its name
     * still says it.
     */
    static final List<LevelColour> LEVEL_COLOURS = List.of(
            new LevelColour(new Color(250, 219, 218), Color.BLACK, "roze"),
            new LevelColour(new Color(245, 176, 65), Color.BLACK, "oranje"),
            new LevelColour(new Color(91, 155, 213), Color.BLACK, "blauw"),
            new LevelColour(new Color(30, 107, 52), Color.WHITE, "donkergroen"));

    final BaseFont base;
    final Font body;
    final Font small;
    final Font bold;
    final Font h1;
    final Font h2;

    PdfStyle() {
        try {
            // Liberation Sans ships inside OpenPDF; embedding it makes the text searchable and the same everywhere.
            base = BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body = new Font(base, 10);
        small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
        bold = new Font(base, 10, Font.BOLD);
        h1 = new Font(base, 22, Font.BOLD, BLUE);
        h2 = new Font(base, 14, Font.BOLD, BLUE);
    }

    /** Dutch document language, and a running header and page number on every page. */
    void prepare(PdfWriter writer, Document document, String title) {
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));
        document.addTitle(title);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                PdfContentByte canvas = w.getDirectContent();
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(title, small), d.left(), d.top() + 25, 0);
                ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                        new Phrase(new Chunk("Pagina " + w.getPageNumber(), small)), d.right(), d.bottom() - 30, 0);
            }
        });
    }

    void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(base, 9, Font.BOLD, Color.WHITE)));
        cell.setBackgroundColor(BLUE);
        cell.setPadding(4);
        table.addCell(cell);
    }

    void cell(PdfPTable table, String text) {
        cell(table, text, null);
    }

    void cell(PdfPTable table, String text, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, body));
        cell.setPadding(4);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        table.addCell(cell);
    }

    /** The background of a cell with this level; null for none. */
    static Color levelColour(Survey.Level level) {
        return level == null || level.index() >= LEVEL_COLOURS.size() ? null : LEVEL_COLOURS.get(level.index()).colour();
    }

    /** The colour of text on a cell with this level: black, or white on a dark colour. */
    static Color levelTextColour(Survey.Level level) {
        return level == null || level.index() >= LEVEL_COLOURS.size() ? Color.BLACK : LEVEL_COLOURS.get(level.index()).text();
    }

    /** "Beginnend (roze), In ontwikkeling (oranje), …": the levels of the scale that have a colour. */
    static String levelLegend(List<Survey.Level> levels) {
        return levels.stream().filter(level -> level.index() < LEVEL_COLOURS.size())
                .map(level -> level.label() + " (" + LEVEL_COLOURS.get(level.index()).name() + ")")
                .collect(Collectors.joining(", "));
    }

    static Paragraph spaced(Paragraph paragraph, float before) {
        paragraph.setSpacingBefore(before);
        return paragraph;
    }
}
