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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The identity providers of the environment variables {@code QUICKSCAN_OIDC_<NAME>_ISSUER}, {@code _CLIENT_ID},
 * {@code _CLIENT_SECRET}, {@code _DOMAINS}, {@code _DISPLAY_NAME}, {@code _CREATE_ACCOUNTS} and {@code _GEMEENTE}.
 * A provider is each NAME with an issuer variable (NOORD_HOLLAND becomes noord-holland in the addresses), or each name
 * below the property quickscan.oidc with an issuer (quickscan.oidc.noord-holland.client-id; in configuration files and
 * tests). The variables are read by their exact names: Micronaut's own mapping of variables to properties does not
 * keep a NAME with an underscore together. An incomplete provider stops the app at startup.
 */
@Singleton
public class SsoProviders {

    private static final String PREFIX = "quickscan.oidc";
    private static final Pattern ISSUER_VARIABLE = Pattern.compile("QUICKSCAN_OIDC_([A-Z0-9_]+)_ISSUER");

    private final List<SsoProvider> providers;

    SsoProviders(Environment environment) {
        Set<String> names = new TreeSet<>();
        System.getenv().keySet().stream().map(ISSUER_VARIABLE::matcher).filter(Matcher::matches)
                .map(match -> match.group(1).toLowerCase(Locale.ROOT).replace('_', '-')).forEach(names::add);
        environment.getPropertyEntries(PREFIX).stream()
                .filter(name -> environment.getProperty(PREFIX + "." + name + ".issuer", String.class).isPresent())
                .forEach(names::add);
        List<SsoProvider> found = new ArrayList<>();
        for (String name : names) {
            if (!name.matches("[a-z0-9-]{1,40}")) {
                throw new ConfigurationException("QUICKSCAN_OIDC_<NAME>_ISSUER: NAME may hold only letters, digits and"
                        + " underscores, at most 40: " + name);
            }
            found.add(provider(name, new Settings(environment, name)));
        }
        found.sort(Comparator.comparing(SsoProvider::displayName));
        this.providers = List.copyOf(found);
    }

    /** The settings of one provider: the variable QUICKSCAN_OIDC_<NAME>_<KEY>, else the property quickscan.oidc.<name>.<key>. */
    private record Settings(Environment environment, String name) {

        String variable(String key) {
            return "QUICKSCAN_OIDC_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + key;
        }

        Optional<String> value(String key) {
            String fromVariable = System.getenv(variable(key));
            Optional<String> value = fromVariable != null ? Optional.of(fromVariable) : environment.getProperty(
                    PREFIX + "." + name + "." + key.toLowerCase(Locale.ROOT).replace('_', '-'), String.class);
            return value.map(String::strip).filter(text -> !text.isEmpty());
        }

        String required(String key) {
            return value(key).orElseThrow(() -> new ConfigurationException(variable(key)
                    + " must be set for this identity provider"));
        }
    }

    private static SsoProvider provider(String name, Settings settings) {
        String variable = settings.variable("");
        String issuer = settings.required("ISSUER").replaceAll("/+$", "");
        URI issuerUri = URI.create(issuer);
        boolean local = "localhost".equals(issuerUri.getHost()) || "127.0.0.1".equals(issuerUri.getHost());
        if (!"https".equals(issuerUri.getScheme()) && !("http".equals(issuerUri.getScheme()) && local)) {
            throw new ConfigurationException(variable + "ISSUER must be an https:// address (http:// only for localhost): " + issuer);
        }
        Set<String> domains = Arrays.stream(settings.required("DOMAINS").split(","))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT)).filter(domain -> !domain.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (domains.isEmpty()) {
            throw new ConfigurationException(variable + "DOMAINS must name at least one e-mail domain");
        }
        boolean createAccounts = settings.value("CREATE_ACCOUNTS").map(Boolean::parseBoolean).orElse(false);
        String gemeente = settings.value("GEMEENTE").orElse(null);
        if (createAccounts && gemeente == null) {
            throw new ConfigurationException(variable + "CREATE_ACCOUNTS=true needs " + variable
                    + "GEMEENTE: the CBS code (such as GM0014) of the gemeente whose adviser a new account becomes");
        }
        return new SsoProvider(name, settings.required("DISPLAY_NAME"), issuer, settings.required("CLIENT_ID"),
                settings.required("CLIENT_SECRET"), domains, createAccounts, gemeente);
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
