package nl.quickscan.accounts;

import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void loginPageIsDutchAndCarriesACsrfToken(TestApp app) {
        Browser browser = app.browser();
        Document page = browser.get("/login").html();
        assertEquals("nl", page.selectFirst("html").attr("lang"));
        assertEquals("Inloggen", page.selectFirst("h1").text());
        assertEquals(browser.cookie("QUICKSCAN_CSRF"), page.selectFirst("form input[name=_csrf]").val());
        assertNotNull(page.selectFirst("label[for=email]"));
        assertNotNull(page.selectFirst("label[for=password]"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesNeedALoginAndSendYouBackAfterwards(TestApp app) {
        Browser browser = app.browser();
        Response start = browser.get("/accounts");
        assertEquals(303, start.status());
        assertEquals("/login?terug=%2Faccounts", java.net.URI.create(start.location()).getRawPath() + "?"
                + java.net.URI.create(start.location()).getRawQuery());
        browser.get("/login");
        Response login = browser.post("/login", "email", "beheerder@quickscan.test", "password", TestApp.DEMO_PASSWORD,
                "terug", "/accounts");
        assertEquals(303, login.status());
        assertTrue(login.location().endsWith("/accounts"), login.location());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void loginSetsAnHttpOnlySessionCookieAndLogoutEndsTheSessionOnTheServer(TestApp app) {
        Browser browser = app.browser();
        Response login = browser.tryLogin("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(303, login.status(), login::toString);
        String sessionCookie = login.setCookies().stream().filter(c -> c.startsWith("QUICKSCAN_SESSION=")).findFirst()
                .orElseThrow();
        assertTrue(sessionCookie.toLowerCase().contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.contains("SameSite=Lax"), sessionCookie);
        assertFalse(sessionCookie.toLowerCase().contains("password"), sessionCookie);

        Response home = browser.get("/");
        assertEquals(200, home.status());
        assertTrue(home.html().text().contains("Assen"), "the adviser sees their gemeente");
        String token = browser.cookie("QUICKSCAN_SESSION");

        Response logout = browser.post("/logout");
        assertEquals(303, logout.status());
        assertTrue(logout.location().endsWith("/login?uitgelogd=1"));
        assertEquals(303, browser.get("/").status(), "logged out");

        // A copy of the old cookie is worthless too: the session ended on the server, not only in the browser.
        Browser thief = app.browser();
        thief.setCookie("QUICKSCAN_SESSION", token);
        Response replay = thief.get("/");
        assertEquals(303, replay.status());
        assertTrue(replay.location().contains("/login"));
        assertEquals(401, app.api().withToken(token).get("/api/v1/me").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void wrongPasswordAndUnknownUserGetTheSameDutchMessage(TestApp app) {
        Response wrong = app.browser().tryLogin("adviseur.emmen@quickscan.test", "niet-het-wachtwoord");
        Response unknown = app.browser().tryLogin("niemand@quickscan.test", "niet-het-wachtwoord");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        String message = wrong.html().selectFirst("[role=alert]").text();
        assertEquals(LoginService.WRONG_CREDENTIALS, message);
        assertEquals(message, unknown.html().selectFirst("[role=alert]").text());
        assertEquals("adviseur.emmen@quickscan.test", wrong.html().selectFirst("input[name=email]").val(),
                "the e-mail address stays filled in");
        Response empty = app.browser().tryLogin("", "");
        assertEquals(400, empty.status());
        assertTrue(empty.html().text().contains("Vul uw e-mailadres en uw wachtwoord in."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void fiveFailuresLockTheAccountForFifteenMinutesAndABeheerderCanUnlockIt(TestApp app) {
        Account account = Fixtures.adviseur(app, "GM0047");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Response response = app.browser().tryLogin(account.email(), "fout-" + attempt);
            assertEquals(401, response.status());
            assertEquals(LoginService.WRONG_CREDENTIALS, response.html().selectFirst("[role=alert]").text());
        }
        assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("ACCOUNT_LOCKED")
                && e.subject().equals("account " + account.email())));

        Response rightPassword = app.browser().tryLogin(account.email(), Fixtures.PASSWORD);
        assertEquals(401, rightPassword.status(), "locked, even with the right password");
        assertEquals(LoginService.WRONG_CREDENTIALS, rightPassword.html().selectFirst("[role=alert]").text());
        assertEquals(401, app.api().postJson("/api/v1/auth/token",
                "{\"username\":\"" + account.email() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}").status());

        Instant lockedUntil = app.bean(AccountRepository.class).findById(account.id()).orElseThrow().lockedUntil();
        Duration remaining = Duration.between(Instant.now(), lockedUntil);
        assertTrue(remaining.compareTo(Duration.ofMinutes(14)) > 0 && remaining.compareTo(Duration.ofMinutes(15)) <= 0,
                "locked for 15 minutes, was " + remaining);

        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertTrue(beheerder.get("/accounts/" + account.id()).html().text().contains("Tijdelijk geblokkeerd"));
        String unlockForm = "form[action=/accounts/" + account.id() + "/deblokkeren]";
        assertNotNull(beheerder.get("/accounts/" + account.id()).html().selectFirst(unlockForm), "offered while locked");
        assertEquals(303, beheerder.post("/accounts/" + account.id() + "/deblokkeren").status());
        assertEquals(303, app.browser().tryLogin(account.email(), Fixtures.PASSWORD).status(), "unlocked");
        assertNull(beheerder.get("/accounts/" + account.id()).html().selectFirst(unlockForm), "nothing to lift any more");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSuccessfulLoginResetsTheFailureCount(TestApp app) {
        Account account = Fixtures.adviseur(app, "GM0037");
        for (int attempt = 1; attempt <= 4; attempt++) {
            app.browser().tryLogin(account.email(), "fout");
        }
        app.browser().login(account.email(), Fixtures.PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            app.browser().tryLogin(account.email(), "fout");
        }
        assertEquals(303, app.browser().tryLogin(account.email(), Fixtures.PASSWORD).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void passwordsAreStoredAsBcryptHashes(TestApp app) {
        Account account = app.bean(AccountRepository.class).findByEmail("adviseur.meppel@quickscan.test").orElseThrow();
        assertTrue(account.passwordHash().startsWith("$2a$"), "BCrypt hash");
        assertFalse(account.passwordHash().contains(TestApp.DEMO_PASSWORD));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theReturnPathCannotLeadToAnotherSite(TestApp app) {
        Browser browser = app.browser();
        browser.get("/login");
        Response login = browser.post("/login", "email", "beheerder@quickscan.test", "password", TestApp.DEMO_PASSWORD,
                "terug", "//evil.example/");
        assertEquals(303, login.status());
        assertEquals("/", java.net.URI.create(login.location()).getPath());
        assertFalse(login.location().contains("evil"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anUnknownAddressAWrongPasswordAndALockedAccountLookTheSame(TestApp app) {
        Account locked = Fixtures.adviseur(app, "GM0106");
        for (int attempt = 1; attempt <= LoginService.MAX_FAILURES; attempt++) {
            app.api().postJson("/api/v1/auth/token", token(locked.email(), "fout-" + attempt));
        }
        Account wrong = Fixtures.adviseur(app, "GM0106");
        String unknown = "niemand-" + System.nanoTime() + "@example.nl";

        Response lockedPage = app.browser().tryLogin(locked.email(), Fixtures.PASSWORD);
        Response wrongPage = app.browser().tryLogin(wrong.email(), "niet-het-wachtwoord");
        Response unknownPage = app.browser().tryLogin(unknown, "niet-het-wachtwoord");
        for (Response page : java.util.List.of(lockedPage, wrongPage, unknownPage)) {
            assertEquals(401, page.status(), page::toString);
            assertEquals(LoginService.WRONG_CREDENTIALS, page.html().selectFirst("[role=alert]").text());
        }

        Response lockedApi = app.api().postJson("/api/v1/auth/token", token(locked.email(), Fixtures.PASSWORD));
        Response wrongApi = app.api().postJson("/api/v1/auth/token", token(wrong.email(), "niet-het-wachtwoord"));
        Response unknownApi = app.api().postJson("/api/v1/auth/token", token(unknown, "niet-het-wachtwoord"));
        assertEquals(401, lockedApi.status());
        assertEquals(lockedApi.status(), wrongApi.status());
        assertEquals(lockedApi.status(), unknownApi.status());
        // Every answer has a request id of its own; apart from it the three are the same, byte for byte.
        java.util.function.Function<Response, String> withoutRequestId = response -> response.body()
                .replaceFirst(",\"requestId\":\"[0-9a-f]+\"", "");
        assertTrue(lockedApi.body().contains("\"requestId\":"), lockedApi::toString);
        assertEquals(withoutRequestId.apply(lockedApi), withoutRequestId.apply(wrongApi));
        assertEquals(withoutRequestId.apply(lockedApi), withoutRequestId.apply(unknownApi));
        assertEquals(LoginService.WRONG_CREDENTIALS, lockedApi.json().get("message"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void fortyParallelWrongPasswordsGetAtMostFiveComparedBeforeTheLock(TestApp app) throws Exception {
        Account account = Fixtures.adviseur(app, "GM0109");
        PasswordHasher hasher = app.bean(PasswordHasher.class);
        LoginService logins = app.bean(LoginService.class);

        long before = hasher.comparisons();
        List<LoginService.Outcome> outcomes = parallel(40, i -> logins.authenticate(account.email(), "geraden-" + i));
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.message().equals(LoginService.WRONG_CREDENTIALS)));
        assertEquals(LoginService.MAX_FAILURES, hasher.comparisons() - before,
                "40 parallel guesses, 5 passwords compared");
        assertTrue(app.bean(AccountRepository.class).findById(account.id()).orElseThrow().lockedAt(Instant.now()));
        assertEquals(1, app.bean(AuditLog.class).latest(200).stream().filter(e -> e.action().equals("ACCOUNT_LOCKED")
                && e.subject().equals("account " + account.email())).count(), "locked once");

        long afterLock = hasher.comparisons();
        assertTrue(logins.authenticate(account.email(), Fixtures.PASSWORD).account().isEmpty(),
                "the right password right after is refused");
        assertEquals(afterLock, hasher.comparisons(), "and not even compared");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void parallelWrongLoginsOverHttpAreCountedAndLockToo(TestApp app) throws Exception {
        Account account = Fixtures.adviseur(app, "GM0109");
        long before = app.bean(PasswordHasher.class).comparisons();
        List<Integer> statuses = parallel(40, i -> app.api().postJson("/api/v1/auth/token",
                token(account.email(), "geraden-" + i)).status());
        assertTrue(statuses.stream().allMatch(status -> status == 401 || status == 503), statuses::toString);
        assertTrue(app.bean(PasswordHasher.class).comparisons() - before <= LoginService.MAX_FAILURES);
        assertEquals(401, app.api().postJson("/api/v1/auth/token", token(account.email(), Fixtures.PASSWORD)).status(),
                "locked: the right password is refused");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void tooLongPasswordsAndGrowingAddressesGetAClearAnswer(TestApp app) {
        String fortyCharacters = "é".repeat(33) + "bosweg7"; // 73 bytes
        Response form = app.browser().tryLogin("adviseur.assen@quickscan.test", fortyCharacters);
        assertEquals(400, form.status(), form::toString);
        assertEquals(PasswordRules.TOO_LONG_AT_LOGIN, form.html().selectFirst("[role=alert]").text());
        Response api = app.api().postJson("/api/v1/auth/token", token("adviseur.assen@quickscan.test", fortyCharacters));
        assertEquals(422, api.status(), api::toString);
        assertEquals(PasswordRules.TOO_LONG_AT_LOGIN, ((Map<?, ?>) ((List<?>) api.json().get("errors")).get(0)).get("message"));

        String growing = "İ".repeat(240) + "@gemeente.nl"; // 252 characters, 492 when lower-cased as a whole
        Response growingForm = app.browser().tryLogin(growing, "niet-het-wachtwoord");
        assertEquals(401, growingForm.status(), growingForm::toString);
        assertEquals(LoginService.WRONG_CREDENTIALS, growingForm.html().selectFirst("[role=alert]").text());
        assertEquals(401, app.api().postJson("/api/v1/auth/token", token(growing, "niet-het-wachtwoord")).status());

        Response tooLongAddress = app.browser().tryLogin("a".repeat(250) + "@gemeente.nl", "niet-het-wachtwoord");
        assertEquals(400, tooLongAddress.status(), tooLongAddress::toString);
        assertEquals("Het e-mailadres mag hoogstens 254 tekens lang zijn.",
                tooLongAddress.html().selectFirst("[role=alert]").text());
    }

    static String token(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    /** Runs the calls at once, each on a thread of its own, and gives their results in order. */
    static <T> List<T> parallel(int count, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
