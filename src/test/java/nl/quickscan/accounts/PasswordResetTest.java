package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Mailbox;
import nl.quickscan.support.RawHttp;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Wachtwoord opnieuw instellen": the link goes by e-mail (to a real SMTP server, GreenMail) to the account's own
 * address only, never to the screen of the one who asked; it works once, for one hour, and ends every session.
 * Links are made from the configured base URL, whatever Host header the request carries.
 */
class PasswordResetTest {

    private static final String BASE_URL = "https://quickscan.example.nl";
    private static final String COORDINATOR_DRENTHE = "coordinator.drenthe@quickscan.test";
    private static final Pattern RESET_LINK = Pattern.compile("\\S+/wachtwoord-herstellen/([A-Za-z0-9_-]+)");

    private static GreenMail smtp;
    private static TestApp app;

    @BeforeAll
    static void start() {
        // A fixed port, so that the server can be stopped and started again on it.
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.withSettings(Map.of(
                "quickscan.smtp.host", "127.0.0.1",
                "quickscan.smtp.port", smtp.getSmtp().getPort(),
                "quickscan.smtp.starttls", false,
                "quickscan.smtp.from", "quickscan@example.nl",
                "quickscan.base-url", BASE_URL + "/"));
    }

    @AfterAll
    static void stop() {
        app.stop();
        smtp.stop();
    }

    @Test
    void theOwnerGetsTheLinkByMailAndTheCoordinatorNeverSeesIt() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser adviserSession = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Browser coordinator = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);

        String form = coordinator.get("/accounts/" + adviser.id()).body();
        assertTrue(form.contains("Wachtwoord opnieuw instellen"), form);
        assertFalse(form.contains("Nieuwe uitnodigingslink maken"), "no invitation for an account with a password");

        Response asked = coordinator.post("/accounts/" + adviser.id() + "/wachtwoord-herstellen");
        assertEquals(303, asked.status(), asked::toString);
        Response after = coordinator.get(asked.location());
        assertTrue(after.html().text().contains("Er is een e-mail gestuurd naar het adres van het account"), after::toString);

        String link = mailedLink(adviser.email(), 1);
        String token = token(link);
        assertTrue(link.startsWith(BASE_URL + "/wachtwoord-herstellen/"), link);
        assertFalse(asked.body().contains(token) || after.body().contains(token), "the link is not shown to the coordinator");
        assertFalse(after.body().contains("/wachtwoord-herstellen/" + token.substring(0, 8)));
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status(),
                "asking changes nothing yet: the old password still works");
        assertEquals(200, adviserSession.get("/").status());

        Invitation stored = app.bean(InvitationRepository.class).findUsable(Invitations.hash(token), Instant.now()).orElseThrow();
        assertEquals(Invitation.Purpose.PASSWORD_RESET, stored.purpose());
        assertEquals(Duration.ofHours(1), Duration.between(stored.createdAt(), stored.expiresAt()));
        assertFalse(stored.tokenHash().contains(token), "only a hash is stored");
        assertEquals(410, app.browser().get("/uitnodiging/" + token).status(), "a reset link is no invitation");

        Browser owner = app.browser();
        String path = URI.create(link).getPath();
        Response page = owner.get(path);
        assertEquals(200, page.status());
        assertTrue(page.html().text().contains(adviser.email()));
        assertNotNull(page.html().selectFirst("meta[name=referrer][content=no-referrer]"), "the token is sent on in no Referer");
        assertEquals(422, owner.post(path, "password", "kort", "passwordRepeat", "kort").status());
        Response done = owner.post(path, "password", "mijn-nieuwe-wachtwoord", "passwordRepeat", "mijn-nieuwe-wachtwoord");
        assertEquals(303, done.status(), done::toString);
        assertTrue(done.location().endsWith("/login?welkom=1"));

        assertEquals(303, adviserSession.get("/").status(), "every existing session ended");
        assertEquals(401, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status());
        assertEquals(303, app.browser().tryLogin(adviser.email(), "mijn-nieuwe-wachtwoord").status());
        assertEquals(410, app.browser().get(path).status(), "single use");
        assertEquals(410, app.browser().post(path, "password", "nog-een-wachtwoord", "passwordRepeat", "nog-een-wachtwoord").status());

        List<AuditEntry> audit = app.bean(AuditLog.class).latest(50);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_REQUESTED")
                && e.subject().equals("account " + adviser.email()) && COORDINATOR_DRENTHE.equals(e.actorEmail())), "who asked, for whom");
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_COMPLETED")
                && e.subject().equals("account " + adviser.email())), "when the password was set");
        assertTrue(audit.stream().noneMatch(e -> e.details().contains(token) || e.subject().contains(token)));
    }

    @Test
    void aBeheerderCanResetAnyAccountAndANewLinkEndsTheOld() throws Exception {
        Account coordinator = Fixtures.create(app, Role.COORDINATOR, null,
                app.bean(nl.quickscan.tenancy.RegioRepository.class).findByName("Groningen").orElseThrow().id());
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(303, beheerder.post("/accounts/" + coordinator.id() + "/wachtwoord-herstellen").status());
        String first = mailedLink(coordinator.email(), 1);
        assertEquals(303, beheerder.post("/accounts/" + coordinator.id() + "/wachtwoord-herstellen").status());
        String second = mailedLink(coordinator.email(), 2);
        assertEquals(410, app.browser().get(URI.create(first).getPath()).status(), "the older link ended");
        assertEquals(200, app.browser().get(URI.create(second).getPath()).status());
    }

    @Test
    void anAccountWithoutAPasswordGetsNoResetLink() {
        Browser coordinator = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);
        String email = "nog-niet-actief-" + System.nanoTime() + "@assen.nl";
        assertEquals(200, coordinator.post("/accounts", "email", email, "displayName", "Nog niet actief",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106"))).status());
        long id = Fixtures.accountId(app, email);
        assertTrue(coordinator.get("/accounts/" + id).body().contains("Nieuwe uitnodigingslink maken"));
        Response refused = coordinator.post("/accounts/" + id + "/wachtwoord-herstellen");
        assertEquals(409, refused.status());
        assertTrue(refused.html().text().contains("Dit account heeft nog geen wachtwoord."));
        assertEquals(0, mailsTo(email).size(), "no reset mail sent");
    }

    @Test
    void whenTheMailCannotBeSentTheLinkIsWithdrawn() throws Exception {
        Account adviser = Fixtures.adviseur(app, "GM0114");
        Browser coordinator = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);
        smtp.stop(); // the configured port, with no SMTP server behind it for a moment
        try {
            Response failed = coordinator.post("/accounts/" + adviser.id() + "/wachtwoord-herstellen");
            assertEquals(503, failed.status(), failed::toString);
            assertTrue(failed.html().text().contains("Het versturen van de e-mail is niet gelukt. Er is niets veranderd."));
        } finally {
            smtp.start();
        }
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status());
        assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_REQUESTED")
                && e.subject().equals("account " + adviser.email()) && e.details().contains("link ingetrokken")));
    }

    @Test
    void linksFollowTheConfiguredBaseUrlWhateverTheHostHeader() {
        Browser coordinator = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);
        String email = "host-" + System.nanoTime() + "@assen.nl";
        String response = RawHttp.postForm(app, coordinator, "aanvaller.example", "/accounts", "email", email,
                "displayName", "Via+een+andere+host", "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")));
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("<code>" + BASE_URL + "/uitnodiging/"), response);
        assertFalse(response.contains("aanvaller.example"), response);
    }

    /** The link in the last of the {@code count} mails to the address, waiting for it to arrive. */
    private static String mailedLink(String email, int count) throws Exception {
        String body = Mailbox.text(smtp, email, Mailbox.RESET_SUBJECT, count);
        Matcher link = RESET_LINK.matcher(body);
        assertTrue(link.find(), body);
        return link.group();
    }

    /** The password reset mails to the address. */
    private static List<MimeMessage> mailsTo(String email) {
        return Mailbox.to(smtp, email, Mailbox.RESET_SUBJECT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
