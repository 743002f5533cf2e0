package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.web.FormValues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A gemeente's verbeterplan: its actions per bouwsteen, overdue ones said in words, filtered by status.
 * {@code editable}: the gemeente's own adviser (the coordinator and the beheerder only read); {@code shared}: for
 * the gemeente's advisers, what the other gemeenten of the regio share.
 */
record PlanPage(String title, GemeenteRow gemeente, PlanOverview overview, boolean editable,
                List<FormValues.Option> statusOptions, @Nullable String statusFilter, @Nullable String notice,
                LocalDate today, String query, List<ActionRepository.SharedAction> shared) {

    static PlanPage of(GemeenteRow gemeente, PlanOverview overview, boolean editable, @Nullable ActionStatus status,
                       @Nullable String notice, LocalDate today, boolean ownGemeente,
                       List<ActionRepository.SharedAction> shared) {
        List<FormValues.Option> options = new ArrayList<>();
        options.add(FormValues.option("", "Alle acties", status == null ? "" : null));
        for (ActionStatus each : ActionStatus.values()) {
            options.add(FormValues.option(each.name(), each.label(), status == null ? null : status.name()));
        }
        return new PlanPage("Verbeterplan " + gemeente.name(), gemeente, overview, editable, options,
                status == null ? null : status.label(), notice, today, ownGemeente ? "" : gemeente.cbsCode(), shared);
    }
}
