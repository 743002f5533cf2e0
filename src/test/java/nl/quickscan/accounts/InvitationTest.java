package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvitationTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void aCoordinatorInvitesAnAdviserWhoChoosesAPasswordOnce(TestApp app) {
        Browser coordinator = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        String email = "Nieuwe.Adviseur." + System.nanoTime() + "@Veendam.nl";
        Response created = coordinator.post("/accounts", "email", email, "displayName", "Nieuwe Adviseur",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0047")));
        assertEquals(200, created.status(), created::toString);
        String link = nl.quickscan.support.Fixtures.invitationLink(created.html());
        assertTrue(link.contains("/uitnodiging/"), link);
        assertTrue(created.html().text().contains("De link werkt één keer en is 7 dagen geldig."), "validity from Invitation.Purpose");

        Account account = app.bean(AccountRepository.class).findByEmail(email.toLowerCase()).orElseThrow();
        assertEquals(Role.ADVISEUR, account.role());
        assertNull(account.passwordHash(), "no password until the invitee chooses one");
        assertTrue(app.bean(AuditLog.class).latest(20).stream().anyMatch(e -> e.action().equals("ACCOUNT_CREATED")
                && e.subject().equals("account " + email.toLowerCase())
                && "coordinator.groningen@quickscan.test".equals(e.actorEmail())));

        Browser invitee = app.browser();
        String path = URI.create(link).getPath();
        Response page = invitee.get(path);
        assertEquals(200, page.status());
        assertTrue(page.html().text().contains(email.toLowerCase()));

        Response tooShort = invitee.post(path, "password", "kort", "passwordRepeat", "kort");
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.html().text().contains("Kies een wachtwoord van minstens 12 tekens."));
        Response different = invitee.post(path, "password", "een-goed-wachtwoord", "passwordRepeat", "een-ander-wachtwoord");
        assertTrue(different.html().text().contains("De twee wachtwoorden zijn niet gelijk."), different::toString);

        Response accepted = invitee.post(path, "password", "een-goed-wachtwoord", "passwordRepeat", "een-goed-wachtwoord");
        assertEquals(303, accepted.status());
        assertTrue(accepted.location().endsWith("/login?welkom=1"));
        Response welcome = invitee.get("/login?welkom=1");
        assertEquals(email.toLowerCase(), welcome.html().selectFirst("input[name=email]").val(), "the address is filled in");
        assertTrue(welcome.html().text().contains("Uw wachtwoord is ingesteld"));
        assertEquals("", invitee.get("/login?welkom=1").html().selectFirst("input[name=email]").val(), "once");
        Browser stranger = app.browser();
        stranger.setCookie("quickscan_login_hint", "iemand%40example.nl");
        assertEquals("", stranger.get("/login").html().selectFirst("input[name=email]").val(), "only after choosing a password");
        assertEquals(303, app.browser().tryLogin(email, "een-goed-wachtwoord").status(), "e-mail is case-insensitive");

        Response reused = app.browser().get(path);
        assertEquals(410, reused.status(), "single use");
        assertTrue(reused.html().text().contains("verlopen of al gebruikt"));
        assertEquals(410, app.browser().post(path, "password", "nog-een-wachtwoord", "passwordRepeat", "nog-een-wachtwoord").status());
        assertEquals(303, app.browser().tryLogin(email, "een-goed-wachtwoord").status(), "password unchanged by the reuse");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aLinkExpiresAfterSevenDaysAndANewLinkReplacesTheOld(TestApp app) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String email = "coord-" + System.nanoTime() + "@example.nl";
        long regio = app.bean(nl.quickscan.tenancy.RegioRepository.class).findByName("Drenthe").orElseThrow().id();
        Response created = beheerder.post("/accounts", "email", email, "displayName", "Tweede coördinator",
                "role", "COORDINATOR", "regio", String.valueOf(regio));
        String first = URI.create(nl.quickscan.support.Fixtures.invitationLink(created.html())).getPath();
        long id = app.bean(AccountRepository.class).findByEmail(email).orElseThrow().id();

        String second = URI.create(nl.quickscan.support.Fixtures.invitationLink(beheerder.post("/accounts/" + id + "/uitnodiging").html())).getPath();
        assertEquals(410, app.browser().get(first).status(), "the old link no longer works");
        assertEquals(200, app.browser().get(second).status());

        Invitation invitation = app.bean(InvitationRepository.class)
                .findUsable(Invitations.hash(second.substring(second.lastIndexOf('/') + 1)), Instant.now()).orElseThrow();
        Duration validity = Duration.between(invitation.createdAt(), invitation.expiresAt());
        assertEquals(Duration.ofDays(7), validity);
        assertTrue(app.bean(InvitationRepository.class).findUsable(invitation.tokenHash(),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)).isEmpty(), "expired after 7 days");
        assertFalse(invitation.tokenHash().contains(second.substring(second.lastIndexOf('/') + 1)), "only a hash is stored");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void reinvitingAnAccountThatHasAPasswordIsRefusedAndChangesNothing(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM0047");
        Browser adviserSession = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        for (String email : new String[] {"coordinator.groningen@quickscan.test", "beheerder@quickscan.test"}) {
            Browser manager = app.browser().login(email, TestApp.DEMO_PASSWORD);
            Response refused = manager.post("/accounts/" + adviser.id() + "/uitnodiging");
            assertEquals(409, refused.status(), refused::toString);
            assertTrue(refused.html().text().contains("Dit account heeft al een wachtwoord, dus een uitnodigingslink kan niet meer."));
            assertNull(refused.html().selectFirst("#link"), "no link on the page");
            assertFalse(refused.body().contains("/uitnodiging/"), "no link anywhere on the page");
        }
        assertEquals(200, adviserSession.get("/").status(), "the adviser stays logged in");
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status(), "and keeps the password");
        assertTrue(app.bean(AuditLog.class).latest(50).stream().noneMatch(e -> e.action().equals("INVITATION_CREATED")
                && e.subject().equals("account " + adviser.email())), "no invitation was made");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anOpenInvitationCannotReplaceAPasswordTheHolderChose(TestApp app) {
        String email = "gekozen-" + System.nanoTime() + "@veendam.nl";
        String path = Fixtures.invite(app, "coordinator.groningen@quickscan.test", email, "GM0047");
        long id = Fixtures.accountId(app, email);
        // The password set another way than with this link (later: the holder's own reset from the login page).
        app.bean(AccountRepository.class).setPassword(id, app.bean(PasswordHasher.class).hash(Fixtures.PASSWORD));
        assertEquals(410, app.browser().get(path).status());
        assertEquals(410, app.browser().post(path, "password", "overgenomen-wachtwoord", "passwordRepeat",
                "overgenomen-wachtwoord").status());
        assertEquals(303, app.browser().tryLogin(email, Fixtures.PASSWORD).status(), "the holder's password holds");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void withoutSmtpAPasswordResetIsRefusedAndChangesNothing(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM0047");
        Browser coordinator = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Response refused = coordinator.post("/accounts/" + adviser.id() + "/wachtwoord-herstellen");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.html().text().contains("omdat deze server geen e-mail kan versturen. Er is niets veranderd."));
        assertFalse(refused.body().contains("/wachtwoord-herstellen/"), "no link on the page");
        assertEquals(303, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status());
        assertTrue(app.bean(AuditLog.class).latest(50).stream().noneMatch(e -> e.subject().equals("account " + adviser.email())),
                "nothing recorded: nothing happened");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void deactivatingAnAccountEndsItsSessionsAtOnce(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM1950");
        Browser session = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        assertEquals(200, session.get("/").status());

        Browser coordinator = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Response update = coordinator.post("/accounts/" + adviser.id(), "displayName", "Vertrokken adviseur",
                "gemeente", String.valueOf(adviser.gemeenteId()));
        assertEquals(303, update.status(), update::toString);
        assertFalse(app.bean(AccountRepository.class).findById(adviser.id()).orElseThrow().active());
        assertEquals(303, session.get("/").status(), "the open session ended");
        assertEquals(401, app.browser().tryLogin(adviser.email(), Fixtures.PASSWORD).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theLongestAllowedEmailAddressWorks(TestApp app) {
        Browser coordinator = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        String email = "a".repeat(230) + System.nanoTime() % 1000 + "@voorbeeld.nl";
        Response created = coordinator.post("/accounts", "email", email, "displayName", "Lang adres",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0109")));
        assertEquals(200, created.status(), created::toString);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aBeheerderCannotLockThemselvesOut(TestApp app) {
        Account admin = Fixtures.create(app, Role.BEHEERDER, null, null);
        Browser browser = app.browser().login(admin.email(), Fixtures.PASSWORD);
        Response response = browser.post("/accounts/" + admin.id(), "displayName", "Ik", "role", "ADVISEUR",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0014")), "active", "on");
        assertEquals(422, response.status());
        assertTrue(response.html().text().contains("U kunt uw eigen rol niet wijzigen"));
        assertEquals(Role.BEHEERDER, app.bean(AccountRepository.class).findById(admin.id()).orElseThrow().role());
    }
}
