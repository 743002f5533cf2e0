package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress over the shipped v2: an optional follow-up list counts once answered, never against the gemeente. */
class ProgressTest {

    private static final Survey V2 = shippedV2();

    private static Survey shippedV2() {
        try {
            return SurveyReader.readText("quickscan-seksueel-geweld/v2.yaml",
                    Files.readString(Path.of("surveys", "quickscan-seksueel-geweld", "v2.yaml"))).survey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBouwsteenWithEveryStatementAnsweredIsCompleteWithoutItsFollowUpList() {
        Survey.Bouwsteen visie = V2.bouwstenen().get(0);
        List<Survey.Question> own = Progress.answeredBy(visie.questions(), Survey.Scope.GEMEENTE);
        Survey.Question followUp = own.stream().filter(q -> q.followUpOf() != null).findFirst().orElseThrow();
        Map<String, Progress.Answer> answers = new HashMap<>();
        own.stream().filter(Survey.Question::scored).forEach(q -> answers.put(q.key(), new Progress.Answer("2", null)));

        Progress.Part part = Progress.of(V2, answers).get(0);
        assertEquals(100, part.percent(), "the unanswered follow-up list does not count");
        assertEquals(own.stream().filter(Survey.Question::scored).count(), part.total());
        assertTrue(part.missing().isEmpty());

        answers.put(followUp.key(), new Progress.Answer(followUp.options().get(0).value(), null));
        Progress.Part withList = Progress.of(V2, answers).get(0);
        assertEquals(part.total() + 1, withList.total(), "an answered follow-up list counts");
        assertEquals(100, withList.percent());

        answers.remove(own.get(0).key());
        Progress.Part open = Progress.of(V2, answers).get(0);
        assertTrue(open.percent() < 100, "an open statement still counts");
        assertEquals(List.of(own.get(0).key()), open.missing());
    }
}
