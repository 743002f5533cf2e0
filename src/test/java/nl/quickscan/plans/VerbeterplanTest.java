package nl.quickscan.plans;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PageForms;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.web.Paging;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verbeterplan over HTTP: an action made from a nulmeting's weak point on the results page, worked on by two
 * colleagues (one gets 409 with the stored action, nothing lost), closed, with progress notes; every refused input.
 */
class VerbeterplanTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    static final String COORDINATOR = "coordinator.groningen@quickscan.test";
    static final String CBS = "GM0037";
    static final String WEAK = "samenwerking-sociale-kaart";

    /** A nulmeting scan of Stadskanaal with three answers, the weakest {@link #WEAK}; returns the scan's id. */
    static long nulmetingScan(TestApp app, Api adviser) {
        long round = Rounds.open(app, COORDINATOR);
        long scan = Scans.start(adviser, round);
        Scans.answer(adviser, scan, "visie-gedeelde-visie", "3");
        Scans.answer(adviser, scan, "visie-gender", "2");
        Scans.answer(adviser, scan, WEAK, "1");
        return scan;
    }

    static String actionJson(long scanId, String title, String keys, String due, String status) {
        return """
                {"title": %s, "description": "Plan", "questionKeys": [%s], "sourceScanId": %d, "owner": "Team zorg",
                 "partners": "Veilig Thuis", "due": %s, "status": %s, "shared": false}"""
                .formatted(quoted(title), keys, scanId, quoted(due), quoted(status));
    }

    static String quoted(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, Object> actionOf(Api api, long id) {
        return api.get("/api/v1/gemeenten/" + CBS + "/actions").jsonList().stream()
                .filter(action -> ((Number) action.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anActionFromAWeakPointIsWorkedOnByTwoColleaguesAndClosed(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Account bram = Fixtures.adviseur(app, CBS);
        Api annaApi = app.api().login(anna.email(), Fixtures.PASSWORD);
        Api bramApi = app.api().login(bram.email(), Fixtures.PASSWORD);
        long scan = nulmetingScan(app, annaApi);

        // From the results page to a filled-in form in one step.
        Browser annaPages = app.browser().login(anna.email(), Fixtures.PASSWORD);
        Document results = annaPages.get("/scans/" + scan + "/resultaten").html();
        Element link = results.selectFirst("a:contains(Zet in het verbeterplan)");
        assertNotNull(link, "the weak point offers the plan");
        assertEquals("/verbeterplan/nieuw?scan=" + scan + "&vraag=" + WEAK, link.attr("href"));
        Document form = annaPages.get(link.attr("href")).html();
        Map<String, String> fields = PageForms.fields(form, "form[action=/verbeterplan/nieuw]");
        String title = fields.get("title");
        assertTrue(title.toLowerCase().contains("sociale kaart"), title);
        assertFalse(fields.get("description").isBlank(), "the recommendation");
        assertEquals("on", fields.get("vraag." + WEAK), "the statement is chosen");
        assertEquals(String.valueOf(scan), fields.get("sourceScanId"));
        String unique = "Sociale kaart bijwerken " + System.nanoTime();
        fields.put("title", unique);
        fields.put("owner", "Beleidsadviseur zorg");
        fields.put("status", "GEPLAND");
        Response created = annaPages.post("/verbeterplan/nieuw", fields);
        assertEquals(303, created.status(), created::toString);
        assertEquals("/verbeterplan?melding=toegevoegd", created.location());

        Document plan = annaPages.get(created.location()).html();
        assertTrue(plan.text().contains("De actie staat in het verbeterplan."));
        Element item = plan.selectFirst("li.plan-action:has(a:contains(" + unique + "))");
        assertNotNull(item, "on the plan");
        assertTrue(item.closest("section").selectFirst("h2").text().toLowerCase().contains("samenwerking"), "under its bouwsteen");
        assertTrue(item.text().contains("Huidig antwoord") && item.text().contains("In voorbereiding"), item.text());
        assertTrue(item.text().contains("Gepland") && item.text().contains("Beleidsadviseur zorg"), item.text());
        long id = Long.parseLong(item.selectFirst("a").attr("href").replaceAll("\\D", ""));

        // Two colleagues change it at once through the API: the second one's save is refused, nothing is lost.
        Map<String, Object> seen = actionOf(bramApi, id);
        assertEquals(1, ((Number) seen.get("version")).intValue());
        assertEquals(List.of(WEAK), seen.get("questionKeys"));
        assertEquals(scan, ((Number) seen.get("sourceScanId")).longValue());
        Response annaSave = annaApi.send("PUT", "/api/v1/actions/" + id, "application/json",
                actionJson(scan, unique, "\"" + WEAK + "\"", "2027-06-30", "BEZIG").replace("}", ", \"version\": 1}"), Map.of());
        assertEquals(200, annaSave.status(), annaSave::toString);
        assertEquals(2, ((Number) annaSave.json().get("version")).intValue());
        Response bramSave = bramApi.send("PUT", "/api/v1/actions/" + id, "application/json",
                actionJson(scan, "Bram zijn titel", "\"" + WEAK + "\"", null, "GESTOPT").replace("}", ", \"version\": 1}"), Map.of());
        assertEquals(409, bramSave.status(), bramSave::toString);
        Map<?, ?> current = (Map<?, ?>) bramSave.json().get("current");
        assertEquals("BEZIG", current.get("status"));
        assertEquals(unique, current.get("title"));
        assertEquals("2027-06-30", current.get("due"));
        assertEquals(2, ((Number) current.get("version")).intValue());
        assertEquals("BEZIG", actionOf(annaApi, id).get("status"), "nothing overwritten");

        // Bram takes the stored version as his base, and closes the action; both add notes.
        Response closed = bramApi.send("PUT", "/api/v1/actions/" + id, "application/json",
                actionJson(scan, unique, "\"" + WEAK + "\"", "2027-06-30", "AFGEROND").replace("}", ", \"version\": 2}"), Map.of());
        assertEquals(200, closed.status(), closed::toString);
        assertEquals(3, ((Number) closed.json().get("version")).intValue());
        assertEquals("AFGEROND", closed.json().get("status"));
        assertEquals(bram.displayName(), closed.json().get("updatedBy"));
        assertEquals(201, annaApi.postJson("/api/v1/actions/" + id + "/notes", "{\"text\": \"Sociale kaart besproken met Veilig Thuis\"}").status());
        Response note = bramApi.postJson("/api/v1/actions/" + id + "/notes", "{\"text\": \"=Gereed, gedeeld met CSG\"}");
        assertEquals(201, note.status(), note::toString);
        List<?> notes = (List<?>) actionOf(annaApi, id).get("notes");
        assertEquals(2, notes.size());
        assertEquals("Sociale kaart besproken met Veilig Thuis", ((Map<?, ?>) notes.get(0)).get("text"));
        assertEquals("=Gereed, gedeeld met CSG", ((Map<?, ?>) notes.get(1)).get("text"), "stored as text");
        assertNotNull(((Map<?, ?>) notes.get(1)).get("at"));
        assertNotNull(((Map<?, ?>) notes.get(1)).get("by"));

        // The action's page: its history, notes, and a done action that is not overdue.
        Document page = annaPages.get("/verbeterplan/acties/" + id).html();
        String text = page.text();
        assertTrue(text.contains("Eigenaar: Beleidsadviseur zorg → Team zorg; Partners: – → Veilig Thuis; Einddatum: – → 30 juni 2027; Status: Gepland → Bezig"), text);
        assertTrue(text.contains("Versie 3: Status: Bezig → Afgerond"), text);
        assertTrue(text.contains("Versie 1: Aangemaakt."), text);
        assertTrue(text.contains("=Gereed, gedeeld met CSG"));
        assertFalse(text.contains("over de einddatum"));
        Document done = annaPages.get("/verbeterplan?status=AFGEROND").html();
        assertNotNull(done.selectFirst("li.plan-action:has(a:contains(" + unique + "))"), "the filter shows it");
        assertNull(annaPages.get("/verbeterplan?status=BEZIG").html().selectFirst("a:contains(" + unique + ")"));

        // Every change is in the audit log, in Dutch.
        String audit = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/beheer/audit?groep=antwoorden&wie=" + bram.email()).html().text();
        assertTrue(audit.contains("Actie van het verbeterplan gewijzigd") && audit.contains("Status: Bezig → Afgerond"), audit);
        assertTrue(audit.contains("Voortgang bij een actie toegevoegd"), audit);
        assertTrue(app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/beheer/audit?groep=antwoorden&soort=PLAN_ACTION_CREATED&wie=" + anna.email()).html().text()
                .contains("Actie " + id + ": " + unique));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aStaleSaveOnThePageShowsTheColleaguesActionAndKeepsWhatTheUserTyped(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Api annaApi = app.api().login(anna.email(), Fixtures.PASSWORD);
        long scan = nulmetingScan(app, annaApi);
        Response created = annaApi.postJson("/api/v1/gemeenten/" + CBS + "/actions",
                actionJson(scan, "Aandachtsfunctionarissen trainen", "\"" + WEAK + "\"", null, null));
        assertEquals(201, created.status(), created::toString);
        long id = ((Number) created.json().get("id")).longValue();
        assertEquals("GEPLAND", created.json().get("status"), "a new action is planned unless said otherwise");

        Browser bram = app.browser().login(Fixtures.adviseur(app, CBS).email(), Fixtures.PASSWORD);
        Document page = bram.get("/verbeterplan/acties/" + id).html();
        Map<String, String> fields = PageForms.fields(page, "form[action=/verbeterplan/acties/" + id + "]");
        assertEquals("1", fields.get("version"));
        assertEquals(200, annaApi.send("PUT", "/api/v1/actions/" + id, "application/json",
                actionJson(scan, "Anna haar titel", "\"" + WEAK + "\"", null, "BEZIG").replace("}", ", \"version\": 1}"), Map.of()).status());

        fields.put("title", "Bram zijn titel");
        fields.put("description", "Bram zijn lange uitleg");
        fields.put("status", "GESTOPT");
        Response stale = bram.post("/verbeterplan/acties/" + id, fields);
        assertEquals(409, stale.status());
        Document conflict = stale.html();
        assertTrue(conflict.text().contains("Niet opgeslagen: een collega was u voor"));
        assertTrue(conflict.select("[role=alert]").text().contains("Anna haar titel"), "the stored action is shown");
        assertEquals("Bram zijn titel", conflict.selectFirst("input[name=title]").val(), "the typed text stays");
        assertEquals("Bram zijn lange uitleg", conflict.selectFirst("textarea[name=description]").text());
        assertEquals("GESTOPT", conflict.selectFirst("select[name=status] option[selected]").val());
        assertEquals("2", conflict.selectFirst("input[name=version]").val(), "saving again keeps Bram's version");
        assertEquals("Anna haar titel", annaApi.get("/api/v1/gemeenten/" + CBS + "/actions").jsonList().stream()
                .filter(a -> ((Number) a.get("id")).longValue() == id).findFirst().orElseThrow().get("title"));

        Map<String, String> again = PageForms.fields(conflict, "form[action=/verbeterplan/acties/" + id + "]");
        again.put("status", "GESTOPT");
        Response saved = bram.post("/verbeterplan/acties/" + id, again);
        assertEquals(303, saved.status(), saved::toString);
        assertTrue(bram.get(saved.location()).html().text().contains("Actie opgeslagen."));
        Map<String, Object> stored = annaApi.get("/api/v1/gemeenten/" + CBS + "/actions").jsonList().stream()
                .filter(a -> ((Number) a.get("id")).longValue() == id).findFirst().orElseThrow();
        assertEquals("Bram zijn titel", stored.get("title"));
        assertEquals("GESTOPT", stored.get("status"));
        assertEquals(3, ((Number) stored.get("version")).intValue());

        Response note = bram.post("/verbeterplan/acties/" + id + "/voortgang", "text", "Gestopt: budget naar 2028");
        assertEquals(303, note.status());
        assertTrue(bram.get(note.location()).html().text().contains("Gestopt: budget naar 2028"));
        Response emptyNote = bram.post("/verbeterplan/acties/" + id + "/voortgang", "text", " ");
        assertEquals(422, emptyNote.status());
        assertTrue(emptyNote.html().select(".error-summary").text().contains("Vul de voortgang in."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void badInputIsRefusedWithADutchMessageAndNothingIsStored(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Api api = app.api().login(anna.email(), Fixtures.PASSWORD);
        long scan = nulmetingScan(app, api);
        String marker = "Geweigerd " + System.nanoTime();
        String path = "/api/v1/gemeenten/" + CBS + "/actions";
        String key = "\"" + WEAK + "\"";
        Map<String, String> refused = Map.of(
                "questionKeys", actionJson(scan, marker, "\"bestaat-niet\"", null, null),
                "due", actionJson(scan, marker, key, "31-12-2027", null),
                "status", actionJson(scan, marker, key, null, "KLAAR"),
                "title", actionJson(scan, marker + "x".repeat(201), key, null, null),
                "description", actionJson(scan, marker, key, null, null).replace("\"Plan\"", quoted("x".repeat(4001))),
                "sourceScanId", actionJson(otherGemeentesScan(app), marker, key, null, null));
        refused.forEach((field, json) -> {
            Response response = api.postJson(path, json);
            assertEquals(422, response.status(), field + ": " + response);
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), response::toString);
        });
        assertEquals(422, api.postJson(path, actionJson(scan, marker, "", null, null)).status(), "no statement");
        assertTrue(api.get(path).jsonList().stream().noneMatch(a -> a.get("title").toString().startsWith(marker)), "nothing stored");

        Response created = api.postJson(path, actionJson(scan, "<script>alert(1)</script>" + marker, key, null, "BEZIG"));
        assertEquals(201, created.status());
        long id = ((Number) created.json().get("id")).longValue();
        String base = actionJson(scan, marker, key, null, "BEZIG");
        String put = "/api/v1/actions/" + id;
        assertEquals(422, api.send("PUT", put, "application/json", base, Map.of()).status(), "no version");
        assertEquals(422, api.send("PUT", put, "application/json", base.replace("\"BEZIG\"", "\"KLAAR\"").replace("}", ", \"version\": 1}"), Map.of()).status());
        assertEquals(422, api.send("PUT", put, "application/json", base.replace("\"status\": \"BEZIG\"", "\"status\": null").replace("}", ", \"version\": 1}"), Map.of()).status(),
                "a change says its status");
        assertEquals(422, api.postJson(put + "/notes", "{\"text\": \"" + "x".repeat(4001) + "\"}").status());
        assertEquals(422, api.postJson(put + "/notes", "{}").status());
        Map<String, Object> stored = api.get(path).jsonList().stream().filter(a -> ((Number) a.get("id")).longValue() == id)
                .findFirst().orElseThrow();
        assertEquals(1, ((Number) stored.get("version")).intValue(), "unchanged");
        assertEquals(List.of(), stored.get("notes"));
        assertEquals(400, api.send("PUT", put, "application/json", "{\"title\": ", Map.of()).status());

        // Shown escaped on the pages; the page's own checks.
        Browser pages = app.browser().login(anna.email(), Fixtures.PASSWORD);
        for (String page : List.of("/verbeterplan", "/verbeterplan/acties/" + id)) {
            Response response = pages.get(page);
            assertFalse(response.body().contains("<script>alert(1)</script>"), page);
            assertTrue(response.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        }
        Response badFilter = pages.get("/verbeterplan?status=KLAAR");
        assertEquals(400, badFilter.status());
        assertTrue(badFilter.html().text().contains("Dit filter bestaat niet."));
        assertEquals(400, pages.get("/verbeterplan/nieuw?scan=" + scan + "&vraag=bestaat-niet").status());
        assertEquals(400, pages.get("/verbeterplan/nieuw?scan=abc").status());
        Response emptyForm = pages.post("/verbeterplan/nieuw", "title", " ", "sourceScanId", String.valueOf(scan),
                "description", "Mijn tekst blijft staan", "due", "morgen", "status", "GEPLAND");
        assertEquals(422, emptyForm.status());
        Document refusedPage = emptyForm.html();
        String summary = refusedPage.select(".error-summary").text();
        assertTrue(summary.contains("Vul de titel in.") && summary.contains("Kies minstens één stelling")
                && summary.contains("Geef de einddatum als datum"), summary);
        assertEquals("Mijn tekst blijft staan", refusedPage.selectFirst("textarea[name=description]").text());
        assertEquals("morgen", refusedPage.selectFirst("input[name=due]").val());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anOverdueActionIsMarkedInWords(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Api api = app.api().login(anna.email(), Fixtures.PASSWORD);
        long scan = nulmetingScan(app, api);
        String late = "Te laat " + System.nanoTime();
        String onTime = "Op tijd " + System.nanoTime();
        String yesterday = LocalDate.now(nl.quickscan.time.Clocks.ZONE).minusDays(1).toString();
        assertEquals(201, api.postJson("/api/v1/gemeenten/" + CBS + "/actions", actionJson(scan, late, "\"" + WEAK + "\"", yesterday, "BEZIG")).status());
        assertEquals(201, api.postJson("/api/v1/gemeenten/" + CBS + "/actions", actionJson(scan, onTime, "\"" + WEAK + "\"", yesterday, "AFGEROND")).status());
        Document plan = app.browser().login(anna.email(), Fixtures.PASSWORD).get("/verbeterplan").html();
        assertTrue(plan.selectFirst("li.plan-action:has(a:contains(" + late + "))").text().contains("over de einddatum"));
        assertFalse(plan.selectFirst("li.plan-action:has(a:contains(" + onTime + "))").text().contains("over de einddatum"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theHerhalingShowsPerActionItsStatementsThenAndNow(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Api api = app.api().login(anna.email(), Fixtures.PASSWORD);
        long nulmeting = Rounds.open(app, COORDINATOR);
        long before = Scans.start(api, nulmeting);
        Scans.answer(api, before, WEAK, "1");
        Scans.answer(api, before, "visie-gender", "2");
        String title = "Sociale kaart maken " + System.nanoTime();
        Response created = api.postJson("/api/v1/gemeenten/" + CBS + "/actions",
                actionJson(before, title, "\"" + WEAK + "\", \"visie-gender\"", null, "AFGEROND"));
        assertEquals(201, created.status(), created::toString);
        long id = ((Number) created.json().get("id")).longValue();

        long herhaling = Rounds.herhaling(app, COORDINATOR, nulmeting, 1);
        long after = Scans.start(api, herhaling);
        Scans.answer(api, after, WEAK, "3");
        Scans.answer(api, after, "visie-gender", "1");
        String later = "Volgende stap " + System.nanoTime();
        assertEquals(201, api.postJson("/api/v1/gemeenten/" + CBS + "/actions", actionJson(after, later, "\"" + WEAK + "\"", null, null)).status());

        Response comparison = api.get("/api/v1/scans/" + after + "/comparison");
        assertEquals(200, comparison.status(), comparison::toString);
        List<?> actions = (List<?>) comparison.json().get("actions");
        assertEquals(1, actions.size(), "only the actions made from the nulmeting: " + actions);
        Map<?, ?> action = (Map<?, ?>) actions.get(0);
        assertEquals(id, ((Number) action.get("id")).longValue());
        assertEquals(title, action.get("title"));
        assertEquals("AFGEROND", action.get("status"));
        assertEquals(List.of(Map.of("key", WEAK, "before", "1", "after", "3", "direction", "IMPROVED"),
                Map.of("key", "visie-gender", "before", "2", "after", "1", "direction", "DECLINED")), action.get("statements"));

        Document page = app.browser().login(anna.email(), Fixtures.PASSWORD).get("/scans/" + after + "/vergelijking").html();
        Element shown = page.selectFirst("li.plan-action:has(a:contains(" + title + "))");
        assertNotNull(shown, "the comparison page shows the action");
        assertTrue(shown.text().contains("Status: Afgerond"), shown.text());
        assertTrue(shown.text().contains("Nulmeting: In voorbereiding → herhaling: Ja, volledig en geborgd – ▲ verbeterd"), shown.text());
        assertNull(page.selectFirst("a:contains(" + later + ")"), "not an action made from the herhaling");
        assertEquals(404, app.api().login(Fixtures.adviseur(app, "GM0047").email(), Fixtures.PASSWORD)
                .get("/api/v1/scans/" + after + "/comparison").status());
    }

    /**
     * The herhaling's results page lists the open actions of the nulmeting; one goes along to the herhaling's scan,
     * one is closed after a colleague's change made the page stale (409, nothing overwritten), and a finished action
     * is not offered.
     */
    @ParameterizedTest
    @MethodSource(APPS)
    void theHerhalingsResultsPageCarriesActionsOverOrClosesThem(TestApp app) {
        Account anna = Fixtures.adviseur(app, CBS);
        Account bram = Fixtures.adviseur(app, CBS);
        Api annaApi = app.api().login(anna.email(), Fixtures.PASSWORD);
        Api bramApi = app.api().login(bram.email(), Fixtures.PASSWORD);
        long nulmeting = Rounds.open(app, COORDINATOR);
        long before = Scans.start(annaApi, nulmeting);
        Scans.answer(annaApi, before, WEAK, "1");
        String tag = " " + System.nanoTime();
        long carried = created(annaApi, actionJson(before, "Sociale kaart" + tag, "\"" + WEAK + "\"", null, "BEZIG"));
        long closed = created(annaApi, actionJson(before, "Werkafspraken" + tag, "\"" + WEAK + "\"", null, "GEPLAND"));
        long done = created(annaApi, actionJson(before, "Al klaar" + tag, "\"" + WEAK + "\"", null, "AFGEROND"));
        long herhaling = Rounds.openHerhaling(app, COORDINATOR, nulmeting);
        long after = Scans.start(annaApi, herhaling);
        Browser pages = app.browser().login(anna.email(), Fixtures.PASSWORD);
        assertTrue(pages.get("/verbeterplan/acties/" + carried).html().selectFirst(".plan-action__answer").text()
                .endsWith(": In voorbereiding"), "a herhaling not yet answered leaves the nulmeting's answer current");
        Scans.answer(annaApi, after, WEAK, "3");
        assertTrue(pages.get("/verbeterplan/acties/" + carried).html().selectFirst(".plan-action__answer").text()
                .endsWith(": Ja, volledig en geborgd"), "the herhaling's answer once given");

        String results = "/scans/" + after + "/resultaten";
        Document page = pages.get(results).html();
        Element offered = page.selectFirst("#verbeterplan + p + ul");
        assertNotNull(offered, "the open actions of the nulmeting");
        assertTrue(offered.text().contains("Sociale kaart" + tag) && offered.text().contains("Werkafspraken" + tag), offered.text());
        assertFalse(offered.text().contains("Al klaar" + tag), "a finished action is not offered");
        assertEquals(List.of("Afgerond", "Gestopt"), offered.select("#afsluiten-" + closed + " option").eachText());
        assertNull(app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get(results).html().selectFirst("#verbeterplan"),
                "only the gemeente's advisers are offered the forms");

        assertEquals(403, pages.postWithoutToken("/verbeterplan/acties/" + carried + "/meenemen", "scan", String.valueOf(after),
                "version", "1").status());
        assertEquals(1, ((Number) actionOf(annaApi, carried).get("version")).intValue(), "nothing changed without the token");
        Response carriedOver = pages.post("/verbeterplan/acties/" + carried + "/meenemen", "scan", String.valueOf(after), "version", "1");
        assertEquals(303, carriedOver.status(), carriedOver::toString);
        assertEquals(results + "?melding=meegenomen#verbeterplan", carriedOver.location());
        Map<String, Object> moved = actionOf(annaApi, carried);
        assertEquals(after, ((Number) moved.get("sourceScanId")).longValue());
        assertEquals("BEZIG", moved.get("status"), "it stays open");
        assertEquals(2, ((Number) moved.get("version")).intValue());
        Document confirmed = pages.get(carriedOver.location()).html();
        assertTrue(confirmed.text().contains("De actie is meegenomen naar deze meting."));
        assertFalse(confirmed.selectFirst("#verbeterplan + p + ul").text().contains("Sociale kaart" + tag), "no longer offered");

        // Bram changes the other action after Anna's page was shown: her choice is refused, his change kept.
        Map<String, Object> seen = actionOf(bramApi, closed);
        assertEquals(200, bramApi.send("PUT", "/api/v1/actions/" + closed, "application/json",
                actionJson(before, "Werkafspraken" + tag, "\"" + WEAK + "\"", null, "BEZIG").replace("}", ", \"version\": 1}"), Map.of()).status());
        Response stale = pages.post("/verbeterplan/acties/" + closed + "/afsluiten", "scan", String.valueOf(after),
                "version", String.valueOf(seen.get("version")), "status", "AFGEROND");
        assertEquals(409, stale.status(), stale::toString);
        assertTrue(stale.html().text().contains("Niet opgeslagen: een collega heeft de actie \"Werkafspraken" + tag
                + "\" intussen gewijzigd (nu: bezig)"), stale.html().text());
        assertEquals("BEZIG", actionOf(annaApi, closed).get("status"), "nothing overwritten");
        Response wrongStatus = pages.post("/verbeterplan/acties/" + closed + "/afsluiten", "scan", String.valueOf(after),
                "version", "2", "status", "BEZIG");
        assertEquals(422, wrongStatus.status());
        assertTrue(wrongStatus.html().text().contains("Kies of de actie is afgerond of gestopt."));
        Response closing = pages.post("/verbeterplan/acties/" + closed + "/afsluiten", "scan", String.valueOf(after),
                "version", "2", "status", "GESTOPT");
        assertEquals(303, closing.status(), closing::toString);
        assertEquals("GESTOPT", actionOf(annaApi, closed).get("status"));
        assertEquals(before, ((Number) actionOf(annaApi, closed).get("sourceScanId")).longValue(), "closed where it was made");
        assertTrue(pages.get(closing.location()).html().text().contains("De actie is afgesloten."));

        Response again = pages.post("/verbeterplan/acties/" + done + "/afsluiten", "scan", String.valueOf(after),
                "version", "1", "status", "GESTOPT");
        assertEquals(422, again.status(), "a finished action stays as it is");
        assertEquals("AFGEROND", actionOf(annaApi, done).get("status"));
        Response notFromTheNulmeting = pages.post("/verbeterplan/acties/" + carried + "/meenemen", "scan", String.valueOf(after),
                "version", "2");
        assertEquals(422, notFromTheNulmeting.status(), "carried over once");
        Document history = pages.get("/verbeterplan/acties/" + carried).html();
        assertTrue(history.text().contains("Meegenomen naar "), "in the action's history");

        // The herhaling still checks the carried action: it was worked on between the nulmeting and the herhaling.
        List<?> checked = (List<?>) annaApi.get("/api/v1/scans/" + after + "/comparison").json().get("actions");
        Map<?, ?> carriedCheck = checked.stream().map(Map.class::cast)
                .filter(action -> ((Number) action.get("id")).longValue() == carried).findFirst().orElse(null);
        assertNotNull(carriedCheck, "a carried action stays in the herhaling's check: " + checked);
        assertEquals("BEZIG", carriedCheck.get("status"));
        assertEquals(List.of(Map.of("key", WEAK, "before", "1", "after", "3", "direction", "IMPROVED")), carriedCheck.get("statements"));
        assertEquals(3, checked.size(), "the three actions of the nulmeting, carried, closed or done: " + checked);
        String audit = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/beheer/audit?groep=antwoorden&wie=" + anna.email()).html().text();
        assertTrue(audit.contains("Actie meegenomen naar de herhaling") && audit.contains("Actie afgesloten bij de herhaling")
                && audit.contains("Status: Bezig → Gestopt"), audit);
    }

    /**
     * A herhaling on a newer survey version: an action goes along under the key of the statement that replaces its
     * own; one whose statement the new version no longer asks is refused in Dutch, and nothing changes.
     */
    @org.junit.jupiter.api.Test
    void anActionWhoseStatementTheHerhalingNoLongerAsksCannotBeCarriedOver() throws Exception {
        java.nio.file.Path surveys = java.nio.file.Files.createTempDirectory("surveys");
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(surveys.resolve("quickscan-seksueel-geweld"));
        String v1 = java.nio.file.Files.readString(java.nio.file.Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"));
        java.nio.file.Files.writeString(folder.resolve("v1.yaml"), v1);
        java.nio.file.Files.writeString(folder.resolve("v2.yaml"), v1.replaceFirst("\nversion: 1\n", "\nversion: 2\n")
                .replace("      - key: visie-gedeelde-visie\n", "      - key: visie-gedeelde-visie-2027\n        replaces: visie-gedeelde-visie\n")
                .replace("      - key: visie-gender\n", "      - key: visie-gender-2027\n"));
        TestApp app = TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString()));
        try {
            Account anna = Fixtures.adviseur(app, CBS);
            Api api = app.api().login(anna.email(), Fixtures.PASSWORD);
            long nulmeting = Rounds.open(app, COORDINATOR);
            long before = Scans.start(api, nulmeting);
            Scans.answer(api, before, "visie-gedeelde-visie", "1");
            long replaced = created(api, actionJson(before, "Visie vastleggen", "\"visie-gedeelde-visie\"", null, "BEZIG"));
            long dropped = created(api, actionJson(before, "Gender meenemen", "\"visie-gender\"", null, "GEPLAND"));
            long after = Scans.start(api, Rounds.herhaling(app, COORDINATOR, nulmeting, 2));
            Browser pages = app.browser().login(anna.email(), Fixtures.PASSWORD);

            Response refused = pages.post("/verbeterplan/acties/" + dropped + "/meenemen", "scan", String.valueOf(after), "version", "1");
            assertEquals(422, refused.status(), refused::toString);
            assertTrue(refused.html().text().contains("Deze actie kan niet mee naar deze meting: de vragenlijst van Herhaling")
                    && refused.html().text().contains("stelt de stelling visie-gender niet meer. Sluit de actie af"), refused.html().text());
            Map<String, Object> unchanged = actionOf(api, dropped);
            assertEquals(before, ((Number) unchanged.get("sourceScanId")).longValue(), "nothing changed");
            assertEquals(1, ((Number) unchanged.get("version")).intValue());

            assertEquals(303, pages.post("/verbeterplan/acties/" + replaced + "/meenemen", "scan", String.valueOf(after), "version", "1").status());
            Map<String, Object> moved = actionOf(api, replaced);
            assertEquals(after, ((Number) moved.get("sourceScanId")).longValue());
            assertEquals(List.of("visie-gedeelde-visie-2027"), moved.get("questionKeys"), "under the statement that replaces it");
        } finally {
            app.stop();
            try (var files = java.nio.file.Files.walk(surveys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static long created(Api api, String json) {
        Response created = api.postJson("/api/v1/gemeenten/" + CBS + "/actions", json);
        assertEquals(201, created.status(), created::toString);
        return ((Number) created.json().get("id")).longValue();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theCoordinatorSeesTheRegiosPlansOfARoundPerBouwsteen(TestApp app) {
        long round = Rounds.open(app, COORDINATOR);
        String yesterday = LocalDate.now(nl.quickscan.time.Clocks.ZONE).minusDays(1).toString();
        for (String cbs : List.of(CBS, "GM0047")) {
            Api api = app.api().login(Fixtures.adviseur(app, cbs).email(), Fixtures.PASSWORD);
            long scan = Scans.start(api, round);
            Scans.answer(api, scan, WEAK, "1");
            assertEquals(201, api.postJson("/api/v1/gemeenten/" + cbs + "/actions",
                    actionJson(scan, "Kaart " + cbs, "\"" + WEAK + "\"", yesterday, "BEZIG")).status());
            assertEquals(201, api.postJson("/api/v1/gemeenten/" + cbs + "/actions",
                    actionJson(scan, "Kaart klaar " + cbs, "\"" + WEAK + "\", \"visie-gender\"", null, "AFGEROND")).status());
        }
        Map<String, Object> plan = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/api/v1/rounds/" + round + "/actions").json();
        Map<?, ?> samenwerking = ((List<?>) plan.get("bouwstenen")).stream().map(b -> (Map<?, ?>) b)
                .filter(b -> b.get("key").equals("samenwerking")).findFirst().orElseThrow();
        assertEquals(Map.of("key", "samenwerking", "gemeenten", 2, "actions", 4, "done", 2, "overdue", 2), samenwerking);
        Map<?, ?> visie = ((List<?>) plan.get("bouwstenen")).stream().map(b -> (Map<?, ?>) b)
                .filter(b -> b.get("key").equals("visie")).findFirst().orElseThrow();
        assertEquals(0, ((Number) visie.get("actions")).intValue(), "an action counts under its first statement only");
        List<?> actions = (List<?>) plan.get("actions");
        assertEquals(4, actions.size());
        Map<?, ?> first = (Map<?, ?>) actions.stream().filter(a -> ((Map<?, ?>) a).get("title").equals("Kaart GM0047")).findFirst().orElseThrow();
        assertEquals(Map.of("cbsCode", "GM0047", "name", "Veendam"), first.get("gemeente"));
        assertEquals("BEZIG", first.get("status"));

        // The same figures on the coordinator's page, linked from the round's dashboard; its list is filtered.
        Browser pages = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        String href = "/rondes/" + round + "/verbeterplannen";
        assertNotNull(pages.get("/rondes/" + round).html().selectFirst("a[href=" + href + "]"), "linked from the dashboard");
        Document page = pages.get(href).html();
        assertEquals(List.of("Bouwsteen 2. Netwerkpartners en samenwerking", "2", "4", "2", "2"),
                page.select("tr:has(th:contains(Netwerkpartners))").first().select("th, td").eachText());
        Element late = page.selectFirst("tr:has(a:contains(Kaart GM0047))");
        assertTrue(late.text().contains("Bezig – over de einddatum"), late.text());
        assertNotNull(late.selectFirst("a[href=/verbeterplan?gemeente=GM0047]"), "the gemeente links to its plan");
        assertEquals(4, page.select("table.regio-plan tbody tr").size());
        Document done = pages.get(href + "?status=AFGEROND&bouwsteen=samenwerking").html();
        assertEquals(List.of("Kaart klaar GM0037", "Kaart klaar GM0047"), done.select("table.regio-plan tbody tr td:nth-of-type(1)").eachText());
        assertTrue(done.text().contains("U ziet 2 van de 4 acties."));
        assertTrue(pages.get(href + "?bouwsteen=visie").body().contains("Geen acties met dit filter."));
        Response unknownStatus = pages.get(href + "?status=KLAAR");
        assertEquals(400, unknownStatus.status());
        assertTrue(unknownStatus.body().contains("Dit filter bestaat niet"), unknownStatus.body());
        Response unknownBouwsteen = pages.get(href + "?bouwsteen=%3Cscript%3E");
        assertEquals(400, unknownBouwsteen.status());
        assertTrue(unknownBouwsteen.body().contains("Deze bouwsteen staat niet in de vragenlijst van de meetronde"));
        assertFalse(unknownBouwsteen.body().contains("<script>"));
    }

    /** A regio's round with many actions: the coordinator's list shows 50 at a time, its filter kept across pages. */
    @ParameterizedTest
    @MethodSource(APPS)
    void theRegiosListOfActionsIsPaged(TestApp app) {
        long round = Rounds.open(app, COORDINATOR);
        Api api = app.api().login(Fixtures.adviseur(app, CBS).email(), Fixtures.PASSWORD);
        long scan = Scans.start(api, round);
        Scans.answer(api, scan, WEAK, "1");
        for (int i = 1; i <= Paging.PAGE_SIZE + 1; i++) {
            created(api, actionJson(scan, "Actie " + i, "\"" + WEAK + "\"", null, "BEZIG"));
        }
        Browser pages = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        String href = "/rondes/" + round + "/verbeterplannen";
        Document first = pages.get(href + "?status=BEZIG").html();
        assertEquals(Paging.PAGE_SIZE, first.select("table.regio-plan tbody tr").size());
        assertEquals("1–50 van 51", first.selectFirst(".paging__range").text());
        assertTrue(first.text().contains("U ziet 51 van de 51 acties."), "the count is of all pages");
        assertEquals(href + "?status=BEZIG&pagina=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = pages.get(href + "?status=BEZIG&pagina=2").html();
        assertEquals(1, second.select("table.regio-plan tbody tr").size());
        assertEquals(href + "?status=BEZIG", second.selectFirst("a[rel=prev]").attr("href"));
        Document beyond = pages.get(href + "?pagina=9").html();
        assertTrue(beyond.text().contains("Pagina 9 bestaat niet; er zijn 2 pagina's."), beyond.text());
        assertFalse(beyond.text().contains("Nog geen gemeente heeft een actie"), "the round has actions, on other pages");
        Response zero = pages.get(href + "?pagina=0");
        assertEquals(400, zero.status());
        assertTrue(zero.body().contains("Het paginanummer moet een getal van 1 tot en met 10.000 zijn."), zero.body());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSharedActionIsSeenByTheOtherGemeentenOfTheRegioAsAnExampleOnly(TestApp app) {
        Account veendam = Fixtures.adviseur(app, "GM0047");
        Api api = app.api().login(veendam.email(), Fixtures.PASSWORD);
        long scan = Scans.start(api, Rounds.open(app, COORDINATOR));
        Scans.answer(api, scan, WEAK, "1");
        String shared = "Gedeelde kaart " + System.nanoTime();
        String own = "Eigen kaart " + System.nanoTime();
        Response sharedAction = api.postJson("/api/v1/gemeenten/GM0047/actions",
                actionJson(scan, shared, "\"" + WEAK + "\"", null, "BEZIG").replace("\"shared\": false", "\"shared\": true"));
        assertEquals(201, sharedAction.status(), sharedAction::toString);
        assertEquals(Boolean.TRUE, sharedAction.json().get("shared"));
        long id = ((Number) sharedAction.json().get("id")).longValue();
        assertEquals(201, api.postJson("/api/v1/actions/" + id + "/notes", "{\"text\": \"Geheime notitie\"}").status());
        assertEquals(201, api.postJson("/api/v1/gemeenten/GM0047/actions", actionJson(scan, own, "\"" + WEAK + "\"", null, null)).status());

        Browser stadskanaal = app.browser().login(Fixtures.adviseur(app, CBS).email(), Fixtures.PASSWORD);
        Document plan = stadskanaal.get("/verbeterplan").html();
        Element example = plan.selectFirst("li.plan-action--shared:has(h3:contains(" + shared + "))");
        assertNotNull(example, "shown as an example");
        assertTrue(example.text().contains("Gemeente Veendam") && example.text().contains("Bezig") && example.text().contains("Plan"),
                example.text());
        assertFalse(plan.text().contains(own), "an action that is not shared stays the gemeente's");
        assertFalse(example.text().contains("Team zorg") || example.text().contains("Veilig Thuis")
                || plan.text().contains("Geheime notitie"), "nothing else of that gemeente: no owner, partners or notes");
        assertTrue(example.select("a").isEmpty(), "no way into the other gemeente's action");
        assertEquals(404, stadskanaal.get("/verbeterplan/acties/" + id).status());
        assertEquals(404, app.api().login(Fixtures.adviseur(app, CBS).email(), Fixtures.PASSWORD).get("/api/v1/gemeenten/GM0047/actions").status());
        assertFalse(app.browser().login(Fixtures.adviseur(app, "GM0106").email(), Fixtures.PASSWORD).get("/verbeterplan").body()
                .contains(shared), "only within the regio");
        assertFalse(app.browser().login(veendam.email(), Fixtures.PASSWORD).get("/verbeterplan").html()
                .select("li.plan-action--shared").text().contains(shared), "not as an example to itself");
    }

    /** A scan with an answer of another gemeente of the same regio (Veendam). */
    static long otherGemeentesScan(TestApp app) {
        Api other = app.api().login(Fixtures.adviseur(app, "GM0047").email(), Fixtures.PASSWORD);
        long scan = Scans.start(other, Rounds.open(app, COORDINATOR));
        Scans.answer(other, scan, WEAK, "0");
        return scan;
    }
}
