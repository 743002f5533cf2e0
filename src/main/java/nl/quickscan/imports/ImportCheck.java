package nl.quickscan.imports;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.AnswerRules;
import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks the rows of an import sheet against the round's survey and regio, row by row, and says per gemeente what
 * would be imported; plain Java. Every problem is kept with its place (a file is fixed in one go, not one problem
 * per upload). Answers are checked by the rules of the app ({@link AnswerRules}): an option by its label or its
 * value, case and spaces aside; a multiple-choice answer as labels (or values) separated by ";"; a kengetal in
 * Dutch notation when typed as text ("1.234,5"), as the number it is when the cell holds a number.
 */
public final class ImportCheck {

    /** Separates the chosen labels of a multiple-choice answer in the sheet (a label may hold a comma). */
    public static final String MULTIPLE_SEPARATOR = ";";
    /** Rows beyond gemeenten × statements that a sheet may have (notes, a statement twice by mistake). */
    public static final int SLACK_ROWS = 100;
    /** Problems listed at most; a sheet with more is probably not the template, and the rest follow once it is fixed. */
    static final int MAX_PROBLEMS = 500;

    static final int CBS = 0;
    static final int SLEUTEL = 2;
    static final int ANTWOORD = 4;
    static final int TOELICHTING = 5;

    private ImportCheck() {
    }

    /** A gemeente of the round's regio; {@code hasScan}: it has a scan in the round already, which is never overwritten. */
    public record Gemeente(long id, String cbsCode, String name, boolean hasScan) {
    }

    /** One answer as it would be stored: the value as the app stores it, the toelichting (both may be null, not both). */
    public record Answer(String questionKey, @Nullable String value, @Nullable String comment) {
    }

    /** What the file holds for one gemeente; {@code skipped}: it has a scan in the round, so nothing is imported. */
    public record GemeenteImport(Gemeente gemeente, List<Answer> answers, boolean skipped) {
    }

    public record Result(List<GemeenteImport> gemeenten, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The statements the template holds, in the survey's order: the gemeente's own statements and follow-ups, then
     * the kengetallen. The regio's statements are answered on the round's page, once for every gemeente.
     */
    public static List<Survey.Question> questions(Survey survey) {
        return Stream.concat(survey.questions(), survey.kengetallen().stream())
                .filter(question -> question.scope() == Survey.Scope.GEMEENTE).toList();
    }

    /** The most rows a sheet may have for this regio and survey. */
    public static int maxRows(Survey survey, int gemeenten) {
        return gemeenten * questions(survey).size() + SLACK_ROWS;
    }

    /**
     * @param regio        the regio's gemeenten by CBS code
     * @param regioName    for the message about a gemeente of another regio
     * @param elsewhere    the name of a gemeente by its CBS code, when the platform has it in another regio
     */
    public static Result check(Survey survey, ImportSheet.Read read, Map<String, Gemeente> regio, String regioName,
                               Function<String, Optional<String>> elsewhere) {
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        Map<String, Survey.Question> byKey = new HashMap<>();
        Stream.concat(survey.questions(), survey.kengetallen().stream()).forEach(question -> byKey.put(question.key(), question));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        for (ImportSheet.Row row : read.rows()) {
            Problems here = new Problems(row.number(), problems);
            for (int c = 0; c < ImportSheet.HEADER.size(); c++) {
                if (row.cell(c).formula()) {
                    here.add(c, "Deze cel bevat een formule. Formules worden niet uitgerekend: zet de waarde zelf in de cel"
                            + " (bijvoorbeeld met Plakken speciaal, alleen waarden).");
                }
            }
            String cbs = row.cell(CBS).text().strip().toUpperCase(Locale.ROOT);
            String key = row.cell(SLEUTEL).text().strip();
            ImportSheet.Cell answerCell = row.cell(ANTWOORD);
            String answerText = answerCell.text().strip();
            String comment = AnswerRules.normalizeComment(row.cell(TOELICHTING).text());
            Gemeente gemeente = null;
            if (cbs.isEmpty()) {
                here.add(CBS, "Vul de CBS-code van de gemeente in, zoals GM0014.");
            } else if (!row.cell(CBS).formula()) {
                gemeente = regio.get(cbs);
                if (gemeente == null) {
                    Optional<String> other = elsewhere.apply(cbs);
                    here.add(CBS, other.isPresent()
                            ? other.get() + " (" + cbs + ") hoort niet bij " + regioName + ". Importeer alleen de gemeenten van de regio van deze meetronde."
                            : "Onbekende CBS-code " + ImportSheet.quoted(cbs) + ". Gebruik de codes uit het sjabloon, zoals GM0014.");
                }
            }
            Survey.Question question = null;
            if (key.isEmpty()) {
                here.add(SLEUTEL, "Vul de sleutel van de stelling in, zoals in het sjabloon.");
            } else if (!row.cell(SLEUTEL).formula()) {
                question = byKey.get(key);
                if (question == null) {
                    here.add(SLEUTEL, "Onbekende sleutel " + ImportSheet.quoted(key) + ": de vragenlijst van deze meetronde"
                            + " heeft geen stelling met die sleutel.");
                } else if (question.scope() == Survey.Scope.REGIO) {
                    here.add(SLEUTEL, "Deze stelling beantwoordt de regio, één keer voor alle gemeenten: vul hem in bij het"
                            + " regionale deel op de pagina van de meetronde, niet in dit bestand.");
                    question = null;
                }
            }
            if (gemeente != null && question != null) {
                Integer first = seen.putIfAbsent(cbs + "\n" + key, row.number());
                if (first != null) {
                    here.add(SLEUTEL, "Deze stelling staat voor " + gemeente.name() + " al in rij " + first + ".");
                }
            }
            if (answerCell.formula() || row.cell(TOELICHTING).formula()) {
                continue;
            }
            if (comment != null && comment.length() > AnswerRules.COMMENT_MAX) {
                here.add(TOELICHTING, "De toelichting mag hoogstens " + AnswerRules.COMMENT_MAX + " tekens lang zijn (nu "
                        + comment.length() + ").");
            }
            if (question == null || answerText.isEmpty() && comment == null) {
                continue;
            }
            String value = answerText.isEmpty() ? null : value(question, answerCell, answerText, here);
            if (value != null && AnswerRules.incomplete(question, value, comment)) {
                here.add(TOELICHTING, "Bij het antwoord " + ImportSheet.quoted(question.answerLabel(value)) + " hoort een"
                        + " toelichting: schrijf erbij waarom.");
            }
            if (gemeente != null && here.none()) {
                answers.computeIfAbsent(cbs, code -> new ArrayList<>()).add(new Answer(key, value, comment));
                reported.add(cbs);
            }
        }
        List<GemeenteImport> gemeenten = new ArrayList<>();
        for (String cbs : reported) {
            Gemeente gemeente = regio.get(cbs);
            gemeenten.add(new GemeenteImport(gemeente, List.copyOf(answers.get(cbs)), gemeente.hasScan()));
        }
        gemeenten.sort(java.util.Comparator.comparing(g -> g.gemeente().name()));
        if (problems.size() > MAX_PROBLEMS) {
            int more = problems.size() - MAX_PROBLEMS;
            problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            problems.add(ImportProblem.ofFile("En nog " + more + " problemen. Los eerst deze op en upload het bestand opnieuw."));
        }
        return new Result(List.copyOf(gemeenten), List.copyOf(problems));
    }

    /** The answer as the app stores it, or null after adding why it is not one. */
    private static String value(Survey.Question question, ImportSheet.Cell cell, String text, Problems here) {
        String value;
        if (question.type() == Survey.QuestionType.MULTIPLE_CHOICE) {
            List<String> chosen = new ArrayList<>();
            for (String part : text.split(MULTIPLE_SEPARATOR)) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<Survey.AnswerOption> option = option(question, part);
                if (option.isEmpty()) {
                    here.add(ANTWOORD, notAnOption(question, part) + " Scheid meerdere antwoorden met een puntkomma (;).");
                    return null;
                }
                if (chosen.contains(option.get().value())) {
                    here.add(ANTWOORD, ImportSheet.quoted(option.get().label()) + " staat er twee keer in.");
                    return null;
                }
                chosen.add(option.get().value());
            }
            value = String.join(AnswerRules.MULTIPLE_SEPARATOR, chosen);
        } else if (question.type().hasOptions()) {
            Optional<Survey.AnswerOption> option = option(question, text);
            if (option.isEmpty()) {
                here.add(ANTWOORD, notAnOption(question, text));
                return null;
            }
            value = option.get().value();
        } else {
            // A number cell holds the number itself; text is read as a person writes it (1.234,5).
            value = AnswerRules.normalize(question, text, cell.number() ? AnswerRules.Source.PROGRAM : AnswerRules.Source.PERSON);
        }
        String problem = AnswerRules.problemWith(question, value, null);
        if (problem != null) {
            here.add(ANTWOORD, problem);
            return null;
        }
        return value;
    }

    private static Optional<Survey.AnswerOption> option(Survey.Question question, String given) {
        String wanted = comparable(given);
        return question.options().stream().filter(option -> comparable(option.label()).equals(wanted)
                || comparable(option.value()).equals(wanted)).findFirst();
    }

    private static String notAnOption(Survey.Question question, String given) {
        return ImportSheet.quoted(given.strip()) + " is geen antwoord bij deze stelling. Kies uit: "
                + String.join(", ", question.options().stream().map(Survey.AnswerOption::label).toList()) + ".";
    }

    /** Case and spaces aside: "  deels /  in Uitvoering" is "Deels / in uitvoering". */
    private static String comparable(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The problems of one row, added to the file's list. */
    private static final class Problems {
        private final int row;
        private final List<ImportProblem> all;
        private int count;

        Problems(int row, List<ImportProblem> all) {
            this.row = row;
            this.all = all;
        }

        void add(int column, String message) {
            all.add(new ImportProblem(ImportSheet.SHEET, row, ImportSheet.column(column), message));
            count++;
        }

        boolean none() {
            return count == 0;
        }
    }
}
