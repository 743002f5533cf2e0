package nl.quickscan.accounts.sso;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.web.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through an identity provider over OpenID Connect: the authorisation code flow with PKCE (S256), state and
 * nonce. A sign-in is accepted only for an existing, active account with the provider's verified e-mail address,
 * unless the operator lets the provider create accounts (then only as adviser of the gemeente mapped to it). Every
 * refusal is written to the audit log, and nothing else is written.
 */
@Singleton
public class SsoLogin {

    private static final Logger LOG = LoggerFactory.getLogger(SsoLogin.class);
    static final String SCOPES = "openid email profile";
    /** Where the provider sends the browser after its logout. */
    public static final String AFTER_LOGOUT = "/login?uitgelogd=1";

    private final SsoProviders providers;
    private final OidcClient client;
    private final SsoFlow flow;
    private final SsoRepository ssoSessions;
    private final AccountRepository accounts;
    private final GemeenteRepository gemeenten;
    private final AuditLog auditLog;
    private final BaseUrl baseUrl;

    SsoLogin(SsoProviders providers, OidcClient client, SsoFlow flow, SsoRepository ssoSessions,
             AccountRepository accounts, GemeenteRepository gemeenten, AuditLog auditLog, BaseUrl baseUrl) {
        this.providers = providers;
        this.client = client;
        this.flow = flow;
        this.ssoSessions = ssoSessions;
        this.accounts = accounts;
        this.gemeenten = gemeenten;
        this.auditLog = auditLog;
        this.baseUrl = baseUrl;
    }

    /** A button of the login page: "Inloggen met …" and the address that starts the sign-in. */
    public record Button(String label, String href) {
    }

    /** The sign-in at the provider: where the browser goes, and the value of the {@link SsoFlow#COOKIE} cookie. */
    public record Redirect(URI location, String cookie) {
    }

    /** A sign-in the provider confirmed: the account, the ID token (for the logout), where to go now. */
    public record SignedIn(Account account, String idToken, String returnPath) {
    }

    public List<Button> buttons(String returnPath) {
        return providers.all().stream().map(provider -> new Button("Inloggen met " + provider.displayName(),
                provider.startPath() + "?terug=" + OidcClient.encode(returnPath))).toList();
    }

    /** For an address of a domain a provider serves: the start of the sign-in there, with the address as a hint. */
    public Optional<URI> startFor(String email, String returnPath) {
        String address = email.strip();
        return providers.serving(address).map(provider -> URI.create(provider.startPath() + "?terug="
                + OidcClient.encode(returnPath) + "&email=" + OidcClient.encode(address)));
    }

    public Optional<SsoProvider> provider(String name) {
        return providers.named(name);
    }

    public Redirect start(SsoProvider provider, String returnPath, @Nullable String loginHint) throws SsoRefusal {
        try {
            OidcClient.Metadata metadata = client.metadata(provider);
            SsoFlow.Started started = flow.start(provider.name(), returnPath, Instant.now());
            String endpoint = metadata.authorizationEndpoint().toString();
            StringBuilder location = new StringBuilder(endpoint).append(endpoint.contains("?") ? '&' : '?')
                    .append("response_type=code")
                    .append("&client_id=").append(OidcClient.encode(provider.clientId()))
                    .append("&redirect_uri=").append(OidcClient.encode(redirectUri(provider)))
                    .append("&scope=").append(OidcClient.encode(SCOPES))
                    .append("&state=").append(started.state())
                    .append("&nonce=").append(started.nonce())
                    .append("&code_challenge=").append(started.codeChallenge())
                    .append("&code_challenge_method=S256");
            if (loginHint != null && loginHint.length() <= Account.MAX_EMAIL_LENGTH && provider.serves(loginHint)) {
                location.append("&login_hint=").append(OidcClient.encode(loginHint.strip()));
            }
            return new Redirect(URI.create(location.toString()), started.cookie());
        } catch (SsoRefusal refusal) {
            throw audited(provider, refusal);
        }
    }

    /**
     * The provider's answer at the callback: the state checked against the browser's cookie, the code exchanged
     * for tokens, the ID token checked, the account found (or created where the operator allows it).
     */
    public SignedIn complete(SsoProvider provider, @Nullable String cookie, @Nullable String state, @Nullable String code,
                             @Nullable String error) throws SsoRefusal {
        try {
            Instant now = Instant.now();
            SsoFlow.Pending pending = flow.resume(provider.name(), cookie, state, now);
            if (error != null || code == null || code.isBlank()) {
                throw new SsoRefusal(SsoProblem.PROVIDER_REFUSED, provider.name() + " answered "
                        + (error != null ? "error " + cut(error) : "without a code"));
            }
            Map<String, Object> tokens = client.exchange(provider, code, pending.codeVerifier(), redirectUri(provider));
            if (!(tokens.get("id_token") instanceof String idToken)) {
                throw new SsoRefusal(SsoProblem.TOKEN, provider.name() + ": the token response has no id_token");
            }
            OidcClient.Metadata metadata = client.metadata(provider);
            IdTokenCheck.Identity identity = IdTokenCheck.check(idToken, provider, metadata.issuer(),
                    refresh -> client.keys(provider, refresh), pending.nonce(), now);
            Account account = account(provider, identity, now);
            ssoSessions.signedIn(account.id(), provider.name(), now);
            return new SignedIn(account, idToken, pending.returnPath());
        } catch (SsoRefusal refusal) {
            throw audited(provider, refusal);
        }
    }

    /** Keeps the ID token of a login opened through the provider, for its logout there. */
    public void remember(String sessionId, SsoProvider provider, String idToken) {
        ssoSessions.save(new SsoSession(sessionId, provider.name(), idToken));
    }

    /** Whether the login session was opened through an identity provider, which did the second factor itself. */
    public boolean signedInThrough(String sessionId) {
        return ssoSessions.findById(sessionId).isPresent();
    }

    /**
     * Where the browser goes to end the login at the provider too (OpenID Connect RP-Initiated Logout), for a
     * login opened through a provider that has an end_session_endpoint; call before the login session ends.
     */
    public Optional<URI> logoutAt(String sessionId) {
        return ssoSessions.findById(sessionId).flatMap(session -> providers.named(session.provider()).flatMap(provider -> {
            try {
                URI endSession = client.metadata(provider).endSessionEndpoint();
                if (endSession == null) {
                    return Optional.empty();
                }
                String endpoint = endSession.toString();
                return Optional.of(URI.create(endpoint + (endpoint.contains("?") ? '&' : '?')
                        + "id_token_hint=" + OidcClient.encode(session.idToken())
                        + "&post_logout_redirect_uri=" + OidcClient.encode(baseUrl.link(AFTER_LOGOUT))
                        + "&client_id=" + OidcClient.encode(provider.clientId())));
            } catch (SsoRefusal unreachable) {
                LOG.warn("Logout at the identity provider skipped: {}", unreachable.detail());
                return Optional.empty();
            }
        }));
    }

    private Account account(SsoProvider provider, IdTokenCheck.Identity identity, Instant now) throws SsoRefusal {
        String email = Account.normalizeEmail(identity.email());
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().active()) {
                throw new SsoRefusal(SsoProblem.NO_ACCOUNT, "the account " + email + " is deactivated", email);
            }
            return existing.get();
        }
        if (!provider.createAccounts()) {
            throw new SsoRefusal(SsoProblem.NO_ACCOUNT, "no account " + email + "; " + provider.name()
                    + " does not create accounts", email);
        }
        if (email.length() > Account.MAX_EMAIL_LENGTH) {
            throw new SsoRefusal(SsoProblem.NO_ACCOUNT, "the address is longer than " + Account.MAX_EMAIL_LENGTH, null);
        }
        Gemeente gemeente = gemeenten.findByCbsCode(provider.gemeenteCbsCode()).orElseThrow(() -> new SsoRefusal(
                SsoProblem.SETUP, provider.name() + " creates advisers of gemeente " + provider.gemeenteCbsCode()
                + ", which does not exist", email));
        String name = identity.name() != null ? identity.name().strip() : email.substring(0, email.indexOf('@'));
        if (name.length() > Account.MAX_DISPLAY_NAME_LENGTH) {
            name = name.substring(0, Account.MAX_DISPLAY_NAME_LENGTH);
        }
        Account created = accounts.save(Account.invited(email, name, Role.ADVISEUR, gemeente.id(), null, now));
        auditLog.record(null, AuditAction.ACCOUNT_CREATED, "account " + email, "Rol " + Role.ADVISEUR.label()
                + " van " + gemeente.name() + "; aangemaakt bij het eerste inloggen via " + provider.displayName(),
                null, gemeente.id());
        return created;
    }

    private String redirectUri(SsoProvider provider) {
        return baseUrl.link(provider.callbackPath());
    }

    private SsoRefusal audited(SsoProvider provider, SsoRefusal refusal) {
        auditLog.record(null, AuditAction.SSO_LOGIN_REFUSED, "inloggen via " + provider.displayName()
                + (refusal.email() != null ? " als " + refusal.email() : ""), refusal.detail(), null, null);
        return refusal;
    }

    private static String cut(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
