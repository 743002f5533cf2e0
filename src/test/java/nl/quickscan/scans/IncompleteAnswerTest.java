package nl.quickscan.scans;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Niet van toepassing" without a toelichting: saved, marked at the question at once, and open in the progress. */
class IncompleteAnswerTest {

    private static final String NVT = "visie-gedeelde-visie";
    private static final String BY_SCRIPT = "visie-gemeenschappelijk-beeld";
    private static final String ANSWERED = "visie-gender";

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void notApplicableWithoutToelichtingIsMarkedAtTheQuestionAndCountsAsOpen(TestApp app) {
        Adviser adviser = Adviser.withScan(app, "coordinator.drenthe@quickscan.test", "GM1680");
        String path = adviser.part("visie");

        // Without JavaScript: the page post, then the page it leads to.
        Map<String, String> fields = PageForms.fields(adviser.pages().get(path).html(), "form.scan-form");
        fields.putAll(Map.of("value." + NVT, "NVT", "value." + ANSWERED, "2", "action", "opslaan"));
        Response saved = adviser.pages().post(path, fields);
        assertEquals(303, saved.status(), saved::toString);
        // With JavaScript the answer is saved through the API, and the page shows the same on its next load.
        Scans.answer(adviser.api(), adviser.scanId(), BY_SCRIPT, "NVT");
        Document page = adviser.pages().get(saved.location()).html();
        for (String key : List.of(NVT, BY_SCRIPT)) {
            Element note = page.selectFirst("#incomplete-" + key);
            assertFalse(note.hasAttr("hidden"), key + ": marked at the question");
            assertTrue(note.text().startsWith("Licht toe waarom deze stelling niet van toepassing is."), note.text());
            Element comment = page.selectFirst("textarea[name=comment." + key + "]");
            assertEquals("incomplete-" + key, comment.attr("aria-describedby"));
            assertEquals("true", comment.attr("aria-invalid"));
        }
        assertTrue(page.selectFirst("#incomplete-" + ANSWERED).hasAttr("hidden"), "an ordinary answer is complete");
        assertFalse(page.selectFirst("textarea[name=comment." + ANSWERED + "]").hasAttr("aria-invalid"));
        assertTrue(page.select("input[name=value." + NVT + "][value=NVT][data-requires-comment]").size() == 1,
                "the script knows which option needs a toelichting");

        // Open in the progress: of 61 questions 1 answered (1%), not 3 (4%).
        assertEquals(1, ((Number) adviser.api().get("/api/v1/scans/" + adviser.scanId()).json().get("progress")).intValue());
        assertTrue(page.text().contains("1 van 10 vragen op deze pagina beantwoord"), "the step's progress counts it as open");

        Map<String, String> explained = PageForms.fields(page, "form.scan-form");
        explained.put("comment." + NVT, "Geen eigen zedenpolitie in onze gemeente");
        Response complete = adviser.pages().post(path, explained);
        assertEquals(303, complete.status(), complete::toString);
        Document after = adviser.pages().get(complete.location()).html();
        assertTrue(after.selectFirst("#incomplete-" + NVT).hasAttr("hidden"));
        assertFalse(after.selectFirst("textarea[name=comment." + NVT + "]").hasAttr("aria-invalid"));
        assertEquals(3, ((Number) adviser.api().get("/api/v1/scans/" + adviser.scanId()).json().get("progress")).intValue());
    }
}
