package nl.quickscan.surveys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyDiffTest {

    private static final Survey V1 = survey(SurveyReaderTest.VALID);

    /** Version 2 of the test survey: the given replacements applied to version 1's text. */
    static String v2(String... replacements) {
        String text = SurveyReaderTest.VALID.replace("version: 1", "version: 2");
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(text.contains(replacements[i]), replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return text;
    }

    private static Survey survey(String text) {
        int version = text.contains("version: 2") ? 2 : 1;
        SurveyReader.Result result = SurveyReader.readText("proef/v" + version + ".yaml", text);
        assertTrue(result.valid(), result.problems()::toString);
        return result.survey();
    }

    @Test
    void theSameSurveyHasNoDifferences() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2()));
        assertTrue(diff.empty(), diff::toString);
    }

    @Test
    void aChangedTextAndWeightAreNamedWithBeforeAndAfter() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("text: \"De visie is gedeeld.\"", "text: \"De visie is gedeeld met de partners.\"",
                "weight: 2", "weight: 1.5")));
        assertEquals(1, diff.changed().size());
        assertEquals("visie-twee", diff.changed().get(0).item().key());
        assertEquals(List.of(new SurveyDiff.Change("Tekst", "De visie is gedeeld.", "De visie is gedeeld met de partners."),
                new SurveyDiff.Change("Gewicht", "2", "1,5")), diff.changed().get(0).changes());
        assertTrue(diff.added().isEmpty() && diff.removed().isEmpty() && diff.replaced().isEmpty());
    }

    @Test
    void aNextStepRecommendationIsAChange() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("recommendation: \"Deel de visie.\"",
                "recommendation: \"Deel de visie.\"\n        recommendationNext: \"Herhaal het delen elk jaar.\"")));
        assertEquals(List.of(new SurveyDiff.Change("Aanbeveling bij een deels goed antwoord", "", "Herhaal het delen elk jaar.")),
                diff.changed().get(0).changes());
    }

    @Test
    void aStatementThatNamesAnEarlierOneInReplacesIsReplacedNotAddedAndRemoved() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("- key: samenwerking-een\n", "- key: samenwerking-nieuw\n        replaces: samenwerking-een\n",
                "text: \"Er wordt samengewerkt.\"", "text: \"Er wordt structureel samengewerkt.\"")));
        assertEquals(1, diff.replaced().size());
        SurveyDiff.Replaced replaced = diff.replaced().get(0);
        assertEquals("samenwerking-een", replaced.before().key());
        assertEquals("samenwerking-nieuw", replaced.after().key());
        assertEquals(List.of(new SurveyDiff.Change("Tekst", "Er wordt samengewerkt.", "Er wordt structureel samengewerkt.")),
                replaced.changes());
        assertTrue(diff.added().isEmpty() && diff.removed().isEmpty(), diff::toString);
    }

    @Test
    void aNewKeyIsAddedAndAKeyNoLongerThereIsRemoved() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("- key: visie-een\n", "- key: visie-drie\n")));
        assertEquals(List.of(new SurveyDiff.Item("visie-drie", "Er is een visie.", "Visie")), diff.added());
        assertEquals(List.of(new SurveyDiff.Item("visie-een", "Er is een visie.", "Visie")), diff.removed());
    }

    @Test
    void changedAnswerOptionsLevelsAndBouwstenenAreShown() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("{value: \"3\", label: \"Ja\", points: 3}",
                "{value: \"3\", label: \"Ja, helemaal\", points: 3}", "{label: \"Geborgd\", min: 75, description: \"Geregeld.\"}",
                "{label: \"Geborgd\", min: 85, description: \"Geregeld.\"}", "title: \"Samenwerking\"", "title: \"Samen werken\"")));
        // every statement on the scale shows its new options
        assertEquals(List.of("visie-een", "visie-twee", "samenwerking-een"),
                diff.changed().stream().map(changed -> changed.item().key()).toList());
        SurveyDiff.Change options = diff.changed().get(0).changes().get(0);
        assertEquals("Antwoorden", options.what());
        assertTrue(options.before().contains("Ja (3 punten)") && options.after().contains("Ja, helemaal (3 punten)"), options::toString);
        assertTrue(options.after().contains("Niet van toepassing (telt niet mee, met toelichting)"), options::toString);
        assertEquals(List.of(new SurveyDiff.Change("Niveau 2", "Geborgd (vanaf 75%): Geregeld.", "Geborgd (vanaf 85%): Geregeld.")),
                diff.levels());
        assertEquals(1, diff.bouwstenen().size());
        assertTrue(diff.bouwstenen().get(0).after().startsWith("Samen werken (gewicht 1; thema's: Preventie)"), diff.bouwstenen()::toString);
        assertEquals("Bouwsteen", diff.changed().get(2).changes().get(0).what(), "a statement in a renamed bouwsteen says so");
    }

    @Test
    void aChangedKengetalIsNamedUnderKengetallen() {
        SurveyDiff diff = SurveyDiff.between(V1, survey(v2("unit: \"inwoners\"", "unit: \"personen\"")));
        assertEquals(List.of(new SurveyDiff.Changed(new SurveyDiff.Item("kengetal-inwoners", "Aantal inwoners", "Kengetallen"),
                List.of(new SurveyDiff.Change("Eenheid", "inwoners", "personen")))), diff.changed());
    }
}
