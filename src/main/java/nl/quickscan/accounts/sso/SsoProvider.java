package nl.quickscan.accounts.sso;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Set;

/**
 * An identity provider the operator connected ({@code QUICKSCAN_OIDC_<NAME>_…}).
 *
 * @param name           NAME in lower case with dashes for underscores, as in the addresses /sso/{name}/…
 * @param gemeenteCbsCode the gemeente whose adviser a new account becomes; only with {@code createAccounts}
 */
public record SsoProvider(String name, String displayName, String issuer, String clientId, String clientSecret,
                          Set<String> domains, boolean createAccounts, @Nullable String gemeenteCbsCode) {

    /** Whether this provider serves the e-mail address's domain (compared without case). */
    public boolean serves(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** The address the provider sends the browser back to, below the app's public address. */
    public String callbackPath() {
        return "/sso/" + name + "/callback";
    }

    public String startPath() {
        return "/sso/" + name;
    }
}
