package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import io.micronaut.security.authentication.Authentication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** What the layout around every page shows: the logged-in account (for the menu) and the CSRF token for forms. */
public record Layout(@Nullable User user, @Nullable String csrfToken) {

    /**
     * The logged-in account as the menu shows it; menu: the main menu of the account's role; sessionSecondsLeft:
     * until the session's token ends, for the warning before it does (public/session.js); null when unknown.
     */
    public record User(String name, String roleLabel, boolean beheerder, boolean coordinator, boolean adviseur,
                       List<MenuItem> menu, @Nullable Long sessionSecondsLeft) {

        static User of(CurrentAccount account, String path, @Nullable Long sessionSecondsLeft) {
            return new User(account.displayName(), account.role().label(), account.is(Role.BEHEERDER),
                    account.is(Role.COORDINATOR), account.is(Role.ADVISEUR), Layout.menu(account, path),
                    sessionSecondsLeft);
        }
    }

    /** A link of the main menu; current: the page shown is this item's page or lies below it (aria-current). */
    public record MenuItem(String label, String href, boolean current) {

        static MenuItem of(String label, String href, String path) {
            boolean below = !href.equals("/") && path.startsWith(href + "/");
            return new MenuItem(label, href, path.equals(href) || below);
        }
    }

    static Layout of(HttpRequest<?> request) {
        return new Layout(
                request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class)
                        .map(account -> User.of(account, request.getPath(), secondsLeft(request))).orElse(null),
                request.getAttribute(RequestAttributes.CSRF_TOKEN, String.class).orElse(null));
    }

    /** Seconds until the token of the request expires (its "exp" claim), the moment its session ends. */
    @Nullable
    private static Long secondsLeft(HttpRequest<?> request) {
        Object exp = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getAttributes().get("exp")).orElse(null);
        Instant end = exp instanceof Date date ? date.toInstant()
                : exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
        return end == null ? null : Math.max(0, Duration.between(Instant.now(), end).toSeconds());
    }

    private static List<MenuItem> menu(CurrentAccount account, String path) {
        List<MenuItem> menu = new ArrayList<>();
        menu.add(MenuItem.of("Start", "/", path));
        if (account.is(Role.ADVISEUR)) {
            menu.add(MenuItem.of("Mijn quickscans", "/scans", path));
            menu.add(MenuItem.of("Verbeterplan", "/verbeterplan", path));
        } else {
            menu.add(MenuItem.of("Meetrondes", "/rondes", path));
            menu.add(MenuItem.of("Landelijk", "/benchmark", path));
        }
        menu.add(MenuItem.of("Vragenlijsten", "/vragenlijsten", path));
        if (account.is(Role.BEHEERDER)) {
            menu.add(MenuItem.of("Regio's", "/beheer/regios", path));
            menu.add(MenuItem.of("Gemeenten", "/beheer/gemeenten", path));
            menu.add(MenuItem.of("Versies vragenlijsten", "/beheer/vragenlijsten", path));
        }
        if (account.is(Role.BEHEERDER) || account.is(Role.COORDINATOR)) {
            menu.add(MenuItem.of("Accounts", "/accounts", path));
        }
        if (account.is(Role.BEHEERDER)) {
            menu.add(MenuItem.of("Auditlog", "/beheer/audit", path));
        }
        return List.copyOf(menu);
    }
}
