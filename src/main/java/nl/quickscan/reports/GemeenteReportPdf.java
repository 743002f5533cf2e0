package nl.quickscan.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.SharedFigures;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

/** The gemeenterapport as PDF: real text in an embedded font, a vector bar chart, page numbers. */
final class GemeenteReportPdf {

    private final PdfStyle style = new PdfStyle();
    private final Font body = style.body;
    private final Font small = style.small;
    private final Font bold = style.bold;
    private final Font h1 = style.h1;
    private final Font h2 = style.h2;

    byte[] render(ReportData data, LocalDate today) {
        ScanRow scan = data.scores().view().scan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        style.prepare(writer, document, "Quickscan aanpak seksueel geweld – " + scan.gemeenteName());
        document.open();
        try {
            cover(document, data, scan, today);
            document.newPage();
            summary(document, writer, data);
            statements(document, data);
            kengetallen(document, data);
            position(document, data);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        document.close();
        return out.toByteArray();
    }

    private void cover(Document document, ReportData data, ScanRow scan, LocalDate today) {
        document.add(PdfStyle.spaced(new Paragraph("Quickscan aanpak seksueel geweld", h1), 120));
        document.add(PdfStyle.spaced(new Paragraph("Gemeenterapport " + scan.gemeenteName() + " (" + scan.cbsCode() + ")", h2), 12));
        String rounds = data.comparison().map(c -> c.baseline().scan().roundName() + " en " + scan.roundName()).orElse(scan.roundName());
        document.add(PdfStyle.spaced(new Paragraph("Meetronde: " + rounds, body), 12));
        document.add(new Paragraph("Datum: " + DutchFormat.date(today), body));
        document.add(PdfStyle.spaced(new Paragraph(scan.submitted()
                ? "Status: ingediend" + (scan.submittedAt() == null ? "" : " op " + DutchFormat.dateTime(scan.submittedAt()))
                : "Status: VOORLOPIG – deze scan is nog niet ingediend", bold), 12));
        Scoring.Result result = data.current();
        document.add(PdfStyle.spaced(new Paragraph("Totaalscore: " + DutchFormat.percent(result.total())
                + (result.totalLevel() == null ? "" : " – niveau " + result.totalLevel().label()), bold), 24));
    }

    private void summary(Document document, PdfWriter writer, ReportData data) throws DocumentException {
        document.add(new Paragraph("Samenvatting", h2));
        boolean baseline = data.hasBaseline();
        PdfPTable table = new PdfPTable(baseline ? 4 : 3);
        table.setWidthPercentage(100);
        table.setWidths(baseline ? new float[] {5, 2, 2, 2.5f} : new float[] {5, 2, 2.5f});
        table.setSpacingBefore(8);
        style.header(table, "Bouwsteen");
        if (baseline) {
            style.header(table, "Nulmeting");
        }
        style.header(table, baseline ? "Herhaling" : "Score");
        style.header(table, "Niveau");
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            style.cell(table, b.title());
            if (baseline) {
                style.cell(table, DutchFormat.percent(data.baselineScore(b.key())));
            }
            style.cell(table, DutchFormat.percent(b.score()));
            style.cell(table, b.level() == null ? DutchFormat.NONE : b.level().label());
        }
        document.add(table);
        document.add(PdfStyle.spaced(new Paragraph("Nog niet beantwoord: " + data.current().unanswered() + ". \"Weet ik niet\": "
                + data.current().unknown() + ". Beide tellen mee als 0 punten.", small), 4));
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
                bar(chart, left, y - 10, barWidth, data.baselineScore(b.key()), PdfStyle.GREY);
                y -= 12;
            }
            bar(chart, left, y - 10, barWidth, b.score(), PdfStyle.BLUE);
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
        text(canvas, DutchFormat.percent(score), x + length + 4, y + 1, 8);
    }

    private void text(PdfContentByte canvas, String text, float x, float y, float size) {
        canvas.beginText();
        canvas.setFontAndSize(style.base, size);
        canvas.setColorFill(Color.BLACK);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private void statements(Document document, ReportData data) {
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            document.newPage();
            document.add(new Paragraph(b.title(), h2));
            document.add(PdfStyle.spaced(new Paragraph("Score: " + DutchFormat.percent(b.score())
                    + (b.level() == null ? "" : " – " + b.level().label())
                    + (data.hasBaseline() ? " (nulmeting: " + DutchFormat.percent(data.baselineScore(b.key())) + ")" : ""), body), 8));
            for (Scoring.QuestionScore q : b.questions()) {
                Paragraph statement = new Paragraph(q.question().text(), bold);
                statement.setSpacingBefore(8);
                document.add(statement);
                String answer = "Antwoord: " + data.answerLabel(q.question());
                if (data.hasBaseline()) {
                    answer += "   (nulmeting: " + data.baselineLabel(q.question().key()) + ", "
                            + data.change(q.question().key()).map(Comparison.QuestionChange::direction)
                            .orElse(Comparison.Direction.NEW).label() + ")";
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

    private void kengetallen(Document document, ReportData data) throws DocumentException {
        if (data.kengetallen().isEmpty()) {
            return;
        }
        document.newPage();
        document.add(new Paragraph("Kengetallen", h2));
        document.add(PdfStyle.spaced(new Paragraph("Deze cijfers tellen niet mee in de score.", body), 4));
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {5, 2.5f, 3});
        table.setSpacingBefore(8);
        for (String title : List.of("Kengetal", "Antwoord", "Toelichting")) {
            style.header(table, title);
        }
        for (Survey.Question question : data.kengetallen()) {
            style.cell(table, question.text());
            style.cell(table, data.kengetalLabel(question));
            style.cell(table, data.comment(question));
        }
        document.add(table);
    }

    private void position(Document document, ReportData data) throws DocumentException {
        document.newPage();
        document.add(new Paragraph("Positie in de regio", h2));
        if (data.position().isEmpty()) {
            document.add(PdfStyle.spaced(new Paragraph(SharedFigures.POSITION_NOT_YET, body), 8));
            return;
        }
        document.add(PdfStyle.spaced(new Paragraph(SharedFigures.EXPLANATION, body), 4));
        PdfPTable table = new PdfPTable(4);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {5, 2, 2, 2});
        table.setSpacingBefore(8);
        for (String title : List.of("Bouwsteen", "Uw score", "Gemiddelde regio", "Mediaan regio")) {
            style.header(table, title);
        }
        for (Results.Position p : data.position()) {
            style.cell(table, p.title());
            style.cell(table, DutchFormat.percent(p.own()));
            style.cell(table, DutchFormat.percent(p.mean()));
            style.cell(table, DutchFormat.percent(p.median()));
        }
        document.add(table);
    }
}
