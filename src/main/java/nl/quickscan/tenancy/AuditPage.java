package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditCsv;
import nl.quickscan.audit.AuditFilter;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.InvalidInput.Problem;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.text.NaturalOrder;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.FormValues.Option;
import nl.quickscan.web.Paging;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log page: the two groups as tabs, the filters as sent, one page of entries with the links to the pages
 * before and after, and the CSV of the same filters.
 */
record AuditPage(String title, List<Tab> tabs, String group, String groupLabel, AuditFilter.Parameters form,
                 List<Option> kindOptions, List<Option> gemeenteOptions, List<Row> rows, @Nullable String range,
                 @Nullable String beyondEnd, @Nullable String previousHref, @Nullable String nextHref,
                 @Nullable String csvHref, @Nullable String csvNote, Map<String, String> errors,
                 List<Problem> errorSummary) {

    record Tab(String label, String href, boolean current) {
    }

    record Row(String when, String who, String kind, String gemeente, String subject, String details) {
    }

    static AuditPage of(AuditFilter.Parameters parameters, AuditFilter.Request request, long total,
                        List<AuditLog.Listed> entries, List<GemeenteRow> gemeenten, InvalidInput problems) {
        AuditFilter filter = request.filter();
        Map<String, String> query = query(filter);
        Paging paging = Paging.of(request.page(), total, entries.size(), "/beheer/audit", query);
        return new AuditPage("Auditlog", tabs(filter.group()), filter.group().code(), filter.group().label(), parameters,
                kindOptions(filter.group(), parameters.soort()), gemeenteOptions(gemeenten, parameters.gemeente()),
                entries.stream().map(AuditPage::row).toList(), paging.range(), paging.beyondEnd(),
                paging.previousHref(), paging.nextHref(),
                total > 0 ? Paging.href("/beheer/audit.csv", query, 1) : null,
                total > AuditCsv.ROWS_MAX ? AuditCsv.cappedMessage(AuditCsv.ROWS_MAX, total) : null,
                problems.byField(), problems.summary());
    }

    /** The page for parameters that were refused: the messages, the form as sent, no entries. */
    static AuditPage refused(AuditFilter.Parameters parameters, List<GemeenteRow> gemeenten, InvalidInput problems) {
        AuditAction.Group group = AuditAction.Group.ofCode(parameters.groep() == null ? "" : parameters.groep())
                .orElse(AuditAction.Group.ORGANISATIE);
        return new AuditPage("Auditlog", tabs(group), group.code(), group.label(), parameters,
                kindOptions(group, parameters.soort()), gemeenteOptions(gemeenten, parameters.gemeente()), List.of(),
                null, null, null, null, null, null, problems.byField(), problems.summary());
    }

    private static Row row(AuditLog.Listed entry) {
        return new Row(DutchFormat.dateTime(entry.occurredAt()), entry.who(), entry.actionLabel(),
                entry.gemeenteName() == null ? DutchFormat.NONE : entry.gemeenteName(), entry.subject(), entry.details());
    }

    private static List<Tab> tabs(AuditAction.Group current) {
        return List.of(AuditAction.Group.values()).stream()
                .map(group -> new Tab(group.label(), "/beheer/audit?groep=" + group.code(), group == current)).toList();
    }

    private static List<Option> kindOptions(AuditAction.Group group, @Nullable String selected) {
        return group.actions().stream().map(action -> FormValues.option(action.name(), action.label(), selected)).toList();
    }

    private static List<Option> gemeenteOptions(List<GemeenteRow> gemeenten, @Nullable String selected) {
        return gemeenten.stream()
                .sorted(Comparator.comparing(GemeenteRow::name, NaturalOrder.INSTANCE))
                .map(g -> FormValues.option(Long.toString(g.id()), g.name(), selected)).toList();
    }

    /** The filter as query parameters, in the names the form sends; the empty ones left out. */
    private static Map<String, String> query(AuditFilter filter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("groep", filter.group().code());
        if (filter.action() != null) {
            query.put("soort", filter.action().name());
        }
        if (filter.person() != null) {
            query.put("wie", filter.person());
        }
        if (filter.gemeenteId() != null) {
            query.put("gemeente", Long.toString(filter.gemeenteId()));
        }
        if (filter.from() != null) {
            query.put("van", filter.from().toString());
        }
        if (filter.to() != null) {
            query.put("tot", filter.to().toString());
        }
        return query;
    }
}
