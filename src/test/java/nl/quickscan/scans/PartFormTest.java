package nl.quickscan.scans;

import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a part's form and walking from part to part, without a server. */
class PartFormTest {

    private static final Survey SURVEY = SurveyCatalog.load("surveys").stream()
            .filter(survey -> survey.id().equals("quickscan-seksueel-geweld") && survey.version() == 1).findFirst().orElseThrow();

    @Test
    void aMultipleChoiceIsReadFromItsTickedBoxesInTheSurveysOrder() {
        Survey v2 = SurveyCatalog.load("surveys").stream()
                .filter(survey -> survey.id().equals("quickscan-seksueel-geweld") && survey.version() == 2).findFirst().orElseThrow();
        Survey.Question list = v2.questions().filter(q -> q.type() == Survey.QuestionType.MULTIPLE_CHOICE).findFirst().orElseThrow();
        String first = list.options().get(0).value();
        String third = list.options().get(2).value();
        Map<String, String> form = new HashMap<>();
        form.put(PartForm.optionField(list.key(), third), third);
        form.put(PartForm.optionField(list.key(), first), first);
        form.put("value." + list.key(), "ONBEKEND"); // a radio-style field is not read for a multiple choice
        assertEquals(first + "," + third, PartForm.read(List.of(list), form).answers().get(list.key()).value());
        assertNull(PartForm.read(List.of(list), Map.of()).answers().get(list.key()).value(), "nothing ticked: no answer");
    }

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
    void theFormIsReadPerQuestionWithTheVersionEachWasBasedOn() {
        List<Survey.Question> questions = PartNavigation.questions(SURVEY, SURVEY.bouwstenen().get(0).key());
        String key = questions.get(0).key();
        PartForm form = PartForm.read(questions, Map.of("value." + key, "2", "comment." + key, " ", "version." + key, "3",
                "action", "volgende"));
        assertEquals(PartForm.Action.NEXT, form.action());
        assertNull(form.choice());
        assertEquals(questions.size(), form.answers().size());
        assertEquals(3, form.answers().get(key).version());
        assertNull(form.answers().get(key).conflictVersion());
        Map<String, ScanService.Submission> submissions = form.submissions(Map.of());
        assertEquals(new ScanService.Submission(key, "2", " ", 3, AnswerRules.Source.PERSON), submissions.get(key));
        String untouched = questions.get(1).key();
        assertEquals(new ScanService.Submission(untouched, null, null, 0, AnswerRules.Source.PERSON), submissions.get(untouched),
                "every question is submitted; the service leaves alone what the page showed unchanged");
        assertEquals(PartForm.Action.SAVE, PartForm.read(questions, Map.of()).action());
    }

    @Test
    void aQuestionsOwnButtonDecidesWhatIsSavedForThatQuestion() {
        List<Survey.Question> questions = PartNavigation.questions(SURVEY, SURVEY.bouwstenen().get(0).key());
        Survey.Question question = questions.get(0);
        String key = question.key();
        Map<String, String> fields = new HashMap<>(Map.of("value." + key, "1", "comment." + key, "Mijn tekst",
                "version." + key, "2", "conflictVersion." + key, "3"));

        fields.put("action", "mijn." + key);
        PartForm mine = PartForm.read(questions, fields);
        assertEquals(new PartForm.Choice(PartForm.Choice.Kind.MINE, key), mine.choice());
        assertEquals(PartForm.Action.SAVE, mine.action(), "a question's button keeps the user on the page");
        assertEquals(new ScanService.Submission(key, "1", "Mijn tekst", 3, AnswerRules.Source.PERSON), mine.submissions(Map.of()).get(key),
                "my answer, based on the colleague's version that the page showed");

        fields.put("action", "collega." + key);
        Map<String, ScanService.Submission> colleague = PartForm.read(questions, fields).submissions(Map.of());
        assertFalse(colleague.containsKey(key), "the colleague's answer stays: nothing to save");
        assertTrue(colleague.containsKey(questions.get(1).key()), "the rest of the page is saved as usual");

        fields.put("action", "nulmeting." + key);
        AnswerRow then = new AnswerRow(key, "3", "Toen besproken", 4, "Collega", "collega@example.nl", Instant.now());
        Map<String, ScanService.BaselineAnswer> baseline = Map.of(key, new ScanService.BaselineAnswer(question, question, then));
        PartForm same = PartForm.read(questions, fields);
        assertTrue(same.takesBaseline());
        assertEquals(new ScanService.Submission(key, "3", "Mijn tekst", 2, AnswerRules.Source.PROGRAM), same.submissions(baseline).get(key),
                "the nulmeting's answer as stored, the user's own toelichting kept");
        fields.put("comment." + key, "");
        assertEquals(new ScanService.Submission(key, "3", "Toen besproken", 2, AnswerRules.Source.PROGRAM),
                PartForm.read(questions, fields).submissions(baseline).get(key), "and its toelichting when there is none");

        fields.put("action", "mijn.bestaat-niet");
        PartForm unknown = PartForm.read(questions, fields);
        assertNull(unknown.choice(), "a button of a question that is not on this page is no choice");
        assertEquals(PartForm.Action.SAVE, unknown.action());
    }
}
