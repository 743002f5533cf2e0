package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

/** What the layout around every page shows: the logged-in account (for the menu) and the CSRF token for forms. */
public record Layout(@Nullable User user, @Nullable String csrfToken) {

    /** The logged-in account as the menu shows it. */
    public record User(String name, String roleLabel, boolean beheerder, boolean coordinator, boolean adviseur) {

        static User of(CurrentAccount account) {
            return new User(account.displayName(), account.role().label(), account.is(Role.BEHEERDER),
                    account.is(Role.COORDINATOR), account.is(Role.ADVISEUR));
        }
    }

    static Layout of(HttpRequest<?> request) {
        return new Layout(
                request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class).map(User::of).orElse(null),
                request.getAttribute(RequestAttributes.CSRF_TOKEN, String.class).orElse(null));
    }
}
