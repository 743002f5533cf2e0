package nl.quickscan.scoring;

import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.PlanService;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.DutchFormat;

import java.util.List;
import java.util.Optional;

/**
 * The herhaling checks the plan: per action of the verbeterplan made from the nulmeting's scan (also when carried
 * over to the herhaling since), each statement it aims at beside its change between the nulmeting and the herhaling.
 * The action's keys are the nulmeting's, or the herhaling's once carried over; a statement the herhaling's survey
 * replaced is found under either key. Plain Java.
 */
public record PlanCheck(PlanAction action, List<Statement> statements) {

    /** {@code change}: empty when the comparison does not have the statement (no longer asked). */
    public record Statement(String key, Optional<Comparison.QuestionChange> change) {
        /** The statement as the herhaling asks it; one no longer asked by its key. */
        public String text() {
            return change.map(Comparison.QuestionChange::text).orElse(key + " (niet meer gevraagd)");
        }

        public Comparison.Direction direction() {
            return change.map(Comparison.QuestionChange::direction).orElse(Comparison.Direction.DROPPED);
        }

        /** The answer at the nulmeting, as it reads; "–" when not asked then. */
        public String before(Results.ScanComparison comparison) {
            return change.map(comparison::labelBefore).orElse(DutchFormat.NONE);
        }

        /** The answer at the herhaling, as it reads; "–" when no longer asked. */
        public String after(Results.ScanComparison comparison) {
            return change.map(comparison::labelAfter).orElse(DutchFormat.NONE);
        }
    }

    public static List<PlanCheck> of(List<PlanAction> actions, Comparison.Result comparison) {
        return actions.stream().map(action -> new PlanCheck(action, action.questionKeys().stream()
                .map(key -> new Statement(key, changeOf(comparison, key))).toList())).toList();
    }

    /** The gemeente's actions aimed from the nulmeting's scan, beside the herhaling's comparison. */
    public static List<PlanCheck> of(PlanService plans, TenantScope scope, Results.ScanComparison comparison) {
        ScanRow baseline = comparison.baseline().scan();
        return of(plans.aimedFrom(scope, baseline.gemeenteId(), baseline.id()), comparison.result());
    }

    private static Optional<Comparison.QuestionChange> changeOf(Comparison.Result comparison, String baselineKey) {
        return comparison.questions().stream()
                .filter(q -> q.before() != null && q.before().question().key().equals(baselineKey)).findFirst()
                .or(() -> comparison.questions().stream().filter(q -> q.key().equals(baselineKey)).findFirst());
    }
}
