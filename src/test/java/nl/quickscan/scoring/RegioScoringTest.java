package nl.quickscan.scoring;

import nl.quickscan.scans.Progress;
import nl.quickscan.scans.RegioAnswers;
import nl.quickscan.scans.RoundAnswer;
import nl.quickscan.support.RegioSurvey;
import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regio's answers merged with each gemeente's own before scoring ({@link RegioAnswers}). */
class RegioScoringTest {

    private static final Survey SURVEY = RegioSurvey.survey();
    private static final String GEDEELDE_VISIE = "visie-gedeelde-visie";
    private static final String BEELD = "visie-gemeenschappelijk-beeld";

    /** Every gemeente statement answered with {@code value}. */
    private static Map<String, String> own(String value) {
        Map<String, String> values = new HashMap<>();
        SURVEY.questions().filter(q -> q.scope() == Survey.Scope.GEMEENTE).forEach(q -> values.put(q.key(), value));
        return values;
    }

    private static double visie(Map<String, String> values) {
        return Scoring.score(SURVEY, values).bouwstenen().get(0).score();
    }

    @Test
    void theRegioPartOfV2KeepsItsLevelDescriptionsAndUncertainShare() {
        Survey v2 = nl.quickscan.surveys.SurveyCatalog.load("surveys").stream()
                .filter(survey -> survey.id().equals("quickscan-seksueel-geweld") && survey.version() == 2).findFirst().orElseThrow();
        Survey part = RegioAnswers.regioPart(v2);
        assertEquals(v2.uncertainShare(), part.uncertainShare());
        for (Survey.Bouwsteen bouwsteen : part.bouwstenen()) {
            Survey.Bouwsteen whole = v2.bouwstenen().stream().filter(b -> b.key().equals(bouwsteen.key())).findFirst().orElseThrow();
            assertEquals(whole.levelDescriptions(), bouwsteen.levelDescriptions(), bouwsteen.key());
            assertTrue(bouwsteen.questions().stream().allMatch(q -> q.scope() == Survey.Scope.REGIO));
        }
        assertTrue(part.bouwstenen().stream().anyMatch(b -> !b.levelDescriptions().isEmpty()), "v2 has some to keep");
    }

    @Test
    void theRegiosStatementsAreKnownAndTheRegioPartHoldsOnlyThose() {
        assertEquals(Set.copyOf(RegioSurvey.REGIO_KEYS), RegioAnswers.regioKeys(SURVEY));
        Survey part = RegioAnswers.regioPart(SURVEY);
        assertEquals(List.of("visie", "samenwerking"), part.bouwstenen().stream().map(Survey.Bouwsteen::key).toList());
        assertEquals(RegioSurvey.REGIO_KEYS, part.questions().map(Survey.Question::key).toList());
        assertTrue(part.kengetallen().isEmpty());
        assertTrue(RegioAnswers.hasRegioPart(SURVEY));
        assertFalse(RegioAnswers.hasRegioPart(v1()), "v1 has no regio statements");
    }

    private static Survey v1() {
        try {
            return nl.quickscan.surveys.SurveyReader.readText("quickscan-seksueel-geweld/v1.yaml",
                    java.nio.file.Files.readString(java.nio.file.Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"))).survey();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRegiosAnswerCountsForEachGemeenteAndTheGemeentesOwnAnswerToARegioStatementDoesNot() {
        Map<String, String> regio = Map.of(GEDEELDE_VISIE, "3", BEELD, "3", "samenwerking-regiodag", "3");
        Map<String, String> a = own("0");
        Map<String, String> b = own("0");
        b.put(GEDEELDE_VISIE, "0"); // a value a gemeente could hold from before: the regio's counts
        // Visie: 8 gemeente statements at 0 and the regio's 2 at 3 of 3: 2 × 3 / (10 × 3) = 20 %.
        assertEquals(20.0, visie(RegioAnswers.merge(SURVEY, a, regio)), 1e-9);
        assertEquals(20.0, visie(RegioAnswers.merge(SURVEY, b, regio)), 1e-9);
        assertEquals(0.0, visie(RegioAnswers.merge(SURVEY, a, Map.of())), 1e-9, "unanswered by the regio: 0, in the maximum");
        Map<String, String> regioAnswersGemeente = new HashMap<>(regio);
        regioAnswersGemeente.put("visie-gender", "3");
        assertEquals(20.0, visie(RegioAnswers.merge(SURVEY, a, regioAnswersGemeente)), 1e-9,
                "an answer of the regio to a gemeente statement is not taken");
    }

    @Test
    void aChangeByTheCoordinatorChangesTheScoreOfEveryGemeenteOfTheRound() {
        List<RoundAnswer> gemeenten = new java.util.ArrayList<>();
        own("1").forEach((key, value) -> gemeenten.add(new RoundAnswer(1, key, value, null)));
        own("2").forEach((key, value) -> gemeenten.add(new RoundAnswer(2, key, value, null)));
        List<RoundAnswer> before = List.of(new RoundAnswer(99, GEDEELDE_VISIE, "0", null), new RoundAnswer(99, BEELD, "0", null));
        List<RoundAnswer> after = List.of(new RoundAnswer(99, GEDEELDE_VISIE, "3", null), new RoundAnswer(99, BEELD, "3", null));
        RegioAnswers.RoundValues then = RegioAnswers.RoundValues.of(SURVEY, gemeenten, before);
        RegioAnswers.RoundValues now = RegioAnswers.RoundValues.of(SURVEY, gemeenten, after);
        for (long scan : List.of(1L, 2L)) {
            double was = visie(then.of(scan));
            double is = visie(now.of(scan));
            assertNotEquals(was, is);
            // Two statements of ten, each 3 points more of a maximum of 30: 20 points up.
            assertEquals(was + 20, is, 1e-9, "scan " + scan);
            assertNotEquals(Scoring.score(SURVEY, then.of(scan)).total(), Scoring.score(SURVEY, now.of(scan)).total());
        }
        assertEquals(Map.of(GEDEELDE_VISIE, "3", BEELD, "3"), now.of(3), "a scan without answers of its own still has the regio's");
    }

    @Test
    void theRegiosStatementsDoNotCountInAGemeentesProgressNorBlockSubmitting() {
        Map<String, Progress.Answer> answers = new HashMap<>();
        own("2").forEach((key, value) -> answers.put(key, new Progress.Answer(value, null)));
        SURVEY.kengetallen().forEach(q -> answers.put(q.key(), new Progress.Answer("1", null)));
        List<Progress.Part> gemeente = Progress.of(SURVEY, answers);
        assertEquals(100, Progress.percent(gemeente));
        assertTrue(Progress.missing(gemeente).isEmpty(), Progress.missing(gemeente)::toString);
        assertEquals(8, gemeente.get(0).total(), "visie: ten statements, two the regio's");
        List<Progress.Part> regio = Progress.of(RegioAnswers.regioPart(SURVEY), Map.of(), Survey.Scope.REGIO);
        assertEquals(3, regio.stream().mapToInt(Progress.Part::total).sum());
    }
}
