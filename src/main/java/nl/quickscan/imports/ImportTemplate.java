package nl.quickscan.imports;

import nl.quickscan.reports.Spreadsheet;
import nl.quickscan.reports.Spreadsheet.Cell;
import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import template of a round as a workbook (written as xlsx and ods by the report writers): the sheet
 * {@value ImportSheet#SHEET} in long format, one row per gemeente of the regio × statement of the survey with the
 * statement's text beside it and a drop-down list of the answer labels; a sheet "Uitleg"; and the sheet
 * "Keuzelijsten" that the drop-down lists read from. Plain Java.
 */
public final class ImportTemplate {

    static final String LISTS = "Keuzelijsten";

    private ImportTemplate() {
    }

    /** A gemeente of the regio, as the template lists it. */
    public record Gemeente(String cbsCode, String name) {
    }

    public static Spreadsheet of(Survey survey, String regioName, String roundName, int roundYear,
                                 List<Gemeente> gemeenten, LocalDate today) {
        List<Survey.Question> questions = ImportCheck.questions(survey);
        Spreadsheet.Sheet answers = new Spreadsheet.Sheet(ImportSheet.SHEET, ImportSheet.HEADER, 11, 24, 30, 70, 26, 44);
        Map<List<String>, Integer> lists = new LinkedHashMap<>();
        for (Survey.Question question : questions) {
            if (question.type().hasOptions() && question.type() != Survey.QuestionType.MULTIPLE_CHOICE) {
                lists.putIfAbsent(labels(question), lists.size());
            }
        }
        List<String> listHeader = new ArrayList<>();
        int longest = 0;
        for (List<String> labels : lists.keySet()) {
            listHeader.add("Lijst " + (listHeader.size() + 1));
            longest = Math.max(longest, labels.size());
        }
        Spreadsheet.Sheet choices = new Spreadsheet.Sheet(LISTS, listHeader.isEmpty() ? List.of("Lijst 1") : listHeader,
                listHeader.stream().mapToInt(header -> 30).toArray());
        for (int r = 0; r < longest; r++) {
            List<Cell> row = new ArrayList<>();
            for (List<String> labels : lists.keySet()) {
                row.add(Cell.text(r < labels.size() ? labels.get(r) : ""));
            }
            choices.row(row);
        }
        // One drop-down range per run of rows with the same list: a few per gemeente, not one per row.
        Integer runList = null;
        int runStart = 0;
        for (Gemeente gemeente : gemeenten) {
            for (Survey.Question question : questions) {
                int row = answers.rowCount();
                answers.row(List.of(Cell.text(gemeente.cbsCode()), Cell.text(gemeente.name()), Cell.text(question.key()),
                        Cell.text(statement(question, roundYear)), Cell.text(""), Cell.text("")));
                Integer list = question.type() == Survey.QuestionType.MULTIPLE_CHOICE ? null : lists.get(labels(question));
                if (!java.util.Objects.equals(list, runList)) {
                    run(answers, choices, lists, runList, runStart, row - 1);
                    runList = list;
                    runStart = row;
                }
            }
        }
        run(answers, choices, lists, runList, runStart, answers.rowCount() - 1);
        Spreadsheet.Sheet help = new Spreadsheet.Sheet("Uitleg", List.of("Kolom", "Wat u invult"), 16, 100)
                .intro("Importsjabloon " + roundName + ", " + regioName)
                .intro("Vul op het blad " + ImportSheet.SHEET + " per gemeente en stelling het antwoord in. Upload de werkmap"
                        + " daarna op de pagina Eerdere meting importeren van de meetronde.")
                .intro("De stellingen die de regio beantwoordt, staan hier niet in: die vult de coördinator in bij het"
                        + " regionale deel op de pagina van de meetronde.");
        help.row(List.of(Cell.text("CBS-code"), Cell.text("Laat staan. Hiermee herkent de app de gemeente. Een gemeente"
                + " die u niet invult, wordt overgeslagen.")));
        help.row(List.of(Cell.text("Gemeente"), Cell.text("Ter informatie; de app leest de CBS-code.")));
        help.row(List.of(Cell.text("Sleutel"), Cell.text("Laat staan. Hiermee herkent de app de stelling.")));
        help.row(List.of(Cell.text("Stelling"), Cell.text("Ter informatie: de tekst van de stelling.")));
        help.row(List.of(Cell.text("Antwoord"), Cell.text("Kies het antwoord uit de lijst. U mag ook de waarde typen"
                + " (zoals 2). Kunnen er meer antwoorden tegelijk gelden, scheid ze dan met een puntkomma (;). Een"
                + " kengetal is een getal, zoals 12 of 3,5. Laat de cel leeg als het antwoord niet bekend is.")));
        help.row(List.of(Cell.text("Toelichting"), Cell.text("Mag leeg blijven, behalve bij Niet van toepassing:"
                + " schrijf dan waarom. Hoogstens 4000 tekens.")));
        help.row(List.of(Cell.text("Formules"), Cell.text("Worden niet uitgerekend: een cel met een formule geeft een"
                + " foutmelding. Zet de waarde zelf in de cel.")));
        return new Spreadsheet("Importsjabloon " + roundName, "Quickscan aanpak seksueel geweld: antwoorden van een"
                + " eerdere meting voor " + roundName + " van " + regioName, today, List.of(answers, help, choices));
    }

    private static void run(Spreadsheet.Sheet answers, Spreadsheet.Sheet choices, Map<List<String>, Integer> lists,
                            Integer list, int from, int to) {
        if (list == null || to < from) {
            return;
        }
        List<String> labels = lists.keySet().stream().skip(list).findFirst().orElseThrow();
        answers.choices(new Spreadsheet.Choices(ImportCheck.ANTWOORD, from, to, choices, list, labels.size()));
    }

    private static List<String> labels(Survey.Question question) {
        return question.options().stream().map(Survey.AnswerOption::label).toList();
    }

    /** The statement's text, with how to answer when a list cannot say it. */
    static String statement(Survey.Question question, int roundYear) {
        return switch (question.type()) {
            case MULTIPLE_CHOICE -> question.text() + " (meer antwoorden mogelijk, gescheiden door een puntkomma: "
                    + String.join("; ", labels(question)) + ")";
            case NUMBER -> question.textFor(roundYear) + " (een getal" + (question.unit() == null ? "" : ", in "
                    + question.unit()) + ")";
            default -> question.text();
        };
    }
}
