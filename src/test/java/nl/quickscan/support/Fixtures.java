package nl.quickscan.support;

import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.PasswordHasher;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRepository;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accounts made for one test only, so that tests sharing a server do not disturb each other. */
public final class Fixtures {

    public static final String PASSWORD = "een-lang-test-wachtwoord";

    private Fixtures() {
    }

    public static Account adviseur(TestApp app, String cbsCode) {
        long gemeenteId = app.bean(GemeenteRepository.class).findByCbsCode(cbsCode).orElseThrow().id();
        return create(app, Role.ADVISEUR, gemeenteId, null);
    }

    public static Account create(TestApp app, Role role, Long gemeenteId, Long regioId) {
        AccountRepository accounts = app.bean(AccountRepository.class);
        String email = "test-" + UUID.randomUUID() + "@example.nl";
        Account account = accounts.save(Account.invited(email, "Test " + role.label(), role, gemeenteId, regioId, Instant.now()));
        accounts.setPassword(account.id(), app.bean(PasswordHasher.class).hash(PASSWORD));
        return accounts.findById(account.id()).orElseThrow();
    }

    /** A new adviser invited by the coordinator, as on the page; returns the path of the invitation link. */
    public static String invite(TestApp app, String coordinatorEmail, String email, String cbsCode) {
        Response created = app.browser().login(coordinatorEmail, TestApp.DEMO_PASSWORD).post("/accounts",
                "email", email, "displayName", "Uitgenodigd", "gemeente", String.valueOf(gemeenteId(app, cbsCode)));
        assertEquals(200, created.status(), created::toString);
        return java.net.URI.create(invitationLink(created.html())).getPath();
    }

    /** The invitation link as the page after creating or re-inviting an account shows it (in full, as text). */
    public static String invitationLink(org.jsoup.nodes.Document page) {
        return page.selectFirst("#link").text();
    }

    public static long accountId(TestApp app, String email) {
        return app.bean(AccountRepository.class).findByEmail(email).orElseThrow().id();
    }

    public static long gemeenteId(TestApp app, String cbsCode) {
        return app.bean(GemeenteRepository.class).findByCbsCode(cbsCode).orElseThrow().id();
    }
}
