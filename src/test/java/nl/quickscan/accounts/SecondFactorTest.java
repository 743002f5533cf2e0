package nl.quickscan.accounts;

import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor (issue 18): set-up through the pages and the API, the code step of the login, recovery codes,
 * replays, the lockout, the requirement per role (on an app with the production default) and the beheerder's reset.
 */
class SecondFactorTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static TestApp required;

    @BeforeAll
    static void start() {
        required = TestApp.withSettings(Map.of("quickscan.totp.required-roles", "BEHEERDER,COORDINATOR"));
    }

    @AfterAll
    static void stop() {
        required.stop();
    }

    /** The code the app shows {@code steps} time steps from now. */
    static String code(String secret, int steps) {
        return Totp.code(secret, Totp.stepAt(Instant.now()) + steps);
    }

    /** Sets the second factor up through the API; returns the secret (the confirming code was this step's). */
    static String enroll(Api api, List<String> recoveryCodes) {
        Response started = api.postJson("/api/v1/me/totp", "{}");
        assertEquals(200, started.status(), started::toString);
        String secret = (String) started.json().get("secret");
        assertTrue(((String) started.json().get("otpauthUri")).startsWith("otpauth://totp/"));
        Response confirmed = api.postJson("/api/v1/me/totp/confirm", "{\"code\":\"" + code(secret, 0) + "\"}");
        assertEquals(200, confirmed.status(), confirmed::toString);
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) confirmed.json().get("recoveryCodes");
        recoveryCodes.addAll(codes);
        return secret;
    }

    private static Account adviser(TestApp app) {
        return Fixtures.adviseur(app, "GM0014");
    }

    /** The code step's form after a right password, or fails. */
    private static Document codeStep(Browser browser, Account account, String terug) {
        browser.get("/login");
        Response step = browser.post("/login", "email", account.email(), "password", Fixtures.PASSWORD, "terug", terug);
        assertEquals(200, step.status(), step::toString);
        assertTrue(browser.cookie("QUICKSCAN_SESSION") == null || browser.cookie("QUICKSCAN_SESSION").isEmpty(),
                "no session before the code");
        Document page = step.html();
        assertEquals("Code invullen", page.selectFirst("h1").text());
        return page;
    }

    private static Response submitCode(Browser browser, Document page, String code) {
        Map<String, String> fields = Browser.fieldsOf(page.selectFirst("form[action=/login/code]"));
        fields.put("code", code);
        return browser.post("/login/code", fields);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void setUpOnThePageThenSignInWithACodeOnce(TestApp app) {
        Account account = adviser(app);
        Browser browser = app.browser().login(account.email(), Fixtures.PASSWORD);
        Document setup = browser.get("/account/tweestapsverificatie").html();
        assertNotNull(setup.selectFirst("svg.qr-code[role=img][aria-label]"), "the QR code, inline");
        String secret = setup.selectFirst("#sleutel").text().replace(" ", "");
        assertEquals(32, secret.length());
        assertTrue(setup.text().contains("otpauth://totp/"));
        assertEquals(secret, browser.get("/account/tweestapsverificatie").html().selectFirst("#sleutel").text()
                .replace(" ", ""), "reloading keeps the secret being set up");

        Response wrong = browser.post("/account/tweestapsverificatie", "code", "000000".equals(code(secret, 0)) ? "111111" : "000000");
        assertEquals(422, wrong.status());
        assertTrue(wrong.html().text().contains("De code klopt niet"));
        assertEquals(422, browser.post("/account/tweestapsverificatie", "code", "1".repeat(33)).status(), "bounded");
        assertFalse(app.bean(SecondFactors.class).enrolled(account.id()));

        Response confirmed = browser.post("/account/tweestapsverificatie", "code", code(secret, 0));
        assertEquals(200, confirmed.status(), confirmed::toString);
        List<String> recovery = confirmed.html().select("#herstelcodes li").eachText();
        assertEquals(10, recovery.size());
        assertTrue(recovery.stream().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}")), recovery::toString);
        assertEquals(10, recovery.stream().distinct().count());
        String after = browser.get("/account/tweestapsverificatie").body();
        assertFalse(after.contains(secret) || after.contains(Totp.grouped(secret)), "the secret is never shown again");
        assertFalse(after.contains(recovery.get(0)), "nor the recovery codes");

        Browser next = app.browser();
        Document step = codeStep(next, account, "/scans");
        String login = code(secret, 1);
        Response in = submitCode(next, step, login);
        assertEquals(303, in.status(), in::toString);
        assertTrue(in.location().endsWith("/scans"), "back where the user was going: " + in.location());
        assertEquals(200, next.get("/scans").status());

        Browser replay = app.browser();
        Response replayed = submitCode(replay, codeStep(replay, account, "/"), login);
        assertEquals(401, replayed.status(), "a code is never accepted twice");
        assertTrue(replayed.html().text().contains("De code klopt niet"));
        assertEquals(401, submitCode(replay, replayed.html(), code(secret, 0)).status(), "nor an older one");

        Browser lost = app.browser();
        Response withRecovery = submitCode(lost, codeStep(lost, account, "/"), recovery.get(3).toUpperCase().replace("-", " "));
        assertEquals(303, withRecovery.status(), "a recovery code, typed loosely");
        Browser again = app.browser();
        assertEquals(401, submitCode(again, codeStep(again, account, "/"), recovery.get(3)).status(), "used once only");
        assertEquals(9, app.bean(SecondFactors.class).unusedRecoveryCodes(account.id()));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theCodeStepIsSingleUseAndKeepsAKeptForm(TestApp app) {
        Account account = adviser(app);
        enroll(app.api().login(account.email(), Fixtures.PASSWORD), new java.util.ArrayList<>());
        String secret = app.bean(SecondFactorRepository.class).findById(account.id()).map(f ->
                app.bean(SecretSeal.class).open(f.secretSealed()).orElseThrow()).orElseThrow();

        Browser browser = app.browser();
        browser.get("/login");
        Response step = browser.post("/login", "email", account.email(), "password", Fixtures.PASSWORD,
                "terug", "/scans/1/stap/2", "bewaren", "1", "bewaard.antwoord", "ja, met toelichting");
        assertEquals(200, step.status());
        Map<String, String> fields = Browser.fieldsOf(step.html().selectFirst("form[action=/login/code]"));
        assertEquals("ja, met toelichting", fields.get("bewaard.antwoord"), "the kept form travels through the step");
        fields.put("code", code(secret, 1));
        Response kept = browser.post("/login/code", fields);
        assertEquals(200, kept.status(), kept::toString);
        Document page = kept.html();
        assertEquals("Nog niet opgeslagen", page.selectFirst("h1").text());
        assertEquals("/scans/1/stap/2", page.selectFirst("main form").attr("action"));
        assertEquals("ja, met toelichting", page.selectFirst("input[name=antwoord]").val());

        fields.remove("_csrf");
        Response reused = app.browser().post("/login/code", fields);
        assertEquals(401, reused.status(), "the step's token works once");
        assertEquals("Inloggen", reused.html().selectFirst("h1").text());
        assertEquals("ja, met toelichting", Browser.fieldsOf(reused.html().selectFirst("form[action=/login]"))
                .get("bewaard.antwoord"), "and the form is still kept");
        assertEquals(400, app.browser().post("/login/code", "token", "", "code", "123456").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void apiAsksForTheCodeAndCountsWrongOnes(TestApp app) {
        Account account = adviser(app);
        Api api = app.api().login(account.email(), Fixtures.PASSWORD);
        assertEquals(422, api.postJson("/api/v1/me/totp/confirm", "{\"code\":\"123456\"}").status(),
                "nothing being set up yet");
        String secret = enroll(api, new java.util.ArrayList<>());
        assertEquals(409, api.postJson("/api/v1/me/totp", "{}").status(), "on already: no new secret");
        String login = "{\"username\":\"" + account.email() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"";

        Response without = app.api().postJson("/api/v1/auth/token", login + "}");
        assertEquals(401, without.status());
        assertEquals(Boolean.TRUE, without.json().get("otpRequired"));
        assertFalse(without.body().contains("access_token"));
        Response wrong = app.api().postJson("/api/v1/auth/token", login + ",\"otp\":\"" + other(code(secret, 1)) + "\"}");
        assertEquals(401, wrong.status());
        assertEquals(Boolean.TRUE, wrong.json().get("otpRequired"));
        assertEquals(422, app.api().postJson("/api/v1/auth/token", login + ",\"otp\":\"" + "1".repeat(40) + "\"}").status());
        assertEquals(3, app.bean(AccountRepository.class).findById(account.id()).orElseThrow().failedLogins(),
                "two right passwords without a right code, and the wrong code");
        Response right = app.api().postJson("/api/v1/auth/token", login + ",\"otp\":\"" + code(secret, 1) + "\"}");
        assertEquals(200, right.status(), right::toString);
        assertNotNull(right.json().get("access_token"));
        assertEquals(0, app.bean(AccountRepository.class).findById(account.id()).orElseThrow().failedLogins());
        assertEquals(401, app.api().postJson("/api/v1/auth/token", login + ",\"otp\":\"" + code(secret, 1) + "\"}").status(),
                "the same code again");
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void wrongCodesLockTheAccount(TestApp app) {
        Account account = adviser(app);
        String secret = enroll(app.api().login(account.email(), Fixtures.PASSWORD), new java.util.ArrayList<>());
        Browser browser = app.browser();
        Document step = codeStep(browser, account, "/");
        for (int attempt = 0; attempt < LoginService.MAX_FAILURES - 1; attempt++) {
            Response wrong = submitCode(browser, step, other(code(secret, 1)));
            assertEquals(401, wrong.status());
            step = wrong.html();
        }
        Account locked = app.bean(AccountRepository.class).findById(account.id()).orElseThrow();
        assertTrue(locked.lockedAt(Instant.now()), "the password and four wrong codes: five failures");
        assertEquals(401, submitCode(browser, step, code(secret, 1)).status(), "locked: even the right code fails");
        assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("ACCOUNT_LOCKED")
                && e.subject().equals("account " + account.email())));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void wrongCodesNeverStretchTheStepAndEndingTheLoginsEndsItToo(TestApp app) {
        Account account = adviser(app);
        enroll(app.api().login(account.email(), Fixtures.PASSWORD), new java.util.ArrayList<>());
        SecondFactors factors = app.bean(SecondFactors.class);
        LoginChallenge first = factors.takeChallenge(factors.openChallenge(account.id())).orElseThrow();
        String retry = factors.retryChallenge(first).orElseThrow();
        LoginChallenge second = factors.takeChallenge(retry).orElseThrow();
        assertEquals(first.expiresAt(), second.expiresAt(), "a retry ends when the first token would have");
        assertTrue(factors.retryChallenge(new LoginChallenge(first.tokenHash(), account.id(),
                Instant.now().minusSeconds(1))).isEmpty(), "after that moment: log in again with the password");

        String waiting = factors.openChallenge(account.id());
        app.bean(Sessions.class).endAllOf(account.id());
        assertTrue(factors.takeChallenge(waiting).isEmpty(),
                "a password reset, deactivation or role change also ends a login waiting for its code");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anAdviserMaySwitchItOffWithACode(TestApp app) {
        Account account = adviser(app);
        List<String> recovery = new java.util.ArrayList<>();
        String secret = enroll(app.api().login(account.email(), Fixtures.PASSWORD), recovery);
        Browser browser = app.browser();
        assertEquals(303, submitCode(browser, codeStep(browser, account, "/"), code(secret, 1)).status());
        assertEquals(422, browser.post("/account/tweestapsverificatie/uitzetten", "code", code(secret, 1)).status(),
                "a used code does not switch it off");
        assertEquals(403, browser.postWithoutToken("/account/tweestapsverificatie/uitzetten", "code", code(secret, 1)).status());
        assertTrue(app.bean(SecondFactors.class).enrolled(account.id()));
        // The next step's code is outside the window until 30 seconds have passed; a recovery code does as well.
        Response off = browser.post("/account/tweestapsverificatie/uitzetten", "code", recovery.get(0));
        assertEquals(303, off.status(), off::toString);
        assertFalse(app.bean(SecondFactors.class).enrolled(account.id()));
        assertTrue(browser.get(off.location()).html().text().contains("Tweestapsverificatie staat nu uit"));
        assertEquals(303, app.browser().tryLogin(account.email(), Fixtures.PASSWORD).status(), "password only again");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void switchingOffTakesFewTries(TestApp app) {
        Account account = adviser(app);
        List<String> recovery = new java.util.ArrayList<>();
        String secret = enroll(app.api().login(account.email(), Fixtures.PASSWORD), recovery);
        Browser browser = app.browser();
        assertEquals(303, submitCode(browser, codeStep(browser, account, "/"), code(secret, 1)).status());
        for (int attempt = 1; attempt < SecondFactorController.SWITCH_OFF_ATTEMPTS; attempt++) {
            assertEquals(422, browser.post("/account/tweestapsverificatie/uitzetten", "code", "abcd-efgh").status());
        }
        Response last = browser.post("/account/tweestapsverificatie/uitzetten", "code", "abcd-efgh");
        assertEquals(422, last.status(), "the fifth try is still checked");
        Response refused = browser.post("/account/tweestapsverificatie/uitzetten", "code", recovery.get(0));
        assertEquals(429, refused.status(), "then even a right code waits");
        assertTrue(refused.html().text().contains("U heeft te vaak een code ingevuld"), refused::toString);
        assertTrue(app.bean(SecondFactors.class).enrolled(account.id()));
        assertEquals(recovery.size(), app.bean(SecondFactors.class).unusedRecoveryCodes(account.id()), "the code was not used up");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBeheerderResetsItWithAnAuditEntryAndEndsTheSessions(TestApp app) {
        Account account = adviser(app);
        Api api = app.api().login(account.email(), Fixtures.PASSWORD);
        enroll(api, new java.util.ArrayList<>());
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String path = "/accounts/" + account.id() + "/tweestapsverificatie";
        assertTrue(beheerder.get("/accounts/" + account.id()).html().select("a[href=" + path + "]").size() == 1);
        Document page = beheerder.get(path).html();
        assertEquals("Aan", page.selectFirst("#tweestap-status").text());

        assertEquals(403, beheerder.postWithoutToken(path).status(), "CSRF");
        assertTrue(app.bean(SecondFactors.class).enrolled(account.id()), "nothing changed");
        assertEquals(200, api.get("/api/v1/me").status());

        Response reset = beheerder.post(path);
        assertEquals(303, reset.status(), reset::toString);
        assertFalse(app.bean(SecondFactors.class).enrolled(account.id()));
        assertTrue(beheerder.get(reset.location()).html().text().contains("alle sessies van het account zijn beëindigd"));
        assertEquals(401, api.get("/api/v1/me").status(), "the account's sessions ended");
        assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("SECOND_FACTOR_RESET")
                && e.subject().equals("account " + account.email()) && "beheerder@quickscan.test".equals(e.actorEmail())
                && account.gemeenteId().equals(e.gemeenteId())), "found by the audit log's gemeente filter too");
        assertEquals(409, beheerder.post(path).status(), "off already");
        assertEquals(404, beheerder.get("/accounts/999999999/tweestapsverificatie").status());
    }

    @Test
    void aRequiredRoleCanDoNothingElseUntilItIsSetUp() {
        long regioId = required.bean(RegioRepository.class).save(new Regio(null, "Regio " + System.nanoTime(), Instant.now())).id();
        Account coordinator = Fixtures.create(required, Role.COORDINATOR, null, regioId);
        Browser browser = required.browser();
        browser.get("/login");
        Response login = browser.post("/login", "email", coordinator.email(), "password", Fixtures.PASSWORD, "terug", "/rondes");
        assertEquals(303, login.status());
        Response blocked = browser.get("/rondes");
        assertEquals(303, blocked.status());
        assertEquals("/account/tweestapsverificatie", blocked.location());
        assertEquals(303, browser.post("/accounts", "email", "x-" + System.nanoTime() + "@example.nl",
                "displayName", "X", "gemeente", "1").status(), "nor change anything");
        assertEquals(200, browser.get("/static/app.css").status(), "static files are served");
        Document setup = browser.get("/account/tweestapsverificatie").html();
        assertTrue(setup.text().contains("Voor uw rol is tweestapsverificatie verplicht"));

        Api api = required.api().login(coordinator.email(), Fixtures.PASSWORD);
        Response refused = api.get("/api/v1/regios");
        assertEquals(403, refused.status());
        assertTrue(refused.json().get("message").toString().contains("tweestapsverificatie verplicht"));
        assertEquals(200, api.get("/api/v1/me").status());

        String secret = setup.selectFirst("#sleutel").text().replace(" ", "");
        // The form's own token: the test browser would look for one on the start page, which sends it here.
        assertEquals(200, browser.post("/account/tweestapsverificatie", "code", code(secret, 0),
                "_csrf", setup.selectFirst("input[name=_csrf]").val()).status());
        assertEquals(200, browser.get("/rondes").status(), "set up: the pages are open");
        assertEquals(401, api.get("/api/v1/regios").status(), "setting it up ended the other sessions");
        assertEquals(409, browser.post("/account/tweestapsverificatie/uitzetten", "code", code(secret, 1),
                "_csrf", setup.selectFirst("input[name=_csrf]").val()).status(),
                "the role requires it: it cannot be switched off by the user");

        Account adviser = Fixtures.create(required, Role.ADVISEUR, required.bean(nl.quickscan.tenancy.GemeenteRepository.class)
                .listVisible(nl.quickscan.tenancy.TenantScope.platform()).get(0).id(), null);
        assertEquals(200, required.browser().login(adviser.email(), Fixtures.PASSWORD).get("/scans").status(),
                "advisers are not required by default");
    }
}
