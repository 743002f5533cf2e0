package nl.quickscan.imports;

import nl.quickscan.surveys.Survey;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Import files as a test fills them in: the template opened with POI, answers typed into it, saved. */
final class ImportFiles {

    private ImportFiles() {
    }

    /** The template with {@code answer(cbsCode, questionKey)} in the column Antwoord of every row (null: left empty). */
    static byte[] fill(byte[] template, BiFunction<String, String, String> answer) {
        return edit(template, sheet -> {
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String value = answer.apply(row.getCell(0).getStringCellValue(), row.getCell(2).getStringCellValue());
                if (value != null) {
                    set(row, 4, value);
                }
            }
        });
    }

    /**
     * Types a value into a cell as a person does in Excel, which stores it anew. (POI's setCellValue on a cell the
     * template wrote as an inline string would keep the old text beside the new one.)
     */
    static void set(Row row, int column, String value) {
        if (row.getCell(column) != null) {
            row.removeCell(row.getCell(column));
        }
        row.createCell(column).setCellValue(value);
    }

    static byte[] edit(byte[] workbook, Consumer<Sheet> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book.getSheet(ImportSheet.SHEET));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer a person would give, varying with {@code n}: an option's label (never one that needs a toelichting),
     * two labels for a multiple choice, a Dutch number for a kengetal.
     */
    static String answer(Survey.Question question, int any) {
        int n = Math.floorMod(any, 1000);
        List<Survey.AnswerOption> options = question.options().stream().filter(option -> !option.requiresComment()).toList();
        return switch (question.type()) {
            case NUMBER -> (1000 + n) + ",5";
            case TEXT -> "Tekst " + n;
            case MULTIPLE_CHOICE -> options.get(n % options.size()).label() + "; " + options.get((n + 1) % options.size()).label();
            default -> options.get(n % options.size()).label();
        };
    }

    /** The value the app stores for {@link #answer}. */
    static String stored(Survey.Question question, int any) {
        int n = Math.floorMod(any, 1000);
        List<Survey.AnswerOption> options = question.options().stream().filter(option -> !option.requiresComment()).toList();
        return switch (question.type()) {
            case NUMBER -> (1000 + n) + ".5";
            case TEXT -> "Tekst " + n;
            case MULTIPLE_CHOICE -> options.get(n % options.size()).value() + "," + options.get((n + 1) % options.size()).value();
            default -> options.get(n % options.size()).value();
        };
    }

    /**
     * A filled template of two gemeenten with ten kinds of mistakes, and text starting with "=" (which is text):
     * {@code nvt}, {@code kengetal}: the index among the statements of one with "Niet van toepassing" and of a kengetal.
     */
    static byte[] withTenMistakes(byte[] filled, int statements, int nvt, int kengetal) {
        return edit(filled, sheet -> {
            set(sheet.getRow(1), 0, "GM0000");                     // 1 unknown CBS code
            set(sheet.getRow(2), 0, "GM0014");                     // 2 a gemeente of another regio
            set(sheet.getRow(3), 2, "bestaat-niet");               // 3 unknown key
            set(sheet.getRow(4), 4, "Misschien");                  // 4 not an option
            set(sheet.getRow(1 + statements + nvt), 4, "Niet van toepassing"); // 5 without toelichting
            set(sheet.getRow(5), 5, "x".repeat(4001));          // 6 toelichting too long
            set(sheet.getRow(1 + kengetal), 4, "veel");            // 7 not a number
            sheet.getRow(6).createCell(4).setCellFormula("1+1");                      // 8 a formula
            set(sheet.getRow(7), 0, "");                           // 9 no CBS code
            Row copy = sheet.createRow(sheet.getLastRowNum() + 1);                 // 10 a statement twice
            for (int c = 0; c < 5; c++) {
                copy.createCell(c).setCellValue(sheet.getRow(8).getCell(c).getStringCellValue());
            }
            set(sheet.getRow(9), 4, "=1");                         // text with "=" is text
        });
    }
}
