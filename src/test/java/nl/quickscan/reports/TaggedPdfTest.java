package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import nl.quickscan.support.PdfUa;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaggedPdfTest {

    /** Headings, paragraphs, a list, a table over three pages, a figure and a table of contents. */
    static byte[] sample() {
        return TaggedPdf.render("Voorbeeld – tagged PDF", pdf -> {
            pdf.heading(1, "Inhoud");
            pdf.tableOfContents(2);
            pdf.newPage();
            pdf.heading(1, "Samenvatting");
            pdf.paragraph("Dit is een gewone alinea met genoeg tekst om over meer dan een regel te lopen, zodat de regelafstand "
                    + "en de marges zichtbaar worden op de pagina.");
            pdf.paragraph(pdf.phrase(new Chunk("Vet: ", pdf.strong), new Chunk("en gewoon daarna.", pdf.body)));
            pdf.list(pdf.phrases(List.of("Eerste punt", "Tweede punt dat langer is en dus over twee regels kan lopen als de "
                    + "tekst maar lang genoeg is om de hele breedte van de pagina te vullen en nog wat", "Derde punt")));
            pdf.heading(2, "Een figuur");
            pdf.figure("Staafdiagram: A 40 %, B 75 %.", pdf.width(), 80, chart -> {
                chart.percentAxis(60, 14, 300, 25, 80);
                chart.text("A", 0, 50, 9);
                chart.rectangle(60, 46, 120, 10, TaggedPdf.ACCENT, null);
                chart.text("B", 0, 30, 9);
                chart.rectangle(60, 26, 225, 10, TaggedPdf.ACCENT, null);
            });
            pdf.heading(1, "Een lange tabel");
            TaggedPdf.Table table = new TaggedPdf.Table(4, 1, 2).rowHeaders()
                    .header(List.of(pdf.headerCell("Rij"), pdf.headerCell("Getal"), pdf.headerCell("Opmerking")));
            IntStream.rangeClosed(1, 120).forEach(i -> table.row(List.of(pdf.cell("Rij " + i),
                    pdf.cell(String.valueOf(i), null, Element.ALIGN_RIGHT), pdf.cell(i % 7 == 0 ? "Een langere opmerking "
                            + "die over twee regels loopt in deze smalle kolom van de tabel" : ""))));
            pdf.table(table);
            pdf.heading(2, "Na de tabel");
            pdf.paragraph("Slot.");
        });
    }

    @Test
    void passesPdfUa1() {
        PdfUa.assertCompliant(sample());
    }

    @Test
    void tagsTheStructureNumbersThePagesAndLinksTheContents() throws IOException {
        byte[] bytes = sample();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 4, "pages: " + pages);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Pagina 1 van " + pages), text);
            assertTrue(text.contains("Pagina " + pages + " van " + pages), text);
            assertEquals("nl-NL", pdf.getDocumentCatalog().getLanguage());
            assertEquals("Voorbeeld – tagged PDF", pdf.getDocumentInformation().getTitle());
            assertTrue(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            List<String> types = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot(), types);
            for (String type : List.of("Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
                    "Figure", "TOC", "TOCI", "Link")) {
                assertTrue(types.contains(type), type + " in " + types);
            }
            assertEquals(3, countOutline(pdf), "a bookmark per level-1 heading");
            assertEquals(4, pdf.getPage(0).getAnnotations().size(), "a link per heading after the contents up to level 2");
        }
    }

    @Test
    void theCheckFailsAnUntaggedDocument() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
        document.open();
        document.add(new com.lowagie.text.Paragraph("Niet getagd"));
        document.close();
        List<String> failed = PdfUa.failedRules(out.toByteArray());
        assertTrue(failed.stream().anyMatch(rule -> rule.startsWith("7.1-")), failed.toString());
    }

    @Test
    void aHeadingMovesToTheNextPageUnlessWhatItKeepsWithFits() throws IOException {
        for (float keep : new float[] {0, 250}) {
            byte[] bytes = TaggedPdf.render("x", pdf -> {
                pdf.heading(1, "Een");
                pdf.space(500);
                if (keep == 0) {
                    pdf.heading(2, "Twee");
                } else {
                    pdf.heading(2, "Twee", keep);
                }
                pdf.paragraph("Tekst.");
            });
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(1);
                page.setEndPage(1);
                assertEquals(keep == 0, page.getText(pdf).contains("Twee"), "kept with " + keep + " points");
            }
        }
    }

    @Test
    void refusesASkippedHeadingLevel() {
        assertThrows(IllegalArgumentException.class, () -> TaggedPdf.render("x", pdf -> pdf.heading(2, "Te diep")));
    }

    private static int countOutline(PDDocument pdf) {
        int[] count = {0};
        pdf.getDocumentCatalog().getDocumentOutline().children().forEach(item -> count[0]++);
        return count[0];
    }

    private static void collect(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collect(element, types);
            }
        }
    }
}
