package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.text.DutchFormat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list: "1–50 van 386", the links to the pages before and after (with the list's filters), and
 * what a page beyond the end says. Templates show it with partials/paging.
 */
public record Paging(@Nullable String range, @Nullable String beyondEnd, @Nullable String previousHref,
                     @Nullable String nextHref) {

    public static final int PAGE_SIZE = 50;
    /** More pages than anyone reads; it keeps the offset, and the work, bounded. */
    public static final int PAGE_MAX = 10_000;

    /** The page number asked for by {@code pagina}: 1 when absent; a problem under "pagina" when it is no 1 to {@link #PAGE_MAX}. */
    public static int pageNumber(@Nullable String pagina, InvalidInput problems) {
        if (pagina == null || pagina.isBlank()) {
            return 1;
        }
        String digits = pagina.strip();
        if (digits.matches("\\d{1,6}")) {
            int number = Integer.parseInt(digits);
            if (number >= 1 && number <= PAGE_MAX) {
                return number;
            }
        }
        problems.add("pagina", "Het paginanummer moet een getal van 1 tot en met " + DutchFormat.number(PAGE_MAX) + " zijn.");
        return 1;
    }

    /** The offset of the page's first row. */
    public static long offset(int page) {
        return (long) (page - 1) * PAGE_SIZE;
    }

    /** Page {@code page} of {@code total} rows, of which {@code shown} are on it; links to {@code path} with {@code query}. */
    public static Paging of(int page, long total, int shown, String path, Map<String, String> query) {
        long first = offset(page) + 1;
        long lastPage = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String range = shown == 0 ? null : DutchFormat.number(first) + "–" + DutchFormat.number(first + shown - 1)
                + " van " + DutchFormat.number(total);
        String beyondEnd = shown == 0 && total > 0 ? "Pagina " + DutchFormat.number(page) + " bestaat niet; er "
                + (lastPage == 1 ? "is 1 pagina" : "zijn " + DutchFormat.number(lastPage) + " pagina's") + "." : null;
        return new Paging(range, beyondEnd,
                page > 1 && total > 0 ? href(path, query, Math.min(page - 1, lastPage)) : null,
                page < lastPage ? href(path, query, page + 1) : null);
    }

    /** The rows of page {@code page} out of all of them. */
    public static <T> List<T> pageOf(List<T> rows, int page) {
        long from = offset(page);
        return from >= rows.size() ? List.of() : rows.subList((int) from, (int) Math.min(rows.size(), from + PAGE_SIZE));
    }

    /** {@code path} with the query (empty values left out) and the page number from 2 on. */
    public static String href(String path, Map<String, String> query, long page) {
        List<String> parts = new ArrayList<>();
        query.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                parts.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (page > 1) {
            parts.add("pagina=" + page);
        }
        return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
    }

    public boolean hasLinks() {
        return previousHref != null || nextHref != null;
    }
}
