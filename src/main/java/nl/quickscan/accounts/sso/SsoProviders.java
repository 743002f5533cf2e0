package nl.quickscan.accounts.sso;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity providers of the environment variables {@code QUICKSCAN_OIDC_<NAME>_ISSUER}, {@code _CLIENT_ID},
 * {@code _CLIENT_SECRET}, {@code _DOMAINS}, {@code _DISPLAY_NAME}, {@code _CREATE_ACCOUNTS} and {@code _GEMEENTE}.
 * Micronaut reads QUICKSCAN_OIDC_NOORD_HOLLAND_CLIENT_ID as, among others, quickscan.oidc.noord-holland.client-id;
 * a provider is each name below quickscan.oidc that has an issuer. An incomplete provider stops the app at startup.
 */
@Singleton
public class SsoProviders {

    private static final String PREFIX = "quickscan.oidc";

    private final List<SsoProvider> providers;

    SsoProviders(Environment environment) {
        List<SsoProvider> found = new ArrayList<>();
        for (String name : environment.getPropertyEntries(PREFIX)) {
            String key = PREFIX + "." + name + ".";
            if (environment.getProperty(key + "issuer", String.class).isEmpty() || !name.matches("[a-z0-9-]{1,40}")) {
                continue;
            }
            found.add(provider(name, key, environment));
        }
        found.sort(Comparator.comparing(SsoProvider::displayName));
        this.providers = List.copyOf(found);
    }

    private static SsoProvider provider(String name, String key, Environment environment) {
        String variable = "QUICKSCAN_OIDC_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String issuer = required(environment, key + "issuer", variable + "ISSUER").replaceAll("/+$", "");
        URI issuerUri = URI.create(issuer);
        boolean local = "localhost".equals(issuerUri.getHost()) || "127.0.0.1".equals(issuerUri.getHost());
        if (!"https".equals(issuerUri.getScheme()) && !("http".equals(issuerUri.getScheme()) && local)) {
            throw new ConfigurationException(variable + "ISSUER must be an https:// address (http:// only for localhost): " + issuer);
        }
        Set<String> domains = Arrays.stream(required(environment, key + "domains", variable + "DOMAINS").split(","))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT)).filter(domain -> !domain.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (domains.isEmpty()) {
            throw new ConfigurationException(variable + "DOMAINS must name at least one e-mail domain");
        }
        boolean createAccounts = environment.getProperty(key + "create-accounts", Boolean.class, false);
        String gemeente = environment.getProperty(key + "gemeente", String.class).map(String::strip)
                .filter(code -> !code.isEmpty()).orElse(null);
        if (createAccounts && gemeente == null) {
            throw new ConfigurationException(variable + "CREATE_ACCOUNTS=true needs " + variable
                    + "GEMEENTE: the CBS code (such as GM0014) of the gemeente whose adviser a new account becomes");
        }
        return new SsoProvider(name, required(environment, key + "display-name", variable + "DISPLAY_NAME"), issuer,
                required(environment, key + "client-id", variable + "CLIENT_ID"),
                required(environment, key + "client-secret", variable + "CLIENT_SECRET"), domains, createAccounts,
                gemeente);
    }

    private static String required(Environment environment, String property, String variable) {
        return environment.getProperty(property, String.class).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ConfigurationException(variable + " must be set for this identity provider"));
    }

    public List<SsoProvider> all() {
        return providers;
    }

    public Optional<SsoProvider> named(String name) {
        return providers.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    /** The provider that serves the address's domain, if any. */
    public Optional<SsoProvider> serving(String email) {
        return providers.stream().filter(provider -> provider.serves(email)).findFirst();
    }
}
