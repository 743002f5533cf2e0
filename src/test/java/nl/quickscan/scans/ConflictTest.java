package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PageForms;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two colleagues on one page, without JavaScript: whoever saves second sees the colleague's stored answer beside
 * their own, which stays in the form, and chooses; a question the user did not touch never conflicts.
 */
class ConflictTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String FORM = "form.scan-form";
    private static final String FIRST = "visie-gedeelde-visie";
    private static final String SECOND = "visie-gemeenschappelijk-beeld";
    private static final String THIRD = "visie-gefaseerd-samenwerken";

    private record Colleagues(Account first, Account second, Browser firstPages, Browser secondPages, Api api,
                              long scanId, String path) {
    }

    private static Colleagues colleagues(TestApp app, String cbsCode) {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Account first = Fixtures.adviseur(app, cbsCode);
        Account second = Fixtures.adviseur(app, cbsCode);
        Api api = app.api().login(first.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        return new Colleagues(first, second, app.browser().login(first.email(), Fixtures.PASSWORD),
                app.browser().login(second.email(), Fixtures.PASSWORD), api, scanId, "/scans/" + scanId + "/deel/visie");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theLosersAnswerStaysInTheFormBesideTheColleaguesAndTheyChooseToKeepTheirs(TestApp app) {
        Colleagues c = colleagues(app, "GM0014");
        Document firstPage = c.firstPages().get(c.path()).html();
        Document secondPage = c.secondPages().get(c.path()).html();

        Map<String, String> firstFields = PageForms.fields(firstPage, FORM);
        firstFields.putAll(Map.of("value." + FIRST, "3", "comment." + FIRST, "Vastgesteld door de raad", "action", "opslaan"));
        assertEquals(303, c.firstPages().post(c.path(), firstFields).status());

        Map<String, String> secondFields = PageForms.fields(secondPage, FORM);
        secondFields.putAll(Map.of("value." + FIRST, "1", "comment." + FIRST, "Mijn versie: nog in voorbereiding", "action", "opslaan"));
        Response conflict = c.secondPages().post(c.path(), secondFields);
        assertEquals(409, conflict.status(), conflict::toString);
        Document shown = conflict.html();
        Element block = shown.selectFirst("#" + FIRST + " .question__conflict[role=alert]");
        assertNotNull(block, "the colleague's answer is shown at the question");
        String text = block.text();
        assertTrue(text.contains(c.first().displayName() + " heeft deze vraag intussen beantwoord, op "), text);
        assertTrue(text.contains("Opgeslagen antwoord: Ja, volledig en geborgd"), text);
        assertTrue(text.contains("Toelichting bij dat antwoord: Vastgesteld door de raad"), text);
        assertNotNull(shown.selectFirst("input[name=value." + FIRST + "][value=1][checked]"), "my choice is still in the form");
        assertEquals("Mijn versie: nog in voorbereiding", shown.selectFirst("textarea[name=comment." + FIRST + "]").val(),
                "my toelichting is still in the form");
        assertEquals("0", shown.selectFirst("input[name=version." + FIRST + "]").val());
        assertEquals("1", shown.selectFirst("input[name=conflictVersion." + FIRST + "]").val());
        assertNotNull(block.selectFirst("button[name=action][value=mijn." + FIRST + "]:contains(Mijn antwoord opslaan)"));
        assertNotNull(block.selectFirst("button[name=action][value=collega." + FIRST + "]:contains(Antwoord van collega houden)"));
        assertEquals("3", answer(c.api(), c.scanId(), FIRST).get("value"), "nothing overwritten yet");

        // Saving the whole page again does not overwrite the colleague by accident: the choice is asked again.
        Map<String, String> again = PageForms.fields(shown, FORM);
        again.put("action", "opslaan");
        assertEquals(409, c.secondPages().post(c.path(), again).status());

        again.put("action", "mijn." + FIRST);
        Response mine = c.secondPages().post(c.path(), again);
        assertEquals(303, mine.status(), mine::toString);
        Map<?, ?> stored = answer(c.api(), c.scanId(), FIRST);
        assertEquals("1", stored.get("value"));
        assertEquals("Mijn versie: nog in voorbereiding", stored.get("comment"));
        assertEquals(2, ((Number) stored.get("version")).intValue(), "saved over the colleague's version, in the history");
        String history = c.secondPages().get(c.path()).html().selectFirst("#" + FIRST + " .question__history").text();
        assertTrue(history.contains("(leeg) → Ja, volledig en geborgd") && history.contains("Ja, volledig en geborgd → In voorbereiding"), history);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void keepingTheColleaguesAnswerDropsOnlyMineOfThatQuestion(TestApp app) {
        Colleagues c = colleagues(app, "GM0014");
        Document secondPage = c.secondPages().get(c.path()).html();
        Scans.answer(c.api(), c.scanId(), FIRST, "2");

        Map<String, String> fields = PageForms.fields(secondPage, FORM);
        fields.putAll(Map.of("value." + FIRST, "0", "comment." + FIRST, "Wij weten het niet zeker",
                "value." + SECOND, "3", "action", "volgende"));
        Response conflict = c.secondPages().post(c.path(), fields);
        assertEquals(409, conflict.status(), "not on to the next part while a choice is open");
        assertEquals("3", answer(c.api(), c.scanId(), SECOND).get("value"), "the other question of the step was saved");
        Document shown = conflict.html();
        assertEquals("1", shown.selectFirst("input[name=version." + SECOND + "]").val(), "and the form is based on it now");

        Map<String, String> keep = PageForms.fields(shown, FORM);
        keep.put("action", "collega." + FIRST);
        Response kept = c.secondPages().post(c.path(), keep);
        assertEquals(303, kept.status(), kept::toString);
        Map<?, ?> first = answer(c.api(), c.scanId(), FIRST);
        assertEquals("2", first.get("value"));
        assertEquals(1, ((Number) first.get("version")).intValue());
        assertEquals(1, ((Number) answer(c.api(), c.scanId(), SECOND).get("version")).intValue(), "saved once, not again");
        Document after = c.secondPages().get(kept.location()).html();
        assertNotNull(after.selectFirst("input[name=value." + FIRST + "][value=2][checked]"), "the colleague's answer shows");
        assertNull(after.selectFirst("fieldset .question__conflict"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aQuestionTheUserDidNotChangeOnThePageNeverConflicts(TestApp app) {
        Colleagues c = colleagues(app, "GM0014");
        Scans.answer(c.api(), c.scanId(), THIRD, "1");
        Document stalePage = c.secondPages().get(c.path()).html(); // shows THIRD at version 1, FIRST unanswered
        Scans.answer(c.api(), c.scanId(), FIRST, "3");
        Response update = c.api().send("PUT", "/api/v1/scans/" + c.scanId() + "/answers/" + THIRD, "application/json",
                "{\"value\":\"2\",\"comment\":\"Bijgewerkt\",\"version\":1}", Map.of());
        assertEquals(200, update.status(), update::toString);

        Map<String, String> fields = PageForms.fields(stalePage, FORM);
        fields.putAll(Map.of("value." + SECOND, "2", "action", "volgende"));
        Response saved = c.secondPages().post(c.path(), fields);
        assertEquals(303, saved.status(), () -> "untouched questions posted with older versions: " + saved.html().select("fieldset .question__conflict, .utrecht-alert").text());
        assertEquals("3", answer(c.api(), c.scanId(), FIRST).get("value"), "the colleague's newer answer stands");
        assertEquals("Bijgewerkt", answer(c.api(), c.scanId(), THIRD).get("comment"), "also over an answer the page showed");
        assertEquals("2", answer(c.api(), c.scanId(), SECOND).get("value"), "what I changed is saved");

        // The colleague gave exactly my answer: nothing to choose between.
        Document page = c.secondPages().get(c.path()).html();
        Scans.answer(c.api(), c.scanId(), "visie-gender", "1");
        Map<String, String> same = PageForms.fields(page, FORM);
        same.put("value.visie-gender", "1");
        Response sameSaved = c.secondPages().post(c.path(), same);
        assertEquals(303, sameSaved.status(), () -> sameSaved.html().select("fieldset:has(.question__conflict)").text());
    }

    private static Map<?, ?> answer(Api api, long scanId, String key) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(key)).findFirst().orElseThrow(() -> new AssertionError("no answer " + key));
    }
}
