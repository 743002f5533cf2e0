package nl.quickscan.tenancy;

import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.Role;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant isolation over HTTP: an adviser of Groningen (gemeente) or a coordinator of Drenthe (regio) tries every
 * route on another tenant's data. {@link #ROUTES} names the test that covers each route; {@code RouteCoverageTest}
 * fails when the app has a route that is not listed here.
 */
class IsolationTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String ADVISEUR_GRONINGEN = "adviseur.groningen@quickscan.test";
    private static final String ADVISEUR_ASSEN = "adviseur.assen@quickscan.test";
    private static final String COORDINATOR_DRENTHE = "coordinator.drenthe@quickscan.test";

    /** Every route of the app, with the test below that proves its isolation (or why it holds no tenant data). */
    static final Map<String, String> ROUTES = Map.ofEntries(
            entry("GET /login", "publicRoutesHoldNoTenantData"),
            entry("POST /login", "publicRoutesHoldNoTenantData"),
            entry("GET /health", "publicRoutesHoldNoTenantData"),
            entry("POST /api/v1/auth/token", "publicRoutesHoldNoTenantData"),
            entry("GET /uitnodiging/{token}", "publicRoutesHoldNoTenantData"),
            entry("POST /uitnodiging/{token}", "publicRoutesHoldNoTenantData"),
            entry("POST /logout", "logoutEndsOnlyTheOwnSession"),
            entry("GET /", "startPageShowsOnlyTheOwnTenant"),
            entry("GET /api/v1/me", "startPageShowsOnlyTheOwnTenant"),
            entry("GET /gemeenten/{cbsCode}", "anotherGemeenteIsNotFound"),
            entry("GET /api/v1/gemeenten/{cbsCode}", "anotherGemeenteIsNotFound"),
            entry("GET /api/v1/gemeenten", "listsContainOnlyTheOwnTenant"),
            entry("GET /api/v1/regios", "listsContainOnlyTheOwnTenant"),
            entry("GET /accounts", "accountsOfAnotherRegioAreOutOfReach"),
            entry("GET /accounts/nieuw", "accountsOfAnotherRegioAreOutOfReach"),
            entry("POST /accounts", "accountsOfAnotherRegioAreOutOfReach"),
            entry("GET /accounts/{id}", "accountsOfAnotherRegioAreOutOfReach"),
            entry("POST /accounts/{id}", "accountsOfAnotherRegioAreOutOfReach"),
            entry("POST /accounts/{id}/deblokkeren", "accountsOfAnotherRegioAreOutOfReach"),
            entry("POST /accounts/{id}/uitnodiging", "accountsOfAnotherRegioAreOutOfReach"),
            entry("GET /beheer/regios", "beheerIsForTheBeheerderOnly"),
            entry("POST /beheer/regios", "beheerIsForTheBeheerderOnly"),
            entry("GET /beheer/regios/{id}", "beheerIsForTheBeheerderOnly"),
            entry("POST /beheer/regios/{id}", "beheerIsForTheBeheerderOnly"),
            entry("GET /beheer/gemeenten", "beheerIsForTheBeheerderOnly"),
            entry("POST /beheer/gemeenten", "beheerIsForTheBeheerderOnly"),
            entry("GET /beheer/gemeenten/{id}", "beheerIsForTheBeheerderOnly"),
            entry("POST /beheer/gemeenten/{id}", "beheerIsForTheBeheerderOnly"),
            entry("GET /beheer/audit", "beheerIsForTheBeheerderOnly"),
            entry("GET /api/v1/surveys", "surveysAreSharedContentWithoutTenantData"),
            entry("GET /api/v1/surveys/{id}/{version}", "surveysAreSharedContentWithoutTenantData"),
            entry("GET /vragenlijsten", "surveysAreSharedContentWithoutTenantData"),
            entry("GET /vragenlijsten/{id}/{version}", "surveysAreSharedContentWithoutTenantData"));

    @ParameterizedTest
    @MethodSource(APPS)
    void publicRoutesHoldNoTenantData(TestApp app) {
        Browser anonymous = app.browser();
        assertFalse(anonymous.get("/login").body().contains("Groningen"));
        assertEquals("{\"status\":\"UP\"}", app.api().get("/health").body());
        Response unknownInvitation = anonymous.get("/uitnodiging/" + "a".repeat(43));
        assertEquals(410, unknownInvitation.status());
        assertFalse(unknownInvitation.body().contains("@"), "no account is named");
        assertEquals(410, anonymous.post("/uitnodiging/" + "a".repeat(43), "password", "x".repeat(20),
                "passwordRepeat", "x".repeat(20)).status());
        assertEquals(401, app.api().postJson("/api/v1/auth/token", "{\"username\":\"x@y.nl\",\"password\":\"z\"}").status());
        assertEquals(401, anonymous.tryLogin(ADVISEUR_ASSEN, "fout").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void logoutEndsOnlyTheOwnSession(TestApp app) {
        Browser groningen = app.browser().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD);
        Browser assen = app.browser().login(ADVISEUR_ASSEN, TestApp.DEMO_PASSWORD);
        assertEquals(303, groningen.post("/logout").status());
        assertEquals(200, assen.get("/").status(), "the other account stays logged in");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void startPageShowsOnlyTheOwnTenant(TestApp app) {
        String page = app.browser().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD).get("/").html().text();
        assertTrue(page.contains("GM0014"));
        assertFalse(page.contains("Assen"));
        assertFalse(page.contains("Eemsdelta"), "not even the other gemeenten of the own regio");

        String coordinatorPage = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD).get("/").html().text();
        assertTrue(coordinatorPage.contains("Assen"));
        assertFalse(coordinatorPage.contains("Eemsdelta"));
        assertFalse(coordinatorPage.contains("GM0014"));

        Map<String, Object> me = app.api().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD).get("/api/v1/me").json();
        assertEquals("GM0014", ((Map<?, ?>) me.get("gemeente")).get("cbsCode"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anotherGemeenteIsNotFound(TestApp app) {
        Browser adviser = app.browser().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD);
        assertEquals(200, adviser.get("/gemeenten/GM0014").status(), "own gemeente");
        Response other = adviser.get("/gemeenten/GM0106");
        assertEquals(404, other.status());
        assertFalse(other.body().contains("Assen"));
        assertEquals(404, adviser.get("/gemeenten/GM1979").status(), "other gemeente in the same regio");

        Api api = app.api().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD);
        assertEquals(200, api.get("/api/v1/gemeenten/GM0014").status());
        Response otherJson = api.get("/api/v1/gemeenten/GM0106");
        assertEquals(404, otherJson.status());
        assertFalse(otherJson.body().contains("Assen"));
        assertEquals(404, api.get("/api/v1/gemeenten/GM9999").status(), "same answer as a gemeente that does not exist");

        Api coordinator = app.api().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);
        assertEquals(200, coordinator.get("/api/v1/gemeenten/GM0106").status());
        assertEquals(404, coordinator.get("/api/v1/gemeenten/GM0014").status());
        assertEquals(404, app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD).get("/gemeenten/GM0014").status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void listsContainOnlyTheOwnTenant(TestApp app) {
        List<Map<String, Object>> own = app.api().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD).get("/api/v1/gemeenten").jsonList();
        assertEquals(List.of("GM0014"), own.stream().map(g -> g.get("cbsCode")).toList());

        Api coordinator = app.api().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);
        List<Map<String, Object>> regio = coordinator.get("/api/v1/gemeenten").jsonList();
        assertEquals(12, regio.size());
        assertTrue(regio.stream().allMatch(g -> "Drenthe".equals(((Map<?, ?>) g.get("regio")).get("name"))));
        assertEquals(List.of("Drenthe"), coordinator.get("/api/v1/regios").jsonList().stream().map(r -> r.get("name")).toList());
        assertEquals(List.of("Groningen"), app.api().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD)
                .get("/api/v1/regios").jsonList().stream().map(r -> r.get("name")).toList());

        List<Map<String, Object>> all = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD).get("/api/v1/gemeenten").jsonList();
        assertTrue(all.size() >= 22, "the beheerder sees every gemeente");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void accountsOfAnotherRegioAreOutOfReach(TestApp app) {
        long groningenAdviser = Fixtures.accountId(app, ADVISEUR_GRONINGEN);
        long assenAdviser = Fixtures.accountId(app, ADVISEUR_ASSEN);
        long groningenGemeente = Fixtures.gemeenteId(app, "GM0014");
        Browser coordinator = app.browser().login(COORDINATOR_DRENTHE, TestApp.DEMO_PASSWORD);

        String list = coordinator.get("/accounts").body();
        assertTrue(list.contains(ADVISEUR_ASSEN));
        assertFalse(list.contains(ADVISEUR_GRONINGEN));
        assertFalse(list.contains("coordinator.groningen"));
        String form = coordinator.get("/accounts/nieuw").html().select("select[name=gemeente] option").text();
        assertTrue(form.contains("Assen"));
        assertFalse(form.contains("Eemsdelta"), "only gemeenten of the own regio can be chosen");

        assertEquals(200, coordinator.get("/accounts/" + assenAdviser).status(), "own regio");
        assertEquals(404, coordinator.get("/accounts/" + groningenAdviser).status());
        assertEquals(404, coordinator.post("/accounts/" + groningenAdviser, "displayName", "Overgenomen",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0106")), "active", "on").status());
        assertEquals("Beleidsadviseur Groningen",
                app.bean(AccountRepository.class).findById(groningenAdviser).orElseThrow().displayName(), "unchanged");
        assertEquals(404, coordinator.post("/accounts/" + groningenAdviser + "/deblokkeren").status());
        assertEquals(404, coordinator.post("/accounts/" + groningenAdviser + "/uitnodiging").status());

        String email = "indringer-" + System.nanoTime() + "@example.nl";
        Response create = coordinator.post("/accounts", "email", email, "displayName", "Indringer", "role", "BEHEERDER",
                "gemeente", String.valueOf(groningenGemeente));
        assertEquals(422, create.status(), "a gemeente of another regio cannot be chosen");
        assertTrue(create.html().text().contains("Kies de gemeente van de beleidsadviseur."));
        assertTrue(app.bean(AccountRepository.class).findByEmail(email).isEmpty(), "nothing created");

        long otherCoordinator = Fixtures.accountId(app, "coordinator.drenthe@quickscan.test");
        assertEquals(404, coordinator.get("/accounts/" + otherCoordinator).status(),
                "a coordinator manages advisers only, not coordinator accounts");

        Browser adviser = app.browser().login(ADVISEUR_GRONINGEN, TestApp.DEMO_PASSWORD);
        assertEquals(403, adviser.get("/accounts").status());
        assertEquals(403, adviser.get("/accounts/nieuw").status());
        assertEquals(403, adviser.get("/accounts/" + groningenAdviser).status());
        assertEquals(403, adviser.post("/accounts", "email", email, "displayName", "x", "gemeente",
                String.valueOf(groningenGemeente)).status());
        assertEquals(403, adviser.post("/accounts/" + assenAdviser, "displayName", "x").status());
        assertEquals(403, adviser.post("/accounts/" + assenAdviser + "/deblokkeren").status());
        assertEquals(403, adviser.post("/accounts/" + assenAdviser + "/uitnodiging").status());
        assertTrue(app.bean(AccountRepository.class).findByEmail(email).isEmpty());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void beheerIsForTheBeheerderOnly(TestApp app) {
        long regioId = app.bean(RegioRepository.class).findByName("Groningen").orElseThrow().id();
        long gemeenteId = Fixtures.gemeenteId(app, "GM0014");
        for (String email : List.of(ADVISEUR_GRONINGEN, COORDINATOR_DRENTHE, "coordinator.groningen@quickscan.test")) {
            Browser browser = app.browser().login(email, TestApp.DEMO_PASSWORD);
            for (String path : List.of("/beheer/regios", "/beheer/regios/" + regioId, "/beheer/gemeenten",
                    "/beheer/gemeenten/" + gemeenteId, "/beheer/audit")) {
                assertEquals(403, browser.get(path).status(), email + " GET " + path);
            }
            assertEquals(403, browser.post("/beheer/regios", "name", "Nieuwe regio van " + email).status());
            assertEquals(403, browser.post("/beheer/regios/" + regioId, "name", "Gekaapt").status());
            assertEquals(403, browser.post("/beheer/gemeenten", "cbsCode", "GM9998", "name", "Nep", "regio",
                    String.valueOf(regioId)).status());
            assertEquals(403, browser.post("/beheer/gemeenten/" + gemeenteId, "cbsCode", "GM0014", "name", "Gekaapt",
                    "regio", String.valueOf(regioId)).status());
        }
        assertTrue(app.bean(RegioRepository.class).findByName("Groningen").isPresent(), "unchanged");
        assertTrue(app.bean(GemeenteRepository.class).findByName("Groningen").isPresent(), "unchanged");
        assertTrue(app.bean(GemeenteRepository.class).findByCbsCode("GM9998").isEmpty());
        assertEquals(200, app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD).get("/beheer/audit").status());
        assertEquals(Role.BEHEERDER, app.bean(AccountRepository.class).findByEmail("beheerder@quickscan.test").orElseThrow().role());
    }

    /** Survey definitions are the same for every tenant; they hold no gemeente data and need a login. */
    @ParameterizedTest
    @MethodSource(APPS)
    void surveysAreSharedContentWithoutTenantData(TestApp app) {
        for (String email : List.of(ADVISEUR_GRONINGEN, COORDINATOR_DRENTHE, "beheerder@quickscan.test")) {
            Browser browser = app.browser().login(email, TestApp.DEMO_PASSWORD);
            Response page = browser.get("/vragenlijsten/quickscan-seksueel-geweld/1");
            assertEquals(200, page.status());
            assertFalse(page.html().select("main").text().contains("Assen"), "no gemeente data on the page");
            assertEquals(200, browser.get("/vragenlijsten").status());
            Api api = app.api().login(email, TestApp.DEMO_PASSWORD);
            assertEquals(200, api.get("/api/v1/surveys").status());
            assertEquals(200, api.get("/api/v1/surveys/quickscan-seksueel-geweld/1").status());
        }
        assertEquals(303, app.browser().get("/vragenlijsten/quickscan-seksueel-geweld/1").status());
        assertEquals(401, app.api().get("/api/v1/surveys/quickscan-seksueel-geweld/1").status());
    }
}
