package nl.quickscan.scoring;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strongest and weakest points rank real answers only; "Weet ik niet" is listed apart, per bouwsteen. */
class HighlightsTest {

    private static List<String> keys(List<Scoring.QuestionScore> questions) {
        return questions.stream().map(q -> q.question().key()).toList();
    }

    @Test
    void weetIkNietIsNoWeakPointButStillToBeFoundOut() {
        // q1 Weet ik niet (0 points), q2 unanswered, q3 "1", q4 Weet ik niet, q5 "3".
        Map<String, String> values = new HashMap<>(Map.of("q1", "WEET_NIET", "q3", "1", "q4", "WEET_NIET", "q5", "3"));
        Highlights highlights = Highlights.of(Scoring.score(ScoringTest.V1, values), 3);
        assertEquals(List.of("q3"), keys(highlights.weakest()), "neither Weet ik niet, nor unanswered, nor full points");
        assertEquals(List.of("q5", "q3"), keys(highlights.strongest()));
        assertEquals(List.of("A", "B"), highlights.toFindOut().stream().map(Highlights.ToFindOut::bouwsteenTitle).toList());
        assertEquals(List.of("q1"), keys(highlights.toFindOut().get(0).questions()));
        assertEquals(List.of("q4"), keys(highlights.toFindOut().get(1).questions()));
        assertEquals(2, highlights.toFindOutCount());
    }

    @Test
    void theWeakestComeFirstAndTiesKeepTheSurveysOrder() {
        Map<String, String> values = Map.of("q1", "2", "q2", "0", "q3", "0", "q4", "1", "q5", "0");
        Highlights highlights = Highlights.of(Scoring.score(ScoringTest.V1, values), 3);
        assertEquals(List.of("q2", "q3", "q5"), keys(highlights.weakest()));
        assertEquals(List.of("q1", "q4"), keys(highlights.strongest()), "a statement at 0 points is no strong point");
        assertEquals(List.of(), highlights.toFindOut());
    }

    @Test
    void aRecommendationAppliesToARealAnswerBelowFullPointsAndTheWeakestAreAmongThem() {
        // q1 "2" (of 3), q2 Weet ik niet, q3 unanswered, q4 "3" (full), q5 "0".
        Scoring.Result result = Scoring.score(ScoringTest.V1, Map.of("q1", "2", "q2", "WEET_NIET", "q4", "3", "q5", "0"));
        List<String> recommended = result.questions().stream().filter(Highlights::recommended).map(q -> q.question().key()).toList();
        assertEquals(List.of("q1", "q5"), recommended, "not Weet ik niet, not unanswered, not full points");
        List<String> weakest = keys(Highlights.of(result, 1).weakest());
        assertEquals(List.of("q5"), weakest);
        assertTrue(recommended.containsAll(keys(Highlights.of(result, 3).weakest())), "the page's weakest follow the same rule");
    }
}
