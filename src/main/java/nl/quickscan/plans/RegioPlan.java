package nl.quickscan.plans;

import nl.quickscan.surveys.Survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verbeterplannen made from a round's scans, per bouwsteen of the round's survey: how many gemeenten have
 * actions there, how many actions, how many are done (afgerond) and how many overdue. An action counts under the
 * bouwsteen of its first statement (or of the statement that replaces it), as on the plan's page; {@code bouwsteenOf}
 * says which one that is, per action id (none when the survey has not got the statement). Plain Java.
 */
public record RegioPlan(List<BouwsteenCount> bouwstenen, Map<Long, BouwsteenCount> bouwsteenOf) {

    public record BouwsteenCount(String key, String title, int gemeenten, int actions, int done, int overdue) {
    }

    /** A bouwsteen's actions per status, in the order of {@link ActionStatus}. */
    public record StatusCount(String key, String title, Map<ActionStatus, Integer> statuses) {
    }

    public static RegioPlan of(Survey survey, List<PlanAction> actions, LocalDate today) {
        Map<String, List<PlanAction>> byBouwsteen = byBouwsteen(survey, actions);
        List<BouwsteenCount> counts = new ArrayList<>();
        Map<Long, BouwsteenCount> bouwsteenOf = new HashMap<>();
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            List<PlanAction> here = byBouwsteen.getOrDefault(bouwsteen.key(), List.of());
            BouwsteenCount count = new BouwsteenCount(bouwsteen.key(), bouwsteen.title(),
                    (int) here.stream().map(PlanAction::gemeenteId).distinct().count(), here.size(),
                    (int) here.stream().filter(action -> action.status() == ActionStatus.AFGEROND).count(),
                    (int) here.stream().filter(action -> action.overdue(today)).count());
            counts.add(count);
            here.forEach(action -> bouwsteenOf.put(action.id(), count));
        }
        return new RegioPlan(List.copyOf(counts), Map.copyOf(bouwsteenOf));
    }

    /** Per bouwsteen of the survey, in its order, how many of the actions have each status (none: 0). */
    public static List<StatusCount> byStatus(Survey survey, List<PlanAction> actions) {
        Map<String, List<PlanAction>> byBouwsteen = byBouwsteen(survey, actions);
        return survey.bouwstenen().stream().map(bouwsteen -> {
            Map<ActionStatus, Integer> statuses = new EnumMap<>(ActionStatus.class);
            Arrays.stream(ActionStatus.values()).forEach(status -> statuses.put(status, 0));
            byBouwsteen.getOrDefault(bouwsteen.key(), List.of()).forEach(action -> statuses.merge(action.status(), 1, Integer::sum));
            return new StatusCount(bouwsteen.key(), bouwsteen.title(), Map.copyOf(statuses));
        }).toList();
    }

    /** The actions per bouwsteen key, each under the bouwsteen of its first statement; one the survey lacks under none. */
    private static Map<String, List<PlanAction>> byBouwsteen(Survey survey, List<PlanAction> actions) {
        Map<String, Survey.Bouwsteen> byQuestion = new HashMap<>();
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            bouwsteen.questions().forEach(question -> {
                byQuestion.put(question.key(), bouwsteen);
                if (question.replaces() != null) {
                    byQuestion.put(question.replaces(), bouwsteen);
                }
            });
        }
        Map<String, List<PlanAction>> byBouwsteen = new HashMap<>();
        for (PlanAction action : actions) {
            Survey.Bouwsteen bouwsteen = action.questionKeys().isEmpty() ? null : byQuestion.get(action.questionKeys().get(0));
            if (bouwsteen != null) {
                byBouwsteen.computeIfAbsent(bouwsteen.key(), key -> new ArrayList<>()).add(action);
            }
        }
        return byBouwsteen;
    }
}
