package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.InvalidInput.Problem;
import nl.quickscan.identity.Role;
import nl.quickscan.text.NaturalOrder;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.FormValues.Option;
import nl.quickscan.web.Paging;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts list: the search as sent, one page of the matching accounts in natural order of their names, and
 * the role filter for the beheerder (a coordinator's list holds only advisers).
 */
record AccountsPage(String title, AccountSearch.Parameters form, boolean chooseRole, List<Option> roleOptions,
                    List<Option> statusOptions, List<AccountRow> accounts, long total, Paging paging,
                    boolean searched, @Nullable String notice, Map<String, String> errors, List<Problem> errorSummary) {

    static final Comparator<AccountRow> BY_NAME = Comparator.comparing(AccountRow::displayName, NaturalOrder.INSTANCE)
            .thenComparing(AccountRow::email);

    static AccountsPage of(AccountSearch.Parameters form, AccountSearch.Request request, boolean chooseRole,
                           List<AccountRow> matching, @Nullable String notice) {
        List<AccountRow> sorted = matching.stream().sorted(BY_NAME).toList();
        List<AccountRow> page = Paging.pageOf(sorted, request.page());
        AccountSearch search = request.search();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("zoek", search.text());
        query.put("rol", search.roleName());
        query.put("status", search.statusCode());
        return new AccountsPage("Accounts", form, chooseRole, roleOptions(form.rol()), statusOptions(form.status()), page,
                sorted.size(), Paging.of(request.page(), sorted.size(), page.size(), "/accounts", query),
                search.text() != null || search.role() != null || search.status() != null, notice, Map.of(), List.of());
    }

    /** The page for parameters that were refused: the messages, the search as sent, no accounts. */
    static AccountsPage refused(AccountSearch.Parameters form, boolean chooseRole, InvalidInput problems) {
        return new AccountsPage("Accounts", form, chooseRole, roleOptions(form.rol()), statusOptions(form.status()),
                List.of(), 0, new Paging(null, null, null, null), true, null, problems.byField(), problems.summary());
    }

    private static List<Option> roleOptions(@Nullable String selected) {
        return Arrays.stream(Role.values()).map(role -> FormValues.option(role.name(), role.label(), selected)).toList();
    }

    private static List<Option> statusOptions(@Nullable String selected) {
        return Arrays.stream(AccountStatus.values())
                .map(status -> FormValues.option(status.code(), status.label(), selected)).toList();
    }
}
