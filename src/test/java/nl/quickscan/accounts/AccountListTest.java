package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts list at scale (issue 16): search by name or e-mail in any case, filters, pages of 50 in natural
 * order, bad values refused with 400; last login; the form's fields per role; the invitation link with its copy
 * button. Each test makes a regio of its own with a unique tag, so its searches find only its own accounts.
 */
class AccountListTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    private static Browser beheerder(TestApp app) {
        return app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
    }

    /** A regio with one gemeente and {@code advisers} invited advisers named "Zoek<tag> 1" … ; returns the gemeente. */
    static Gemeente regioWithAdvisers(TestApp app, String tag, int advisers) {
        Regio regio = app.bean(RegioRepository.class).save(new Regio(null, "Regio " + tag, Instant.now()));
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        String code;
        do {
            code = String.format("GM%04d", 9000 + (int) (Math.random() * 1000));
        } while (gemeenten.findByCbsCode(code).isPresent());
        Gemeente gemeente = gemeenten.save(new Gemeente(null, code, "Gemeente " + tag, regio.id(), Instant.now(), null, null));
        AccountRepository accounts = app.bean(AccountRepository.class);
        for (int i = 1; i <= advisers; i++) {
            accounts.save(Account.invited("adviseur" + i + "." + tag + "@Voorbeeld.nl", "Zoek" + tag + " " + i,
                    Role.ADVISEUR, gemeente.id(), null, Instant.now()));
        }
        return gemeente;
    }

    private static List<String> names(Document page) {
        return page.select("main tbody tr td:first-child a").eachText();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSearchFindsPartOfTheNameOrTheEmailAddressInAnyCase(TestApp app) {
        String tag = "t" + System.nanoTime();
        regioWithAdvisers(app, tag, 3);
        Browser beheerder = beheerder(app);

        Document byName = beheerder.get("/accounts?zoek=ZOEK" + tag.toUpperCase()).html();
        assertEquals(List.of("Zoek" + tag + " 1", "Zoek" + tag + " 2", "Zoek" + tag + " 3"), names(byName));
        assertEquals("1–3 van 3", byName.selectFirst(".paging__range").text());
        assertEquals("ZOEK" + tag.toUpperCase(), byName.selectFirst("input[name=zoek]").val(), "the search stays in its field");

        Document byEmail = beheerder.get("/accounts?zoek=adviseur2." + tag + "@voorbeeld").html();
        assertEquals(List.of("Zoek" + tag + " 2"), names(byEmail));

        Document none = beheerder.get("/accounts?zoek=" + tag + "-bestaat-niet").html();
        assertTrue(names(none).isEmpty());
        assertTrue(none.selectFirst("#accounts-none").text().startsWith("Geen accounts gevonden"));

        Document wildcard = beheerder.get("/accounts?zoek=" + tag + "%25").html();
        assertTrue(names(wildcard).isEmpty(), "% is a character to find, not a wildcard");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesOf50InNaturalOrderAndAPageBeyondTheEnd(TestApp app) {
        String tag = "p" + System.nanoTime();
        regioWithAdvisers(app, tag, 53);
        Browser beheerder = beheerder(app);

        Document first = beheerder.get("/accounts?zoek=zoek" + tag).html();
        List<String> firstNames = names(first);
        assertEquals(50, firstNames.size());
        assertEquals(List.of("Zoek" + tag + " 1", "Zoek" + tag + " 2", "Zoek" + tag + " 3"), firstNames.subList(0, 3),
                "2 before 10: natural order");
        assertEquals("Zoek" + tag + " 10", firstNames.get(9));
        assertEquals("1–50 van 53", first.selectFirst(".paging__range").text());
        assertNull(first.selectFirst("a[rel=prev]"));
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertEquals("/accounts?zoek=zoek" + tag + "&pagina=2", next);

        Document second = beheerder.get(next).html();
        assertEquals(List.of("Zoek" + tag + " 51", "Zoek" + tag + " 52", "Zoek" + tag + " 53"), names(second));
        assertEquals("51–53 van 53", second.selectFirst(".paging__range").text());
        assertEquals("/accounts?zoek=zoek" + tag, second.selectFirst("a[rel=prev]").attr("href"));
        assertNull(second.selectFirst("a[rel=next]"));

        Response beyond = beheerder.get("/accounts?zoek=zoek" + tag + "&pagina=9");
        assertEquals(200, beyond.status());
        assertEquals("Pagina 9 bestaat niet; er zijn 2 pagina's.", beyond.html().selectFirst(".paging__beyond").text());
        assertEquals("/accounts?zoek=zoek" + tag + "&pagina=2", beyond.html().selectFirst("a[rel=prev]").attr("href"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void badValuesAnswer400WithADutchMessageAndNoAccounts(TestApp app) {
        Browser beheerder = beheerder(app);
        for (String query : List.of("pagina=0", "pagina=abc", "pagina=10001", "pagina=-1", "rol=KONING", "status=weg",
                "zoek=" + "x".repeat(AccountSearch.TEXT_MAX + 1))) {
            Response refused = beheerder.get("/accounts?" + query);
            assertEquals(400, refused.status(), query);
            Document page = refused.html();
            assertNotNull(page.selectFirst(".error-summary"), query);
            assertTrue(page.select("main tbody tr").isEmpty(), "no accounts beside the message: " + query);
        }
        assertEquals("Het paginanummer moet een getal van 1 tot en met 10.000 zijn.",
                beheerder.get("/accounts?pagina=0").html().selectFirst(".error-summary li").text());
        assertEquals(200, beheerder.get("/accounts?zoek=" + "x".repeat(AccountSearch.TEXT_MAX)).status(), "the bound itself");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void roleAndStatusFiltersNarrowTheList(TestApp app) {
        String tag = "f" + System.nanoTime();
        Gemeente gemeente = regioWithAdvisers(app, tag, 2);
        AccountRepository accounts = app.bean(AccountRepository.class);
        Account coordinator = accounts.save(Account.invited("coordinator." + tag + "@voorbeeld.nl", "Zoek" + tag + " coördinator",
                Role.COORDINATOR, null, gemeente.regioId(), Instant.now()));
        long deactivated = Fixtures.accountId(app, "adviseur2." + tag + "@voorbeeld.nl");
        accounts.updateProfile(deactivated, "Zoek" + tag + " 2", Role.ADVISEUR.name(), gemeente.id(), null, false);
        Browser beheerder = beheerder(app);

        assertEquals(List.of("Zoek" + tag + " coördinator"),
                names(beheerder.get("/accounts?zoek=zoek" + tag + "&rol=COORDINATOR").html()));
        assertEquals(List.of("Zoek" + tag + " 1", "Zoek" + tag + " 2"),
                names(beheerder.get("/accounts?zoek=zoek" + tag + "&rol=ADVISEUR").html()));
        assertEquals(List.of("Zoek" + tag + " 2"),
                names(beheerder.get("/accounts?zoek=zoek" + tag + "&status=gedeactiveerd").html()));
        assertEquals(List.of("Zoek" + tag + " 1", "Zoek" + tag + " coördinator"),
                names(beheerder.get("/accounts?zoek=zoek" + tag + "&status=uitnodiging").html()));
        assertTrue(names(beheerder.get("/accounts?zoek=zoek" + tag + "&status=actief").html()).isEmpty());
        assertNotNull(coordinator.id());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aCoordinatorFindsOnlyTheAdvisersOfTheOwnRegio(TestApp app) {
        String tag = "c" + System.nanoTime();
        Gemeente foreign = regioWithAdvisers(app, tag, 2);
        Browser drenthe = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);

        Document search = drenthe.get("/accounts?zoek=zoek" + tag).html();
        assertTrue(names(search).isEmpty(), "another regio's accounts are not found");
        assertTrue(drenthe.get("/accounts?zoek=adviseur1." + tag).html().select("main tbody tr").isEmpty());
        assertNull(search.selectFirst("select[name=rol]"), "a coordinator's list holds advisers only: no role filter");
        assertEquals(200, drenthe.get("/accounts?rol=ADVISEUR").status());
        Document coordinators = drenthe.get("/accounts?rol=COORDINATOR").html();
        assertTrue(coordinators.select("main tbody tr").isEmpty(), "no coordinators, not even the own");
        Document own = drenthe.get("/accounts?zoek=adviseur.assen@").html();
        assertEquals(1, own.select("main tbody tr").size(), "the own regio's adviser is found");

        assertEquals(404, drenthe.get("/accounts/nieuw?rol=ADVISEUR&gemeente=" + foreign.id()).status(),
                "another regio's gemeente cannot be preselected");
        assertEquals(400, drenthe.get("/accounts/nieuw?rol=BEHEERDER").status(), "nor a role the coordinator cannot give");
        long assen = Fixtures.gemeenteId(app, "GM0106");
        Document preselected = drenthe.get("/accounts/nieuw?rol=ADVISEUR&gemeente=" + assen).html();
        assertEquals(String.valueOf(assen), preselected.selectFirst("select[name=gemeente] option[selected]").val());
        assertEquals(404, drenthe.get("/accounts/nieuw?regio=" + foreign.regioId()).status(), "nor another regio");
        assertEquals(404, drenthe.get("/accounts/nieuw?gemeente=abc").status());

        Document forCoordinator = beheerder(app).get("/accounts/nieuw?rol=COORDINATOR&regio=" + foreign.regioId()).html();
        assertEquals("COORDINATOR", forCoordinator.selectFirst("select[name=role] option[selected]").val());
        assertEquals(String.valueOf(foreign.regioId()), forCoordinator.selectFirst("select[name=regio] option[selected]").val());
        assertEquals(400, beheerder(app).get("/accounts/nieuw?rol=KONING").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void lastLoginIsShownAfterALoginByFormAndByTheApi(TestApp app) {
        Account adviser = Fixtures.adviseur(app, "GM0106");
        Browser beheerder = beheerder(app);
        assertEquals("Nooit ingelogd", beheerder.get("/accounts/" + adviser.id()).html().selectFirst("#laatst-ingelogd").text());
        Element row = beheerder.get("/accounts?zoek=" + adviser.email()).html().selectFirst("main tbody tr");
        assertEquals("Nooit ingelogd", row.select("td").last().text());

        app.browser().login(adviser.email(), Fixtures.PASSWORD);
        String shown = beheerder.get("/accounts/" + adviser.id()).html().selectFirst("#laatst-ingelogd").text();
        assertTrue(shown.matches("\\d{1,2} \\p{L}+ \\d{4}.*\\d{2}:\\d{2}"), shown);
        Instant first = app.bean(AccountRepository.class).findVisible(nl.quickscan.tenancy.TenantScope.platform(), adviser.id())
                .orElseThrow().lastLoginAt();
        assertNotNull(first);

        Account other = Fixtures.adviseur(app, "GM0106");
        app.api().login(other.email(), Fixtures.PASSWORD);
        assertNotNull(app.bean(AccountRepository.class).findVisible(nl.quickscan.tenancy.TenantScope.platform(), other.id())
                .orElseThrow().lastLoginAt(), "an API token login counts too");
        app.browser().tryLogin(adviser.email(), "een-fout-wachtwoord-van-lengte");
        assertEquals(first, app.bean(AccountRepository.class).findVisible(nl.quickscan.tenancy.TenantScope.platform(), adviser.id())
                .orElseThrow().lastLoginAt(), "a failed login is no login");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theFormShowsTheFieldsPerRoleAndTheServerStillChecksThem(TestApp app) {
        Document beheerderForm = beheerder(app).get("/accounts/nieuw").html();
        assertNotNull(beheerderForm.selectFirst("[data-shown-for='role=ADVISEUR'] select[name=gemeente]"));
        assertNotNull(beheerderForm.selectFirst("[data-shown-for='role=COORDINATOR'] select[name=regio]"));
        assertNotNull(beheerderForm.selectFirst("script[src^=/static/choice-fields.js]"));
        assertTrue(beheerderForm.selectFirst("label[for=gemeente]").text().contains("alleen voor een beleidsadviseur"),
                "without JavaScript each field says for which role it is");

        Document coordinatorForm = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/accounts/nieuw").html();
        assertNull(coordinatorForm.selectFirst("select[name=regio]"));
        assertNull(coordinatorForm.selectFirst("select[name=role]"));
        List<String> gemeenten = coordinatorForm.select("select[name=gemeente] option[value~=\\d]").eachText();
        assertTrue(gemeenten.contains("Groningen"), gemeenten.toString());
        assertTrue(gemeenten.stream().noneMatch(name -> name.contains("(")), "no regio in brackets for one regio");

        Browser beheerder = beheerder(app);
        String email = "rol" + System.nanoTime() + "@voorbeeld.nl";
        Response noRegio = beheerder.post("/accounts", "email", email, "displayName", "Coördinator zonder regio",
                "role", "COORDINATOR", "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")), "regio", "");
        assertEquals(422, noRegio.status(), "a gemeente is no regio: the server checks what the role needs");
        assertNotNull(noRegio.html().selectFirst("#regio-error"));
        assertTrue(app.bean(AccountRepository.class).findByEmail(email).isEmpty());
        Response admin = beheerder.post("/accounts", "email", email, "displayName", "Nieuwe beheerder", "role", "BEHEERDER",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")), "regio", "");
        assertEquals(200, admin.status(), admin::toString);
        Account created = app.bean(AccountRepository.class).findByEmail(email).orElseThrow();
        assertNull(created.gemeenteId(), "a field the role does not need is ignored, even when sent");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theInvitationLinkIsShownInFullWithACopyButton(TestApp app) {
        Response created = beheerder(app).post("/accounts", "email", "kopie" + System.nanoTime() + "@voorbeeld.nl",
                "displayName", "Kopie", "role", "ADVISEUR", "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")));
        assertEquals(200, created.status(), created::toString);
        Document page = created.html();
        String link = Fixtures.invitationLink(page);
        assertTrue(link.matches("https?://\\S+/uitnodiging/\\S{20,}"), link);
        assertNull(page.selectFirst("input#link"), "text that wraps, not a field that cuts it off");
        Element button = page.selectFirst("button[data-copy-target=link]");
        assertEquals("Kopieer link", button.text());
        assertTrue(button.hasAttr("hidden"), "hidden until the script runs, so it is absent without JavaScript");
        assertEquals("polite", page.getElementById(button.attr("data-copy-status")).attr("aria-live"));
        assertNotNull(page.selectFirst("script[src^=/static/copy-link.js]"));
        assertTrue(page.selectFirst("main").text().contains("Er is geen e-mail verstuurd"), "says whether an e-mail was sent");
    }
}
