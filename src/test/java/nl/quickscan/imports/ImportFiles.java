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
}
