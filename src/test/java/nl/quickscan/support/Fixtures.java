package nl.quickscan.support;

import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.PasswordHasher;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.RegioRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

    /** A regio of one test's own: its gemeenten in the order of their names (A, B, C, …) and its coordinator. */
    public record Regio(long id, List<String> codes, List<String> names, Account coordinator) {
        public Browser coordinatorPages(TestApp app) {
            return app.browser().login(coordinator.email(), PASSWORD);
        }

        /** A nulmeting of the regio, opened by its coordinator; returns its id. */
        public long openRound(TestApp app, LocalDate opens, LocalDate closes) {
            Response created = app.api().login(coordinator.email(), PASSWORD).postJson("/api/v1/rounds", """
                    {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                     "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), opens, closes));
            assertEquals(201, created.status(), created::toString);
            return ((Number) created.json().get("id")).longValue();
        }
    }

    /**
     * A new regio with {@code size} gemeenten, made on the beheerder's forms, without advisers, and a coordinator.
     * Codes GM8000 to GM8999: the demo uses real codes, the synthetic data GM9000 and up, KengetallenApiTest GM7xxx.
     */
    public static Regio regio(TestApp app, int size) {
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String name = "Regio " + System.nanoTime();
        assertEquals(303, beheerder.post("/beheer/regios", "name", name).status());
        long regioId = app.bean(RegioRepository.class).findByName(name).orElseThrow().id();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        while (codes.size() < size) {
            String code = "GM8" + (100 + ThreadLocalRandom.current().nextInt(900));
            if (codes.contains(code) || gemeenten.findByCbsCode(code).isPresent()) {
                continue;
            }
            String gemeente = "Gemeente " + (char) ('A' + codes.size()) + " " + code;
            Response created = beheerder.post("/beheer/gemeenten", "cbsCode", code, "name", gemeente,
                    "regio", String.valueOf(regioId), "inhabitants", "", "inhabitantsYear", "");
            assertEquals(303, created.status(), created::toString);
            codes.add(code);
            names.add(gemeente);
        }
        return new Regio(regioId, List.copyOf(codes), List.copyOf(names), create(app, Role.COORDINATOR, null, regioId));
    }

    public static long gemeenteId(TestApp app, String cbsCode) {
        return app.bean(GemeenteRepository.class).findByCbsCode(cbsCode).orElseThrow().id();
    }
}
