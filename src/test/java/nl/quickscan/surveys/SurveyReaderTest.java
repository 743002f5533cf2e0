package nl.quickscan.surveys;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator on broken files, one kind of problem each, with the exact location and message. */
class SurveyReaderTest {

    static final String FILE = "proef/v1.yaml";

    /** A small valid survey; each test breaks one thing in it. */
    static final String VALID = """
            id: proef
            version: 1
            title: "Proef"
            introduction: "Een kleine vragenlijst."
            scales:
              - key: ontwikkeling
                options:
                  - {value: "0", label: "Nee", points: 0}
                  - {value: "3", label: "Ja", points: 3}
                  - {value: "WEET_NIET", label: "Weet ik niet", points: 0, uncertain: true}
                  - {value: "NVT", label: "Niet van toepassing", notApplicable: true, requiresComment: true}
            levels:
              - {label: "Beginnend", min: 0, description: "Aan het begin."}
              - {label: "Geborgd", min: 75, description: "Geregeld."}
            bouwstenen:
              - key: visie
                title: "Visie"
                description: "Over de visie."
                weight: 1
                questions:
                  - key: visie-een
                    type: scale
                    scale: ontwikkeling
                    text: "Er is een visie."
                    help: "Uitleg."
                    recommendation: "Maak een visie."
                    source: {document: "bron.txt", section: "Hoofdstuk 1"}
                    weight: 1
                    required: true
                  - key: visie-twee
                    type: scale
                    scale: ontwikkeling
                    text: "De visie is gedeeld."
                    help: "Uitleg."
                    recommendation: "Deel de visie."
                    source: {document: "bron.txt", section: "Hoofdstuk 2"}
                    weight: 2
                    required: true
              - key: samenwerking
                title: "Samenwerking"
                description: "Over samenwerking."
                weight: 1
                themes:
                  - {key: preventie, title: "Preventie"}
                questions:
                  - key: samenwerking-een
                    theme: preventie
                    type: scale
                    scale: ontwikkeling
                    text: "Er wordt samengewerkt."
                    help: "Uitleg."
                    recommendation: "Werk samen."
                    source: {document: "bron.txt", section: "Hoofdstuk 3"}
                    weight: 1
                    required: true
            kengetallen:
              - key: kengetal-inwoners
                type: number
                unit: "inwoners"
                text: "Aantal inwoners"
                help: "Volgens het CBS."
                source: {document: "bron.txt", section: "Bijlage"}
            """;

    static SurveyReader.Result read(String yaml) {
        return read(FILE, yaml);
    }

    static SurveyReader.Result read(String file, String yaml) {
        return SurveyReader.read(file, new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    private static void assertOnlyProblem(String yaml, String path, String message) {
        SurveyReader.Result result = read(yaml);
        assertNull(result.survey(), () -> "an invalid survey is not returned; problems: " + result.problems());
        assertEquals(List.of(new SurveyProblem(FILE, path, message)), result.problems());
    }

    @Test
    void theValidSurveyReadsCompletely() {
        SurveyReader.Result result = read(VALID);
        assertEquals(List.of(), result.problems());
        Survey survey = result.survey();
        assertEquals(2, survey.bouwstenen().size());
        assertEquals(3, survey.scoredQuestionCount());
        Survey.Question second = survey.bouwstenen().get(0).questions().get(1);
        assertEquals(2.0, second.weight());
        assertEquals(4, second.options().size(), "the scale's options are resolved into the question");
        assertNull(second.options().get(3).points(), "n.v.t. has no points");
        assertTrue(second.options().get(2).uncertain());
        assertEquals("preventie", survey.bouwstenen().get(1).questions().get(0).theme());
        assertEquals("inwoners", survey.kengetallen().get(0).unit());
    }

    @Test
    void duplicateKey() {
        assertOnlyProblem(VALID.replace("key: visie-twee", "key: visie-een"),
                "bouwstenen[0].questions[1].key", "duplicate key \"visie-een\" (also at bouwstenen[0].questions[0])");
    }

    @Test
    void duplicateKeyAcrossBouwsteenAndKengetal() {
        assertOnlyProblem(VALID.replace("key: kengetal-inwoners", "key: samenwerking"),
                "kengetallen[0].key", "duplicate key \"samenwerking\" (also at bouwstenen[1])");
    }

    @Test
    void unknownScale() {
        assertOnlyProblem(VALID.replaceFirst("scale: ontwikkeling\n        text: \"De visie", "scale: ontwikeling\n        text: \"De visie"),
                "bouwstenen[0].questions[1].scale", "unknown scale \"ontwikeling\" (known: ontwikkeling)");
    }

    @Test
    void optionWithoutPoints() {
        assertOnlyProblem(VALID.replace("{value: \"3\", label: \"Ja\", points: 3}", "{value: \"3\", label: \"Ja\"}"),
                "scales[0].options[1].points", "option \"3\" has no points (only a notApplicable option may leave them out)");
    }

    @Test
    void zeroAndNegativeWeights() {
        assertOnlyProblem(VALID.replace("weight: 2", "weight: 0"),
                "bouwstenen[0].questions[1].weight", "must be greater than 0, was 0");
        assertOnlyProblem(VALID.replaceFirst("description: \"Over samenwerking.\"\n    weight: 1", "description: \"Over samenwerking.\"\n    weight: -1"),
                "bouwstenen[1].weight", "must be greater than 0, was -1");
    }

    @Test
    void emptyBouwsteen() {
        String yaml = VALID.substring(0, VALID.indexOf("    questions:\n      - key: samenwerking-een"))
                + "    questions: []\n";
        SurveyReader.Result result = read(yaml);
        assertTrue(result.problems().contains(new SurveyProblem(FILE, "bouwstenen[1].questions",
                "bouwsteen \"samenwerking\" has no questions")), result.problems()::toString);
    }

    @Test
    void thresholdsOutOfOrder() {
        assertOnlyProblem(VALID.replace("min: 75", "min: 0"),
                "levels[1].min", "thresholds must go strictly up: 0 comes after 0");
        assertOnlyProblem(VALID.replace("{label: \"Beginnend\", min: 0", "{label: \"Beginnend\", min: 10"),
                "levels[0].min", "the first level must start at 0, was 10");
        assertOnlyProblem(VALID.replace("min: 75", "min: 101"), "levels[1].min", "must be at most 100, was 101");
    }

    @Test
    void missingDutchText() {
        assertOnlyProblem(VALID.replace("recommendation: \"Deel de visie.\"", "recommendation: \"\""),
                "bouwstenen[0].questions[1].recommendation", "Dutch text is missing");
        assertOnlyProblem(VALID.replace("help: \"Uitleg.\"\n        recommendation: \"Werk samen.\"", "recommendation: \"Werk samen.\""),
                "bouwstenen[1].questions[0].help", "Dutch text is missing");
        assertOnlyProblem(VALID.replace("label: \"Weet ik niet\"", "label: \" \""),
                "scales[0].options[2].label", "Dutch text is missing");
    }

    @Test
    void unknownThemeAndChoiceQuestionWithScale() {
        assertOnlyProblem(VALID.replace("theme: preventie", "theme: handhaving"),
                "bouwstenen[1].questions[0].theme", "unknown theme \"handhaving\"; the bouwsteen has preventie");
        assertOnlyProblem(VALID.replace("type: scale\n        scale: ontwikkeling\n        text: \"Er is een visie.\"",
                        "type: single-choice\n        scale: ontwikkeling\n        options: [{value: \"a\", label: \"A\", points: 1}]\n        text: \"Er is een visie.\""),
                "bouwstenen[0].questions[0].scale", "single-choice questions give their options inline as options:, not with scale:");
    }

    @Test
    void idMustMatchFolderAndVersionTheFileName() {
        SurveyReader.Result result = read("anders/v2.yaml", VALID);
        assertEquals(List.of(
                new SurveyProblem("anders/v2.yaml", "id", "\"proef\" must equal the folder name \"anders\""),
                new SurveyProblem("anders/v2.yaml", "version", "version 1 belongs in a file named v1.yaml")), result.problems());
    }

    @Test
    void replacedKeyMustExistInTheEarlierVersion() {
        Survey v1 = read(VALID).survey();
        String v2yaml = VALID.replace("version: 1", "version: 2")
                .replace("key: visie-twee", "key: visie-twee-nieuw\n        replaces: visie-drie");
        Survey v2 = read("proef/v2.yaml", v2yaml).survey();
        assertEquals(List.of(new SurveyProblem("proef/v2.yaml", "bouwstenen[0].questions[1].replaces",
                "replaces \"visie-drie\", which is not a question key in version 1")), SurveyReader.checkReplaces("proef/v2.yaml", v2, v1));

        Survey v2good = read("proef/v2.yaml", v2yaml.replace("replaces: visie-drie", "replaces: visie-twee")).survey();
        assertEquals(List.of(), SurveyReader.checkReplaces("proef/v2.yaml", v2good, v1));
        assertEquals(List.of(new SurveyProblem("proef/v2.yaml", "bouwstenen[0].questions[1].replaces",
                "replaces \"visie-twee\", but there is no version 1 of survey \"proef\"")),
                SurveyReader.checkReplaces("proef/v2.yaml", v2good, null));
    }

    @Test
    void notASurveyAtAll() {
        assertEquals(List.of(new SurveyProblem(FILE, "", "the file must contain a survey (a YAML mapping), not a list")),
                read("- een\n- twee\n").problems());
    }

    @Test
    void aStatementIsAnsweredByTheGemeenteUnlessItSaysRegio() {
        SurveyReader.Result result = read(VALID.replace("key: visie-twee", "key: visie-twee\n        scope: regio"));
        assertEquals(List.of(), result.problems());
        List<Survey.Question> questions = result.survey().bouwstenen().get(0).questions();
        assertEquals(Survey.Scope.GEMEENTE, questions.get(0).scope());
        assertEquals(Survey.Scope.REGIO, questions.get(1).scope());
        assertOnlyProblem(VALID.replace("key: visie-twee", "key: visie-twee\n        scope: provincie"),
                "bouwstenen[0].questions[1].scope", "unknown scope \"provincie\" (gemeente or regio)");
    }

    @Test
    void textThatIsNotYamlGivesItsLine() {
        SurveyReader.Result result = SurveyReader.readText(FILE, "id: proef\nversion: 1\ntitle: [niet gesloten\n");
        assertNull(result.survey());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).line() >= 3, () -> "line of the problem: " + result.problems());
        assertTrue(result.problems().get(0).message().startsWith("is not valid YAML"));
    }

    @Test
    void textWithManyAliasesOrDuplicateKeysIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        assertTrue(SurveyReader.readText(FILE, bomb.toString()).problems().get(0).message().startsWith("is not valid YAML"));
        assertTrue(SurveyReader.readText(FILE, "id: een\nid: twee\n").problems().get(0).message().startsWith("is not valid YAML"));
        assertEquals(List.of(), SurveyReader.readText(FILE, VALID).problems(), "the valid survey reads from text too");
    }
}
