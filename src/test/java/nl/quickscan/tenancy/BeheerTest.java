package nl.quickscan.tenancy;

import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeheerTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    private static Browser beheerder(TestApp app) {
        return app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void demoDataHoldsBothRegiosWithTheirRealCbsCodes(TestApp app) {
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        List<GemeenteRow> all = gemeenten.listVisible(TenantScope.platform());
        assertEquals(10, all.stream().filter(g -> g.regioName().equals("Groningen")).count());
        assertEquals(12, all.stream().filter(g -> g.regioName().equals("Drenthe")).count());
        assertEquals("Midden-Groningen", gemeenten.findByCbsCode("GM1952").orElseThrow().name());
        assertEquals("Aa en Hunze", gemeenten.findByCbsCode("GM1680").orElseThrow().name());
        assertEquals(303, app.browser().tryLogin("adviseur.aa-en-hunze@quickscan.test", TestApp.DEMO_PASSWORD).status());
        assertEquals(303, app.browser().tryLogin("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aBeheerderCreatesAndRenamesARegioAndItIsAudited(TestApp app) {
        Browser browser = beheerder(app);
        String name = "Regio Fryslân " + System.nanoTime();
        assertEquals(303, browser.post("/beheer/regios", "name", name).status());
        Regio regio = app.bean(RegioRepository.class).findByName(name).orElseThrow();
        assertTrue(browser.get("/beheer/regios").body().contains(name));

        Response duplicate = browser.post("/beheer/regios", "name", name);
        assertEquals(422, duplicate.status());
        assertEquals("Er is al een regio met deze naam.", duplicate.html().selectFirst("#name-error").text());

        String renamed = name + " (hernoemd)";
        assertEquals(303, browser.post("/beheer/regios/" + regio.id(), "name", renamed).status());
        assertEquals(renamed, app.bean(RegioRepository.class).findVisible(TenantScope.platform(), regio.id()).orElseThrow().name());

        List<AuditEntry> audit = app.bean(AuditLog.class).latest(50);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("REGIO_CREATED") && e.subject().equals("regio " + name)
                && "beheerder@quickscan.test".equals(e.actorEmail())));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("REGIO_UPDATED") && e.details().equals("Naam was " + name)));
        String page = browser.get("/beheer/audit?soort=REGIO_UPDATED&wie=beheerder@quickscan.test").html().text();
        assertTrue(page.contains("Regio gewijzigd") && page.contains("Naam was " + name), page);
        assertFalse(page.contains("REGIO_UPDATED"), "the label, not the code");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void gemeenteInputIsValidatedWithDutchMessagesAndNothingIsStoredOnError(TestApp app) {
        Browser browser = beheerder(app);
        // A regio of this test's own: the demo regio's keep exactly their gemeenten for the tests that count them.
        String regioName = "Regio gemeentetest " + System.nanoTime();
        assertEquals(303, browser.post("/beheer/regios", "name", regioName).status());
        String regio = String.valueOf(app.bean(RegioRepository.class).findByName(regioName).orElseThrow().id());

        Response badCode = browser.post("/beheer/gemeenten", "cbsCode", "0014", "name", "Testgemeente", "regio", regio);
        assertEquals(422, badCode.status());
        Document page = badCode.html();
        assertEquals("Een CBS-gemeentecode is GM met vier cijfers, zoals GM0014.", page.selectFirst("#cbsCode-error").text());
        assertEquals("Testgemeente", page.selectFirst("input[name=name]").val(), "what was typed stays");
        assertNotNull(page.selectFirst(".error-summary a[href=#cbsCode]"));
        assertTrue(app.bean(GemeenteRepository.class).findByName("Testgemeente").isEmpty());

        Response taken = browser.post("/beheer/gemeenten", "cbsCode", "gm0014", "name", "Testgemeente", "regio", regio);
        assertEquals("Deze CBS-code hoort al bij gemeente Groningen.", taken.html().selectFirst("#cbsCode-error").text());

        Response tooLong = browser.post("/beheer/gemeenten", "cbsCode", "GM9990", "name", "x".repeat(101), "regio", regio);
        assertEquals(422, tooLong.status());
        assertEquals("De naam van de gemeente mag hoogstens 100 tekens lang zijn.", tooLong.html().selectFirst("#name-error").text());

        Response noRegio = browser.post("/beheer/gemeenten", "cbsCode", "GM9990", "name", "Testgemeente", "regio", "abc");
        assertEquals("Kies de regio van de gemeente.", noRegio.html().selectFirst("#regio-error").text());

        String code;
        do { // a free code: other tests make gemeenten with codes of their own
            code = "GM9" + (100 + (int) (Math.random() * 900));
        } while (app.bean(GemeenteRepository.class).findByCbsCode(code).isPresent());
        String name = "Testgemeente " + code;
        assertEquals(303, browser.post("/beheer/gemeenten", "cbsCode", code.toLowerCase(), "name", name, "regio", regio).status());
        GemeenteRow created = app.bean(GemeenteRepository.class).findVisibleByCbsCode(TenantScope.platform(), code).orElseThrow();
        assertEquals(name, created.name());
        assertEquals(regioName, created.regioName());
        assertTrue(app.bean(AuditLog.class).latest(20).stream().anyMatch(e -> e.action().equals("GEMEENTE_CREATED")
                && e.subject().equals("gemeente " + name)));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void namesAreEscapedInPages(TestApp app) {
        Browser browser = beheerder(app);
        String name = "<script>alert('regio')</script> " + System.nanoTime();
        assertEquals(303, browser.post("/beheer/regios", "name", name).status());
        String body = browser.get("/beheer/regios").body();
        assertFalse(body.contains("<script>alert"), "not rendered as markup");
        assertTrue(body.contains("&lt;script&gt;alert"));
    }
}
