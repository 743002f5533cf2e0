package nl.quickscan.plans;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanOverviewTest {

    private static final Map<String, PlanOverview.Statement> STATEMENTS = Map.of(
            "visie-a", new PlanOverview.Statement("visie-a", "Visie A", "visie", "Visie", 0, "Ja", "Nulmeting"),
            "samenwerking-b", new PlanOverview.Statement("samenwerking-b", "Samenwerking B", "samenwerking",
                    "Samenwerking", 1, "Nee", "Nulmeting"));

    private static PlanAction action(long id, List<String> keys, ActionStatus status, LocalDate due) {
        return new PlanAction(id, 1, "GM0037", 7, "Actie " + id, null, keys, null, null, due, status, false, 1, "Test",
                Instant.EPOCH, List.of());
    }

    @Test
    void actionsAreGroupedByTheBouwsteenOfTheirFirstStatementInTheSurveysOrder() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        List<PlanAction> actions = List.of(
                action(1, List.of("samenwerking-b", "visie-a"), ActionStatus.BEZIG, today.minusDays(1)),
                action(2, List.of("visie-a"), ActionStatus.AFGEROND, today.minusDays(5)),
                action(3, List.of("weg"), ActionStatus.GEPLAND, null));
        PlanOverview overview = PlanOverview.of(actions, STATEMENTS, today, null);
        assertEquals(List.of("Visie", "Samenwerking", "Overige acties"), overview.groups().stream().map(PlanOverview.Group::title).toList());
        assertEquals(List.of(1L), overview.groups().get(1).items().stream().map(item -> item.action().id()).toList(),
                "under its first statement's bouwsteen only");
        assertEquals(2, overview.groups().get(1).items().get(0).statements().size(), "with both statements");
        assertTrue(overview.groups().get(1).items().get(0).overdue());
        assertEquals(1, overview.overdue(), "a finished action is not overdue");
        assertEquals(3, overview.actions());
    }

    @Test
    void theFilterKeepsTheActionsOfOneStatusAndTheCountsOfAll() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        PlanOverview overview = PlanOverview.of(List.of(action(1, List.of("visie-a"), ActionStatus.BEZIG, today.minusDays(1)),
                action(2, List.of("visie-a"), ActionStatus.AFGEROND, null)), STATEMENTS, today, ActionStatus.AFGEROND);
        assertEquals(1, overview.shownActions());
        assertEquals(2L, overview.groups().get(0).items().get(0).action().id());
        assertEquals(1, overview.overdue());
    }
}
