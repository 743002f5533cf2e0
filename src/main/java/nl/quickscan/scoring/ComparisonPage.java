package nl.quickscan.scoring;

import nl.quickscan.scans.ScanRow;

import java.util.List;

/** A herhaling beside its nulmeting: the totals, and the change per bouwsteen and per statement. */
record ComparisonPage(String title, ScanRow scan, ScanRow baseline, Comparison.Result comparison,
                      List<BouwsteenRow> bouwstenen, List<QuestionRow> questions) {

    record BouwsteenRow(Comparison.BouwsteenChange change, String direction) {
    }

    /** {@code before} and {@code after} are the answers' labels. */
    record QuestionRow(Comparison.QuestionChange change, String before, String after, String direction) {
    }

    static ComparisonPage of(Results.ScanComparison comparison) {
        Comparison.Result result = comparison.result();
        return new ComparisonPage("Vergelijking " + comparison.current().scan().gemeenteName(),
                comparison.current().scan(), comparison.baseline().scan(), result,
                result.bouwstenen().stream().map(b -> new BouwsteenRow(b, b.direction().label())).toList(),
                result.questions().stream().map(q -> new QuestionRow(q, comparison.labelBefore(q), comparison.labelAfter(q),
                        q.direction().label())).toList());
    }
}
