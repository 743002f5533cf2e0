package nl.quickscan.surveys;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every survey file in surveys/ is valid, and the quickscan has the content its issue asks for. */
class ShippedSurveysTest {

    private static final List<Survey> SHIPPED = SurveyCatalog.loadFrom(Path.of("surveys"));

    @Test
    void everyShippedSurveyFileIsValid() {
        assertFalse(SHIPPED.isEmpty());
    }

    @Test
    void theQuickscanHasFourBouwstenenAndFortyToSixtyCompleteStatements() {
        Survey quickscan = new SurveyCatalog(SHIPPED).find("quickscan-seksueel-geweld", 1).orElseThrow();
        assertEquals(4, quickscan.bouwstenen().size());
        long statements = quickscan.scoredQuestionCount();
        assertTrue(statements >= 40 && statements <= 60, statements + " statements");
        quickscan.questions().filter(Survey.Question::scored).forEach(question -> {
            assertFalse(question.help().isBlank(), question.key());
            assertFalse(question.recommendation().isBlank(), question.key());
            assertFalse(question.sources().isEmpty(), question.key());
            question.sources().forEach(source -> {
                assertTrue(source.document().endsWith(".txt"), question.key());
                assertFalse(source.section().isBlank(), question.key());
            });
        });
        Set<String> speerpunten = quickscan.bouwstenen().get(3).themes().stream().map(Survey.Theme::title)
                .collect(Collectors.toSet());
        assertTrue(speerpunten.containsAll(Set.of("Preventie", "Signalering", "Zorg en ondersteuning", "Handhaving en nazorg")),
                speerpunten::toString);
        assertFalse(quickscan.kengetallen().isEmpty(), "kengetallen are part of the quickscan");
        assertTrue(quickscan.kengetallen().stream().noneMatch(Survey.Question::scored));
    }

    /** The README's complete minimal example is a valid survey, so that copying it is a safe start. */
    @Test
    void theReadmesMinimalExampleIsValid() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(Path.of("surveys", "README.md"));
        String section = readme.substring(readme.indexOf("## A complete minimal example"));
        String yaml = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", section.indexOf("```yaml\n") + 8));
        SurveyReader.Result result = SurveyReader.readText("voorbeeld-quickscan/v1.yaml", yaml);
        assertEquals(List.of(), result.problems());
        assertEquals("voorbeeld-quickscan", result.survey().id());
    }
}
