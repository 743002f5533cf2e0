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

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Fonts, colours, table cells and page furniture shared by the PDF reports. */
final class PdfStyle {

    static final Color BLUE = new Color(31, 90, 160);
    static final Color GREY = new Color(160, 160, 160);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl", "NL"));

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

    static Paragraph spaced(Paragraph paragraph, float before) {
        paragraph.setSpacingBefore(before);
        return paragraph;
    }
}
