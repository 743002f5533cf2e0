package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.text.DutchFormat;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round from start to finish: the coordinator (or beheerder) renames it, extends it, closes it early or removes it
 * while it is unused, through the API and the pages; what is refused changes nothing; every change is in the audit log.
 */
class RoundLifecycleTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";
    private static final String BEHEERDER = "beheerder@quickscan.test";
    private static final String QUESTION = "visie-gedeelde-visie";

    @ParameterizedTest
    @MethodSource(APPS)
    void anExtendedRoundTakesAnswersAfterItsOldClosingDate(TestApp app) {
        LocalDate today = LocalDate.now();
        long roundId = Rounds.open(app, COORDINATOR, today.minusDays(1), today.plusDays(2));
        Api adviser = login(app, newAdviser(app));
        long scanId = Scans.start(adviser, roundId);
        assertEquals(200, save(adviser, scanId, "1", 0).status());

        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Map<String, Object> before = round(coordinator, roundId);
        Response extended = change(coordinator, roundId, (String) before.get("name"), today.minusDays(1), today.plusDays(20));
        assertEquals(200, extended.status(), extended::toString);
        assertEquals(today.plusDays(20).toString(), extended.json().get("closes"));
        assertEquals(true, extended.json().get("open"));
        assertEquals(roundId, ((Number) extended.json().get("id")).longValue());
        assertTrue(audit(app, "ROUND_CHANGED", (String) before.get("name")).stream().anyMatch(e -> e.details().equals(
                "open tot en met: " + DutchFormat.date(today.plusDays(2)) + " → " + DutchFormat.date(today.plusDays(20)))
                && COORDINATOR.equals(e.actorEmail())), "who, what: old → new");

        Rounds.daysPass(app, roundId, 5);
        Response late = save(adviser, scanId, "2", 1);
        assertEquals(200, late.status(), "saved after the old closing date: " + late);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aRoundClosedEarlyRefusesAnswersFromTheNextDayAndShowsTheScanReadOnly(TestApp app) {
        LocalDate today = LocalDate.now();
        long roundId = Rounds.open(app, COORDINATOR, today.minusDays(3), today.plusDays(20));
        Account account = newAdviser(app);
        Api adviser = login(app, account);
        long scanId = Scans.start(adviser, roundId);
        assertEquals(200, save(adviser, scanId, "1", 0).status());

        Browser coordinator = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Document form = coordinator.get("/rondes/" + roundId + "/aanpassen").html();
        Map<String, String> fields = Browser.fieldsOf(form.selectFirst("form[action=/rondes/" + roundId + "/aanpassen]"));
        assertEquals(today.plusDays(20).toString(), fields.get("closes"));
        fields.put("closes", today.toString());
        Response closed = coordinator.post("/rondes/" + roundId + "/aanpassen", fields);
        assertEquals(303, closed.status(), closed::toString);
        assertTrue(closed.location().endsWith("/rondes/" + roundId + "?melding=aangepast"), closed.location());
        Document dashboard = coordinator.get("/rondes/" + roundId + "?melding=aangepast").html();
        assertEquals("Meetronde aangepast.", dashboard.selectFirst(".utrecht-alert--ok").text());
        assertTrue(dashboard.text().contains("tot en met " + DutchFormat.date(today)), dashboard.text());

        assertEquals(200, save(adviser, scanId, "2", 1).status(), "open until the end of the closing day");
        Rounds.daysPass(app, roundId, 1);
        Response late = save(adviser, scanId, "3", 2);
        assertEquals(409, late.status(), late::toString);
        assertTrue(String.valueOf(late.json().get("message")).contains("gesloten"), late::toString);
        Browser adviserPages = app.browser().login(account.email(), Fixtures.PASSWORD);
        Document part = adviserPages.get("/scans/" + scanId + "/deel/visie").html();
        assertTrue(part.text().contains("De meetronde is gesloten: de antwoorden kunnen niet meer worden gewijzigd."), part.text());
        assertFalse(part.select("fieldset.question").isEmpty());
        assertTrue(part.select("fieldset.question").stream().allMatch(f -> f.hasAttr("disabled")), "read-only");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aPagePostAfterTheRoundClosedStoresNothingAndShowsWhatWasTyped(TestApp app) {
        LocalDate today = LocalDate.now();
        long roundId = Rounds.open(app, COORDINATOR, today.minusDays(3), today);
        Account account = newAdviser(app);
        Api adviser = login(app, account);
        long scanId = Scans.start(adviser, roundId);
        assertEquals(200, save(adviser, scanId, "1", 0).status());
        Browser pages = app.browser().login(account.email(), Fixtures.PASSWORD);
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        String path = "/scans/" + scanId + "/deel/visie";
        Document page = pages.get(path).html();
        assertEquals("Geschiedenis (1 wijziging)", page.selectFirst("#" + QUESTION + " .question__history summary").text(),
                "one change, in the singular");
        assertTrue(rowOf(pages, coordinator, roundId).contains("Vandaag is de laatste dag"), "open until today: " + rowOf(pages, coordinator, roundId));
        Map<String, String> fields = Browser.fieldsOf(page.selectFirst("form.scan-form"));
        fields.put("value." + QUESTION, "3");
        fields.put("comment." + QUESTION, "Besproken in de stuurgroep van <b>maart</b>");
        fields.put("action", "volgende");

        Rounds.daysPass(app, roundId, 1);
        Response late = pages.post(path, fields);
        assertEquals(409, late.status(), late::toString);
        Document shown = late.html();
        assertEquals("De meetronde is gesloten; uw antwoorden zijn niet opgeslagen. Hieronder staat wat u invulde,"
                + " zodat u het kunt bewaren.", shown.selectFirst(".utrecht-alert--warning").text());
        assertEquals("Besproken in de stuurgroep van <b>maart</b>", shown.selectFirst("#comment-" + QUESTION).wholeText());
        assertTrue(shown.selectFirst("#" + QUESTION + "-3").hasAttr("checked"), "the typed answer stays selected");
        String unsaved = shown.selectFirst("#" + QUESTION + " .question__unsaved").text();
        assertTrue(unsaved.contains("Besproken in de stuurgroep van <b>maart</b>"), "as text to copy: " + unsaved);
        assertTrue(shown.select(".question__unsaved b").isEmpty(), "text, never markup");
        assertTrue(shown.select("fieldset.question").stream().allMatch(f -> f.hasAttr("disabled")), "read-only");
        Map<?, ?> stored = ((List<?>) adviser.get("/api/v1/scans/" + scanId).json().get("answers")).stream()
                .map(a -> (Map<?, ?>) a).filter(a -> QUESTION.equals(a.get("questionKey"))).findFirst().orElseThrow();
        assertEquals("1", stored.get("value"), "nothing stored");
        assertEquals(1, ((Number) stored.get("version")).intValue());
        assertFalse(rowOf(pages, coordinator, roundId).contains("Vandaag is de laatste dag"), "closed: " + rowOf(pages, coordinator, roundId));

        // A closed round the gemeente never started says so where the action was.
        long missedId = Rounds.open(app, COORDINATOR, today.minusDays(3), today.plusDays(12));
        assertTrue(rowOf(pages, coordinator, missedId).contains("Nog 12 dagen"), rowOf(pages, coordinator, missedId));
        Rounds.close(app, missedId);
        assertTrue(rowOf(pages, coordinator, missedId).contains("Niet ingevuld; de meetronde is gesloten"), rowOf(pages, coordinator, missedId));
    }

    /** The round's row on the adviser's Mijn quickscans, as text. */
    private static String rowOf(Browser adviser, Api coordinator, long roundId) {
        Document dashboard = adviser.get("/scans").html();
        String name = (String) round(coordinator, roundId).get("name");
        return dashboard.select("tbody tr").stream().filter(row -> row.text().contains(name)).findFirst().orElseThrow().text();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aClosedRoundKeepsItsDatesSoThatTheFiguresOthersSawStayTheSame(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR);
        Rounds.close(app, roundId);
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Map<String, Object> before = round(coordinator, roundId);
        LocalDate opens = LocalDate.parse((String) before.get("opens"));
        LocalDate closes = LocalDate.parse((String) before.get("closes"));

        Response reopened = change(coordinator, roundId, (String) before.get("name"), opens, LocalDate.now().plusDays(10));
        assertEquals(422, reopened.status(), reopened::toString);
        assertTrue(reopened.body().contains("gesloten"), reopened::toString);
        assertEquals(before, round(coordinator, roundId), "nothing changed");

        String name = "Hernoemd " + System.nanoTime();
        Response renamed = change(coordinator, roundId, name, opens, closes);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(name, renamed.json().get("name"));
        assertEquals(false, renamed.json().get("open"));
        assertTrue(audit(app, "ROUND_CHANGED", (String) before.get("name")).stream()
                .anyMatch(e -> e.details().equals("naam: " + before.get("name") + " → " + name)));
        Document form = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get("/rondes/" + roundId + "/aanpassen").html();
        assertTrue(form.select("input[type=date]").isEmpty(), "the form of a closed round has only the name");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void everyImpossibleChangeIsRefusedWithADutchMessageAndChangesNothing(TestApp app) {
        LocalDate today = LocalDate.now();
        long roundId = Rounds.open(app, COORDINATOR, today.minusDays(1), today.plusDays(30));
        long otherId = Rounds.open(app, COORDINATOR);
        Api adviser = login(app, newAdviser(app));
        assertEquals(200, save(adviser, Scans.start(adviser, roundId), "1", 0).status());
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Map<String, Object> before = round(coordinator, roundId);
        String name = (String) before.get("name");
        String opens = (String) before.get("opens");
        String closes = (String) before.get("closes");
        String taken = (String) round(coordinator, otherId).get("name");

        Map<String, String> refusals = Map.ofEntries(
                Map.entry(json(name, opens, today.minusDays(2).toString()), "closes"),
                Map.entry(json(name, today.plusDays(1).toString(), closes), "opens"),
                Map.entry(json(name, today.minusDays(10).toString(), today.minusDays(1).toString()), "closes"),
                Map.entry(json(taken, opens, closes), "name"),
                Map.entry(json("", opens, closes), "name"),
                Map.entry(json("x".repeat(Meetronde.NAME_MAX + 1), opens, closes), "name"),
                Map.entry(json(name, opens, "2100-01-01"), "closes"),
                Map.entry(json(name, "1999-12-31", closes), "opens"),
                Map.entry(json(name, opens, "2026-02-30"), "closes"),
                Map.entry(json(name, "morgen", closes), "opens"),
                Map.entry("{\"name\": \"" + name + "\"}", "opens"));
        refusals.forEach((body, field) -> {
            Response refused = coordinator.send("PUT", "/api/v1/rounds/" + roundId, "application/json", body, Map.of());
            assertEquals(422, refused.status(), body + ": " + refused);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.json().get("errors");
            assertEquals(field, errors.get(0).get("field"), body + ": " + refused);
            assertTrue(String.valueOf(errors.get(0).get("message")).matches("[A-Z].*\\."), "a Dutch sentence: " + refused);
        });
        Response later = coordinator.send("PUT", "/api/v1/rounds/" + roundId, "application/json",
                json(name, today.plusDays(1).toString(), closes), Map.of());
        assertTrue(String.valueOf(later.json().get("errors")).contains("al een antwoord gegeven"), later::toString);
        assertEquals(before, round(coordinator, roundId), "nothing changed");
        assertTrue(audit(app, "ROUND_CHANGED", name).isEmpty(), "nothing in the audit log");

        Browser pages = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        Response page = pages.post("/rondes/" + roundId + "/aanpassen", "name", name, "opens", opens,
                "closes", today.minusDays(2).toString());
        assertEquals(422, page.status());
        Document refusedPage = page.html();
        assertNotNull(refusedPage.selectFirst(".error-summary a[href=#closes]"), "the summary links to the field");
        assertEquals(today.minusDays(2).toString(), refusedPage.selectFirst("input#closes").val(), "the form keeps what was typed");
        assertEquals(before, round(coordinator, roundId), "nothing changed");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void anEmptyRoundCanBeRemovedAndOneWithAnswersCannot(TestApp app) {
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        long emptyId = Rounds.open(app, COORDINATOR);
        String emptyName = (String) round(coordinator, emptyId).get("name");
        Account account = newAdviser(app);
        Api adviser = login(app, account);
        Scans.start(adviser, emptyId); // started, nothing answered
        Response removed = coordinator.send("DELETE", "/api/v1/rounds/" + emptyId, "application/json", "", Map.of());
        assertEquals(204, removed.status(), removed::toString);
        assertTrue(coordinator.get("/api/v1/rounds").jsonList().stream().noneMatch(r -> ((Number) r.get("id")).longValue() == emptyId));
        Browser pages = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        assertFalse(pages.get("/rondes").body().contains("/rondes/" + emptyId + "\""), "gone from the rounds page");
        assertEquals(404, pages.get("/rondes/" + emptyId).status());
        assertFalse(app.browser().login(account.email(), Fixtures.PASSWORD).get("/scans").body().contains(emptyName),
                "gone from the adviser's page");
        assertEquals(1, audit(app, "ROUND_REMOVED", emptyName).size());

        long usedId = Rounds.open(app, COORDINATOR);
        long scanId = Scans.start(adviser, usedId);
        assertEquals(200, save(adviser, scanId, "1", 0).status());
        Map<String, Object> before = round(coordinator, usedId);
        Response refused = coordinator.send("DELETE", "/api/v1/rounds/" + usedId, "application/json", "", Map.of());
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(String.valueOf(refused.json().get("message")).contains("antwoorden"), refused::toString);
        assertEquals(before, round(coordinator, usedId), "still there");
        assertEquals(200, adviser.get("/api/v1/scans/" + scanId).status(), "the scan with it");
        Document confirm = pages.get("/rondes/" + usedId + "/verwijderen").html();
        assertTrue(confirm.select("form[action=/rondes/" + usedId + "/verwijderen]").isEmpty(), "no button to try");
        assertTrue(confirm.text().contains("er zijn al antwoorden gegeven"), confirm.text());
        assertEquals(409, pages.post("/rondes/" + usedId + "/verwijderen").status());
        assertEquals(before, round(coordinator, usedId), "still there");
        assertTrue(audit(app, "ROUND_REMOVED", (String) before.get("name")).isEmpty());


        long baseline = Rounds.open(app, COORDINATOR);
        Rounds.openHerhaling(app, COORDINATOR, baseline);
        Response compared = coordinator.send("DELETE", "/api/v1/rounds/" + baseline, "application/json", "", Map.of());
        assertEquals(409, compared.status(), "a herhaling is compared with it, though nobody answered: " + compared);
        assertTrue(String.valueOf(compared.json().get("message")).contains("herhaling"), compared::toString);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void thePagesConfirmEachChangeAndNeedTheirCsrfToken(TestApp app) {
        Browser coordinator = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        LocalDate today = LocalDate.now();
        String name = "Paginaronde " + System.nanoTime();
        Response opened = coordinator.post("/rondes", "name", name, "kind", "NULMETING", "survey", "quickscan-seksueel-geweld@1",
                "opens", today.toString(), "closes", today.plusDays(30).toString(), "baselineRoundId", "");
        assertEquals(303, opened.status(), opened::toString);
        assertTrue(opened.location().endsWith("?melding=geopend"), opened.location());
        Document dashboard = coordinator.get(opened.location()).html();
        assertEquals("Meetronde geopend; de gemeenten zien hem nu.", dashboard.selectFirst(".utrecht-alert--ok").text());
        String path = opened.location().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        long roundId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertNotNull(dashboard.selectFirst("a[href=/rondes/" + roundId + "/aanpassen]"));
        assertTrue(coordinator.get(path).html().select(".utrecht-alert--ok").isEmpty(), "the confirmation shows once");

        Response forged = coordinator.postWithoutToken(path + "/aanpassen", "name", "Vervalst", "opens", today.toString(),
                "closes", today.plusDays(5).toString());
        assertEquals(403, forged.status());
        Api api = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        assertEquals(name, round(api, roundId).get("name"), "nothing changed without the token");
        assertEquals(403, coordinator.postWithoutToken(path + "/verwijderen").status());
        assertEquals(name, round(api, roundId).get("name"), "not removed without the token");

        Document confirm = coordinator.get(path + "/verwijderen").html();
        assertTrue(confirm.text().contains("Weet u zeker"), "asks first");
        Map<String, String> fields = Browser.fieldsOf(confirm.selectFirst("form[action=" + path + "/verwijderen]"));
        assertFalse(fields.get("_csrf").isBlank(), "the form carries the token");
        Response removed = coordinator.post(path + "/verwijderen", fields);
        assertEquals(303, removed.status(), removed::toString);
        assertTrue(removed.location().endsWith("/rondes?melding=verwijderd"), removed.location());
        Document rounds = coordinator.get("/rondes?melding=verwijderd").html();
        assertEquals("Meetronde verwijderd.", rounds.selectFirst(".utrecht-alert--ok").text());
        assertFalse(rounds.text().contains(name));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBeheerderChangesAndRemovesTheRoundsOfAnyRegio(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Api beheerder = app.api().login(BEHEERDER, TestApp.DEMO_PASSWORD);
        Map<String, Object> before = round(beheerder, roundId);
        LocalDate closes = LocalDate.parse((String) before.get("closes")).plusDays(7);
        Response extended = change(beheerder, roundId, (String) before.get("name"), LocalDate.parse((String) before.get("opens")), closes);
        assertEquals(200, extended.status(), extended::toString);
        assertEquals(closes.toString(), extended.json().get("closes"));
        assertTrue(audit(app, "ROUND_CHANGED", (String) before.get("name")).stream().anyMatch(e -> BEHEERDER.equals(e.actorEmail())));
        assertEquals(204, beheerder.send("DELETE", "/api/v1/rounds/" + roundId, "application/json", "", Map.of()).status());
        assertEquals(404, beheerder.send("DELETE", "/api/v1/rounds/" + roundId, "application/json", "", Map.of()).status());
    }

    /** A new adviser of Stadskanaal (regio Groningen). */
    private static Account newAdviser(TestApp app) {
        return Fixtures.adviseur(app, "GM0037");
    }

    private static Api login(TestApp app, Account adviser) {
        return app.api().login(adviser.email(), Fixtures.PASSWORD);
    }

    private static Response save(Api adviser, long scanId, String value, int version) {
        return adviser.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + QUESTION, "application/json",
                "{\"value\":\"" + value + "\",\"version\":" + version + "}", Map.of());
    }

    private static Response change(Api api, long roundId, String name, LocalDate opens, LocalDate closes) {
        return api.send("PUT", "/api/v1/rounds/" + roundId, "application/json", json(name, opens.toString(), closes.toString()), Map.of());
    }

    private static String json(String name, String opens, String closes) {
        return "{\"name\": \"%s\", \"opens\": \"%s\", \"closes\": \"%s\"}".formatted(name, opens, closes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> round(Api api, long roundId) {
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) (List<?>) api.get("/api/v1/rounds").jsonList();
        return rounds.stream().filter(r -> ((Number) r.get("id")).longValue() == roundId).findFirst().orElseThrow();
    }

    private static List<AuditEntry> audit(TestApp app, String action, String roundName) {
        return app.bean(AuditLog.class).latest(500).stream()
                .filter(e -> e.action().equals(action) && e.subject().equals("meetronde " + roundName)).toList();
    }
}
