package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An accessible (PDF/UA-1) A4 document: every block is written through the structure tree (headings, paragraphs,
 * lists, tables with header cells, figures with alternative text, links), page furniture is marked as artifact, the
 * document language is Dutch and its title shows as the window title. OpenPDF tags only what is written this way
 * ({@code Document.add} is not tagged), so the layout — page breaks, table rows, headings kept with what follows —
 * is done here. The content is rendered until its page numbers settle (two or three passes), which gives
 * "Pagina x van y" and the table of contents their numbers.
 */
final class TaggedPdf {

    static final Color TEXT = new Color(26, 26, 26);
    static final Color ACCENT = new Color(31, 90, 160);
    static final Color MUTED = new Color(85, 85, 85);
    static final Color RULE = new Color(190, 190, 190);
    static final Color HEADER_FILL = new Color(232, 238, 246);

    private static final BaseFont REGULAR = font("fonts/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("fonts/LiberationSans-Bold.ttf");
    private static final float MARGIN = 50;
    private static final float PADDING = 4;
    private static final int MAX_PASSES = 4;
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName TR = new PdfName("TR");
    private static final PdfName LIST = new PdfName("List");
    private static final PdfName LIST_NUMBERING = new PdfName("ListNumbering");
    private static final PdfName DISC = new PdfName("Disc");
    private static final PdfName LAYOUT = new PdfName("Layout");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName ROW = new PdfName("Row");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName HEADER = new PdfName("Header");
    private static final PdfName FOOTER = new PdfName("Footer");

    final Font body = new Font(REGULAR, 10.5f, Font.NORMAL, TEXT);
    final Font strong = new Font(BOLD, 10.5f, Font.NORMAL, TEXT);
    final Font small = new Font(REGULAR, 9, Font.NORMAL, MUTED);
    final Font tableText = new Font(REGULAR, 9.5f, Font.NORMAL, TEXT);
    final Font tableHeader = new Font(BOLD, 9.5f, Font.NORMAL, TEXT);
    private final List<Font> headings = List.of(new Font(BOLD, 20, Font.NORMAL, ACCENT), new Font(BOLD, 13.5f, Font.NORMAL, ACCENT),
            new Font(BOLD, 12, Font.NORMAL, TEXT), new Font(BOLD, 10.5f, Font.NORMAL, TEXT));

    /** One heading as the previous pass placed it: for the table of contents and for knowing the layout settled. */
    record Heading(int level, String text, String anchor, int page) {
    }

    /** Where the previous pass put things. */
    private record Layout(int pages, List<Heading> headings) {
        static final Layout UNKNOWN = new Layout(0, List.of());
    }

    private final Layout previous;
    private final String title;
    private final Document document;
    private final PdfWriter writer;
    private final PdfContentByte canvas;
    private final PdfStructureElement root;
    private final List<Heading> placed = new ArrayList<>();
    private final Map<Integer, PdfOutline> outlines = new HashMap<>();
    private int headingLevel;
    private float y;

    private TaggedPdf(String title, Rectangle pageSize, Layout previous, OutputStream out) {
        this.title = title;
        this.previous = previous;
        document = new Document(pageSize, MARGIN, MARGIN, MARGIN + 14, MARGIN + 10);
        writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setTagged();
        writer.setTabs(PdfName.S);
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));
        writer.setXmpMetadata(xmp(title));
        document.addTitle(title);
        document.addCreator(Reports.PRODUCT);
        document.open();
        canvas = writer.getDirectContent();
        root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
        startPage();
    }

    /**
     * Renders the content, which must draw the same for the same input, until the page numbers settle.
     *
     * @param title the document title: metadata, window title and the running header
     */
    static byte[] render(String title, Consumer<TaggedPdf> content) {
        return render(title, PageSize.A4, content);
    }

    /** As {@link #render(String, Consumer)}, on pages of the given size, such as {@code PageSize.A4.rotate()} for landscape. */
    static byte[] render(String title, Rectangle pageSize, Consumer<TaggedPdf> content) {
        Layout layout = Layout.UNKNOWN;
        for (int pass = 1; ; pass++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TaggedPdf pdf = new TaggedPdf(title, pageSize, layout, out);
            content.accept(pdf);
            Layout result = pdf.close();
            if (result.equals(layout) || pass == MAX_PASSES) {
                return out.toByteArray();
            }
            layout = result;
        }
    }

    private Layout close() {
        int pages = writer.getPageNumber();
        document.close();
        return new Layout(pages, List.copyOf(placed));
    }

    // ---- blocks ------------------------------------------------------------------------------------------------

    /**
     * A heading H1..H4, with a bookmark and an entry for the table of contents. Levels may not be skipped (PDF/UA);
     * the heading moves to the next page when two lines of text would not fit below it.
     */
    void heading(int level, String text) {
        heading(level, text, 2 * leading(new Phrase("", body)));
    }

    /** As {@link #heading(int, String)}, kept with {@code keepWithNext} points of what follows (a table, a chart). */
    void heading(int level, String text, float keepWithNext) {
        if (level < 1 || level > headings.size() || level > headingLevel + 1) {
            throw new IllegalArgumentException("Heading level " + level + " after level " + headingLevel + ": " + text);
        }
        headingLevel = level;
        Font font = headings.get(level - 1);
        float leading = font.getSize() * 1.25f;
        float before = y < top() ? font.getSize() * 0.7f : 0;
        float height = before + height(new Phrase(text, font), width(), leading) + 2;
        if (y - height - keepWithNext < bottom()) {
            newPage();
            before = 0;
        }
        y -= before;
        String anchor = "h" + placed.size();
        canvas.localDestination(anchor, new PdfDestination(PdfDestination.XYZ, left(), y + 4, 0));
        PdfOutline parent = level == 1 ? writer.getRootOutline() : outlines.getOrDefault(level - 1, writer.getRootOutline());
        outlines.put(level, new PdfOutline(parent, PdfAction.gotoLocalPage(anchor, false), text, level == 1));
        placed.add(new Heading(level, text, anchor, writer.getPageNumber()));
        flow(new PdfStructureElement(root, new PdfName("H" + level)), new Phrase(text, font),
                left(), right(), leading, Element.ALIGN_LEFT);
        y -= 2;
    }

    /** A paragraph of body text. */
    void paragraph(String text) {
        paragraph(new Phrase(text, body));
    }

    /** A paragraph of mixed runs, e.g. {@code new Phrase(new Chunk("Score: ", strong))} and on. */
    void paragraph(Phrase text) {
        paragraph(text, Element.ALIGN_LEFT);
    }

    void paragraph(Phrase text, int alignment) {
        float leading = leading(text);
        ensure(leading);
        flow(new PdfStructureElement(root, PdfName.P), text, left(), right(), leading, alignment);
        y -= leading * 0.35f;
    }

    /** A bulleted list; each item may be a phrase of several runs. */
    void list(List<Phrase> items) {
        PdfStructureElement list = new PdfStructureElement(root, PdfName.L);
        list.put(PdfName.A, attributes(LIST, LIST_NUMBERING, DISC));
        for (Phrase item : items) {
            float leading = leading(item);
            ensure(leading);
            PdfStructureElement li = new PdfStructureElement(list, PdfName.LI);
            PdfStructureElement label = new PdfStructureElement(li, PdfName.LBL);
            canvas.beginMarkedContentSequence(label);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase("•", item.getFont()), left() + 4,
                    y - leading + 2, 0);
            canvas.endMarkedContentSequence();
            flow(new PdfStructureElement(li, PdfName.LBODY), item, left() + 16, right(), leading, Element.ALIGN_LEFT);
            y -= leading * 0.15f;
        }
        y -= body.getSize() * 0.4f;
    }

    /** Runs of text in their own fonts as one phrase, for {@link #paragraph(Phrase)}, {@link #list} and cells. */
    Phrase phrase(Chunk... runs) {
        Phrase phrase = new Phrase("", body);
        for (Chunk run : runs) {
            phrase.add(run);
        }
        return phrase;
    }

    /** Phrases in body text, for {@link #list}. */
    List<Phrase> phrases(List<String> texts) {
        return texts.stream().map(text -> new Phrase(text, body)).toList();
    }

    /**
     * A table: rows are never split, the header row is repeated (as artifact) after a page break, header cells are
     * TH with a column scope, a row's first cell TH with a row scope when {@link Table#rowHeaders()} is set.
     */
    void table(Table table) {
        float[] widths = table.columnWidths(width());
        PdfStructureElement element = new PdfStructureElement(root, PdfName.TABLE);
        float headerHeight = rowHeight(table.header, widths);
        y -= 3;
        ensure(headerHeight + (table.rows.isEmpty() ? 0 : rowHeight(table.rows.get(0), widths)));
        drawRow(element, table.header, widths, headerHeight, true, false);
        for (List<Cell> row : table.rows) {
            float height = rowHeight(row, widths);
            if (y - height < bottom()) {
                newPage();
                drawRow(null, table.header, widths, headerHeight, true, false);
            }
            drawRow(element, row, widths, height, false, table.rowHeaders);
        }
        y -= body.getSize();
    }

    /**
     * A vector figure of the given size (points), drawn by {@code drawing} with the origin at its lower left corner;
     * {@code alt} says in words what it shows.
     */
    void figure(String alt, float width, float height, Consumer<PdfChart> drawing) {
        ensure(height);
        float x = left();
        float lower = y - height;
        PdfStructureElement figure = new PdfStructureElement(root, PdfName.FIGURE);
        figure.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
        PdfDictionary layout = attributes(LAYOUT, PdfName.BBOX, new PdfArray(new float[] {x, lower, x + width, y}));
        figure.put(PdfName.A, layout);
        canvas.beginMarkedContentSequence(figure);
        canvas.saveState();
        canvas.concatCTM(1, 0, 0, 1, x, lower);
        drawing.accept(new PdfChart(canvas, REGULAR, BOLD));
        canvas.restoreState();
        canvas.endMarkedContentSequence();
        y = lower - body.getSize() * 0.6f;
    }

    /**
     * The table of contents: every heading after it up to {@code maxLevel} with its page, each line a link. The
     * first pass does not know the headings yet; the next passes do.
     */
    void tableOfContents(int maxLevel) {
        PdfStructureElement toc = new PdfStructureElement(root, PdfName.TOC);
        List<Heading> known = previous.headings;
        for (Heading heading : known.subList(Math.min(placed.size(), known.size()), known.size())) {
            if (heading.level > maxLevel) {
                continue;
            }
            Font font = heading.level == 1 ? strong : body;
            float leading = font.getSize() * 1.6f;
            ensure(leading);
            float indent = (heading.level - 1) * 14;
            PdfStructureElement link = new PdfStructureElement(new PdfStructureElement(toc, PdfName.TOCI), PdfName.LINK);
            String page = String.valueOf(heading.page);
            canvas.beginMarkedContentSequence(link);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(heading.text, font), left() + indent, y - leading + 4, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(page, font), right(), y - leading + 4, 0);
            canvas.endMarkedContentSequence();
            annotateLink(link, new Rectangle(left() + indent, y - leading, right(), y),
                    PdfAction.gotoLocalPage(heading.anchor, false), heading.text + ", pagina " + page);
            y -= leading;
        }
        y -= body.getSize();
    }

    /** A thin horizontal line across the text width (an artifact: it only separates), with a little space around it. */
    void rule() {
        ensure(12);
        if (y >= top()) {
            return; // at the top of a page there is nothing to separate from
        }
        y -= 3;
        beginArtifact(null);
        canvas.setColorStroke(RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(left(), y);
        canvas.lineTo(right(), y);
        canvas.stroke();
        canvas.endMarkedContentSequence();
        y -= 6;
    }

    /** Vertical space in points. */
    void space(float points) {
        y -= points;
    }

    /** Starts a new page unless nothing has been written on this one yet. */
    void newPage() {
        if (y < top()) {
            document.newPage();
            startPage();
        }
    }

    /** Moves to a new page when less than {@code height} points remain on this one. */
    void ensure(float height) {
        if (y - height < bottom()) {
            newPage();
        }
    }

    /** The text broken into lines no wider than {@code width} at this size, as {@link PdfChart#lines} does it. */
    List<String> lines(String text, float width, float size) {
        return PdfChart.lines(REGULAR, text, width, size);
    }

    /** The width between the margins, in points. */
    float width() {
        return right() - left();
    }

    // ---- tables ------------------------------------------------------------------------------------------------

    /** A cell: its text (a phrase may mix fonts), an optional background and the horizontal alignment. */
    record Cell(Phrase text, Color background, int alignment) {
    }

    /** The rows of a table and their relative column widths. */
    static final class Table {
        private final float[] relativeWidths;
        private final List<Cell> header = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private boolean rowHeaders;

        Table(float... relativeWidths) {
            this.relativeWidths = relativeWidths.clone();
        }

        /** The first cell of each row heads that row (a TH with scope Row). */
        Table rowHeaders() {
            rowHeaders = true;
            return this;
        }

        Table header(List<Cell> cells) {
            check(cells);
            header.clear();
            header.addAll(cells);
            return this;
        }

        Table row(List<Cell> cells) {
            check(cells);
            rows.add(List.copyOf(cells));
            return this;
        }

        private void check(List<Cell> cells) {
            if (cells.size() != relativeWidths.length) {
                throw new IllegalArgumentException(cells.size() + " cells for " + relativeWidths.length + " columns");
            }
        }

        private float[] columnWidths(float total) {
            float sum = 0;
            for (float w : relativeWidths) {
                sum += w;
            }
            float[] widths = new float[relativeWidths.length];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = total * relativeWidths[i] / sum;
            }
            return widths;
        }
    }

    /** A header cell in the table header font. */
    Cell headerCell(String text) {
        return headerCell(text, Element.ALIGN_LEFT);
    }

    /** A header cell aligned as its column's values, e.g. right above numbers. */
    Cell headerCell(String text, int alignment) {
        return new Cell(new Phrase(text, tableHeader), HEADER_FILL, alignment);
    }

    /** A body cell in the table font. */
    Cell cell(String text) {
        return cell(text, null, Element.ALIGN_LEFT);
    }

    Cell cell(String text, Color background, int alignment) {
        return new Cell(new Phrase(Objects.requireNonNullElse(text, ""), tableText), background, alignment);
    }

    private float rowHeight(List<Cell> row, float[] widths) {
        float height = 0;
        for (int i = 0; i < row.size(); i++) {
            height = Math.max(height, height(row.get(i).text, widths[i] - 2 * PADDING, cellLeading(row.get(i).text)));
        }
        return height + 2 * PADDING + 1.5f;
    }

    /** One row; a null element means a repeated header, drawn as artifact. */
    private void drawRow(PdfStructureElement table, List<Cell> row, float[] widths, float height, boolean header,
            boolean rowHeader) {
        PdfStructureElement tr = table == null ? null : new PdfStructureElement(table, TR);
        beginArtifact(null);
        float x = left();
        for (int i = 0; i < row.size(); i++) {
            Color background = row.get(i).background;
            if (background != null) {
                canvas.setColorFill(background);
                canvas.rectangle(x, y - height, widths[i], height);
                canvas.fill();
            }
            x += widths[i];
        }
        canvas.setColorStroke(header ? MUTED : RULE);
        canvas.setLineWidth(header ? 0.8f : 0.5f);
        canvas.moveTo(left(), y - height);
        canvas.lineTo(right(), y - height);
        canvas.stroke();
        canvas.endMarkedContentSequence();
        if (tr == null) {
            beginArtifact(null);
        }
        x = left();
        for (int i = 0; i < row.size(); i++) {
            Cell cell = row.get(i);
            if (tr != null) {
                boolean th = header || (rowHeader && i == 0);
                PdfStructureElement element = new PdfStructureElement(tr, th ? PdfName.TH : PdfName.TD);
                if (th) {
                    element.put(PdfName.A, attributes(PdfName.TABLE, SCOPE, header ? COLUMN : ROW));
                }
                canvas.beginMarkedContentSequence(element);
            }
            ColumnText column = new ColumnText(canvas);
            // Raised by the space a line's leading leaves above the capitals, so the text sits in the middle.
            float raise = largestSize(cell.text) * 0.3f;
            column.setSimpleColumn(x + PADDING, y - height, x + widths[i] - PADDING, y - PADDING + raise);
            column.setLeading(cellLeading(cell.text));
            column.setAlignment(cell.alignment);
            column.setText(new Phrase(cell.text));
            go(column);
            if (tr != null) {
                canvas.endMarkedContentSequence();
            }
            x += widths[i];
        }
        if (tr == null) {
            canvas.endMarkedContentSequence();
        }
        y -= height;
    }

    // ---- text flow ---------------------------------------------------------------------------------------------

    /** Writes text into {@code element}, continuing on new pages; each page's part becomes a marked-content item. */
    private void flow(PdfStructureElement element, Phrase text, float from, float to, float leading, int alignment) {
        ColumnText column = new ColumnText(canvas);
        column.setText(new Phrase(text));
        column.setLeading(leading);
        column.setAlignment(alignment);
        while (true) {
            column.setSimpleColumn(from, bottom(), to, y);
            canvas.beginMarkedContentSequence(element);
            int status = go(column);
            canvas.endMarkedContentSequence();
            y = column.getYLine();
            if (!ColumnText.hasMoreText(status)) {
                return;
            }
            newPage();
        }
    }

    private static int go(ColumnText column) {
        try {
            return column.go();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The height the text takes at this width. */
    private static float height(Phrase text, float width, float leading) {
        ColumnText column = new ColumnText(null);
        column.setSimpleColumn(0, -100_000, width, 0);
        column.setLeading(leading);
        column.setText(new Phrase(text));
        try {
            column.go(true);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return -column.getYLine();
    }

    private static float cellLeading(Phrase text) {
        return largestSize(text) * 1.3f;
    }

    private static float leading(Phrase text) {
        return largestSize(text) * 1.35f;
    }

    private static float largestSize(Phrase text) {
        float size = text.getFont().getSize();
        for (Object chunk : text.getChunks()) {
            size = Math.max(size, ((Chunk) chunk).getFont().getSize());
        }
        return size;
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    /** The running header (title) and footer ("Pagina x van y") of a page, as pagination artifacts. */
    private void startPage() {
        y = top();
        int page = writer.getPageNumber();
        beginArtifact(HEADER);
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(title, small), left(), document.top() + 24, 0);
        canvas.setColorStroke(RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(left(), document.top() + 18);
        canvas.lineTo(right(), document.top() + 18);
        canvas.stroke();
        canvas.endMarkedContentSequence();
        beginArtifact(FOOTER);
        String number = previous.pages == 0 ? "Pagina " + page : "Pagina " + page + " van " + previous.pages;
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(number, small), right(), document.bottom() - 28, 0);
        canvas.endMarkedContentSequence();
    }

    /** Marks what follows as artifact; a pagination subtype (Header, Footer) for page furniture. */
    private void beginArtifact(PdfName paginationSubtype) {
        PdfDictionary properties = new PdfDictionary();
        if (paginationSubtype != null) {
            properties.put(PdfName.TYPE, PAGINATION);
            properties.put(PdfName.SUBTYPE, paginationSubtype);
        }
        canvas.beginMarkedContentSequence(ARTIFACT, properties, true);
    }

    /** A link annotation over {@code area}, tied to its Link element by an object reference (PDF/UA 7.18.5). */
    private void annotateLink(PdfStructureElement link, Rectangle area, PdfAction action, String description) {
        PdfAnnotation annotation = new PdfAnnotation(writer, area.getLeft(), area.getBottom(), area.getRight(), area.getTop(), action);
        annotation.setBorder(new PdfBorderArray(0, 0, 0));
        annotation.put(PdfName.CONTENTS, new PdfString(description, PdfObject.TEXT_UNICODE));
        annotation.put(PdfName.STRUCTPARENT, new PdfNumber(writer.getStructureTreeRoot().addExistingObject(link.getReference())));
        writer.addAnnotation(annotation);
        PdfDictionary reference = new PdfDictionary(PdfName.OBJR);
        reference.put(PdfName.OBJ, annotation.getIndirectReference());
        reference.put(PdfName.PG, writer.getCurrentPage());
        PdfObject kids = link.get(PdfName.K);
        PdfArray array = kids instanceof PdfArray existing ? existing : new PdfArray(kids);
        array.add(reference);
        link.put(PdfName.K, array);
    }

    private static PdfDictionary attributes(PdfName owner, PdfName key, PdfObject value) {
        PdfDictionary attributes = new PdfDictionary();
        attributes.put(PdfName.O, owner);
        attributes.put(key, value);
        return attributes;
    }

    private float left() {
        return document.left();
    }

    private float right() {
        return document.right();
    }

    private float top() {
        return document.top();
    }

    private float bottom() {
        return document.bottom();
    }

    // ---- fonts and metadata ------------------------------------------------------------------------------------

    private static BaseFont font(String resource) {
        try (InputStream in = TaggedPdf.class.getClassLoader().getResourceAsStream(resource)) {
            byte[] bytes = Objects.requireNonNull(in, resource).readAllBytes();
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
            // OpenPDF's CIDSet lists the used glyphs, not all glyphs of the subset it embeds; PDF/UA (7.21.4.2)
            // rejects such a CIDSet, and it is optional.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XMP with the title, the language and the PDF/UA-1 identification, which OpenPDF's own XMP lacks. */
    private static byte[] xmp(String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>\n"
                + "<xmp:CreatorTool>" + Reports.PRODUCT + "</xmp:CreatorTool>\n"
                + "<pdfuaid:part>1</pdfuaid:part>\n"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
