package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A herhaling on the shipped v2 beside a nulmeting on the shipped v1, statement by statement: what v2 continues is
 * compared with its v1 answer (also where the key changed), what it adds is new, and only the statements v2 drops on
 * purpose are dropped. The regio's answers count as they do in each gemeente's scan.
 */
class ComparisonAcrossVersionsTest {

    private static final Pattern DROPPED = Pattern.compile("^# dropped: ([a-z0-9-]+) — ", Pattern.MULTILINE);

    private static String shipped(int version) {
        try {
            return Files.readString(Path.of("surveys", "quickscan-seksueel-geweld", "v" + version + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Survey V1 = SurveyReader.readText("quickscan-seksueel-geweld/v1.yaml", shipped(1)).survey();
    private static final String V2_TEXT = shipped(2);
    private static final Survey V2 = SurveyReader.readText("quickscan-seksueel-geweld/v2.yaml", V2_TEXT).survey();

    /** Every scored statement "Deels / in uitvoering" (a yes-no statement "Ja"), the regio's ones too. */
    private static Map<String, String> partly(Survey survey) {
        Map<String, String> values = new HashMap<>();
        survey.questions().filter(Survey.Question::scored).forEach(question -> values.put(question.key(),
                question.type() == Survey.QuestionType.YES_NO ? "JA" : "2"));
        return values;
    }

    @Test
    void everyV1StatementIsContinuedOrDroppedOnPurposeAndComparedWithItsAnswer() {
        Comparison.Result result = Comparison.compare(V1, partly(V1), V2, partly(V2));
        Map<Comparison.Direction, Set<String>> byDirection = result.questions().stream()
                .filter(change -> (change.after() == null ? change.before() : change.after()).question().scored())
                .collect(Collectors.groupingBy(Comparison.QuestionChange::direction,
                        Collectors.mapping(Comparison.QuestionChange::key, Collectors.toSet())));

        Matcher dropped = DROPPED.matcher(V2_TEXT);
        Set<String> droppedOnPurpose = new java.util.HashSet<>();
        while (dropped.find()) {
            droppedOnPurpose.add(dropped.group(1));
        }
        Set<String> v1Statements = V1.questions().map(Survey.Question::key).collect(Collectors.toSet());
        droppedOnPurpose.retainAll(v1Statements);
        assertEquals(droppedOnPurpose, byDirection.getOrDefault(Comparison.Direction.DROPPED, Set.of()),
                "only the statements v2 drops on purpose are dropped");

        Map<String, Survey.Question> v1ByKey = V1.questions().collect(Collectors.toMap(Survey.Question::key, q -> q));
        Set<String> added = V2.questions().filter(Survey.Question::scored)
                .filter(question -> question.counterpartIn(v1ByKey) == null).map(Survey.Question::key)
                .collect(Collectors.toSet());
        assertEquals(added, byDirection.get(Comparison.Direction.NEW), "what v2 adds is new");
        assertTrue(added.size() > 10, added.size() + " new statements");

        Set<String> renamed = V2.questions().filter(Survey.Question::scored)
                .filter(question -> question.replaces() != null && !v1ByKey.containsKey(question.key()))
                .map(Survey.Question::key).collect(Collectors.toSet());
        assertTrue(renamed.size() > 10, "many v2 statements continue a v1 statement under a new key");
        Set<String> sameScale = result.questions().stream()
                .filter(change -> change.before() != null && change.after() != null)
                .filter(change -> change.after().question().type() == change.before().question().type())
                .map(Comparison.QuestionChange::key).collect(Collectors.toSet());
        assertTrue(sameScale.containsAll(renamed.stream().filter(key -> V2.questions()
                .anyMatch(q -> q.key().equals(key) && q.type() != Survey.QuestionType.YES_NO)).toList()));
        for (Comparison.QuestionChange change : result.questions()) {
            if (sameScale.contains(change.key())) {
                assertEquals(Comparison.Direction.UNCHANGED, change.direction(),
                        change.key() + ": the same answer on the same scale has not changed");
            }
        }
        result.questions().stream().filter(change -> change.before() != null && change.after() != null
                        && change.after().question().type() == Survey.QuestionType.YES_NO
                        && change.before().question().type() == Survey.QuestionType.SCALE)
                .forEach(change -> assertEquals(Comparison.Direction.IMPROVED, change.direction(),
                        change.key() + ": from partly (2 of 3) to yes (1 of 1)"));
    }

    @Test
    void aChangeInTheRegiosAnswerMovesTheGemeentesBouwsteenScore() {
        Map<String, String> herhaling = partly(V2);
        Comparison.Result before = Comparison.compare(V1, partly(V1), V2, herhaling);
        Survey.Question regioStatement = V2.questions()
                .filter(q -> q.scope() == Survey.Scope.REGIO && q.scored() && q.type() == Survey.QuestionType.SCALE)
                .findFirst().orElseThrow();
        herhaling.put(regioStatement.key(), "3");
        Comparison.Result after = Comparison.compare(V1, partly(V1), V2, herhaling);
        String bouwsteen = V2.bouwstenen().stream().filter(b -> b.questions().contains(regioStatement))
                .findFirst().orElseThrow().key();
        double then = before.bouwstenen().stream().filter(b -> b.key().equals(bouwsteen)).findFirst().orElseThrow().difference();
        double now = after.bouwstenen().stream().filter(b -> b.key().equals(bouwsteen)).findFirst().orElseThrow().difference();
        assertTrue(now > then, bouwsteen + ": " + then + " → " + now);
    }
}
