package nl.quickscan.scans;

import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a part's form and walking from part to part, without a server. */
class PartFormTest {

    private static final Survey SURVEY = SurveyCatalog.load("surveys").stream()
            .filter(survey -> survey.id().equals("quickscan-seksueel-geweld") && survey.version() == 1).findFirst().orElseThrow();

    @Test
    void thePartsRunThroughTheBouwstenenToTheKengetallen() {
        List<Survey.Bouwsteen> bouwstenen = SURVEY.bouwstenen();
        String first = bouwstenen.get(0).key();
        String last = bouwstenen.get(bouwstenen.size() - 1).key();
        assertEquals(Optional.empty(), PartNavigation.previous(SURVEY, first));
        assertEquals(Optional.of(bouwstenen.get(1).key()), PartNavigation.next(SURVEY, first));
        assertEquals(Optional.of(Progress.KENGETALLEN), PartNavigation.next(SURVEY, last));
        assertEquals(Optional.empty(), PartNavigation.next(SURVEY, Progress.KENGETALLEN));
        assertEquals(SURVEY.kengetallen(), PartNavigation.questions(SURVEY, Progress.KENGETALLEN));
        assertEquals(Optional.empty(), PartNavigation.next(SURVEY, "bestaat-niet"));
        assertThrows(NotFoundException.class, () -> PartNavigation.questions(SURVEY, "bestaat-niet"));
    }

    @Test
    void aBouwsteenOfMoreThanTwelveStatementsIsAPagePerTheme() {
        Survey.Bouwsteen aanpak = SURVEY.bouwstenen().get(3);
        List<PartNavigation.Page> pages = PartNavigation.pages(SURVEY).stream()
                .filter(page -> page.partKey().equals(aanpak.key())).toList();
        assertEquals(aanpak.themes().size(), pages.size());
        assertEquals(aanpak.questions(), pages.stream().flatMap(page -> page.questions().stream()).toList(),
                "every statement once, in order");
        assertEquals("aanpak/preventie", pages.get(1).path());
        assertEquals(2, pages.get(1).part());
        assertEquals(4, pages.get(1).step());
        assertEquals(Optional.of("aanpak/algemeen"), PartNavigation.next(SURVEY, SURVEY.bouwstenen().get(2).key()));
        assertEquals(Optional.of("aanpak/signalering"), PartNavigation.next(SURVEY, "aanpak/preventie"));
        assertEquals(Optional.of(Progress.KENGETALLEN), PartNavigation.next(SURVEY, pages.get(pages.size() - 1).path()));
        assertEquals(aanpak.questions(), PartNavigation.questions(SURVEY, aanpak.key()), "a form of the whole bouwsteen");
        assertThrows(NotFoundException.class, () -> PartNavigation.page(SURVEY, aanpak.key()));
        assertTrue(PartNavigation.pages(SURVEY).stream().allMatch(page -> page.questions().size() <= PartNavigation.PAGE_MAX));
    }

    @Test
    void theFormIsReadPerQuestionAndOnlyChangedAnswersCount() {
        List<Survey.Question> questions = PartNavigation.questions(SURVEY, SURVEY.bouwstenen().get(0).key());
        String key = questions.get(0).key();
        PartForm form = PartForm.read(questions, Map.of("value." + key, "2", "comment." + key, " ", "version." + key, "3",
                "action", "volgende"));
        assertEquals(PartForm.Action.NEXT, form.action());
        assertEquals(questions.size(), form.answers().size());
        PartForm.Answer answer = form.answers().get(key);
        assertEquals(3, answer.version());
        assertTrue(answer.changes(null));
        AnswerRow stored = new AnswerRow(key, "2", null, 3, "Collega", "collega@example.nl", Instant.now());
        assertFalse(answer.changes(stored), "a blank toelichting is no toelichting");
        PartForm.Answer untouched = form.answers().get(questions.get(1).key());
        assertEquals(0, untouched.version());
        assertFalse(untouched.changes(null));
        assertEquals(PartForm.Action.SAVE, PartForm.read(questions, Map.of()).action());
    }
}
