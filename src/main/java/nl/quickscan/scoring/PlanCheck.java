package nl.quickscan.scoring;

import nl.quickscan.plans.PlanAction;

import java.util.List;
import java.util.Optional;

/**
 * The herhaling checks the plan: per action of the verbeterplan made from the nulmeting's scan, each statement it
 * aims at beside its change between the nulmeting and the herhaling. The action's keys are the nulmeting's; a
 * statement the herhaling's survey replaced is found under its new key. Plain Java.
 */
public record PlanCheck(PlanAction action, List<Statement> statements) {

    /** {@code change}: empty when the comparison does not have the statement (no longer asked). */
    public record Statement(String key, Optional<Comparison.QuestionChange> change) {
    }

    public static List<PlanCheck> of(List<PlanAction> actions, Comparison.Result comparison) {
        return actions.stream().map(action -> new PlanCheck(action, action.questionKeys().stream()
                .map(key -> new Statement(key, changeOf(comparison, key))).toList())).toList();
    }

    private static Optional<Comparison.QuestionChange> changeOf(Comparison.Result comparison, String baselineKey) {
        return comparison.questions().stream()
                .filter(q -> q.before() != null && q.before().question().key().equals(baselineKey)).findFirst()
                .or(() -> comparison.questions().stream().filter(q -> q.key().equals(baselineKey)).findFirst());
    }
}
