package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.Paging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verbeterplannen of a round's gemeenten, for the regio's coordinator and the beheerder, read-only: per bouwsteen
 * the counts of {@link RegioPlan} (the same as the API's), then the actions, filtered by status and bouwsteen, a
 * page of {@link Paging#PAGE_SIZE} at a time. {@code filtered}: a filter is chosen, so the page says how many
 * actions it found ({@code found}).
 */
record RegioPlanPage(String title, Meetronde round, List<RegioPlan.BouwsteenCount> bouwstenen, int actions,
                     int gemeenten, List<Row> rows, int found, Paging paging, List<FormValues.Option> statusOptions,
                     List<FormValues.Option> bouwsteenOptions, boolean filtered) {

    /** An action with its gemeente; {@code bouwsteen}: the title of its first statement's bouwsteen. */
    record Row(PlanAction action, String gemeenteName, String bouwsteen, boolean overdue) {
        @Nullable
        public String overdueLabel() {
            return PlanAction.overdueLabel(overdue);
        }
    }

    /** The bouwsteen title of an action whose first statement the round's survey has not got. */
    static final String OTHER_BOUWSTEEN = "Overig";

    static RegioPlanPage of(PlanService.RoundPlan plan, @Nullable ActionStatus status, @Nullable String bouwsteen,
                            int page, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (PlanAction action : plan.actions()) {
            RegioPlan.BouwsteenCount of = plan.counts().bouwsteenOf().get(action.id());
            if ((status != null && action.status() != status) || (bouwsteen != null && (of == null || !of.key().equals(bouwsteen)))) {
                continue;
            }
            GemeenteRow gemeente = plan.gemeenten().get(action.gemeenteId());
            rows.add(new Row(action, gemeente == null ? action.cbsCode() : gemeente.name(),
                    of == null ? OTHER_BOUWSTEEN : of.title(), action.overdue(today)));
        }
        List<FormValues.Option> statusOptions = new ArrayList<>();
        statusOptions.add(FormValues.option("", "Alle statussen", status == null ? "" : null));
        for (ActionStatus each : ActionStatus.values()) {
            statusOptions.add(FormValues.option(each.name(), each.label(), status == null ? null : status.name()));
        }
        List<FormValues.Option> bouwsteenOptions = new ArrayList<>();
        bouwsteenOptions.add(FormValues.option("", "Alle bouwstenen", bouwsteen == null ? "" : null));
        plan.counts().bouwstenen().forEach(count -> bouwsteenOptions.add(FormValues.option(count.key(), count.title(), bouwsteen)));
        List<Row> shown = Paging.pageOf(rows, page);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", status == null ? null : status.name());
        query.put("bouwsteen", bouwsteen);
        return new RegioPlanPage("Verbeterplannen: " + plan.round().name(), plan.round(), plan.counts().bouwstenen(),
                plan.actions().size(), (int) plan.actions().stream().map(PlanAction::gemeenteId).distinct().count(),
                shown, rows.size(), Paging.of(page, rows.size(), shown.size(), "/rondes/" + plan.round().id() + "/verbeterplannen", query),
                statusOptions, bouwsteenOptions, status != null || bouwsteen != null);
    }
}
