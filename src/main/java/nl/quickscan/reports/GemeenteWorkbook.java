package nl.quickscan.reports;

import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.PlanOverview;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.scoring.PlanCheck;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.quickscan.reports.Spreadsheet.Cell;
import nl.quickscan.reports.Spreadsheet.Format;

/**
 * The gemeente's workbook: "Samenvatting" (who, which round(s), when; the scores per bouwsteen with a bar chart),
 * "Antwoorden", "Kengetallen" and "Verbeterplan". The figures are the report data's, unrounded; the formats round them on screen.
 */
final class GemeenteWorkbook {

    private GemeenteWorkbook() {
    }

    static Spreadsheet of(ReportData data, LocalDate date) {
        ScanRow scan = data.scores().view().scan();
        String who = scan.gemeenteName() + " (" + scan.cbsCode() + ")";
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();
        sheets.add(summary(data, who, date));
        sheets.add(answers(data));
        if (!data.kengetallen().isEmpty()) {
            sheets.add(kengetallen(data));
        }
        sheets.add(plan(data));
        return new Spreadsheet("Gemeenterapport " + who + ", " + scan.roundName(),
                "Quickscan aanpak seksueel geweld: scores en antwoorden van " + who + " in " + rounds(data), date, sheets);
    }

    private static String rounds(ReportData data) {
        String current = data.scores().view().scan().roundName();
        return data.comparison().map(c -> current + ", vergeleken met " + c.baseline().scan().roundName()).orElse(current);
    }

    private static Spreadsheet.Sheet summary(ReportData data, String who, LocalDate date) {
        ScanRow scan = data.scores().view().scan();
        List<String> columns = new ArrayList<>(List.of("Bouwsteen"));
        data.comparison().ifPresent(c -> columns.add(c.baseline().scan().roundName()));
        columns.add(scan.roundName());
        if (data.hasBaseline()) {
            columns.add("Verschil (procentpunt)");
        }
        columns.add("Niveau");
        if (data.hasBaseline()) {
            columns.add("Ontwikkeling");
        }
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Samenvatting", columns, 45, 18, 18, 18, 18, 22)
                .intro("Gemeenterapport " + who)
                .intro("Meetronde: " + scan.roundName() + " (" + scan.roundKind().label().toLowerCase(DutchFormat.DUTCH) + ")")
                .intro(data.comparison().map(c -> "Vergeleken met: " + c.baseline().scan().roundName()).orElse(""))
                .intro("Status van de scan: " + scan.status().label() + (scan.imported() ? " (" + scan.importedLabel() + ")" : ""))
                .intro("Datum: " + DutchFormat.date(date))
                .intro("Scores in procent van het maximum.");
        sheet.intro.removeIf(String::isEmpty);
        List<Scoring.BouwsteenScore> bouwstenen = data.current().bouwstenen();
        for (Scoring.BouwsteenScore b : bouwstenen) {
            Comparison.BouwsteenChange change = change(data, b.key());
            sheet.row(row(data, b.title(), data.baselineScore(b.key()), b.score(), b.levelText(),
                    change == null ? null : change.difference(), change == null ? null : change.direction()));
        }
        Comparison.Result comparison = data.comparison().map(c -> c.result()).orElse(null);
        sheet.row(row(data, "Totaal", comparison == null ? null : comparison.before().total(), data.current().total(),
                data.current().totalLevel() == null ? null : data.current().totalLevel().label(),
                comparison == null ? null : comparison.totalDifference(), null));
        List<Integer> series = data.hasBaseline() ? List.of(1, 2) : List.of(1);
        return sheet.chart(new Spreadsheet.Chart("Score per bouwsteen", "Bouwsteen", "Score (procent)", 0, series,
                bouwstenen.size()));
    }

    /** {@code level}: the level's label, with its uncertainty for a bouwsteen; null for none. */
    private static List<Cell> row(ReportData data, String title, Double before, Double score, String level,
                                  Double difference, Comparison.Direction direction) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.text(title)));
        if (data.hasBaseline()) {
            cells.add(Cell.number(before, Format.SCORE));
        }
        cells.add(Cell.number(score, Format.SCORE));
        if (data.hasBaseline()) {
            cells.add(Cell.number(difference, Format.DIFFERENCE));
        }
        cells.add(Cell.text(level == null ? DutchFormat.NONE : level));
        if (data.hasBaseline()) {
            cells.add(Cell.text(direction == null ? "" : direction.label()));
        }
        return cells;
    }

    private static Comparison.BouwsteenChange change(ReportData data, String key) {
        return data.comparison().flatMap(c -> c.result().bouwstenen().stream().filter(b -> b.key().equals(key)).findFirst())
                .orElse(null);
    }

    private static Spreadsheet.Sheet answers(ReportData data) {
        List<String> columns = new ArrayList<>(List.of("Bouwsteen", "Sleutel", "Stelling"));
        if (data.hasBaseline()) {
            columns.addAll(List.of("Antwoord nulmeting", "Punten nulmeting"));
        }
        columns.addAll(List.of("Antwoord", "Punten", "Maximum"));
        if (data.hasBaseline()) {
            columns.add("Ontwikkeling");
        }
        columns.add("Toelichting");
        int[] widths = data.hasBaseline() ? new int[]{20, 18, 50, 18, 11, 18, 9, 9, 16, 40}
                : new int[]{20, 18, 50, 18, 9, 9, 40};
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Antwoorden", columns, widths);
        for (Scoring.BouwsteenScore b : data.current().bouwstenen()) {
            for (Scoring.QuestionScore q : b.questions()) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.text(b.title()), Cell.text(q.question().key()),
                        Cell.text(q.question().text())));
                var change = data.change(q.question().key());
                if (data.hasBaseline()) {
                    Scoring.QuestionScore before = change.map(Comparison.QuestionChange::before).orElse(null);
                    cells.add(Cell.text(data.baselineLabel(q.question().key())));
                    cells.add(before == null || !before.counts() ? Cell.EMPTY : Cell.exact(before.points()));
                }
                cells.add(Cell.text(data.answerLabel(q.question())));
                cells.add(q.counts() ? Cell.exact(q.points()) : Cell.EMPTY);
                cells.add(q.counts() ? Cell.exact(q.max()) : Cell.EMPTY);
                if (data.hasBaseline()) {
                    cells.add(Cell.text(change.map(c -> c.direction().label()).orElse("")));
                }
                cells.add(Cell.text(data.comment(q.question())));
                sheet.row(cells);
                data.bouwsteen(b).followUpsOf(q.question().key()).forEach(followUp -> sheet.row(unscoredRow(data, b, followUp)));
            }
            data.bouwsteen(b).questions().stream().filter(q -> !q.scored() && q.followUpOf() == null)
                    .forEach(question -> sheet.row(unscoredRow(data, b, question)));
        }
        return sheet;
    }

    /** A question that does not count in the score: its answer, without points or maximum. */
    private static List<Cell> unscoredRow(ReportData data, Scoring.BouwsteenScore b, Survey.Question question) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.text(b.title()), Cell.text(question.key()), Cell.text(question.text())));
        if (data.hasBaseline()) {
            cells.addAll(List.of(Cell.EMPTY, Cell.EMPTY));
        }
        cells.addAll(List.of(Cell.text(data.answerLabel(question)), Cell.EMPTY, Cell.EMPTY));
        if (data.hasBaseline()) {
            cells.add(Cell.EMPTY);
        }
        cells.add(Cell.text(data.comment(question)));
        return cells;
    }

    /**
     * The verbeterplan, one row per action; for a herhaling one row per action and statement, with the answer then
     * and now beside it (an action not made from the nulmeting has them empty). Text is written as text, so a
     * title starting with "=" is never a formula.
     */
    private static Spreadsheet.Sheet plan(ReportData data) {
        boolean herhaling = data.hasBaseline();
        List<String> columns = new ArrayList<>(List.of("Bouwsteen", "Actie", "Beschrijving", herhaling ? "Stelling" : "Stellingen",
                "Eigenaar", "Partners", "Einddatum", "Status", "Over de einddatum", "Notities", "Laatste notitie"));
        if (herhaling) {
            columns.addAll(List.of("Antwoord nulmeting", "Antwoord herhaling", "Ontwikkeling"));
        }
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Verbeterplan", columns, 28, 36, 44, 50, 20, 20, 12, 11, 11, 9, 40, 20, 20, 16);
        if (data.plan().actions() == 0) {
            sheet.intro("Er staan nog geen acties in het verbeterplan. Een adviseur van de gemeente maakt ze in de quickscan "
                    + "op de pagina Verbeterplan.");
        }
        for (PlanOverview.Group group : data.plan().groups()) {
            for (PlanOverview.Item item : group.items()) {
                PlanAction action = item.action();
                List<Cell> cells = new ArrayList<>(List.of(Cell.text(group.title()), Cell.text(action.title()),
                        Cell.text(action.description()), Cell.EMPTY, Cell.text(action.owner()), Cell.text(action.partners()),
                        Cell.text(action.due() == null ? "" : DutchFormat.date(action.due())), Cell.text(action.status().label()),
                        Cell.text(item.overdue() ? "ja" : "nee"), Cell.exact((double) action.notes().size()),
                        Cell.text(action.notes().isEmpty() ? "" : action.notes().get(action.notes().size() - 1).text())));
                Optional<PlanCheck> check = data.planCheck(action.id());
                if (!herhaling) {
                    cells.set(3, Cell.text(statements(item)));
                    sheet.row(cells);
                } else if (check.isEmpty()) {
                    cells.set(3, Cell.text(statements(item)));
                    cells.addAll(List.of(Cell.EMPTY, Cell.EMPTY, Cell.EMPTY));
                    sheet.row(cells);
                } else {
                    Results.ScanComparison comparison = data.comparison().orElseThrow();
                    for (PlanCheck.Statement statement : check.get().statements()) {
                        List<Cell> row = new ArrayList<>(cells);
                        row.set(3, Cell.text(statement.text()));
                        row.addAll(List.of(Cell.text(statement.before(comparison)), Cell.text(statement.after(comparison)),
                                Cell.text(statement.direction().label())));
                        sheet.row(row);
                    }
                }
            }
        }
        return sheet;
    }

    private static String statements(PlanOverview.Item item) {
        return item.statements().stream().map(PlanOverview.Statement::text).collect(Collectors.joining("\n"));
    }

    /** The kengetallen as numbers, which the spreadsheet shows in its own (Dutch) notation. */
    private static Spreadsheet.Sheet kengetallen(ReportData data) {
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("Kengetallen",
                List.of("Kengetal", "Sleutel", "Eenheid", "Antwoord", "Toelichting"), 60, 24, 14, 14, 50);
        for (Survey.Question question : data.kengetallen()) {
            sheet.row(List.of(Cell.text(data.kengetalText(question)), Cell.text(question.key()),
                    Cell.text(question.unit() == null ? "" : question.unit()),
                    question.type() == Survey.QuestionType.NUMBER ? Cell.exact(data.number(question)) : Cell.text(data.answerLabel(question)),
                    Cell.text(data.comment(question))));
        }
        return sheet;
    }
}
