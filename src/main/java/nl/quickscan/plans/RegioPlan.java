package nl.quickscan.plans;

import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The verbeterplannen made from a round's scans, per bouwsteen of the round's survey: how many gemeenten have
 * actions there, how many actions, how many are done (afgerond) and how many overdue. An action counts under the
 * bouwsteen of its first statement, as on the plan's page. Plain Java.
 */
public record RegioPlan(List<BouwsteenCount> bouwstenen) {

    public record BouwsteenCount(String key, String title, int gemeenten, int actions, int done, int overdue) {
    }

    public static RegioPlan of(Survey survey, List<PlanAction> actions, LocalDate today) {
        List<BouwsteenCount> counts = new ArrayList<>();
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            Set<String> keys = new HashSet<>();
            bouwsteen.questions().forEach(question -> {
                keys.add(question.key());
                if (question.replaces() != null) {
                    keys.add(question.replaces());
                }
            });
            List<PlanAction> here = actions.stream()
                    .filter(action -> !action.questionKeys().isEmpty() && keys.contains(action.questionKeys().get(0))).toList();
            counts.add(new BouwsteenCount(bouwsteen.key(), bouwsteen.title(),
                    (int) here.stream().map(PlanAction::gemeenteId).distinct().count(), here.size(),
                    (int) here.stream().filter(action -> action.status() == ActionStatus.AFGEROND).count(),
                    (int) here.stream().filter(action -> action.overdue(today)).count()));
        }
        return new RegioPlan(List.copyOf(counts));
    }
}
