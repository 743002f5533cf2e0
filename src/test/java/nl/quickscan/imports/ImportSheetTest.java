package nl.quickscan.imports;

import nl.quickscan.reports.OdsWriter;
import nl.quickscan.reports.XlsxWriter;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template, and reading and checking a filled-in one, as plain Java: no app, no database. */
class ImportSheetTest {

    private static final Survey V1 = survey(1);
    private static final Survey V2 = survey(2);
    private static final String REGIO = "Regio Test";

    private static Survey survey(int version) {
        return SurveyCatalog.load("surveys").stream().filter(s -> s.version() == version).findFirst().orElseThrow();
    }

    private static Map<String, ImportCheck.Gemeente> regio(int size) {
        Map<String, ImportCheck.Gemeente> regio = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String code = "GM80" + (10 + i);
            regio.put(code, new ImportCheck.Gemeente(i + 1, code, "Gemeente " + (char) ('A' + i), false));
        }
        return regio;
    }

    private static List<ImportTemplate.Gemeente> listed(Map<String, ImportCheck.Gemeente> regio) {
        return regio.values().stream().sorted(java.util.Comparator.comparing(ImportCheck.Gemeente::name))
                .map(g -> new ImportTemplate.Gemeente(g.cbsCode(), g.name())).toList();
    }

    private static byte[] xlsxTemplate(Survey survey, Map<String, ImportCheck.Gemeente> regio) {
        return XlsxWriter.write(ImportTemplate.of(survey, REGIO, "Nulmeting 2023", 2023, listed(regio), LocalDate.of(2026, 12, 2)));
    }

    private static ImportCheck.Result check(Survey survey, byte[] file, Map<String, ImportCheck.Gemeente> regio) {
        return ImportCheck.check(survey, ImportSheet.read(file, ImportCheck.maxRows(survey, regio.size())), regio, REGIO,
                code -> code.equals("GM0014") ? Optional.of("Groningen") : Optional.empty());
    }

    private static Map<String, Survey.Question> byKey(Survey survey) {
        Map<String, Survey.Question> byKey = new HashMap<>();
        ImportCheck.questions(survey).forEach(q -> byKey.put(q.key(), q));
        return byKey;
    }

    @Test
    void aTemplateFilledInWithPoiReadsBackAsEveryAnswerOfEveryGemeente() {
        Map<String, ImportCheck.Gemeente> regio = regio(10);
        Map<String, Survey.Question> questions = byKey(V1);
        byte[] filled = ImportFiles.fill(xlsxTemplate(V1, regio), (cbs, key) -> ImportFiles.answer(questions.get(key),
                cbs.hashCode() + key.length()));
        ImportCheck.Result result = check(V1, filled, regio);
        assertEquals(List.of(), result.problems());
        assertEquals(10, result.gemeenten().size());
        for (ImportCheck.GemeenteImport gemeente : result.gemeenten()) {
            assertEquals(questions.size(), gemeente.answers().size());
            for (ImportCheck.Answer answer : gemeente.answers()) {
                assertEquals(ImportFiles.stored(questions.get(answer.questionKey()),
                        gemeente.gemeente().cbsCode().hashCode() + answer.questionKey().length()), answer.value(), answer.questionKey());
            }
        }
    }

    @Test
    void theTemplateAsDownloadedReadsBackUntouched() {
        Map<String, ImportCheck.Gemeente> regio = regio(3);
        long statements = V2.questions().filter(q -> q.scope() == Survey.Scope.GEMEENTE).count() + V2.kengetallen().size();
        for (byte[] template : List.of(xlsxTemplate(V2, regio),
                OdsWriter.write(ImportTemplate.of(V2, REGIO, "Nulmeting 2023", 2023, listed(regio), LocalDate.of(2026, 12, 2))))) {
            // POI's streaming writer leaves entry sizes out of the zip's local headers: read as the central directory says.
            ImportSheet.Read read = ImportSheet.read(template, ImportCheck.maxRows(V2, regio.size()));
            assertEquals(List.of(), read.problems());
            assertEquals(3 * statements, read.rows().size(), "a row per gemeente and statement");
            ImportCheck.Result checked = check(V2, template, regio);
            assertEquals(List.of(), checked.problems(), "an empty template is no mistake: nothing answered yet");
        }
    }

    @Test
    void theTemplateHasTheHeaderTheRowsAndADropDownListPerChoiceStatement() throws Exception {
        Map<String, ImportCheck.Gemeente> regio = regio(3);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxTemplate(V2, regio)))) {
            var sheet = book.getSheet(ImportSheet.SHEET);
            assertEquals(0, book.getSheetIndex(sheet), "the sheet that opens");
            Row header = sheet.getRow(0);
            for (int c = 0; c < ImportSheet.HEADER.size(); c++) {
                assertEquals(ImportSheet.HEADER.get(c), header.getCell(c).getStringCellValue());
            }
            List<Survey.Question> questions = ImportCheck.questions(V2);
            assertTrue(questions.stream().noneMatch(q -> q.scope() == Survey.Scope.REGIO), "no regio statements");
            assertTrue(V2.questions().anyMatch(q -> q.scope() == Survey.Scope.REGIO), "v2 has them");
            assertEquals(3 * questions.size(), sheet.getLastRowNum());
            assertEquals(questions.get(0).text(), sheet.getRow(1).getCell(3).getStringCellValue());
            var validations = sheet.getDataValidations();
            assertTrue(!validations.isEmpty());
            String formula = validations.get(0).getValidationConstraint().getFormula1();
            assertTrue(formula.startsWith("'Keuzelijsten'!$"), formula);
        }
    }

    @Test
    void tenKindsOfMistakesAreEachReportedWithTheirPlace() {
        Map<String, ImportCheck.Gemeente> regio = regio(2);
        Map<String, Survey.Question> questions = byKey(V1);
        byte[] filled = ImportFiles.fill(xlsxTemplate(V1, regio), (cbs, key) -> ImportFiles.answer(questions.get(key), 1));
        List<Survey.Question> order = ImportCheck.questions(V1);
        int nvt = indexOf(order, q -> q.options().stream().anyMatch(Survey.AnswerOption::requiresComment));
        int kengetal = indexOf(order, q -> q.type() == Survey.QuestionType.NUMBER);
        byte[] wrong = ImportFiles.withTenMistakes(filled, order.size(), nvt, kengetal);
        ImportCheck.Result result = check(V1, wrong, regio);
        int last = 2 * order.size() + 2;
        List<String> expected = List.of(
                "2 A Onbekende CBS-code ‘GM0000’",
                "3 A Groningen (GM0014) hoort niet bij Regio Test",
                "4 C Onbekende sleutel ‘bestaat-niet’",
                "5 E ‘Misschien’ is geen antwoord bij deze stelling. Kies uit:",
                (2 + order.size() + nvt) + " F Bij het antwoord ‘Niet van toepassing’ hoort een toelichting",
                "6 F De toelichting mag hoogstens 4000 tekens lang zijn (nu 4001)",
                (2 + kengetal) + " E Vul een getal in",
                "7 E Deze cel bevat een formule. Formules worden niet uitgerekend",
                "8 A Vul de CBS-code van de gemeente in",
                last + " C Deze stelling staat voor Gemeente A al in rij 9.",
                "10 E ‘=1’ is geen antwoord bij deze stelling");
        List<String> found = new ArrayList<>();
        result.problems().forEach(p -> found.add(p.row() + " " + p.column() + " " + p.message()));
        for (String problem : expected) {
            assertTrue(found.stream().anyMatch(f -> f.startsWith(problem)), () -> problem + " not in " + found);
        }
        assertEquals(expected.size(), found.size(), found::toString);
        assertTrue(result.problems().stream().allMatch(p -> p.sheet().equals("Antwoorden")));
        assertEquals("Blad Antwoorden, rij 5, kolom E (Antwoord)", result.problems().stream()
                .filter(p -> p.row() == 5).findFirst().orElseThrow().location());
    }

    private static int indexOf(List<Survey.Question> questions, java.util.function.Predicate<Survey.Question> test) {
        for (int i = 0; i < questions.size(); i++) {
            if (test.test(questions.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such question");
    }

    @Test
    void labelsAndValuesAreTakenWhateverTheirCaseAndSpacesAndRowsInAnyOrder() {
        Map<String, ImportCheck.Gemeente> regio = regio(2);
        Survey.Question scale = ImportCheck.questions(V1).get(0);
        Survey.AnswerOption option = scale.options().get(2);
        byte[] file = sheet(List.of(
                row("GM8011", "", scale.key(), "  " + option.label().toUpperCase().replace(" ", "   ") + " "),
                row("gm8010", "", scale.key(), option.value())));
        ImportCheck.Result result = check(V1, file, regio);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("GM8010", "GM8011"), result.gemeenten().stream().map(g -> g.gemeente().cbsCode()).toList());
        result.gemeenten().forEach(g -> assertEquals(option.value(), g.answers().get(0).value()));
    }

    @Test
    void aGemeenteWithAScanIsSkipped() {
        Map<String, ImportCheck.Gemeente> regio = regio(2);
        regio.put("GM8010", new ImportCheck.Gemeente(1, "GM8010", "Gemeente A", true));
        Survey.Question scale = ImportCheck.questions(V1).get(0);
        ImportCheck.Result result = check(V1, sheet(List.of(row("GM8010", "", scale.key(), scale.options().get(0).label()),
                row("GM8011", "", scale.key(), scale.options().get(0).label()))), regio);
        assertEquals(List.of(true, false), result.gemeenten().stream().map(ImportCheck.GemeenteImport::skipped).toList());
    }

    @Test
    void aRegioStatementIsNotImportedPerGemeente() {
        Survey.Question regioStatement = V2.questions().filter(q -> q.scope() == Survey.Scope.REGIO).findFirst().orElseThrow();
        ImportCheck.Result result = check(V2, sheet(List.of(row("GM8010", "", regioStatement.key(),
                regioStatement.options().get(0).label()))), regio(1));
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("regionale deel"), result.problems().toString());
    }

    @Test
    void anOdsTemplateFilledInReadsBack() throws Exception {
        Map<String, ImportCheck.Gemeente> regio = regio(2);
        List<Survey.Question> questions = ImportCheck.questions(V1);
        byte[] template = OdsWriter.write(ImportTemplate.of(V1, REGIO, "Nulmeting 2023", 2023, listed(regio), LocalDate.of(2026, 12, 2)));
        byte[] filled;
        try (OdfSpreadsheetDocument document = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OdfTable table = document.getTableByName(ImportSheet.SHEET);
            for (int r = 1; r <= 2 * questions.size(); r++) {
                Survey.Question question = questions.get((r - 1) % questions.size());
                if (question.type() == Survey.QuestionType.NUMBER) {
                    table.getCellByPosition(4, r).setDoubleValue(1234.5);
                } else {
                    table.getCellByPosition(4, r).setStringValue(ImportFiles.answer(question, r));
                }
            }
            table.getCellByPosition(5, 1).setStringValue("Uit het verslag van de stuurgroep");
            document.save(out);
            filled = out.toByteArray();
        }
        ImportCheck.Result result = check(V1, filled, regio);
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.gemeenten().size());
        ImportCheck.GemeenteImport first = result.gemeenten().get(0);
        assertEquals(questions.size(), first.answers().size());
        assertEquals("Uit het verslag van de stuurgroep", first.answers().get(0).comment());
        ImportCheck.Answer kengetal = first.answers().stream().filter(a -> a.questionKey().startsWith("kengetal")).findFirst().orElseThrow();
        assertEquals("1234.5", kengetal.value());
    }

    @Test
    void whatIsNotATemplateIsRefusedInDutch() throws Exception {
        assertEquals(ImportSheet.NOT_A_WORKBOOK, only(ImportSheet.read("CBS-code;Gemeente".getBytes(StandardCharsets.UTF_8), 10)));
        assertEquals(ImportSheet.OLD_EXCEL, only(ImportSheet.read(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, 10)));
        assertEquals(ImportSheet.TOO_LARGE, only(ImportSheet.read(new byte[ImportSheet.MAX_BYTES + 1], 10)));
        assertEquals(ImportSheet.NOT_A_WORKBOOK, only(ImportSheet.read(zip(Map.of("hallo.txt", "hallo".getBytes())), 10)));
        byte[] noSheet = ImportFiles.edit(xlsxTemplate(V1, regio(1)), sheet -> sheet.getWorkbook().setSheetName(0, "Blad1"));
        assertTrue(only(ImportSheet.read(noSheet, 100)).startsWith("De werkmap heeft geen blad met de naam Antwoorden"));
        byte[] header = ImportFiles.edit(xlsxTemplate(V1, regio(1)), sheet -> ImportFiles.set(sheet.getRow(0), 4, "Score"));
        ImportSheet.Read wrongHeader = ImportSheet.read(header, 100);
        assertEquals(List.of(), wrongHeader.rows());
        assertEquals(new ImportProblem("Antwoorden", 1, "E", "In de kopregel hoort hier Antwoord, maar er staat ‘Score’."
                + " De kopregel is: CBS-code | Gemeente | Sleutel | Stelling | Antwoord | Toelichting."), wrongHeader.problems().get(0));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws Exception {
        // 200 MB of zeros packs into a few hundred kilobytes.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < ImportSheet.MAX_BYTES);
        assertEquals(ImportSheet.UNPACKS_TOO_LARGE, only(ImportSheet.read(out.toByteArray(), 10)));
    }

    @Test
    void moreRowsThanTheRegioCanHaveIsAProblemAndTheRestIsNotRead() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("GM8010", "", "k" + i, "1"));
        }
        ImportSheet.Read read = ImportSheet.read(sheet(rows), 20);
        assertEquals(20, read.rows().size());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).message().startsWith("Het blad heeft meer dan 20 ingevulde rijen"));
        assertEquals(22, read.problems().get(0).row());
    }

    private static String only(ImportSheet.Read read) {
        assertEquals(1, read.problems().size(), read.problems()::toString);
        assertEquals(List.of(), read.rows());
        return read.problems().get(0).message();
    }

    private static List<String> row(String cbs, String name, String key, String answer) {
        return List.of(cbs, name, key, "", answer);
    }

    /** A sheet Antwoorden with the header and these rows, written with POI. */
    private static byte[] sheet(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(ImportSheet.SHEET);
            Row header = sheet.createRow(0);
            for (int c = 0; c < ImportSheet.HEADER.size(); c++) {
                header.createCell(c).setCellValue(ImportSheet.HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
