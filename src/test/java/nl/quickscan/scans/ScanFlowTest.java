package nl.quickscan.scans;

import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole flow over HTTP: open round, start, answer, resume, submit, read-only, reopen. */
class ScanFlowTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String ADVISER = "adviseur.oldambt@quickscan.test";
    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    @ParameterizedTest
    @MethodSource(APPS)
    void fillInResumeSubmitAndReopen(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();

        Browser adviser = app.browser().login(ADVISER, TestApp.DEMO_PASSWORD);
        Document dashboard = adviser.get("/scans").html();
        assertNotNull(dashboard.selectFirst("form[action=/scans] input[name=roundId][value=" + roundId + "]"));
        Response started = adviser.post("/scans", "roundId", String.valueOf(roundId));
        assertEquals(303, started.status(), started::toString);
        String scanPath = URI.create(started.location()).getPath();
        long scanId = Long.parseLong(scanPath.substring(scanPath.lastIndexOf('/') + 1));
        assertEquals(scanPath, URI.create(adviser.post("/scans", "roundId", String.valueOf(roundId)).location()).getPath(),
                "starting again opens the same scan");

        // The first bouwsteen through the page, as a browser without JavaScript posts it.
        Survey.Bouwsteen first = survey.bouwstenen().get(0);
        Document page = adviser.get(scanPath + "/deel/" + first.key()).html();
        assertEquals(first.questions().size(), page.select("fieldset.question").size());
        List<String> fields = new ArrayList<>(List.of("action", "volgende"));
        for (Survey.Question question : first.questions()) {
            fields.addAll(List.of("value." + question.key(), "3", "version." + question.key(), "0",
                    "comment." + question.key(), ""));
        }
        fields.set(fields.indexOf("comment." + first.questions().get(0).key()) + 1, "<b>Vastgesteld</b> in 2025");
        Response saved = adviser.post(scanPath + "/deel/" + first.key(), fields.toArray(String[]::new));
        assertEquals(303, saved.status(), saved::toString);
        assertTrue(saved.location().endsWith(scanPath + "/deel/" + survey.bouwstenen().get(1).key()), "on to the next bouwsteen");

        // Resume after a new login: the answers are there, the toelichting shown as text.
        Browser again = app.browser().login(ADVISER, TestApp.DEMO_PASSWORD);
        Document resumed = again.get(scanPath + "/deel/" + first.key()).html();
        for (Survey.Question question : first.questions()) {
            assertNotNull(resumed.selectFirst("input[name=value." + question.key() + "][value=3][checked]"), question.key());
        }
        assertEquals("<b>Vastgesteld</b> in 2025", resumed.selectFirst("textarea[name=comment." + first.questions().get(0).key() + "]").text());
        assertTrue(resumed.select("textarea b").isEmpty(), "HTML in a toelichting is never markup");

        // The rest through the API, leaving one required question open and one n.v.t. without toelichting.
        Api api = app.api().login(ADVISER, TestApp.DEMO_PASSWORD);
        List<Survey.Question> rest = survey.bouwstenen().stream().skip(1).flatMap(b -> b.questions().stream()).toList();
        Survey.Question open = rest.get(0);
        Survey.Question nvt = rest.get(1);
        for (Survey.Question question : rest.subList(2, rest.size())) {
            assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + question.key(), "application/json",
                    "{\"value\":\"2\",\"comment\":null,\"version\":0}", Map.of()).status());
        }
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + nvt.key(), "application/json",
                "{\"value\":\"NVT\",\"version\":0}", Map.of()).status());

        // Refused from the check page: the summary counts the open points per step and links to the step, where
        // they are marked; the check page marks each statement and links to it.
        Response incomplete = adviser.post(scanPath + "/indienen");
        assertEquals(422, incomplete.status());
        String missing = incomplete.html().selectFirst(".error-summary").text();
        Survey.Bouwsteen second = survey.bouwstenen().get(1);
        assertTrue(missing.contains(second.title() + ": 1 stelling nog niet beantwoord en 1 toelichting ontbreekt"), missing);
        assertNotNull(incomplete.html().selectFirst(".error-summary a[href=" + scanPath + "/deel/" + second.key()
                + "?controle=1#open-punten]"));
        Element openRow = incomplete.html().selectFirst(".check-answers__row:has(a[href$=#" + open.key() + "])");
        assertTrue(openRow.text().contains(open.text()) && openRow.text().contains("Nog niet beantwoord"), openRow::text);
        Element nvtRow = incomplete.html().selectFirst(".check-answers__row:has(a[href$=#" + nvt.key() + "])");
        assertTrue(nvtRow.text().contains("Niet van toepassing") && nvtRow.text().contains("Toelichting ontbreekt"), nvtRow::text);
        Response apiIncomplete = api.postJson("/api/v1/scans/" + scanId + "/submit", "");
        assertEquals(422, apiIncomplete.status());
        assertTrue(apiIncomplete.body().contains(open.key()) && apiIncomplete.body().contains(nvt.key()));

        Response savedOpen = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + open.key(), "application/json",
                "{\"value\":\"1\",\"version\":0}", Map.of());
        assertEquals(200, savedOpen.status());
        // The answer in the response is the one stored, to the millisecond and with who saved it; with it comes
        // the scan's progress after the save.
        assertEquals(withoutProgress(savedOpen.json()), answer(api, scanId, open.key()));
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + nvt.key(), "application/json",
                "{\"value\":\"NVT\",\"comment\":\"Geen eigen zedenpolitie in onze gemeente\",\"version\":1}", Map.of()).status());

        Response submitted = adviser.post(scanPath + "/indienen");
        assertEquals(303, submitted.status(), submitted::toString);
        Map<String, Object> scan = api.get("/api/v1/scans/" + scanId).json();
        assertEquals("SUBMITTED", scan.get("status"));
        assertEquals("GM1895", ((Map<?, ?>) scan.get("gemeente")).get("cbsCode"));

        // Read-only now: the page shows no form to save, and a save is refused and changes nothing.
        Document readOnly = adviser.get(scanPath + "/deel/" + first.key()).html();
        assertTrue(readOnly.select("fieldset.question").stream().allMatch(f -> f.hasAttr("disabled")));
        assertTrue(readOnly.select("button[value=opslaan]").isEmpty());
        Response refused = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + open.key(), "application/json",
                "{\"value\":\"3\",\"version\":1}", Map.of());
        assertEquals(409, refused.status());
        assertEquals("Deze scan is ingediend en kan niet meer worden gewijzigd.", refused.json().get("message"));
        assertEquals("1", answer(api, scanId, open.key()).get("value"));

        // The coordinator reopens it, with a reason, and the adviser can change answers again.
        Browser coordinator = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        assertTrue(coordinator.get("/rondes/" + roundId).html().text().contains("Oldambt"));
        Response blank = coordinator.post(scanPath + "/heropenen", "reason", "   ");
        assertEquals(422, blank.status());
        // The start page again, with the form: what is wrong at the top and at the field, the typed text kept.
        Document refusedReopen = blank.html();
        assertEquals("Geef een reden op om de scan te heropenen.", refusedReopen.selectFirst(".error-summary a[href=#reason]").text());
        assertEquals("Geef een reden op om de scan te heropenen.", refusedReopen.selectFirst("#reason-error").text());
        assertEquals("true", refusedReopen.selectFirst("textarea#reason").attr("aria-invalid"));
        assertEquals("reason-error", refusedReopen.selectFirst("textarea#reason").attr("aria-describedby"));
        assertEquals("   ", refusedReopen.selectFirst("textarea#reason").wholeText());
        assertNotNull(refusedReopen.selectFirst("form[action=" + scanPath + "/heropenen] input[name=_csrf]"));
        assertEquals("SUBMITTED", api.get("/api/v1/scans/" + scanId).json().get("status"), "nothing changed");
        assertEquals(303, coordinator.post(scanPath + "/heropenen", "reason", "Antwoord over de stuurgroep klopt niet").status());
        assertEquals("IN_PROGRESS", api.get("/api/v1/scans/" + scanId).json().get("status"));
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + open.key(), "application/json",
                "{\"value\":\"3\",\"version\":1}", Map.of()).status());

        assertTrue(app.bean(AuditLog.class).latest(200).stream().anyMatch(e -> e.action().equals("SCAN_REOPENED")
                && e.details().endsWith("Antwoord over de stuurgroep klopt niet")));
        assertTrue(app.bean(AuditLog.class).latest(200).stream().anyMatch(e -> e.action().equals("SCAN_SUBMITTED")
                && e.subject().equals("scan " + scanId)));
        String history = adviser.get(scanPath + "/deel/" + survey.bouwstenen().get(1).key()).html()
                .selectFirst("#" + open.key() + " .question__history").text();
        assertTrue(history.contains("(leeg) → In voorbereiding") && history.contains("In voorbereiding → Ja, volledig en geborgd"), history);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void badAnswersAreRefusedAndChangeNothing(TestApp app) {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Api api = app.api().login("adviseur.coevorden@quickscan.test", TestApp.DEMO_PASSWORD);
        Response started = api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}");
        assertEquals(201, started.status(), started::toString);
        long scanId = ((Number) started.json().get("id")).longValue();
        String path = "/api/v1/scans/" + scanId + "/answers/visie-gedeelde-visie";

        Response unknownOption = api.send("PUT", path, "application/json", "{\"value\":\"7\",\"version\":0}", Map.of());
        assertEquals(422, unknownOption.status());
        assertEquals("Kies een van de antwoorden bij deze stelling.", unknownOption.json().get("message"));
        Response unknownQuestion = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/bestaat-niet", "application/json",
                "{\"value\":\"1\",\"version\":0}", Map.of());
        assertEquals(422, unknownQuestion.status());
        Response longComment = api.send("PUT", path, "application/json",
                "{\"value\":\"1\",\"comment\":\"" + "x".repeat(4001) + "\",\"version\":0}", Map.of());
        assertEquals(422, longComment.status());
        assertTrue(((String) longComment.json().get("message")).startsWith("De toelichting mag hoogstens 4000 tekens"));
        Response noVersion = api.send("PUT", path, "application/json", "{\"value\":\"1\"}", Map.of());
        assertEquals(422, noVersion.status());
        Response malformed = api.send("PUT", path, "application/json", "{\"value\":", Map.of());
        assertEquals(400, malformed.status());
        assertTrue(((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).isEmpty(), "nothing stored");

        Browser pages = app.browser().login("adviseur.coevorden@quickscan.test", TestApp.DEMO_PASSWORD);
        String typed = "Lange toelichting " + "x".repeat(4000);
        Response tooLong = pages.post("/scans/" + scanId + "/deel/visie", "value.visie-gedeelde-visie", "2",
                "version.visie-gedeelde-visie", "0", "comment.visie-gedeelde-visie", typed);
        assertEquals(422, tooLong.status());
        Document refused = tooLong.html();
        assertEquals(typed, refused.selectFirst("textarea[name=comment.visie-gedeelde-visie]").text(), "what was typed is kept");
        assertNotNull(refused.selectFirst("input[name=value.visie-gedeelde-visie][value=2][checked]"));
        assertTrue(refused.selectFirst("#error-visie-gedeelde-visie").text().startsWith("De toelichting mag hoogstens 4000 tekens"));
        for (Element radio : refused.select("input[name=value.visie-gedeelde-visie]")) {
            assertEquals("help-visie-gedeelde-visie error-visie-gedeelde-visie", radio.attr("aria-describedby"));
            assertEquals("true", radio.attr("aria-invalid"));
        }
        assertTrue(refused.select("input[name=value.visie-gemeenschappelijk-beeld][aria-invalid]").isEmpty(), "only the refused question");

        // Kengetallen are text inputs, labelled and described like the radios; a refused number says so too.
        Response badNumber = pages.post("/scans/" + scanId + "/deel/kengetallen", "value.kengetal-inwoners", "veel",
                "version.kengetal-inwoners", "0");
        assertEquals(422, badNumber.status());
        Element number = badNumber.html().selectFirst("input#value-kengetal-inwoners");
        assertNotNull(badNumber.html().selectFirst("label[for=value-kengetal-inwoners]"));
        assertEquals("help-kengetal-inwoners error-kengetal-inwoners", number.attr("aria-describedby"));
        assertEquals("true", number.attr("aria-invalid"));
        assertEquals("veel", number.attr("value"), "what was typed is kept");
        Element fte = pages.get("/scans/" + scanId + "/deel/kengetallen").html().selectFirst("input#value-kengetal-fte-gemeente");
        assertEquals("help-kengetal-fte-gemeente", fte.attr("aria-describedby"));
        assertFalse(fte.hasAttr("aria-invalid"));

        Response first = api.send("PUT", path, "application/json", "{\"value\":\"1\",\"version\":0}", Map.of());
        assertEquals(200, first.status());
        assertEquals(1, ((Number) first.json().get("version")).intValue());
        Response stale = api.send("PUT", path, "application/json", "{\"value\":\"2\",\"version\":0}", Map.of());
        assertEquals(409, stale.status());
        assertEquals("1", ((Map<?, ?>) stale.json().get("current")).get("value"));
        assertTrue(((String) stale.json().get("message")).contains("heeft deze vraag intussen beantwoord"));
        assertEquals("1", answer(api, scanId, "visie-gedeelde-visie").get("value"));

        // A later version too comes back as it is stored.
        Response second = api.send("PUT", path, "application/json", "{\"value\":\"2\",\"comment\":\"Besproken\",\"version\":1}", Map.of());
        assertEquals(200, second.status());
        assertEquals(withoutProgress(second.json()), answer(api, scanId, "visie-gedeelde-visie"));

        Response coordinatorSave = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD)
                .send("PUT", path, "application/json", "{\"value\":\"3\",\"version\":2}", Map.of());
        assertEquals(403, coordinatorSave.status(), "coordinators read, advisers answer");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aClosedRoundIsReadOnly(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR, java.time.LocalDate.now().minusDays(30), java.time.LocalDate.now().minusDays(1));
        Api api = app.api().login("adviseur.pekela@quickscan.test", TestApp.DEMO_PASSWORD);
        Response start = api.postJson("/api/v1/scans", "{\"roundId\":" + roundId + "}");
        assertEquals(409, start.status(), start::toString);
        assertTrue(((String) start.json().get("message")).startsWith("Deze meetronde is gesloten"));
        Document dashboard = app.browser().login("adviseur.pekela@quickscan.test", TestApp.DEMO_PASSWORD).get("/scans").html();
        assertTrue(dashboard.text().contains("(gesloten)"));
        assertTrue(dashboard.select("input[name=roundId][value=" + roundId + "]").isEmpty(), "no start button");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aColleaguesNewerAnswerIsShownNotOverwritten(TestApp app) {
        long roundId = Rounds.open(app, COORDINATOR);
        nl.quickscan.accounts.Account colleague = nl.quickscan.support.Fixtures.adviseur(app, "GM0047");
        Browser first = app.browser().login("adviseur.veendam@quickscan.test", TestApp.DEMO_PASSWORD);
        Browser second = app.browser().login(colleague.email(), nl.quickscan.support.Fixtures.PASSWORD);
        String scanPath = URI.create(first.post("/scans", "roundId", String.valueOf(roundId)).location()).getPath();
        String key = "visie-gedeelde-visie";
        Document firstPage = first.get(scanPath + "/deel/visie").html();
        Document secondPage = second.get(scanPath + "/deel/visie").html();
        assertEquals("0", secondPage.selectFirst("input[name=version." + key + "]").val());

        assertEquals(303, first.post(scanPath + "/deel/visie", "value." + key, "3", "version." + key,
                firstPage.selectFirst("input[name=version." + key + "]").val(), "comment." + key, "").status());
        Response conflict = second.post(scanPath + "/deel/visie", "value." + key, "1", "version." + key, "0",
                "comment." + key, "Mijn versie");
        assertEquals(409, conflict.status());
        String shown = conflict.html().selectFirst("#" + key + " [role=alert]").text();
        assertTrue(shown.contains("Beleidsadviseur Veendam heeft deze vraag intussen beantwoord"), shown);
        assertTrue(shown.contains("Opgeslagen antwoord: Ja, volledig en geborgd"), shown);
        long scanId = Long.parseLong(scanPath.substring(scanPath.lastIndexOf('/') + 1));
        Map<?, ?> stored = answer(app.api().login(colleague.email(), nl.quickscan.support.Fixtures.PASSWORD), scanId, key);
        assertEquals("3", stored.get("value"), "the first save stands");
        assertEquals(null, stored.get("comment"));
    }

    /** A save's answer without the progress that comes with it (JourneyTest looks at that). */
    private static Map<?, ?> withoutProgress(Map<String, Object> saved) {
        assertNotNull(saved.get("progress"), "a save answers with the scan's progress");
        Map<String, Object> answer = new java.util.LinkedHashMap<>(saved);
        answer.remove("progress");
        return answer;
    }

    private static Map<?, ?> answer(Api api, long scanId, String key) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(key)).findFirst().orElseThrow();
    }
}
