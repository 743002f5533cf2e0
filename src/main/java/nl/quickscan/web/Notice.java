package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A confirmation a page shows after a change: the change redirects to the page with {@code ?melding=<param>}, and
 * the page shows the text. Each feature lists its own (scans.RoundNotice, tenancy.TenantNotice, plans.PlanNotice).
 *
 * @param param the value of {@code melding} that asks for it
 * @param text  what the page says
 */
public record Notice(String param, String text) {

    /** The query string that asks for this confirmation. */
    public String query() {
        return "?melding=" + param;
    }

    /** The text of the one of {@code notices} that the page's {@code melding} asks for; null for none or an unknown one. */
    @Nullable
    public static String textOf(List<Notice> notices, @Nullable String param) {
        return notices.stream().filter(notice -> notice.param.equals(param)).findFirst().map(Notice::text).orElse(null);
    }
}
