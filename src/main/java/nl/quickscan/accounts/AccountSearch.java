package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.Role;
import nl.quickscan.web.Paging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which accounts the list shows: part of the name or e-mail address (any case), a role, a status; and which page.
 * Plain Java; the SQL is {@link AccountRepository#search}.
 */
public record AccountSearch(@Nullable String text, @Nullable Role role, @Nullable AccountStatus status) {

    /** Longer than any name or address could match. */
    public static final int TEXT_MAX = Account.MAX_EMAIL_LENGTH;

    /** The query parameters as sent, each null when absent; the names the list's form uses. */
    public record Parameters(@Nullable String zoek, @Nullable String rol, @Nullable String status,
                             @Nullable String pagina) {
    }

    public record Request(AccountSearch search, int page) {
    }

    /** Reads the parameters; a problem goes into {@code problems} by the parameter's name, in Dutch. */
    static Request parse(Parameters parameters, InvalidInput problems) {
        String text = present(parameters.zoek()) ? parameters.zoek().strip() : null;
        if (text != null && text.length() > TEXT_MAX) {
            problems.add("zoek", "De zoektekst mag hoogstens " + TEXT_MAX + " tekens lang zijn.");
        }
        Role role = null;
        if (present(parameters.rol())) {
            role = Arrays.stream(Role.values()).filter(r -> r.name().equals(parameters.rol().strip())).findFirst().orElse(null);
            if (role == null) {
                problems.add("rol", "Kies een rol uit de lijst.");
            }
        }
        AccountStatus status = null;
        if (present(parameters.status())) {
            Optional<AccountStatus> chosen = AccountStatus.ofCode(parameters.status().strip());
            if (chosen.isEmpty()) {
                problems.add("status", "Kies een status uit de lijst.");
            }
            status = chosen.orElse(null);
        }
        int page = Paging.pageNumber(parameters.pagina(), problems);
        return new Request(new AccountSearch(text, role, status), page);
    }

    /** The LIKE pattern of the text, lower case, with {@code !} escaping the pattern's own characters; "" for none. */
    String pattern() {
        return text == null ? "" : "%" + text.toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
    }

    String roleName() {
        return role == null ? "" : role.name();
    }

    String statusCode() {
        return status == null ? "" : status.code();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
