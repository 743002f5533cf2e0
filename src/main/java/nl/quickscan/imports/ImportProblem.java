package nl.quickscan.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with an uploaded import file, where it is: the sheet, the row (1 = the first row, as the
 * spreadsheet program numbers them) and the column letter; each null where the problem is not in one place (a file
 * that is not a workbook has none). The message is Dutch, for the page and the API alike.
 */
@Serdeable
public record ImportProblem(@Nullable String sheet, @Nullable Integer row, @Nullable String column, String message) {

    static ImportProblem ofFile(String message) {
        return new ImportProblem(null, null, null, message);
    }

    /** "Blad Antwoorden, rij 12, kolom E (Antwoord)": where the page says the problem is. */
    public String location() {
        if (sheet == null) {
            return "Het bestand";
        }
        StringBuilder where = new StringBuilder("Blad ").append(sheet);
        if (row != null) {
            where.append(", rij ").append(row);
        }
        if (column != null) {
            int index = column.charAt(0) - 'A';
            where.append(", kolom ").append(column);
            if (column.length() == 1 && index >= 0 && index < ImportSheet.HEADER.size()) {
                where.append(" (").append(ImportSheet.HEADER.get(index)).append(")");
            }
        }
        return where.toString();
    }
}
