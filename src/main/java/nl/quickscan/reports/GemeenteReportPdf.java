package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.web.Views;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The gemeenterapport as PDF: real text in an embedded font, a vector bar chart, page numbers. */
final class GemeenteReportPdf {

    private static final Color BLUE = new Color(31, 90, 160);
    private static final Color GREY = new Color(160, 160, 160);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl", "NL"));

    private final BaseFont base;
    private final Font body;
    private final Font small;
    private final Font bold;
    private final Font h1;
    private final Font h2;

    GemeenteReportPdf() {
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

    byte[] render(ReportData data) {
        ScanRow scan = data.scores().view().scan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new HeaderFooter(scan.gemeenteName()));
        writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString("nl-NL"));
        document.addTitle("Quickscan aanpak seksueel geweld – " + scan.gemeenteName());
        document.open();
        try {
            cover(document, data, scan);
            document.newPage();
            summary(document, writer, data);
            statements(document, data);
            position(document, data);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        document.close();
        return out.toByteArray();
    }

    private void cover(Document document, ReportData data, ScanRow scan) {
        document.add(spaced(new Paragraph("Quickscan aanpak seksueel geweld", h1), 120));
        document.add(spaced(new Paragraph("Gemeenterapport " + scan.gemeenteName() + " (" + scan.cbsCode() + ")", h2), 12));
        String rounds = data.comparison().map(c -> c.baseline().scan().roundName() + " en " + scan.roundName()).orElse(scan.roundName());
        document.add(spaced(new Paragraph("Meetronde: " + rounds, body), 12));
        document.add(new Paragraph("Datum: " + DATE.format(LocalDate.now(Views.ZONE)), body));
        document.add(spaced(new Paragraph(scan.submitted()
                ? "Status: ingediend" + (scan.submittedAt() == null ? "" : " op " + DATE.format(scan.submittedAt().atZone(Views.ZONE)))
                : "Status: VOORLOPIG – deze scan is nog niet ingediend", bold), 12));
        Scoring.Result result = data.current();
        document.add(spaced(new Paragraph("Totaalscore: " + ReportData.percent(result.total())
                + (result.totalLevel() == null ? "" : " – niveau " + result.totalLevel().label()), bold), 24));
    }

    private void summary(Document document, PdfWriter writer, ReportData data) throws DocumentException {
        document.add(new Paragraph("Samenvatting", h2));
        boolean baseline = data.hasBaseline();
        PdfPTable table = new PdfPTable(baseline ? 4 : 3);
        table.setWidthPercentage(100);
        table.setWidths(baseline ? new float[] {5, 2, 2, 2.5f} : new float[] {5, 2, 2.5f});
        table.setSpacingBefore(8);
        header(table, "Bouwsteen");
        if (baseline) {
            header(table, "Nulmeting");
        }
        header(table, baseline ? "Herhaling" : "Score");
        header(table, "Niveau");
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            cell(table, b.title());
            if (baseline) {
                cell(table, ReportData.percent(data.baselineScore(b.key())));
            }
            cell(table, ReportData.percent(b.score()));
            cell(table, b.level() == null ? "–" : b.level().label());
        }
        document.add(table);
        document.add(spaced(new Paragraph("Nog niet beantwoord: " + data.current().unanswered() + ". Weet ik niet: "
                + data.current().unknown() + ". Beide tellen als 0 punten.", small), 4));
        Image chart = barChart(writer, data);
        chart.setSpacingBefore(12);
        document.add(chart);
    }

    /** Horizontal bars per bouwsteen, nulmeting (grey) above herhaling (blue), drawn as vector graphics. */
    private Image barChart(PdfWriter writer, ReportData data) throws DocumentException {
        List<Scoring.BouwsteenScore> bouwstenen = data.current().bouwstenen();
        float row = data.hasBaseline() ? 34 : 22;
        float width = 495;
        float height = bouwstenen.size() * row + 30;
        float left = 170;
        float barWidth = width - left - 40;
        PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
        float y = height - 20;
        for (Scoring.BouwsteenScore b : bouwstenen) {
            text(chart, b.title().replaceFirst("^Bouwsteen (\\d)\\. ", "$1. "), 0, y - 10, 8);
            if (data.hasBaseline()) {
                bar(chart, left, y - 10, barWidth, data.baselineScore(b.key()), GREY);
                y -= 12;
            }
            bar(chart, left, y - 10, barWidth, b.score(), BLUE);
            y -= row - (data.hasBaseline() ? 12 : 0);
        }
        chart.setColorStroke(Color.DARK_GRAY);
        chart.moveTo(left, 4);
        chart.lineTo(left, height - 10);
        chart.stroke();
        text(chart, data.hasBaseline() ? "Grijs: nulmeting, blauw: herhaling (procent van de hoogst mogelijke score)"
                : "Score per bouwsteen (procent van de hoogst mogelijke score)", left, 0, 7);
        return Image.getInstance(chart);
    }

    private void bar(PdfContentByte canvas, float x, float y, float width, Double score, Color color) {
        float length = score == null ? 0 : (float) (width * score / 100);
        canvas.setColorFill(color);
        canvas.rectangle(x, y, length, 9);
        canvas.fill();
        text(canvas, ReportData.percent(score), x + length + 4, y + 1, 8);
    }

    private void text(PdfContentByte canvas, String text, float x, float y, float size) {
        canvas.beginText();
        canvas.setFontAndSize(base, size);
        canvas.setColorFill(Color.BLACK);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private void statements(Document document, ReportData data) {
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            document.newPage();
            document.add(new Paragraph(b.title(), h2));
            document.add(spaced(new Paragraph("Score: " + ReportData.percent(b.score())
                    + (b.level() == null ? "" : " – " + b.level().label())
                    + (data.hasBaseline() ? " (nulmeting: " + ReportData.percent(data.baselineScore(b.key())) + ")" : ""), body), 8));
            for (Scoring.QuestionScore q : b.questions()) {
                Paragraph statement = new Paragraph(q.question().text(), bold);
                statement.setSpacingBefore(8);
                document.add(statement);
                String answer = "Antwoord: " + data.answerLabel(q.question());
                if (data.hasBaseline()) {
                    answer += "   (nulmeting: " + data.baselineLabel(q.question().key()) + ", "
                            + data.change(q.question().key()).map(c -> direction(c.direction())).orElse("nieuw") + ")";
                }
                document.add(new Paragraph(answer, body));
                if (!data.comment(q.question()).isEmpty()) {
                    document.add(new Paragraph("Toelichting: " + data.comment(q.question()), body));
                }
                if (q.counts() && q.fraction() < 0.5 && q.question().recommendation() != null) {
                    document.add(new Paragraph("Aanbeveling: " + q.question().recommendation(), small));
                }
            }
        }
    }

    private void position(Document document, ReportData data) throws DocumentException {
        document.newPage();
        document.add(new Paragraph("Positie in de regio", h2));
        if (data.position().isEmpty()) {
            document.add(spaced(new Paragraph("De vergelijking met de regio verschijnt zodra minstens "
                    + Results.MIN_GEMEENTEN + " andere gemeenten hun scan hebben ingediend.", body), 8));
            return;
        }
        PdfPTable table = new PdfPTable(4);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {5, 2, 2, 2});
        table.setSpacingBefore(8);
        for (String title : List.of("Bouwsteen", "Uw score", "Gemiddelde regio", "Mediaan regio")) {
            header(table, title);
        }
        for (Results.Position p : data.position()) {
            cell(table, p.title());
            cell(table, ReportData.percent(p.own()));
            cell(table, ReportData.percent(p.mean()));
            cell(table, ReportData.percent(p.median()));
        }
        document.add(table);
    }

    private static String direction(nl.quickscan.scoring.Comparison.Direction direction) {
        return switch (direction) {
            case IMPROVED -> "verbeterd";
            case DECLINED -> "achteruitgegaan";
            case UNCHANGED -> "gelijk";
            case NEW -> "nieuw";
            case DROPPED -> "vervallen";
            case NOT_COMPARABLE -> "niet te vergelijken";
        };
    }

    private void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(base, 10, Font.BOLD, Color.WHITE)));
        cell.setBackgroundColor(BLUE);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private void cell(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, body));
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static Paragraph spaced(Paragraph paragraph, float before) {
        paragraph.setSpacingBefore(before);
        return paragraph;
    }

    /** "Quickscan – gemeente" above, "Pagina n" below every page. */
    private final class HeaderFooter extends PdfPageEventHelper {
        private final String gemeente;

        HeaderFooter(String gemeente) {
            this.gemeente = gemeente;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    new Phrase("Quickscan aanpak seksueel geweld – " + gemeente, small), document.left(), document.top() + 25, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase(new Chunk("Pagina " + writer.getPageNumber(), small)), document.right(), document.bottom() - 30, 0);
        }
    }
}
