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
                "bouwstenen[0].questions[1].key", "De sleutel \"visie-een\" komt al voor, bij bouwstenen[0].questions[0].");
    }

    @Test
    void duplicateKeyAcrossBouwsteenAndKengetal() {
        assertOnlyProblem(VALID.replace("key: kengetal-inwoners", "key: samenwerking"),
                "kengetallen[0].key", "De sleutel \"samenwerking\" komt al voor, bij bouwstenen[1].");
    }

    @Test
    void unknownScale() {
        assertOnlyProblem(VALID.replaceFirst("scale: ontwikkeling\n        text: \"De visie", "scale: ontwikeling\n        text: \"De visie"),
                "bouwstenen[0].questions[1].scale", "Onbekende schaal \"ontwikeling\" (bekend: ontwikkeling).");
    }

    @Test
    void optionWithoutPoints() {
        assertOnlyProblem(VALID.replace("{value: \"3\", label: \"Ja\", points: 3}", "{value: \"3\", label: \"Ja\"}"),
                "scales[0].options[1].points", "Optie \"3\" heeft geen points (alleen een optie met notApplicable mag ze weglaten).");
    }

    @Test
    void zeroAndNegativeWeights() {
        assertOnlyProblem(VALID.replace("weight: 2", "weight: 0"),
                "bouwstenen[0].questions[1].weight", "Moet groter zijn dan 0, niet 0.");
        assertOnlyProblem(VALID.replaceFirst("description: \"Over samenwerking.\"\n    weight: 1", "description: \"Over samenwerking.\"\n    weight: -1"),
                "bouwstenen[1].weight", "Moet groter zijn dan 0, niet -1.");
    }

    @Test
    void emptyBouwsteen() {
        String yaml = VALID.substring(0, VALID.indexOf("    questions:\n      - key: samenwerking-een"))
                + "    questions: []\n";
        SurveyReader.Result result = read(yaml);
        assertTrue(result.problems().contains(new SurveyProblem(FILE, "bouwstenen[1].questions",
                "Bouwsteen \"samenwerking\" heeft geen vragen.")), result.problems()::toString);
    }

    @Test
    void thresholdsOutOfOrder() {
        assertOnlyProblem(VALID.replace("min: 75", "min: 0"),
                "levels[1].min", "De grenzen moeten steeds hoger worden: 0 komt na 0.");
        assertOnlyProblem(VALID.replace("{label: \"Beginnend\", min: 0", "{label: \"Beginnend\", min: 10"),
                "levels[0].min", "Het eerste niveau moet bij 0 beginnen, niet bij 10.");
        assertOnlyProblem(VALID.replace("min: 75", "min: 101"), "levels[1].min", "Mag hoogstens 100 zijn, niet 101.");
    }

    @Test
    void missingDutchText() {
        assertOnlyProblem(VALID.replace("recommendation: \"Deel de visie.\"", "recommendation: \"\""),
                "bouwstenen[0].questions[1].recommendation", "De Nederlandse tekst ontbreekt.");
        assertOnlyProblem(VALID.replace("help: \"Uitleg.\"\n        recommendation: \"Werk samen.\"", "recommendation: \"Werk samen.\""),
                "bouwstenen[1].questions[0].help", "De Nederlandse tekst ontbreekt.");
        assertOnlyProblem(VALID.replace("label: \"Weet ik niet\"", "label: \" \""),
                "scales[0].options[2].label", "De Nederlandse tekst ontbreekt.");
    }

    @Test
    void unknownThemeAndChoiceQuestionWithScale() {
        assertOnlyProblem(VALID.replace("theme: preventie", "theme: handhaving"),
                "bouwstenen[1].questions[0].theme", "Onbekend thema \"handhaving\" (bekend: preventie).");
        assertOnlyProblem(VALID.replace("type: scale\n        scale: ontwikkeling\n        text: \"Er is een visie.\"",
                        "type: single-choice\n        scale: ontwikkeling\n        options: [{value: \"a\", label: \"A\", points: 1}]\n        text: \"Er is een visie.\""),
                "bouwstenen[0].questions[0].scale", "Bij single-choice staan de opties in de vraag zelf (options:), niet in een schaal (scale:).");
    }

    @Test
    void idMustMatchFolderAndVersionTheFileName() {
        SurveyReader.Result result = read("anders/v2.yaml", VALID);
        assertEquals(List.of(
                new SurveyProblem("anders/v2.yaml", "id", "\"proef\" moet gelijk zijn aan de naam van de map, \"anders\"."),
                new SurveyProblem("anders/v2.yaml", "version", "Versie 1 hoort in een bestand met de naam v1.yaml.")), result.problems());
    }

    @Test
    void replacedKeyMustExistInTheEarlierVersion() {
        Survey v1 = read(VALID).survey();
        String v2yaml = VALID.replace("version: 1", "version: 2")
                .replace("key: visie-twee", "key: visie-twee-nieuw\n        replaces: visie-drie");
        Survey v2 = read("proef/v2.yaml", v2yaml).survey();
        assertEquals(List.of(new SurveyProblem("proef/v2.yaml", "bouwstenen[0].questions[1].replaces",
                "Vervangt \"visie-drie\", maar versie 1 heeft geen vraag met die sleutel.")), SurveyReader.checkReplaces("proef/v2.yaml", v2, v1));

        Survey v2good = read("proef/v2.yaml", v2yaml.replace("replaces: visie-drie", "replaces: visie-twee")).survey();
        assertEquals(List.of(), SurveyReader.checkReplaces("proef/v2.yaml", v2good, v1));
        assertEquals(List.of(new SurveyProblem("proef/v2.yaml", "bouwstenen[0].questions[1].replaces",
                "Vervangt \"visie-twee\", maar vragenlijst \"proef\" heeft geen versie 1.")),
                SurveyReader.checkReplaces("proef/v2.yaml", v2good, null));
    }

    @Test
    void notASurveyAtAll() {
        assertEquals(List.of(new SurveyProblem(FILE, "", "Het bestand moet een vragenlijst zijn (velden als id, version en title), niet een lijst.")),
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
                "bouwstenen[0].questions[1].scope", "Onbekende scope \"provincie\" (bekend: gemeente, regio).");
    }

    @Test
    void textThatIsNotYamlGivesItsLine() {
        SurveyReader.Result result = SurveyReader.readText(FILE, "id: proef\nversion: 1\ntitle: [niet gesloten\n");
        assertNull(result.survey());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).line() >= 3, () -> "line of the problem: " + result.problems());
        assertTrue(result.problems().get(0).message().startsWith("Dit is geen geldige YAML"));
    }

    @Test
    void textWithManyAliasesOrDuplicateKeysIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        assertTrue(SurveyReader.readText(FILE, bomb.toString()).problems().get(0).message().startsWith("Dit is geen geldige YAML"));
        assertTrue(SurveyReader.readText(FILE, "id: een\nid: twee\n").problems().get(0).message().startsWith("Dit is geen geldige YAML"));
        assertEquals(List.of(), SurveyReader.readText(FILE, VALID).problems(), "the valid survey reads from text too");
    }

    // ---- several sources -------------------------------------------------------------------------------------

    private static final String ONE_SOURCE = "source: {document: \"bron.txt\", section: \"Hoofdstuk 2\"}";

    @Test
    void aStatementMayCiteSeveralSources() {
        SurveyReader.Result result = read(VALID.replace(ONE_SOURCE,
                "sources:\n          - {document: \"bron.txt\", section: \"Hoofdstuk 2\"}\n          - {document: \"ander.txt\", section: \"Deel 4\"}"));
        assertEquals(List.of(), result.problems());
        Survey.Question second = result.survey().bouwstenen().get(0).questions().get(1);
        assertEquals(List.of(new Survey.Source("bron.txt", "Hoofdstuk 2"), new Survey.Source("ander.txt", "Deel 4")), second.sources());
        assertEquals(new Survey.Source("bron.txt", "Hoofdstuk 2"), second.source(), "source() is the first");
    }

    @Test
    void sourceAndSourcesTogetherOrNeitherOrAnEmptyList() {
        assertOnlyProblem(VALID.replace(ONE_SOURCE, ONE_SOURCE + "\n        sources: [{document: \"ander.txt\", section: \"Deel 4\"}]"),
                "bouwstenen[0].questions[1].sources", "Gebruik source of sources, niet allebei.");
        assertOnlyProblem(VALID.replace("        " + ONE_SOURCE + "\n", ""),
                "bouwstenen[0].questions[1].source", "Dit veld ontbreekt. Geef de bron met source (of meer bronnen met sources).");
        assertOnlyProblem(VALID.replace(ONE_SOURCE, "sources: []"),
                "bouwstenen[0].questions[1].sources", "Noem minstens één bron.");
        assertOnlyProblem(VALID.replace(ONE_SOURCE, "sources: [{document: \"ander.txt\"}]"),
                "bouwstenen[0].questions[1].sources[0].section", "Dit veld ontbreekt.");
    }

    // ---- two recommendations ---------------------------------------------------------------------------------

    @Test
    void aNextStepRecommendationIsOptional() {
        SurveyReader.Result result = read(VALID.replace("recommendation: \"Deel de visie.\"",
                "recommendation: \"Deel de visie.\"\n        recommendationNext: \"Bespreek de visie elk jaar.\""));
        assertEquals(List.of(), result.problems());
        Survey.Question second = result.survey().bouwstenen().get(0).questions().get(1);
        assertEquals("Bespreek de visie elk jaar.", second.recommendationNext());
        assertEquals("Deel de visie.", second.recommendationFor(0, 6), "nothing yet: the one to start");
        assertEquals("Bespreek de visie elk jaar.", second.recommendationFor(2, 6), "partly met: the next step");
        assertEquals("Deel de visie.", second.recommendationFor(6, 6));
        assertNull(read(VALID).survey().bouwstenen().get(0).questions().get(1).recommendationNext());
        assertEquals("Deel de visie.", read(VALID).survey().bouwstenen().get(0).questions().get(1).recommendationFor(2, 6),
                "without a next step, the one recommendation for every answer");
    }

    // ---- unscored follow-ups ---------------------------------------------------------------------------------

    private static final String FOLLOW_UP = """
                  - key: visie-welke
                    type: multiple-choice
                    scored: false
                    followUpOf: visie-een
                    options:
                      - {value: "JEUGD", label: "Jeugd"}
                      - {value: "WMO", label: "Wmo"}
                    text: "Met welke beleidsterreinen is de visie gedeeld?"
                    help: "Kies alles wat past."
                    source: {document: "bron.txt", section: "Hoofdstuk 1"}
            """;

    private static String withFollowUp(String followUp) {
        return VALID.replace("  - key: samenwerking\n", followUp + "  - key: samenwerking\n");
    }

    @Test
    void anUnscoredFollowUpNeedsNoPointsNorRecommendationAndStandsBelowItsStatement() {
        SurveyReader.Result result = read(withFollowUp(FOLLOW_UP));
        assertEquals(List.of(), result.problems());
        List<Survey.Question> questions = result.survey().bouwstenen().get(0).questions();
        assertEquals(List.of("visie-een", "visie-welke", "visie-twee"), questions.stream().map(Survey.Question::key).toList(),
                "the follow-up right below its statement, though the file has it last");
        Survey.Question followUp = questions.get(1);
        assertEquals(false, followUp.scored());
        assertEquals(false, followUp.required(), "never required");
        assertNull(followUp.recommendation());
        assertNull(followUp.options().get(0).points());
        assertEquals(3, result.survey().scoredQuestionCount(), "it is not a statement");
    }

    @Test
    void followUpRules() {
        assertOnlyProblem(withFollowUp(FOLLOW_UP.replace("followUpOf: visie-een", "followUpOf: visie-drie")),
                "bouwstenen[0].questions[2].followUpOf", "Deze bouwsteen heeft geen stelling \"visie-drie\" die meetelt in de score.");
        assertOnlyProblem(withFollowUp(FOLLOW_UP.replace("followUpOf: visie-een", "followUpOf: samenwerking-een")),
                "bouwstenen[0].questions[2].followUpOf", "Deze bouwsteen heeft geen stelling \"samenwerking-een\" die meetelt in de score.");
        assertTrue(read(withFollowUp(FOLLOW_UP.replace("        scored: false\n        followUpOf: visie-een\n", ""))).problems()
                .contains(new SurveyProblem(FILE, "bouwstenen[0].questions[2].options[0].points",
                        "Optie \"JEUGD\" heeft geen points (alleen een optie met notApplicable mag ze weglaten).")),
                "a choice question is scored unless it says otherwise");
        assertOnlyProblem(withFollowUp(FOLLOW_UP.replace("{value: \"WMO\", label: \"Wmo\"}", "{value: \"WMO\", label: \"Wmo\", points: 1}")),
                "bouwstenen[0].questions[2].options[1].points", "Deze vraag telt niet mee in de score, dus haar opties hebben geen points.");
        assertOnlyProblem(withFollowUp(FOLLOW_UP.replace("scored: false\n", "scored: false\n        required: true\n")),
                "bouwstenen[0].questions[2].required", "Een vraag die niet meetelt in de score is nooit verplicht: laat required weg.");
        assertOnlyProblem(VALID.replace("key: visie-twee", "key: visie-twee\n        scored: false"),
                "bouwstenen[0].questions[1].scored", "Alleen een single-choice- of multiple-choice-vraag kan scored hebben.");
        assertOnlyProblem(VALID.replace("key: visie-twee", "key: visie-twee\n        followUpOf: visie-een"),
                "bouwstenen[0].questions[1].followUpOf", "Alleen een vraag met scored: false kan een vervolgvraag zijn.");
        assertEquals(List.of(), read(withFollowUp(FOLLOW_UP.replace("        followUpOf: visie-een\n", ""))).problems(),
                "a follow-up without followUpOf stands where the file has it");
    }

    // ---- option help -----------------------------------------------------------------------------------------

    @Test
    void anOptionMayHaveHelp() {
        SurveyReader.Result result = read(VALID.replace("notApplicable: true, requiresComment: true}",
                "notApplicable: true, requiresComment: true, help: \"Kies dit niet als de regio dit regelt.\"}"));
        assertEquals(List.of(), result.problems());
        assertEquals("Kies dit niet als de regio dit regelt.", result.survey().bouwstenen().get(0).questions().get(0).options().get(3).help());
        assertNull(result.survey().bouwstenen().get(0).questions().get(0).options().get(0).help());
        assertOnlyProblem(VALID.replace("{value: \"0\", label: \"Nee\", points: 0}", "{value: \"0\", label: \"Nee\", points: 0, help: [a, b]}"),
                "scales[0].options[0].help", "Hier hoort een tekst, niet een lijst.");
    }

    // ---- kengetallen -----------------------------------------------------------------------------------------

    private static final String CHOICE_KENGETAL = """
              - key: kengetal-centrumgemeente
                type: single-choice
                options:
                  - {value: "JA", label: "Ja"}
                  - {value: "NEE", label: "Nee"}
                text: "Is uw gemeente centrumgemeente vrouwenopvang?"
                help: "Zie de lijst van het Rijk."
                source: {document: "bron.txt", section: "Bijlage"}
            """;

    @Test
    void aKengetalMayBeAChoiceWithoutPointsAndANumberHasAReferenceYear() {
        SurveyReader.Result result = read(VALID.replace("    unit: \"inwoners\"", "    unit: \"inwoners\"\n    referenceYear: previous")
                + CHOICE_KENGETAL);
        assertEquals(List.of(), result.problems());
        Survey.Question inwoners = result.survey().kengetallen().get(0);
        assertEquals(Survey.ReferenceYear.PREVIOUS, inwoners.referenceYear());
        assertEquals("Aantal inwoners (over 2025)", inwoners.textFor(2026));
        Survey.Question centrum = result.survey().kengetallen().get(1);
        assertEquals(List.of("JA", "NEE"), centrum.options().stream().map(Survey.AnswerOption::value).toList());
        assertEquals(false, centrum.scored());
        assertEquals("Is uw gemeente centrumgemeente vrouwenopvang?", centrum.textFor(2026), "no reference year, no year");
    }

    @Test
    void kengetalRules() {
        assertOnlyProblem(VALID + CHOICE_KENGETAL.replace("{value: \"JA\", label: \"Ja\"}", "{value: \"JA\", label: \"Ja\", points: 1}"),
                "kengetallen[1].options[0].points", "Deze vraag telt niet mee in de score, dus haar opties hebben geen points.");
        assertOnlyProblem(VALID.replace("    type: number", "    type: scale"),
                "kengetallen[0].type", "Een kengetal telt nooit mee in de score: gebruik number, text of single-choice, niet scale.");
        assertOnlyProblem(VALID.replace("    unit: \"inwoners\"", "    unit: \"inwoners\"\n    referenceYear: vorig"),
                "kengetallen[0].referenceYear", "Onbekend referentiejaar \"vorig\" (bekend: previous, current).");
        assertOnlyProblem(VALID + CHOICE_KENGETAL.replace("type: single-choice", "type: single-choice\n    referenceYear: current"),
                "kengetallen[1].referenceYear", "Alleen een kengetal van type number heeft een referenceYear.");
    }

    // ---- levels ----------------------------------------------------------------------------------------------

    @Test
    void aBouwsteenMayDescribeLevelsItsOwnWay() {
        SurveyReader.Result result = read(VALID.replace("description: \"Over de visie.\"",
                "description: \"Over de visie.\"\n    levelDescriptions:\n      Geborgd: \"De visie is vastgesteld en gedeeld.\""));
        assertEquals(List.of(), result.problems());
        Survey survey = result.survey();
        Survey.Bouwsteen visie = survey.bouwstenen().get(0);
        assertEquals("De visie is vastgesteld en gedeeld.", visie.describe(survey.levels().get(1)).description());
        assertEquals("Geborgd", visie.describe(survey.levels().get(1)).label());
        assertEquals("Aan het begin.", visie.describe(survey.levels().get(0)).description(), "a level it does not describe");
        assertEquals("Geregeld.", survey.bouwstenen().get(1).describe(survey.levels().get(1)).description());
    }

    @Test
    void levelDescriptionsNameKnownLevelsAndUncertainShareIsAPercentage() {
        assertOnlyProblem(VALID.replace("description: \"Over de visie.\"",
                        "description: \"Over de visie.\"\n    levelDescriptions:\n      Gevorderd: \"Bijna.\""),
                "bouwstenen[0].levelDescriptions.Gevorderd", "Onbekend niveau \"Gevorderd\" (bekend: Beginnend, Geborgd).");
        assertOnlyProblem(VALID.replace("description: \"Over de visie.\"",
                        "description: \"Over de visie.\"\n    levelDescriptions:\n      Geborgd: \"\""),
                "bouwstenen[0].levelDescriptions.Geborgd", "De Nederlandse tekst ontbreekt.");
        assertEquals(40, read(VALID.replace("bouwstenen:\n", "uncertainShare: 40\nbouwstenen:\n")).survey().uncertainShare());
        assertNull(read(VALID).survey().uncertainShare());
        assertOnlyProblem(VALID.replace("bouwstenen:\n", "uncertainShare: 0\nbouwstenen:\n"),
                "uncertainShare", "Vul een percentage in van 1 tot en met 100, niet 0.");
        assertOnlyProblem(VALID.replace("bouwstenen:\n", "uncertainShare: 101\nbouwstenen:\n"),
                "uncertainShare", "Vul een percentage in van 1 tot en met 100, niet 101.");
        assertOnlyProblem(VALID.replace("bouwstenen:\n", "uncertainShare: veel\nbouwstenen:\n"),
                "uncertainShare", "Hier hoort een geheel getal, niet \"veel\".");
    }

    // ---- lines -----------------------------------------------------------------------------------------------

    private static int lineOf(String yaml, String text) {
        return (int) yaml.substring(0, yaml.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void problemsReadFromTextHaveTheLineOfTheirKeyOrOfItsParent() {
        String badScale = VALID.replaceFirst("scale: ontwikkeling\n        text: \"De visie", "scale: ontwikeling\n        text: \"De visie");
        assertEquals(List.of(new SurveyProblem(FILE, lineOf(badScale, "scale: ontwikeling"), "bouwstenen[0].questions[1].scale",
                "Onbekende schaal \"ontwikeling\" (bekend: ontwikkeling).")), SurveyReader.readText(FILE, badScale).problems());
        String noHelp = VALID.replace("help: \"Uitleg.\"\n        recommendation: \"Werk samen.\"", "recommendation: \"Werk samen.\"");
        assertEquals(List.of(new SurveyProblem(FILE, lineOf(noHelp, "- key: samenwerking-een"), "bouwstenen[1].questions[0].help",
                "De Nederlandse tekst ontbreekt.")), SurveyReader.readText(FILE, noHelp).problems(), "a missing key: its question's line");
        String unknownLevel = VALID.replace("description: \"Over de visie.\"",
                "description: \"Over de visie.\"\n    levelDescriptions:\n      Gevorderd: \"Bijna.\"");
        assertEquals(lineOf(unknownLevel, "Gevorderd: "), SurveyReader.readText(FILE, unknownLevel).problems().get(0).line());
        String noTitle = VALID.replace("title: \"Proef\"\n", "");
        assertEquals(List.of(new SurveyProblem(FILE, 1, "title", "De Nederlandse tekst ontbreekt.")),
                SurveyReader.readText(FILE, noTitle).problems());
    }

    @Test
    void replacesProblemsFromTextHaveTheirLineAndThePathInTheFile() {
        Survey v1 = read(VALID).survey();
        String v2yaml = withFollowUp(FOLLOW_UP.replace("followUpOf: visie-een", "followUpOf: visie-een\n        replaces: visie-drie"))
                .replace("version: 1", "version: 2");
        Survey v2 = SurveyReader.readText("proef/v2.yaml", v2yaml).survey();
        assertEquals(List.of(new SurveyProblem("proef/v2.yaml", lineOf(v2yaml, "replaces: visie-drie"),
                        "bouwstenen[0].questions[2].replaces", "Vervangt \"visie-drie\", maar versie 1 heeft geen vraag met die sleutel.")),
                SurveyReader.checkReplaces("proef/v2.yaml", v2yaml, v2, v1));
    }
}
