package nl.quickscan.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * /.well-known/security.txt (RFC 9116), where a finder of a vulnerability reads whom to tell. Served only when the
 * operator configured a contact (QUICKSCAN_SECURITY_CONTACT): a made-up contact would send reports nowhere, so
 * without one the file is absent (404). Expires is the configured moment (QUICKSCAN_SECURITY_TXT_EXPIRES) or else
 * {@value #DEFAULT_EXPIRY_DAYS} days ahead, within the year the RFC allows; Canonical is made from QUICKSCAN_BASE_URL.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class SecurityTxtController {

    static final String PATH = "/.well-known/security.txt";
    static final long DEFAULT_EXPIRY_DAYS = 180;
    static final MediaType TEXT_UTF8 = MediaType.of("text/plain; charset=utf-8");

    private final List<String> contacts;
    @Nullable
    private final Instant expires;
    private final BaseUrl baseUrl;
    private final Clock clock;

    SecurityTxtController(@Value("${quickscan.security-contact:}") String contact,
                          @Value("${quickscan.security-txt-expires:}") String expires, BaseUrl baseUrl, Clock clock) {
        this.contacts = contacts(contact);
        this.expires = expires(expires);
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Get(value = PATH, produces = "text/plain")
    HttpResponse<String> securityTxt() {
        if (contacts.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        return HttpResponse.ok(text(contacts, expires != null ? expires
                        : clock.instant().plus(Duration.ofDays(DEFAULT_EXPIRY_DAYS)).truncatedTo(ChronoUnit.DAYS),
                baseUrl.link(PATH))).contentType(TEXT_UTF8);
    }

    static String text(List<String> contacts, Instant expires, String canonical) {
        StringBuilder text = new StringBuilder();
        contacts.forEach(contact -> text.append("Contact: ").append(contact).append('\n'));
        return text.append("Expires: ").append(expires.truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append("Preferred-Languages: nl, en\n")
                .append("Canonical: ").append(canonical).append('\n')
                .toString();
    }

    /** The configured contacts, comma-separated; each a mailto: or https: address, as the RFC asks. */
    static List<String> contacts(String configured) {
        List<String> contacts = Arrays.stream(configured.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (String contact : contacts) {
            if (!validContact(contact)) {
                throw new ConfigurationException("QUICKSCAN_SECURITY_CONTACT must be mailto: or https:// addresses,"
                        + " such as mailto:security@example.nl or https://example.nl/kwetsbaarheid-melden; it is: " + contact);
            }
        }
        return contacts;
    }

    private static boolean validContact(String contact) {
        if (contact.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            return false;
        }
        try {
            URI uri = new URI(contact);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("mailto") && uri.getSchemeSpecificPart().contains("@")
                    || scheme.equals("https") && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Nullable
    private static Instant expires(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(configured.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("QUICKSCAN_SECURITY_TXT_EXPIRES must be a moment such as"
                    + " 2027-06-30T00:00:00Z; it is: " + configured);
        }
    }
}
