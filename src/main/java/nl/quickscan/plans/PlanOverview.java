package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gemeente's verbeterplan as its page shows it: the actions grouped per bouwsteen (an action aimed at statements
 * of two bouwstenen under the bouwsteen of its first), in the survey's order, each with its statements and their
 * current answer, and whether it is overdue. Plain Java.
 */
public record PlanOverview(List<Group> groups, int actions, int overdue, int shownActions) {

    /** A statement as the plan shows it: its text, bouwsteen, and the latest answer of the gemeente's latest scan. */
    public record Statement(String key, String text, String bouwsteenKey, String bouwsteenTitle, int bouwsteenOrder,
                            String currentAnswer, @Nullable String currentRound) {
    }

    public record Item(PlanAction action, boolean overdue, List<Statement> statements) {
        @Nullable
        public String overdueLabel() {
            return PlanAction.overdueLabel(overdue);
        }
    }

    public record Group(String key, String title, List<Item> items) {
    }

    /** How many actions the plan has, and how many of them are overdue, in a sentence. */
    public String summary() {
        return DutchFormat.count(actions, "actie", "acties") + " in het verbeterplan"
                + (overdue == 0 ? "" : ", waarvan " + overdue + " " + PlanAction.OVERDUE) + ".";
    }

    /** The group of actions whose statements the latest survey no longer has. */
    static final String OTHER_KEY = "overig";
    static final String OTHER_TITLE = "Overige acties";

    /**
     * @param statements per question key, the statement as found in the gemeente's latest scan of its survey
     * @param status     only actions with this status, or null for all
     */
    public static PlanOverview of(List<PlanAction> actions, Map<String, Statement> statements, LocalDate today,
                                  @Nullable ActionStatus status) {
        Map<String, List<Item>> byGroup = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        int overdue = 0;
        int shown = 0;
        for (PlanAction action : actions) {
            boolean late = action.overdue(today);
            overdue += late ? 1 : 0;
            if (status != null && action.status() != status) {
                continue;
            }
            shown++;
            List<Statement> aimedAt = action.questionKeys().stream().map(statements::get)
                    .filter(Objects::nonNull).toList();
            Statement first = action.questionKeys().isEmpty() ? null : statements.get(action.questionKeys().get(0));
            String key = first == null ? OTHER_KEY : first.bouwsteenKey();
            titles.putIfAbsent(key, first == null ? OTHER_TITLE : first.bouwsteenTitle());
            order.putIfAbsent(key, first == null ? Integer.MAX_VALUE : first.bouwsteenOrder());
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(new Item(action, late, aimedAt));
        }
        List<Group> groups = byGroup.entrySet().stream()
                .sorted(Comparator.comparingInt(entry -> order.get(entry.getKey())))
                .map(entry -> new Group(entry.getKey(), titles.get(entry.getKey()), List.copyOf(entry.getValue())))
                .toList();
        return new PlanOverview(groups, actions.size(), overdue, shown);
    }
}
