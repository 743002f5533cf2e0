package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hand-computed expectations; the comments show the arithmetic. */
class ScoringTest {

    private static final double EPSILON = 1e-9;

    static Survey survey(int version, String extraQuestionYaml) {
        String yaml = """
                id: proef
                version: %d
                title: "Proef"
                introduction: "Een kleine vragenlijst."
                scales:
                  - key: s
                    options:
                      - {value: "0", label: "Nee", points: 0}
                      - {value: "1", label: "In voorbereiding", points: 1}
                      - {value: "2", label: "Deels", points: 2}
                      - {value: "3", label: "Ja", points: 3}
                      - {value: "WEET_NIET", label: "Weet ik niet", points: 0, uncertain: true}
                      - {value: "NVT", label: "Niet van toepassing", notApplicable: true, requiresComment: true}
                levels:
                  - {label: "Beginnend", min: 0, description: "a"}
                  - {label: "In ontwikkeling", min: 25, description: "b"}
                  - {label: "Gevorderd", min: 50, description: "c"}
                  - {label: "Geborgd", min: 75, description: "d"}
                bouwstenen:
                  - key: a
                    title: "A"
                    description: "A."
                    weight: 1
                    questions:
                      - {key: q1, type: scale, scale: s, text: "Een", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q2, type: scale, scale: s, text: "Twee", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 2, required: true}
                      - {key: q3, type: scale, scale: s, text: "Drie", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                  - key: b
                    title: "B"
                    description: "B."
                    weight: 3
                    questions:
                      - {key: q4, type: scale, scale: s, text: "Vier", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                %s
                """.formatted(version, extraQuestionYaml.lines().map(line -> "      " + line.strip())
                .collect(java.util.stream.Collectors.joining("\n")));
        SurveyReader.Result result = SurveyReader.read("proef/v" + version + ".yaml",
                new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        assertEquals(List.of(), result.problems());
        return result.survey();
    }

    static final Survey V1 = survey(1, """
                  - {key: q5, type: scale, scale: s, text: "Vijf", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}""");

    private static Map<String, String> answers(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void allMaximum() {
        Scoring.Result result = Scoring.score(V1, answers("q1", "3", "q2", "3", "q3", "3", "q4", "3", "q5", "3"));
        assertEquals(100.0, result.bouwstenen().get(0).score(), EPSILON);
        assertEquals(100.0, result.bouwstenen().get(1).score(), EPSILON);
        assertEquals(100.0, result.total(), EPSILON);
        assertEquals("Geborgd", result.totalLevel().label());
    }

    @Test
    void allZero() {
        Scoring.Result result = Scoring.score(V1, answers("q1", "0", "q2", "0", "q3", "0", "q4", "0", "q5", "0"));
        assertEquals(0.0, result.bouwstenen().get(0).score(), EPSILON);
        assertEquals(0.0, result.total(), EPSILON);
        assertEquals("Beginnend", result.totalLevel().label());
        assertEquals(0, result.unanswered());
    }

    @Test
    void mixedWeights() {
        // A: (1×3 + 2×1 + 1×0) / (1×3 + 2×3 + 1×3) = 5/12 = 41.666…%
        // B: q4 = 2, q5 n.v.t.: 2/3 = 66.666…%
        // total: (41.666… × 1 + 66.666… × 3) / 4 = 60.4166…%
        Scoring.Result result = Scoring.score(V1, answers("q1", "3", "q2", "1", "q3", "0", "q4", "2", "q5", "NVT"));
        assertEquals(500.0 / 12, result.bouwstenen().get(0).score(), EPSILON);
        assertEquals("In ontwikkeling", result.bouwstenen().get(0).level().label());
        assertEquals(200.0 / 3, result.bouwstenen().get(1).score(), EPSILON);
        assertEquals((500.0 / 12 + 3 * 200.0 / 3) / 4, result.total(), EPSILON);
        assertEquals("Gevorderd", result.totalLevel().label());
        assertEquals(1, result.bouwstenen().get(1).notApplicable());
        assertEquals(1, result.bouwstenen().get(1).counted());
    }

    @Test
    void notApplicableEverywhereInABouwsteenGivesNoScoreNotZero() {
        // B has no counting question: no score; the total is A alone: (3 + 2×3 + 0)/12 = 75%.
        Scoring.Result result = Scoring.score(V1, answers("q1", "3", "q2", "3", "q3", "0", "q4", "NVT", "q5", "NVT"));
        Scoring.BouwsteenScore b = result.bouwstenen().get(1);
        assertFalse(b.hasScore());
        assertNull(b.score());
        assertNull(b.level());
        assertEquals(2, b.notApplicable());
        assertEquals(75.0, result.total(), EPSILON);
        assertEquals("Geborgd", result.totalLevel().label(), "75 is the threshold of Geborgd");
    }

    @Test
    void weetNietAndUnansweredCountZeroButStayInTheMaximum() {
        // A: q1 weet niet (0 of 3), q2 unanswered (0 of 6), q3 = 3 (3 of 3): 3/12 = 25%.
        Scoring.Result result = Scoring.score(V1, answers("q1", "WEET_NIET", "q3", "3", "q4", "1", "q5", "1"));
        Scoring.BouwsteenScore a = result.bouwstenen().get(0);
        assertEquals(25.0, a.score(), EPSILON);
        assertEquals("In ontwikkeling", a.level().label(), "25 is the threshold of In ontwikkeling");
        assertEquals(1, a.unknown());
        assertEquals(1, a.unanswered());
        assertEquals(3, a.counted());
        assertEquals(Scoring.State.UNKNOWN, a.questions().get(0).state());
        assertEquals(Scoring.State.UNANSWERED, a.questions().get(1).state());
    }

    @Test
    void nothingAnsweredScoresZeroWithEverythingReportedAsUnanswered() {
        Scoring.Result result = Scoring.score(V1, Map.of());
        assertEquals(0.0, result.total(), EPSILON);
        assertEquals(5, result.unanswered());
    }

    @Test
    void aQuestionReplacedBetweenVersionsIsComparedWithItsPredecessor() {
        Survey v2 = survey(2, """
                  - {key: q5-nieuw, replaces: q5, type: scale, scale: s, text: "Vijf, scherper", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                  - {key: q6, type: scale, scale: s, text: "Zes", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}""");
        Comparison.Result result = Comparison.compare(
                V1, answers("q1", "1", "q2", "1", "q3", "1", "q4", "3", "q5", "1"),
                v2, answers("q1", "3", "q2", "1", "q3", "0", "q4", "3", "q5-nieuw", "2", "q6", "0"));
        Map<String, Comparison.QuestionChange> byKey = new HashMap<>();
        result.questions().forEach(change -> byKey.put(change.key(), change));
        assertEquals(Comparison.Direction.IMPROVED, byKey.get("q1").direction());
        assertEquals(Comparison.Direction.UNCHANGED, byKey.get("q2").direction());
        assertEquals(Comparison.Direction.DECLINED, byKey.get("q3").direction());
        assertEquals(Comparison.Direction.IMPROVED, byKey.get("q5-nieuw").direction(), "matched through replaces: 1 → 2");
        assertEquals("q5", byKey.get("q5-nieuw").before().question().key());
        assertEquals(Comparison.Direction.NEW, byKey.get("q6").direction());
        assertFalse(byKey.containsKey("q5"), "q5 is not dropped: q5-nieuw replaces it");

        // A before: (1 + 2 + 1)/12 = 33.33…; after: (3 + 2 + 0)/12 = 41.66…: +8.33… points.
        Comparison.BouwsteenChange a = result.bouwstenen().get(0);
        assertEquals(400.0 / 12, a.before(), EPSILON);
        assertEquals(500.0 / 12, a.after(), EPSILON);
        assertEquals(100.0 / 12, a.difference(), EPSILON);
        assertEquals(Comparison.Direction.IMPROVED, a.direction());
        // B before: (3 + 1)/6 = 66.66…; after: (3 + 2 + 0)/9 = 55.55…
        assertEquals(Comparison.Direction.DECLINED, result.bouwstenen().get(1).direction());
    }

    @Test
    void aDroppedQuestionIsReportedAsDropped() {
        Survey v2 = survey(2, "");
        Comparison.Result result = Comparison.compare(V1, answers("q5", "3"), v2, Map.of());
        assertEquals(Comparison.Direction.DROPPED, result.questions().stream()
                .filter(change -> change.key().equals("q5")).findFirst().orElseThrow().direction());
    }

    @Test
    void aThemeIsScoredOverItsOwnStatements() {
        Survey survey = SurveyReader.read("thema/v1.yaml", new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: thema
                version: 1
                title: "Thema's"
                introduction: "Een bouwsteen met thema's."
                scales:
                  - key: s
                    options:
                      - {value: "0", label: "Nee", points: 0}
                      - {value: "3", label: "Ja", points: 3}
                      - {value: "NVT", label: "Niet van toepassing", notApplicable: true, requiresComment: true}
                levels:
                  - {label: "Beginnend", min: 0, description: "a"}
                  - {label: "Gevorderd", min: 50, description: "c"}
                bouwstenen:
                  - key: a
                    title: "A"
                    description: "A."
                    weight: 1
                    themes:
                      - {key: t1, title: "Een"}
                      - {key: t2, title: "Twee"}
                    questions:
                      - {key: q1, theme: t1, type: scale, scale: s, text: "Een", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q2, theme: t1, type: scale, scale: s, text: "Twee", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 2, required: true}
                      - {key: q3, theme: t2, type: scale, scale: s, text: "Drie", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                """)).survey();
        Scoring.Result result = Scoring.score(survey, answers("q1", "3", "q2", "0", "q3", "NVT"));
        List<Scoring.ThemeScore> themes = Scoring.themes(survey, result.bouwstenen().get(0));
        assertEquals(List.of("Een", "Twee"), themes.stream().map(Scoring.ThemeScore::title).toList());
        // t1: 3 of (3 + 2 × 3) = 33.3…, Beginnend; t2: its only statement does not apply, so no score.
        assertEquals(100.0 / 3, themes.get(0).score(), EPSILON);
        assertEquals("Beginnend", themes.get(0).level().label());
        assertEquals(List.of("q1", "q2"), themes.get(0).questions().stream().map(q -> q.question().key()).toList());
        assertNull(themes.get(1).score());
        assertNull(themes.get(1).level());
        assertEquals(List.of(), Scoring.themes(V1, Scoring.score(V1, Map.of()).bouwstenen().get(0)), "no themes");
    }

    /** V1's file with a survey-level line added before the bouwstenen, and a bouwsteen-level one in bouwsteen a. */
    private static Survey variant(String surveyLine, String bouwsteenLine, String extraQuestionYaml) {
        String base = """
                id: proef
                version: 1
                title: "Proef"
                introduction: "Een kleine vragenlijst."
                scales:
                  - key: s
                    options:
                      - {value: "0", label: "Nee", points: 0}
                      - {value: "2", label: "Deels", points: 2}
                      - {value: "3", label: "Ja", points: 3}
                      - {value: "WEET_NIET", label: "Weet ik niet", points: 0, uncertain: true}
                      - {value: "NVT", label: "Niet van toepassing", notApplicable: true, requiresComment: true}
                levels:
                  - {label: "Beginnend", min: 0, description: "a"}
                  - {label: "Gevorderd", min: 50, description: "c"}
                %s
                bouwstenen:
                  - key: a
                    title: "A"
                    description: "A."
                    weight: 1
                    %s
                    questions:
                      - {key: q1, type: scale, scale: s, text: "Een", help: "h", recommendation: "Begin.", recommendationNext: "Ga verder.", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q2, type: scale, scale: s, text: "Twee", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q3, type: scale, scale: s, text: "Drie", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q4, type: scale, scale: s, text: "Vier", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                      - {key: q5, type: scale, scale: s, text: "Vijf", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                %s
                """.formatted(surveyLine, bouwsteenLine, extraQuestionYaml);
        SurveyReader.Result result = SurveyReader.read("proef/v1.yaml", new Yaml(new SafeConstructor(new LoaderOptions())).load(base));
        assertEquals(List.of(), result.problems());
        return result.survey();
    }

    @Test
    void aLevelIsUncertainFromTheSurveysShareOfWeetIkNietAmongTheAnswers() {
        Survey survey = variant("uncertainShare: 40", "", "");
        // 2 of 5 answers "Weet ik niet" = 40 %: uncertain. Score (3 + 3 + 3) / 15 = 60 %, Gevorderd.
        Scoring.BouwsteenScore two = Scoring.score(survey, answers("q1", "3", "q2", "3", "q3", "3", "q4", "WEET_NIET", "q5", "WEET_NIET"))
                .bouwstenen().get(0);
        assertEquals(60.0, two.score(), EPSILON);
        assertEquals(true, two.uncertain());
        assertEquals("Gevorderd (onzeker: 2 van 5 antwoorden zijn 'Weet ik niet')", two.levelText());
        // 1 of 4 answers (q5 unanswered; unanswered statements are no answers) = 25 %: below 40 %, certain.
        Scoring.BouwsteenScore one = Scoring.score(survey, answers("q1", "3", "q2", "3", "q3", "3", "q4", "WEET_NIET"))
                .bouwstenen().get(0);
        assertEquals(false, one.uncertain());
        assertEquals("Gevorderd", one.levelText());
        assertNull(one.uncertaintyNote());
        // 1 of 2 answers, n.v.t. among them = 50 %: uncertain; one "Weet ik niet" reads in the singular.
        Scoring.BouwsteenScore nvt = Scoring.score(survey, answers("q1", "NVT", "q2", "WEET_NIET")).bouwstenen().get(0);
        assertEquals("Beginnend (onzeker: 1 van 2 antwoorden is 'Weet ik niet')", nvt.levelText());
        assertEquals(false, Scoring.score(variant("", "", ""), answers("q1", "WEET_NIET", "q2", "WEET_NIET"))
                .bouwstenen().get(0).uncertain(), "without uncertainShare a level is never uncertain");
        assertEquals(false, Scoring.score(survey, answers()).bouwstenen().get(0).uncertain(), "no answers: nothing to be uncertain about");
    }

    @Test
    void aBouwsteensOwnLevelDescriptionComesWithItsLevel() {
        Survey survey = variant("", "levelDescriptions: {Gevorderd: \"Eigen beschrijving.\"}", "");
        Scoring.Result result = Scoring.score(survey, answers("q1", "3", "q2", "3", "q3", "3"));
        assertEquals("Gevorderd", result.bouwstenen().get(0).level().label());
        assertEquals("Eigen beschrijving.", result.bouwstenen().get(0).level().description());
        assertEquals("c", result.totalLevel().description(), "the total has the survey's description");
        assertEquals("a", Scoring.score(survey, answers()).bouwstenen().get(0).level().description(), "a level it does not describe");
    }

    @Test
    void aPartlyMetStatementGetsTheNextStep() {
        Survey survey = variant("", "", "");
        List<Scoring.QuestionScore> questions = Scoring.score(survey, answers("q1", "2", "q2", "2")).questions();
        assertEquals("Ga verder.", questions.get(0).recommendation(), "2 of 3 points: the next step");
        assertEquals("r", questions.get(1).recommendation(), "no next step in the survey: the one recommendation");
        assertEquals("Begin.", Scoring.score(survey, answers("q1", "0")).questions().get(0).recommendation());
        assertEquals("Begin.", Scoring.score(survey, answers("q1", "WEET_NIET")).questions().get(0).recommendation());
    }

    @Test
    void anUnscoredFollowUpNeverCounts() {
        Survey survey = variant("", "", """
                      - key: q1-welke
                        type: multiple-choice
                        scored: false
                        followUpOf: q1
                        options: [{value: "A", label: "A"}, {value: "B", label: "B"}]
                        text: "Welke?"
                        help: "h"
                        source: {document: d, section: s}
                """);
        Scoring.BouwsteenScore with = Scoring.score(survey, answers("q1", "3", "q1-welke", "A,B")).bouwstenen().get(0);
        Scoring.BouwsteenScore without = Scoring.score(survey, answers("q1", "3")).bouwstenen().get(0);
        assertEquals(20.0, with.score(), EPSILON);
        assertEquals(without.score(), with.score(), EPSILON);
        assertEquals(5, with.questions().size(), "the follow-up is not among the scored statements");
        assertEquals(4, with.unanswered());
    }
}
