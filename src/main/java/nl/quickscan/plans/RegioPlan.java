package nl.quickscan.plans;

import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verbeterplannen made from a round's scans, per bouwsteen of the round's survey: how many gemeenten have
 * actions there, how many actions, how many are done (afgerond) and how many overdue. An action counts under the
 * bouwsteen of its first statement, as on the plan's page. Plain Java.
 */
public record RegioPlan(List<BouwsteenCount> bouwstenen) {

    public record BouwsteenCount(String key, String title, int gemeenten, int actions, int done, int overdue) {
    }

    /** A bouwsteen's actions per status, in the order of {@link ActionStatus}. */
    public record StatusCount(String key, String title, Map<ActionStatus, Integer> statuses) {
    }

    public static RegioPlan of(Survey survey, List<PlanAction> actions, LocalDate today) {
        List<BouwsteenCount> counts = new ArrayList<>();
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            List<PlanAction> here = under(bouwsteen, actions);
            counts.add(new BouwsteenCount(bouwsteen.key(), bouwsteen.title(),
                    (int) here.stream().map(PlanAction::gemeenteId).distinct().count(), here.size(),
                    (int) here.stream().filter(action -> action.status() == ActionStatus.AFGEROND).count(),
                    (int) here.stream().filter(action -> action.overdue(today)).count()));
        }
        return new RegioPlan(List.copyOf(counts));
    }

    /** Per bouwsteen of the survey, in its order, how many of the actions have each status (none: 0). */
    public static List<StatusCount> byStatus(Survey survey, List<PlanAction> actions) {
        return survey.bouwstenen().stream().map(bouwsteen -> {
            Map<ActionStatus, Integer> statuses = new EnumMap<>(ActionStatus.class);
            Arrays.stream(ActionStatus.values()).forEach(status -> statuses.put(status, 0));
            under(bouwsteen, actions).forEach(action -> statuses.merge(action.status(), 1, Integer::sum));
            return new StatusCount(bouwsteen.key(), bouwsteen.title(), Map.copyOf(statuses));
        }).toList();
    }

    /** The actions that count under the bouwsteen: those whose first statement is one of its (or one it replaces). */
    private static List<PlanAction> under(Survey.Bouwsteen bouwsteen, List<PlanAction> actions) {
        Set<String> keys = new HashSet<>();
        bouwsteen.questions().forEach(question -> {
            keys.add(question.key());
            if (question.replaces() != null) {
                keys.add(question.replaces());
            }
        });
        return actions.stream()
                .filter(action -> !action.questionKeys().isEmpty() && keys.contains(action.questionKeys().get(0))).toList();
    }
}
