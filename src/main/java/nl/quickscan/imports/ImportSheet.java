package nl.quickscan.imports;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;

/**
 * Reads the sheet {@value #SHEET} of an uploaded workbook, Excel (.xlsx) or OpenDocument (.ods), as rows of text:
 * plain Java, no HTTP, no database. It never evaluates a formula: a formula cell is read as such (and refused by
 * {@link ImportCheck}), and text that starts with "=" is text. What it reads is bounded before it is read: the file's
 * size, what it unpacks to (a zip bomb is refused before the spreadsheet library sees it; POI's own
 * {@link ZipSecureFile} limits apply as a second line), the rows (a caller's bound, from the regio's gemeenten and
 * the survey's statements), the text of a cell, and only the six columns of the template are kept.
 */
public final class ImportSheet {

    public static final String SHEET = "Antwoorden";
    public static final List<String> HEADER = List.of("CBS-code", "Gemeente", "Sleutel", "Stelling", "Antwoord", "Toelichting");
    /** The largest file taken: a template of 35 gemeenten × 100 statements, filled in, is about 0.5 MB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** What the whole package may unpack to, and one part of it: far beyond any real template (a few MB). */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;
    static final long MAX_ENTRY = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 1000;
    /** Characters kept of one cell; more is refused anyway (a toelichting takes 4000). */
    static final int MAX_CELL_CHARS = 100_000;

    static final String NOT_A_WORKBOOK = "Dit bestand is geen werkmap. Upload een Excel-werkmap (.xlsx) of een"
            + " OpenDocument-werkblad (.ods), zoals het sjabloon.";
    static final String OLD_EXCEL = "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx)"
            + " en upload het opnieuw.";
    static final String TOO_LARGE = "Het bestand is groter dan 10 MB. Een ingevuld sjabloon is veel kleiner: haal"
            + " andere bladen, afbeeldingen en opmaak weg, of upload het sjabloon opnieuw ingevuld.";
    static final String UNPACKS_TOO_LARGE = "Het bestand pakt uit tot meer dan 100 MB. Zo groot is een ingevuld"
            + " sjabloon nooit; upload het sjabloon opnieuw ingevuld.";
    private static final String ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    /** Excel's last row: a sheet can hold no more, so reading never goes further, blank rows included. */
    private static final int LAST_ROW = 1_048_576;

    static {
        // A second line behind the unpacking check below, for every workbook POI opens in this app.
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private ImportSheet() {
    }

    /** A cell as read: its text (a number as plain digits, "1234.5"), whether it held a number or a formula. */
    public record Cell(String text, boolean number, boolean formula) {
        static final Cell EMPTY = new Cell("", false, false);

        boolean blank() {
            return text.isBlank() && !formula;
        }
    }

    /** A row of the sheet, {@code number} as the spreadsheet program shows it (1 = the header). */
    public record Row(int number, List<Cell> cells) {
        public Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : Cell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(Cell::blank);
        }
    }

    /** The data rows under the header (blank ones left out), or the problems that kept the sheet from being read. */
    public record Read(List<Row> rows, List<ImportProblem> problems) {
        static Read refused(ImportProblem problem) {
            return new Read(List.of(), List.of(problem));
        }
    }

    /** The column letter of a column index (0 = A). */
    public static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /**
     * The rows of the sheet {@value #SHEET}, at most {@code maxRows} that are not blank; more is a problem (and the
     * rest is not read).
     */
    public static Read read(byte[] file, int maxRows) {
        if (file.length == 0) {
            return Read.refused(ImportProblem.ofFile("Het bestand is leeg."));
        }
        if (file.length > MAX_BYTES) {
            return Read.refused(ImportProblem.ofFile(TOO_LARGE));
        }
        if (startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Read.refused(ImportProblem.ofFile(OLD_EXCEL));
        }
        if (!startsWith(file, 'P', 'K', 3, 4)) {
            return Read.refused(ImportProblem.ofFile(NOT_A_WORKBOOK));
        }
        Package contents;
        try {
            contents = unpackChecked(file);
        } catch (IOException e) {
            return Read.refused(ImportProblem.ofFile(NOT_A_WORKBOOK));
        }
        if (contents.tooLarge) {
            return Read.refused(ImportProblem.ofFile(UNPACKS_TOO_LARGE));
        }
        Rows rows = new Rows(maxRows);
        try {
            boolean found;
            if (ODS_TYPE.equals(contents.mimetype)) {
                found = readOds(file, rows);
            } else if (contents.xlsx) {
                found = readXlsx(file, rows);
            } else {
                return Read.refused(ImportProblem.ofFile(NOT_A_WORKBOOK));
            }
            if (!found) {
                return Read.refused(ImportProblem.ofFile("De werkmap heeft geen blad met de naam " + SHEET
                        + ". Gebruik het sjabloon: de antwoorden staan op het blad " + SHEET + "."));
            }
        } catch (Enough enough) {
            // the row bound was reached: the problem is below
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof RuntimeException && !isPoiFailure(e)) {
                throw (RuntimeException) e;
            }
            return Read.refused(ImportProblem.ofFile(NOT_A_WORKBOOK));
        }
        return rows.result();
    }

    private static boolean isPoiFailure(Exception e) {
        return e.getClass().getName().startsWith("org.apache.poi.") || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the zip holds, as far as the choice of reader needs; {@code tooLarge} when it unpacks beyond the bounds. */
    private static final class Package {
        String mimetype;
        boolean xlsx;
        boolean tooLarge;
    }

    /**
     * Unpacks the whole zip once, counting, without keeping it: stops as soon as it grows beyond the bounds. The
     * entries are found through the zip's central directory, as spreadsheet programs do: a local header may leave
     * an entry's size out (POI's own streaming writer does), which a plain ZipInputStream refuses.
     */
    private static Package unpackChecked(byte[] file) throws IOException {
        Package contents = new Package();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = zipOf(file)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    contents.tooLarge = true;
                    return contents;
                }
                String name = entry.getName();
                contents.xlsx |= name.equals("[Content_Types].xml");
                long size = 0;
                StringBuilder mimetype = name.equals("mimetype") ? new StringBuilder() : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > MAX_ENTRY || total > MAX_UNPACKED) {
                            contents.tooLarge = true;
                            return contents;
                        }
                        if (mimetype != null && mimetype.length() < 100) {
                            mimetype.append(new String(buffer, 0, Math.min(n, 100), StandardCharsets.US_ASCII));
                        }
                    }
                }
                if (mimetype != null) {
                    contents.mimetype = mimetype.toString().strip();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(e); // commons-compress reports some broken archives unchecked
        }
        if (entries == 0) {
            throw new IOException("no entries");
        }
        return contents;
    }

    private static ZipFile zipOf(byte[] file) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get();
    }

    /** Thrown to stop reading once the row bound is reached. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** The rows as they are read: the header first, then the data rows up to the bound. */
    private static final class Rows {
        final int maxRows;
        final List<Row> data = new ArrayList<>();
        Row header;
        boolean overflow;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        void add(int number, Cell[] cells) {
            Row row = new Row(number, List.copyOf(Arrays.asList(cells)));
            if (header == null) {
                header = row;
                return;
            }
            if (row.blank()) {
                return;
            }
            if (data.size() == maxRows) {
                overflow = true;
                throw new Enough();
            }
            data.add(row);
        }

        Read result() {
            List<ImportProblem> problems = new ArrayList<>();
            if (header == null || header.number() != 1) {
                problems.add(new ImportProblem(SHEET, 1, null, "De eerste rij moet de kopregel zijn: "
                        + String.join(" | ", HEADER) + "."));
                return new Read(List.of(), problems);
            }
            for (int c = 0; c < HEADER.size(); c++) {
                String found = header.cell(c).text().strip();
                if (!found.equalsIgnoreCase(HEADER.get(c))) {
                    problems.add(new ImportProblem(SHEET, 1, column(c), "In de kopregel hoort hier " + HEADER.get(c)
                            + (found.isEmpty() ? ", maar de cel is leeg." : ", maar er staat " + quoted(found) + ".")
                            + " De kopregel is: " + String.join(" | ", HEADER) + "."));
                }
            }
            if (!problems.isEmpty()) {
                return new Read(List.of(), problems);
            }
            if (overflow) {
                problems.add(new ImportProblem(SHEET, data.get(data.size() - 1).number() + 1, null,
                        "Het blad heeft meer dan " + maxRows + " ingevulde rijen: meer dan er gemeenten van de regio"
                                + " keer stellingen zijn. Haal de rijen weg die er niet in horen; de rest is niet gelezen."));
            }
            return new Read(List.copyOf(data), problems);
        }
    }

    static String quoted(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "…" : text;
        return "‘" + shown + "’";
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        // No DTDs, no external entities: a workbook's XML is data, never instructions to fetch anything.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    // --- Excel: POI opens the package and the shared strings; the sheet itself is streamed, cell by cell.

    private static boolean readXlsx(byte[] file, Rows rows) throws IOException, XMLStreamException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (SHEET.equalsIgnoreCase(sheets.getSheetName().strip())) {
                        xlsxSheet(sheet, strings, rows);
                        return true;
                    }
                }
            }
            return false;
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }

    private static void xlsxSheet(InputStream in, ReadOnlySharedStringsTable strings, Rows rows) throws XMLStreamException {
        XMLStreamReader xml = xmlFactory().createXMLStreamReader(in);
        Cell[] cells = null;
        int rowNumber = 0;
        int column = 0;
        String type = null;
        boolean formula = false;
        StringBuilder value = null;
        StringBuilder inline = null;
        boolean inValue = false;
        boolean inInlineText = false;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                            if (rowNumber > LAST_ROW) {
                                throw new Enough();
                            }
                            cells = emptyCells();
                            column = 0;
                        }
                        case "c" -> {
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? column : columnOf(ref);
                            type = xml.getAttributeValue(null, "t");
                            formula = false;
                            value = new StringBuilder();
                            inline = new StringBuilder();
                        }
                        case "f" -> formula = true;
                        case "v" -> inValue = true;
                        case "t" -> inInlineText = inline != null;
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inValue && value != null) {
                        append(value, xml.getText());
                    } else if (inInlineText) {
                        append(inline, xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "v" -> inValue = false;
                        case "t" -> inInlineText = false;
                        case "c" -> {
                            if (cells != null && column < cells.length) {
                                cells[column] = xlsxCell(type, value.toString(), inline.toString(), formula, strings);
                            }
                            column++;
                            value = null;
                            inline = null;
                        }
                        case "row" -> {
                            rows.add(rowNumber, cells);
                            cells = null;
                        }
                        default -> {
                        }
                    }
                }
            }
        } finally {
            xml.close();
        }
    }

    private static Cell xlsxCell(String type, String value, String inline, boolean formula,
                                 ReadOnlySharedStringsTable strings) {
        if (formula) {
            return new Cell("", false, true);
        }
        if (type == null || type.equals("n")) {
            return value.isBlank() ? Cell.EMPTY : new Cell(plainNumber(value.strip()), true, false);
        }
        return switch (type) {
            case "s" -> {
                int index = Integer.parseInt(value.strip());
                String text = strings.getItemAt(index).getString();
                yield new Cell(text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) : text, false, false);
            }
            case "inlineStr" -> new Cell(inline, false, false);
            case "b" -> new Cell(value.strip().equals("1") ? "WAAR" : "ONWAAR", false, false);
            default -> new Cell(value, false, false);
        };
    }

    /** "B12" → 1. */
    private static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    /**
     * A number cell's value as plain digits: "3.5", "1234". Spreadsheets store binary doubles ("0.30000000000000004"),
     * so it is rounded to 15 significant digits, what they show themselves.
     */
    static String plainNumber(String stored) {
        try {
            BigDecimal number = new BigDecimal(stored);
            if (number.abs().compareTo(BigDecimal.TEN.pow(20)) > 0) {
                return stored;
            }
            return number.round(new MathContext(15)).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    private static Cell[] emptyCells() {
        Cell[] cells = new Cell[HEADER.size()];
        Arrays.fill(cells, Cell.EMPTY);
        return cells;
    }

    private static void append(StringBuilder text, String more) {
        if (text.length() < MAX_CELL_CHARS) {
            text.append(more, 0, Math.min(more.length(), MAX_CELL_CHARS - text.length()));
        }
    }

    // --- OpenDocument: content.xml streamed from the (already checked) zip; repeated blank rows are never expanded.

    private static boolean readOds(byte[] file, Rows rows) throws IOException, XMLStreamException {
        try (ZipFile zip = zipOf(file)) {
            ZipArchiveEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new IOException("no content.xml");
            }
            try (InputStream in = zip.getInputStream(content)) {
                return odsContent(in, rows);
            }
        }
    }

    private static boolean odsContent(InputStream in, Rows rows) throws XMLStreamException {
        XMLStreamReader xml = xmlFactory().createXMLStreamReader(in);
        boolean inSheet = false;
        boolean found = false;
        int rowNumber = 0;
        int rowRepeat = 1;
        Cell[] cells = null;
        int column = 0;
        int cellRepeat = 1;
        String valueType = null;
        String officeValue = null;
        boolean formula = false;
        StringBuilder text = null;
        int paragraphs = 0;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = xml.getNamespaceURI();
                    String name = xml.getLocalName();
                    if (TABLE_NS.equals(ns) && name.equals("table")) {
                        inSheet = SHEET.equalsIgnoreCase(String.valueOf(xml.getAttributeValue(TABLE_NS, "name")).strip());
                        found |= inSheet;
                        rowNumber = 0;
                    } else if (!inSheet) {
                        continue;
                    } else if (TABLE_NS.equals(ns) && name.equals("table-row")) {
                        rowRepeat = repeat(xml.getAttributeValue(TABLE_NS, "number-rows-repeated"));
                        cells = emptyCells();
                        column = 0;
                    } else if (TABLE_NS.equals(ns) && (name.equals("table-cell") || name.equals("covered-table-cell"))) {
                        cellRepeat = repeat(xml.getAttributeValue(TABLE_NS, "number-columns-repeated"));
                        valueType = xml.getAttributeValue(OFFICE_NS, "value-type");
                        officeValue = xml.getAttributeValue(OFFICE_NS, "value");
                        formula = xml.getAttributeValue(TABLE_NS, "formula") != null;
                        text = new StringBuilder();
                        paragraphs = 0;
                    } else if (text != null && TEXT_NS.equals(ns)) {
                        switch (name) {
                            case "p" -> {
                                if (paragraphs++ > 0) {
                                    append(text, "\n");
                                }
                            }
                            case "s" -> append(text, " ".repeat(Math.min(repeat(xml.getAttributeValue(TEXT_NS, "c")), 100)));
                            case "tab" -> append(text, "\t");
                            case "line-break" -> append(text, "\n");
                            default -> {
                            }
                        }
                    }
                } else if (!inSheet) {
                    if (event == XMLStreamConstants.END_ELEMENT && TABLE_NS.equals(xml.getNamespaceURI())
                            && xml.getLocalName().equals("table")) {
                        inSheet = false;
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && text != null) {
                    append(text, xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && TABLE_NS.equals(xml.getNamespaceURI())) {
                    switch (xml.getLocalName()) {
                        case "table-cell", "covered-table-cell" -> {
                            Cell cell = odsCell(valueType, officeValue, text.toString(), formula);
                            for (int i = 0; i < cellRepeat && column < HEADER.size(); i++) {
                                cells[column++] = cell;
                            }
                            if (column >= HEADER.size()) {
                                column = HEADER.size();
                            }
                            text = null;
                        }
                        case "table-row" -> {
                            Row shape = new Row(0, List.of(cells));
                            // Blank rows repeated (the rest of the sheet, a million of them) are skipped, not expanded.
                            int times = shape.blank() ? 1 : rowRepeat;
                            for (int i = 0; i < times; i++) {
                                rows.add(++rowNumber, cells);
                            }
                            if (shape.blank()) {
                                rowNumber += rowRepeat - 1;
                            }
                            if (rowNumber > LAST_ROW) {
                                throw new Enough();
                            }
                        }
                        case "table" -> inSheet = false;
                        default -> {
                        }
                    }
                }
            }
        } finally {
            xml.close();
        }
        return found;
    }

    private static Cell odsCell(String valueType, String officeValue, String text, boolean formula) {
        if (formula) {
            return new Cell("", false, true);
        }
        if (("float".equals(valueType) || "percentage".equals(valueType) || "currency".equals(valueType))
                && officeValue != null) {
            return new Cell(plainNumber(officeValue), true, false);
        }
        return text.isEmpty() ? Cell.EMPTY : new Cell(text, false, false);
    }

    private static int repeat(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(value.strip()), LAST_ROW + 1));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
