package nl.quickscan.accounts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Mailbox;
import nl.quickscan.support.MovableClock;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Wachtwoord vergeten" through a real SMTP server (GreenMail): the same answer for every address, the link only
 * in the account's own mailbox, working once and for one hour (the app's clock moved past it), every session ended
 * when it is used, and requests limited per e-mail address and per client address.
 */
class ForgottenPasswordTest {

    private static final String BASE_URL = "https://quickscan.example.nl";
    private static final Pattern RESET_LINK = Pattern.compile("\\S+/wachtwoord-herstellen/([A-Za-z0-9_-]+)");

    private static GreenMail smtp;
    private static TestApp app;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.withSettings(settings(Map.of("quickscan.reset-requests-per-address", 1000,
                "quickscan.reset-requests-per-account", 1000)));
    }

    private static Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(MovableClock.SETTING);
        settings.putAll(Map.of(
                "quickscan.smtp.host", "127.0.0.1",
                "quickscan.smtp.port", smtp.getSmtp().getPort(),
                "quickscan.smtp.starttls", false,
                "quickscan.smtp.from", "quickscan@example.nl",
                "quickscan.base-url", BASE_URL));
        settings.putAll(more);
        return settings;
    }

    @AfterAll
    static void stop() {
        app.stop();
        smtp.stop();
    }

    @Test
    void theLinkArrivesWorksOnceAndEndsEverySession() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser otherDevice = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Map<String, Object> token = app.api().postJson("/api/v1/auth/token",
                "{\"username\":\"" + adviser.email() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}").json();
        nl.quickscan.support.Api script = app.api().withToken((String) token.get("access_token"));
        assertEquals(200, script.get("/api/v1/me").status());

        Browser owner = app.browser();
        Response form = owner.get("/wachtwoord-vergeten");
        assertEquals(200, form.status());
        assertNotNull(form.html().selectFirst("form[action=/wachtwoord-vergeten] input[name=email]"), form::toString);
        Response asked = owner.post("/wachtwoord-vergeten", "email", "  " + adviser.email().toUpperCase() + " ");
        assertEquals(200, asked.status(), asked::toString);
        assertTrue(asked.html().text().contains("Als er een account is met het e-mailadres"), asked::toString);

        String mail = mailTo(adviser.email(), 1);
        assertTrue(mail.contains("Beste " + adviser.displayName()), mail);
        assertTrue(mail.contains("De link werkt één keer en is 1 uur geldig."), mail);
        String link = link(mail);
        assertTrue(link.startsWith(BASE_URL + "/wachtwoord-herstellen/"), link);
        assertFalse(asked.body().contains(token(link)), "the link is never on the screen of whoever asked");
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status(),
                "asking changes nothing yet: the old password still works");

        String path = URI.create(link).getPath();
        Browser fromMail = app.browser();
        assertEquals(200, fromMail.get(path).status());
        Response done = fromMail.post(path, "password", "een-nieuw-lang-wachtwoord", "passwordRepeat", "een-nieuw-lang-wachtwoord");
        assertEquals(303, done.status(), done::toString);
        assertEquals(303, otherDevice.get("/").status(), "the browser session elsewhere ended");
        assertEquals(401, script.get("/api/v1/me").status(), "the API token ended too");
        assertEquals(410, app.browser().get(path).status(), "the link works once");
        assertEquals(410, app.browser().post(path, "password", "nog-een-ander-wachtwoord", "passwordRepeat",
                "nog-een-ander-wachtwoord").status());
        assertEquals(401, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status());
        assertEquals(303, app.browser().tryLogin(adviser.email(), "een-nieuw-lang-wachtwoord").status());

        List<AuditEntry> audit = app.bean(AuditLog.class).latest(100);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_REQUESTED") && e.actorEmail() == null
                && e.subject().equals("account " + adviser.email()) && e.details().contains("Wachtwoord vergeten")), "requested");
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_COMPLETED")
                && e.subject().equals("account " + adviser.email())), "used");
        assertTrue(audit.stream().noneMatch(e -> e.details().contains(token(link))));
    }

    @Test
    void theLinkExpiresAfterOneHourOnTheAppsClock() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        assertEquals(200, app.browser().post("/wachtwoord-vergeten", "email", adviser.email()).status());
        String path = URI.create(link(mailTo(adviser.email(), 1))).getPath();
        MovableClock clock = app.bean(MovableClock.class);
        try {
            clock.move(Duration.ofMinutes(59));
            assertEquals(200, app.browser().get(path).status(), "still valid within the hour");
            clock.move(Duration.ofMinutes(2));
            assertEquals(410, app.browser().get(path).status(), "expired after the hour");
            assertEquals(410, app.browser().post(path, "password", "een-nieuw-lang-wachtwoord", "passwordRepeat",
                    "een-nieuw-lang-wachtwoord").status());
        } finally {
            clock.reset();
        }
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status(), "the password stayed");
    }

    @Test
    void anUnknownOrDeactivatedAddressGetsTheSamePageAndNoMail() throws Exception {
        Account known = Fixtures.adviseur(app, "GM0106");
        Account deactivated = Fixtures.adviseur(app, "GM0106");
        app.bean(AccountRepository.class).updateProfile(deactivated.id(), deactivated.displayName(), "ADVISEUR",
                deactivated.gemeenteId(), null, false);
        String unknown = "niemand-" + System.nanoTime() + "@example.nl";

        Response forKnown = app.browser().post("/wachtwoord-vergeten", "email", known.email());
        Response forUnknown = app.browser().post("/wachtwoord-vergeten", "email", unknown);
        Response forDeactivated = app.browser().post("/wachtwoord-vergeten", "email", deactivated.email());
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.status(), forDeactivated.status());
        assertEquals(main(forKnown).replace(known.email(), "X"), main(forUnknown).replace(unknown, "X"),
                "the same words whether the address has an account or not");
        assertEquals(main(forKnown).replace(known.email(), "X"), main(forDeactivated).replace(deactivated.email(), "X"));

        mailTo(known.email(), 1);
        // The known address's mail has arrived; the others were handled before it on the one mail thread.
        assertEquals(0, mailsTo(unknown).size());
        assertEquals(0, mailsTo(deactivated.email()).size(), "a deactivated account gets no mail");
        assertTrue(app.bean(AuditLog.class).latest(100).stream().anyMatch(e -> e.subject().equals("account " + deactivated.email())
                && e.details().contains("gedeactiveerd")));
    }

    @Test
    void badInputIsRefusedInDutchAndAFormWithoutTokenChangesNothing() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Response empty = app.browser().post("/wachtwoord-vergeten", "email", " ");
        assertEquals(400, empty.status());
        assertTrue(empty.html().text().contains("Vul uw e-mailadres in."), empty::toString);
        Response tooLong = app.browser().post("/wachtwoord-vergeten", "email", "a".repeat(300) + "@example.nl");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.html().text().contains("hoogstens 254 tekens"));

        Browser browser = app.browser();
        browser.get("/wachtwoord-vergeten");
        assertEquals(403, browser.postWithoutToken("/wachtwoord-vergeten", "email", adviser.email()).status());
        assertEquals(403, browser.postWithoutToken("/wachtwoord-vergeten", "email", adviser.email(), "_csrf", "x".repeat(43)).status());
        // A request that did get through is handled after the refused ones: its mail is the only one.
        assertEquals(200, app.browser().post("/wachtwoord-vergeten", "email", "ander-" + System.nanoTime() + "@example.nl").status());
        Thread.sleep(300);
        assertEquals(0, mailsTo(adviser.email()).size(), "no mail for the refused forms");
    }

    @Test
    void requestsAreLimitedPerEmailAddressAndPerClientAddress() throws Exception {
        TestApp limited = TestApp.withSettings(settings(Map.of("quickscan.reset-requests-per-account", 2,
                "quickscan.reset-requests-per-address", 4)));
        try {
            Account adviser = Fixtures.adviseur(limited, "GM0106");
            assertEquals(200, limited.browser().post("/wachtwoord-vergeten", "email", adviser.email()).status());
            assertEquals(200, limited.browser().post("/wachtwoord-vergeten", "email", adviser.email()).status());
            Response third = limited.browser().post("/wachtwoord-vergeten", "email", adviser.email().toUpperCase());
            assertEquals(429, third.status(), third::toString);
            assertNotNull(third.headers().firstValue("Retry-After").orElse(null));
            assertTrue(third.html().text().contains("U heeft te vaak een nieuw wachtwoord aangevraagd."), third::toString);
            assertEquals(200, limited.browser().post("/wachtwoord-vergeten", "email", "een-" + System.nanoTime() + "@example.nl").status());
            assertEquals(429, limited.browser().post("/wachtwoord-vergeten", "email", "twee-" + System.nanoTime() + "@example.nl").status(),
                    "the fifth request from one client address");
            mailTo(adviser.email(), 2);
            Thread.sleep(300);
            assertEquals(2, mailsTo(adviser.email()).size(), "no mail for a refused request");
        } finally {
            limited.stop();
        }
    }

    @Test
    void withoutSmtpThePageSaysToAskTheCoordinator() {
        TestApp h2 = TestApp.h2();
        Response page = h2.browser().get("/wachtwoord-vergeten");
        assertEquals(200, page.status());
        assertTrue(page.html().text().contains("Een nieuw wachtwoord aanvragen per e-mail kan op deze website niet"), page::toString);
        assertTrue(page.html().select("input[name=email]").isEmpty());
        assertEquals(503, h2.browser().post("/wachtwoord-vergeten", "email", "iemand@example.nl").status());
        assertNotNull(h2.browser().get("/login").html().selectFirst("a[href=/wachtwoord-vergeten]"), "the login page links to it");
    }

    private static String main(Response response) {
        return response.html().select("main").text();
    }

    private static String mailTo(String email, int count) throws Exception {
        return Mailbox.text(smtp, email, Mailbox.RESET_SUBJECT, count);
    }

    private static String link(String mail) {
        Matcher link = RESET_LINK.matcher(mail);
        assertTrue(link.find(), mail);
        return link.group();
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Mailbox.to(smtp, email, Mailbox.RESET_SUBJECT);
    }
}
