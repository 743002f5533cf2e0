package nl.quickscan.accounts;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import nl.quickscan.accounts.sso.SsoProblem;
import nl.quickscan.accounts.sso.SsoRepository;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.GemeenteRepository;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server) started here: the whole redirect chain,
 * each refusal of the issue (with a Dutch message, no session, nothing created, an audit entry), account creation
 * where the operator allows it, and the logout at the provider.
 */
class SsoLoginTest {

    private static final String CLIENT_ID = "quickscan-test";
    private static final String CREATING_GEMEENTE = "GM0047";
    private static final ForgingKeys keys = new ForgingKeys();
    private static MockOAuth2Server provider;
    private static TestApp app;
    private final HttpClient providerBrowser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys),
                Set.of(), new MockWebServerWrapper()));
        provider.start();
        // Advisers must have a second factor here: one signing in through the provider is not asked for it.
        app = TestApp.withSettings(Map.ofEntries(
                Map.entry("quickscan.totp.required-roles", "ADVISEUR"),
                // Many sign-ins a minute from one address; the limit has a test of its own (SsoRateLimitTest).
                Map.entry("quickscan.sso-requests-per-address", "10000"),
                Map.entry("quickscan.oidc.mock.issuer", provider.issuerUrl("mock").toString()),
                Map.entry("quickscan.oidc.mock.client-id", CLIENT_ID),
                Map.entry("quickscan.oidc.mock.client-secret", "geheim"),
                Map.entry("quickscan.oidc.mock.domains", "sso.test, ook-sso.test"),
                Map.entry("quickscan.oidc.mock.display-name", "Gemeente Proef"),
                Map.entry("quickscan.oidc.nieuw.issuer", provider.issuerUrl("nieuw").toString()),
                Map.entry("quickscan.oidc.nieuw.client-id", CLIENT_ID),
                Map.entry("quickscan.oidc.nieuw.client-secret", "geheim"),
                Map.entry("quickscan.oidc.nieuw.domains", "nieuw.test"),
                Map.entry("quickscan.oidc.nieuw.display-name", "Gemeente Nieuw"),
                Map.entry("quickscan.oidc.nieuw.create-accounts", "true"),
                Map.entry("quickscan.oidc.nieuw.gemeente", CREATING_GEMEENTE)));
    }

    @AfterAll
    static void stop() {
        app.stop();
        provider.shutdown();
    }

    @Test
    void theLoginPageOffersEachProviderAndSendsAServedAddressThere() {
        Browser browser = app.browser();
        List<String> buttons = browser.get("/login?terug=/scans").html().select("a[href^=/sso/]").eachText();
        assertEquals(List.of("Inloggen met Gemeente Nieuw", "Inloggen met Gemeente Proef"), buttons);
        assertEquals("/sso/mock?terug=%2Fscans", browser.get("/login?terug=/scans").html()
                .selectFirst("a:contains(Gemeente Proef)").attr("href"));

        Response served = browser.post("/login", "email", "Iemand@SSO.test", "password", "", "terug", "/scans");
        assertEquals(303, served.status(), served::toString);
        assertEquals("/sso/mock?terug=%2Fscans&email=Iemand%40SSO.test", served.location());

        Response other = browser.post("/login", "email", "iemand@elders.test", "password", "");
        assertEquals(400, other.status(), "another domain: the password login as before");
        assertTrue(other.html().text().contains("Vul uw e-mailadres en uw wachtwoord in."));
        Response withPassword = browser.post("/login", "email", "iemand@sso.test", "password", "fout-wachtwoord");
        assertEquals(401, withPassword.status(), "a password typed in is checked as a password");
    }

    @Test
    void anExistingActiveAccountSignsInThroughTheRedirectChainAndLogsOutAtTheProvider() throws Exception {
        Account account = account("proef-" + UUID.randomUUID() + "@sso.test", true);
        Browser browser = app.browser();
        Response start = browser.get("/sso/mock?terug=/verbeterplan&email=" + account.email());
        assertEquals(303, start.status(), start::toString);
        URI authorize = URI.create(start.location());
        assertTrue(start.location().startsWith(provider.authorizationEndpointUrl("mock").toString()), start.location());
        Map<String, String> query = query(authorize);
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals("code", query.get("response_type"));
        assertEquals(account.email(), query.get("login_hint"));
        assertEquals(app.uri("/sso/mock/callback").toString(), query.get("redirect_uri"));
        String flowCookie = start.setCookies().stream().filter(c -> c.startsWith("QUICKSCAN_SSO=")).findFirst().orElseThrow();
        assertTrue(flowCookie.toLowerCase().contains("httponly") && flowCookie.contains("Path=/sso"), flowCookie);

        provider.enqueueCallback(signsIn("mock", account.email(), Map.of()));
        Response done = browser.get(callbackFrom(authorize));
        assertEquals(303, done.status(), done::toString);
        assertEquals("/verbeterplan", done.location());
        String session = done.setCookies().stream().filter(c -> c.startsWith("QUICKSCAN_SESSION=")).findFirst().orElseThrow();
        assertTrue(session.toLowerCase().contains("httponly"), session);
        RecordedRequest tokenRequest = tokenRequestWith(query.get("state"), authorize);
        Map<String, String> exchanged = query(URI.create("?" + tokenRequest.getBody().readUtf8()));
        assertEquals(query.get("code_challenge"), java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(exchanged.get("code_verifier").getBytes())),
                "PKCE: the token request proves the code challenge");
        assertTrue(tokenRequest.getHeader("Authorization").startsWith("Basic "), "client_secret_basic");
        Response home = browser.get("/");
        assertEquals(200, home.status(), "not sent to set up a second factor: the provider asks for that");
        assertTrue(home.html().text().contains(account.displayName()), "logged in as the account");
        Browser byPassword = app.browser().login(Fixtures.adviseur(app, "GM0106").email(), Fixtures.PASSWORD);
        assertEquals("/account/tweestapsverificatie", byPassword.get("/").location(), "a password login is asked for it");

        Account after = app.bean(AccountRepository.class).findById(account.id()).orElseThrow();
        AccountRow row = app.bean(AccountRepository.class).listOfGemeente(after.gemeenteId()).stream()
                .filter(r -> r.id() == account.id()).findFirst().orElseThrow();
        assertNotNull(row.lastLoginAt(), "the sign-in counts as a login");
        assertEquals("Via eigen organisatie (mock)", row.signIn());
        assertEquals(AccountStatus.ACTIEF, row.statusOf(), "active without a password of the product");
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals("Via eigen organisatie (mock)", beheerder.get("/accounts/" + account.id()).html()
                .selectFirst("#inloggen").text());
        assertTrue(beheerder.get("/accounts?zoek=" + account.email()).html().selectFirst("main tbody tr").text()
                .contains("Via eigen organisatie (mock)"), "on the accounts list too");

        String token = browser.cookie("QUICKSCAN_SESSION");
        String sessionId = app.bean(LoginSessionRepository.class).findLive(sessionIdOf(browser), Instant.now())
                .orElseThrow().sessionId();
        assertTrue(app.bean(SsoRepository.class).findById(sessionId).isPresent(), "the ID token is kept on the server");
        assertFalse(session.contains(app.bean(SsoRepository.class).findById(sessionId).orElseThrow().idToken()));

        Response logout = browser.post("/logout");
        assertEquals(303, logout.status(), logout::toString);
        URI endSession = URI.create(logout.location());
        assertTrue(logout.location().startsWith(provider.endSessionEndpointUrl("mock").toString()), logout.location());
        assertEquals(app.uri("/login?uitgelogd=1").toString(), query(endSession).get("post_logout_redirect_uri"));
        assertNotNull(query(endSession).get("id_token_hint"));
        assertTrue(app.bean(LoginSessionRepository.class).findLive(sessionId, Instant.now()).isEmpty(), "session row gone");
        assertTrue(app.bean(SsoRepository.class).findById(sessionId).isEmpty(), "its ID token gone with it");
        Browser thief = app.browser();
        thief.setCookie("QUICKSCAN_SESSION", token);
        assertEquals(303, thief.get("/").status(), "the old cookie is worthless");
        HttpResponse<String> atProvider = providerBrowser.send(HttpRequest.newBuilder(endSession).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(atProvider.statusCode() / 100 == 3 || atProvider.statusCode() == 200, "the provider takes the logout");
    }

    @Test
    void aForgedStateOrAnotherBrowserIsRefused() throws Exception {
        Account account = account("staat-" + UUID.randomUUID() + "@sso.test", true);
        Browser browser = app.browser();
        URI authorize = URI.create(browser.get("/sso/mock").location());
        String callback = callbackFrom(authorize);
        String forged = callback.replaceAll("state=[^&]+", "state=" + "A".repeat(43));
        refused(browser.get(forged), SsoProblem.STATE, "wrong state", account);

        Browser elsewhere = app.browser();
        refused(elsewhere.get(callback), SsoProblem.STATE, "no sign-in was started in this browser", account);
    }

    @Test
    void aTokenWithTheWrongNonceOrWithoutOneIsRefused() throws Exception {
        Account account = account("nonce-" + UUID.randomUUID() + "@sso.test", true);
        refused(signIn(account.email(), Map.of("nonce", "vervalst"), UnaryOperator.identity()), SsoProblem.TOKEN,
                "wrong nonce", account);
        refused(signIn(account.email(), Map.of(), url -> url.replaceAll("&nonce=[^&]+", "")), SsoProblem.TOKEN,
                "has no nonce", account);
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceOrExpiredIsRefused() throws Exception {
        Account account = account("claims-" + UUID.randomUUID() + "@sso.test", true);
        refused(signIn(account.email(), Map.of("iss", "https://idp.elders.test/mock"), UnaryOperator.identity()),
                SsoProblem.TOKEN, "wrong issuer", account);
        refused(signIn(account.email(), Map.of("aud", "een-andere-app"), UnaryOperator.identity()),
                SsoProblem.TOKEN, "wrong audience", account);

        Browser browser = app.browser();
        URI authorize = URI.create(browser.get("/sso/mock").location());
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("mock", "subject", "JWT", null,
                Map.of("email", account.email(), "email_verified", true), -600));
        refused(browser.get(callbackFrom(authorize)), SsoProblem.TOKEN, "expired", account);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        Account account = account("sleutel-" + UUID.randomUUID() + "@sso.test", true);
        Account known = account("bekend-" + UUID.randomUUID() + "@sso.test", true);
        assertEquals(303, signIn(known.email(), Map.of(), UnaryOperator.identity()).status(), "the app knows the keys");
        // The provider signs the next tokens with a key of our own under the key id of its own key.
        keys.forged = new RSAKeyGenerator(2048).keyID(keys.signingKey("mock").getKeyID()).generate();
        try {
            refused(signIn(account.email(), Map.of(), UnaryOperator.identity()), SsoProblem.TOKEN,
                    "signature does not match", account);
        } finally {
            keys.forged = null;
        }
    }

    @Test
    void anUnverifiedAddressOrOneOfAnotherDomainIsRefused() throws Exception {
        Account account = account("onbevestigd-" + UUID.randomUUID() + "@sso.test", true);
        refused(signIn(account.email(), Map.of("email_verified", false), UnaryOperator.identity()),
                SsoProblem.EMAIL_UNVERIFIED, "email_verified is false", account);
        refused(signIn(account.email(), Map.of("email_verified", false, "xms_edov", false), UnaryOperator.identity()),
                SsoProblem.EMAIL_UNVERIFIED, "xms_edov is false", account);
        String elsewhere = "elders-" + UUID.randomUUID() + "@elders.test";
        refused(signIn(elsewhere, Map.of(), UnaryOperator.identity()), SsoProblem.DOMAIN,
                "does not serve the domain of " + elsewhere, null);
        assertTrue(app.bean(AccountRepository.class).findByEmail(elsewhere).isEmpty());
        // The Kelvin sign lower-cases to k: refused, not matched to the account of the plain address.
        String plain = "kees-" + UUID.randomUUID() + "@sso.test";
        Account kees = account(plain, true);
        refused(signIn("\u212A" + plain.substring(1), Map.of(), UnaryOperator.identity()), SsoProblem.DOMAIN,
                "outside plain ASCII", kees);
    }

    @Test
    void anUnknownOrDeactivatedAccountIsRefusedAndNotCreated() throws Exception {
        String unknown = "onbekend-" + UUID.randomUUID() + "@sso.test";
        refused(signIn(unknown, Map.of(), UnaryOperator.identity()), SsoProblem.NO_ACCOUNT, "no account " + unknown, null);
        assertTrue(app.bean(AccountRepository.class).findByEmail(unknown).isEmpty(), "nothing created");

        Account deactivated = account("weg-" + UUID.randomUUID() + "@sso.test", false);
        refused(signIn(deactivated.email(), Map.of(), UnaryOperator.identity()), SsoProblem.NO_ACCOUNT,
                "is deactivated", deactivated);
    }

    @Test
    void aProviderThatMayCreateAccountsCreatesAnAdviserOfItsGemeenteOnly() throws Exception {
        String email = "Nieuw-" + UUID.randomUUID() + "@NIEUW.test";
        Browser browser = app.browser();
        URI authorize = URI.create(browser.get("/sso/nieuw?terug=/scans").location());
        provider.enqueueCallback(signsIn("nieuw", email, Map.of("name", "Nieuwe Adviseur")));
        Response done = browser.get(callbackFrom(authorize));
        assertEquals(303, done.status(), done::toString);
        Account created = app.bean(AccountRepository.class).findByEmail(email.toLowerCase()).orElseThrow();
        assertEquals(Role.ADVISEUR, created.role());
        assertEquals("Nieuwe Adviseur", created.displayName());
        assertNull(created.passwordHash());
        assertEquals(app.bean(GemeenteRepository.class).findByCbsCode(CREATING_GEMEENTE).orElseThrow().id(),
                created.gemeenteId());
        assertTrue(app.bean(AuditLog.class).latest(20).stream().anyMatch(entry -> entry.action().equals("ACCOUNT_CREATED")
                && entry.subject().equals("account " + created.email())));
        assertEquals(200, browser.get("/").status());

        // The same provider cannot create accounts of a domain it does not serve.
        String foreign = "vreemd-" + UUID.randomUUID() + "@sso.test";
        Browser other = app.browser();
        URI again = URI.create(other.get("/sso/nieuw").location());
        provider.enqueueCallback(signsIn("nieuw", foreign, Map.of()));
        refused(other.get(callbackFrom(again)), SsoProblem.DOMAIN, "does not serve", null);
        assertTrue(app.bean(AccountRepository.class).findByEmail(foreign).isEmpty());
    }

    @Test
    void entraIdsDomainVerifiedClaimStandsInForEmailVerified() throws Exception {
        Account account = account("entra-" + UUID.randomUUID() + "@sso.test", true);
        Browser browser = app.browser();
        URI authorize = URI.create(browser.get("/sso/mock").location());
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("email", account.email(), "xms_edov", true));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("mock", "subject-entra", "JWT", null, claims, 3600));
        Response done = browser.get(callbackFrom(authorize));
        assertEquals(303, done.status(), done::toString);
        assertEquals(200, browser.get("/").status(), "signed in without email_verified");
        assertTrue(browser.cookie("QUICKSCAN_SESSION") != null && !browser.cookie("QUICKSCAN_SESSION").isEmpty());
    }

    @Test
    void anUnknownProviderIsNotFoundAndTheReturnAddressStaysOnThisSite() throws Exception {
        assertEquals(404, app.browser().get("/sso/onbekend").status());
        assertEquals(404, app.browser().get("/sso/onbekend/callback?state=x&code=y").status());
        Account account = account("terug-" + UUID.randomUUID() + "@sso.test", true);
        for (String elsewhere : List.of("https://evil.example/", "//evil.example/", "/login?terug=/x")) {
            Browser browser = app.browser();
            URI authorize = URI.create(browser.get("/sso/mock?terug=" + java.net.URLEncoder.encode(elsewhere,
                    java.nio.charset.StandardCharsets.UTF_8)).location());
            provider.enqueueCallback(signsIn("mock", account.email(), Map.of()));
            Response done = browser.get(callbackFrom(authorize));
            assertEquals(303, done.status(), done::toString);
            assertEquals("/", done.location(), "not to " + elsewhere);
        }
    }

    /** The provider's keys; while {@code forged} is set, it signs with that key instead (its JWKS would show it too). */
    private static final class ForgingKeys extends KeyProvider {
        volatile RSAKey forged;

        @Override
        public JWK signingKey(String issuerId) {
            RSAKey key = forged;
            return key != null ? key : super.signingKey(issuerId);
        }
    }

    /** Signs in at the provider with these claims; {@code changeAuthorize} may change the request to the provider. */
    private Response signIn(String email, Map<String, Object> claims, UnaryOperator<String> changeAuthorize)
            throws Exception {
        Browser browser = app.browser();
        URI authorize = URI.create(changeAuthorize.apply(browser.get("/sso/mock").location()));
        provider.enqueueCallback(signsIn("mock", email, claims));
        return browser.get(callbackFrom(authorize));
    }

    private static DefaultOAuth2TokenCallback signsIn(String issuerId, String email, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("email", email, "email_verified", true));
        all.putAll(claims);
        return new DefaultOAuth2TokenCallback(issuerId, "subject-" + email, "JWT", null, all, 3600);
    }

    /** The token request the app made to the provider for this sign-in, among the requests the provider recorded. */
    private static RecordedRequest tokenRequestWith(String state, URI authorize) {
        RecordedRequest found = null;
        while (true) {
            RecordedRequest request;
            try {
                request = provider.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                // mock-oauth2-server throws when no more requests were recorded.
                break;
            }
            if ("POST".equals(request.getMethod()) && request.getPath().endsWith("/token")) {
                found = request;
            }
        }
        assertNotNull(found, "a token request after " + authorize + " (state " + state + ")");
        return found;
    }

    /** Follows the provider's authorisation endpoint (it signs in without asking); the path of the callback. */
    private String callbackFrom(URI authorize) throws Exception {
        HttpResponse<String> response = providerBrowser.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response::body);
        URI callback = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertEquals(app.uri("/sso/mock/callback").getPort(), callback.getPort());
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    private static void refused(Response response, SsoProblem problem, String auditDetail, Account account) {
        assertEquals(problem == SsoProblem.STATE ? 400 : 401, response.status(), response::toString);
        Element alert = response.html().selectFirst("[role=alert]");
        assertNotNull(alert, response::body);
        assertEquals(problem.message(), alert.text());
        assertTrue(response.setCookies().stream().noneMatch(c -> c.startsWith("QUICKSCAN_SESSION=") && !c.startsWith("QUICKSCAN_SESSION=;")),
                "no session: " + response.setCookies());
        Optional<AuditEntry> entry = app.bean(AuditLog.class).latest(30).stream()
                .filter(e -> e.action().equals("SSO_LOGIN_REFUSED") && e.details().contains(auditDetail)).findFirst();
        assertTrue(entry.isPresent(), "audit entry with " + auditDetail);
        if (account != null) {
            Account after = app.bean(AccountRepository.class).findById(account.id()).orElseThrow();
            assertEquals(account, after, "the account is unchanged");
            List<AccountRow> rows = app.bean(AccountRepository.class).listOfGemeente(account.gemeenteId());
            assertNull(rows.stream().filter(r -> r.id() == account.id()).findFirst().orElseThrow().lastLoginAt());
        }
    }

    private static Account account(String email, boolean active) {
        AccountRepository accounts = app.bean(AccountRepository.class);
        long gemeenteId = app.bean(GemeenteRepository.class).findByCbsCode("GM0106").orElseThrow().id();
        Account account = accounts.save(Account.invited(email, "SSO " + email.substring(0, 8), Role.ADVISEUR, gemeenteId,
                null, Instant.now()));
        if (!active) {
            accounts.updateProfile(account.id(), account.displayName(), Role.ADVISEUR.name(), gemeenteId, null, false);
        }
        return accounts.findById(account.id()).orElseThrow();
    }

    private static String sessionIdOf(Browser browser) throws Exception {
        String payload = browser.cookie("QUICKSCAN_SESSION").split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload));
        return (String) com.nimbusds.jose.util.JSONObjectUtils.parse(json).get("sid");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return values;
    }
}
