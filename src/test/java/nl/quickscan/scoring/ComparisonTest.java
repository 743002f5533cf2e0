package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pairs of answers count as changed and which way, and how the statements group per bouwsteen. */
class ComparisonTest {

    private static Map<String, String> answers(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Comparison.QuestionChange> byKey(Comparison.Result result) {
        Map<String, Comparison.QuestionChange> byKey = new HashMap<>();
        result.questions().forEach(change -> byKey.put(change.key(), change));
        return byKey;
    }

    @Test
    void weetIkNietOnEitherSideIsUnknownNotImprovedOrDeclined() {
        Comparison.Result result = Comparison.compare(
                ScoringTest.V1, answers("q1", "WEET_NIET", "q2", "3", "q3", "WEET_NIET", "q4", "NVT", "q5", "2"),
                ScoringTest.V1, answers("q1", "3", "q2", "WEET_NIET", "q3", "WEET_NIET", "q4", "WEET_NIET", "q5", "2"));
        Map<String, Comparison.QuestionChange> changes = byKey(result);
        assertEquals(Comparison.Direction.UNKNOWN, changes.get("q1").direction(), "Weet ik niet → Ja is not an improvement");
        assertEquals(Comparison.Direction.UNKNOWN, changes.get("q2").direction(), "Ja → Weet ik niet is not a decline");
        assertEquals(Comparison.Direction.UNKNOWN, changes.get("q3").direction(), "Weet ik niet both times");
        assertEquals(Comparison.Direction.UNKNOWN, changes.get("q4").direction(), "n.v.t. → Weet ik niet");
        assertEquals(Comparison.Direction.UNCHANGED, changes.get("q5").direction());
        assertEquals("onbekend (Weet ik niet)", Comparison.Direction.UNKNOWN.label());

        assertTrue(changes.get("q1").changed());
        assertTrue(changes.get("q2").changed());
        assertFalse(changes.get("q3").changed(), "the same 'Weet ik niet' twice is no change");
        assertTrue(changes.get("q4").changed());
        assertFalse(changes.get("q5").changed());
        assertEquals(3, result.changedCount());
        // The bouwsteen scores still count Weet ik niet as 0 points: A before 3×2/12 = 50%, after 3/12 = 25%.
        assertEquals(Comparison.Direction.DECLINED, result.bouwstenen().get(0).direction());
    }

    @Test
    void aStatementNotYetAnsweredInTheHerhalingHasNotDeclined() {
        Comparison.Result result = Comparison.compare(ScoringTest.V1, answers("q1", "3", "q3", "WEET_NIET"),
                ScoringTest.V1, answers("q2", "1"));
        Map<String, Comparison.QuestionChange> changes = byKey(result);
        assertEquals(Comparison.Direction.NOT_COMPARABLE, changes.get("q1").direction(), "Ja → niet beantwoord");
        assertEquals(Comparison.Direction.NOT_COMPARABLE, changes.get("q2").direction(), "niet beantwoord → In voorbereiding");
        assertEquals(Comparison.Direction.UNKNOWN, changes.get("q3").direction(), "Weet ik niet → niet beantwoord");
        assertEquals(Comparison.Direction.UNCHANGED, changes.get("q4").direction(), "unanswered both times");
        assertEquals(0, result.changedCount(), "no answer on one side is no change of answer");
    }

    @Test
    void theStatementsAreGroupedPerBouwsteenInTheHerhalingsOrder() {
        Comparison.Result result = Comparison.compare(
                ScoringTest.V1, answers("q1", "1", "q2", "1", "q4", "3", "q5", "0"),
                ScoringTest.V1, answers("q1", "3", "q2", "1", "q4", "2", "q5", "0"));
        List<Comparison.Group> groups = result.groups();
        assertEquals(List.of("a", "b"), groups.stream().map(Comparison.Group::key).toList());
        assertEquals(List.of("q1", "q2", "q3"), groups.get(0).questions().stream().map(Comparison.QuestionChange::key).toList());
        assertEquals(List.of("q1"), groups.get(0).changedQuestions().stream().map(Comparison.QuestionChange::key).toList());
        assertEquals(Map.of(Comparison.Direction.IMPROVED, 1, Comparison.Direction.UNCHANGED, 2), groups.get(0).directions());
        assertEquals(List.of("q4"), groups.get(1).changedQuestions().stream().map(Comparison.QuestionChange::key).toList());
        assertEquals(result.bouwstenen().get(1), groups.get(1).change());
    }

    @Test
    void aBouwsteenOnlyTheNulmetingHadComesLastWithItsDroppedStatements() {
        Survey withoutB = onlyA();
        Comparison.Result result = Comparison.compare(ScoringTest.V1, answers("q1", "1", "q4", "3"), withoutB, answers("q1", "2"));
        List<Comparison.Group> groups = result.groups();
        assertEquals(List.of("a", "b"), groups.stream().map(Comparison.Group::key).toList());
        Comparison.Group dropped = groups.get(1);
        assertNull(dropped.change(), "no score to compare: the herhaling has no such bouwsteen");
        assertEquals("B", dropped.title());
        assertEquals(List.of(Comparison.Direction.DROPPED, Comparison.Direction.DROPPED),
                dropped.questions().stream().map(Comparison.QuestionChange::direction).toList());
        assertTrue(dropped.questions().stream().allMatch(Comparison.QuestionChange::changed));
    }

    /** Version 2 of the test survey without bouwsteen B. */
    private static Survey onlyA() {
        Survey v2 = ScoringTest.survey(2, "");
        return new Survey(v2.id(), v2.version(), v2.title(), v2.introduction(), v2.levels(), List.of(v2.bouwstenen().get(0)),
                v2.kengetallen(), v2.uncertainShare());
    }
}
