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

    /**
     * Every source of every statement and kengetal, all of a list of several included, names a document of the
     * domain material and a section that stands in it: each heading of the path ("A > B") as it reads in the text,
     * with line breaks as single spaces and markdown's # and * left out (see surveys/README.md, Sources).
     */
    @Test
    void everySourceExistsInTheDomainMaterial() {
        Path domain = Path.of("..", "shared", "domain");
        org.junit.jupiter.api.Assumptions.assumeTrue(domain.toFile().isDirectory(), "domain material not beside the repo");
        List<Survey.Source> sources = SHIPPED.stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.questions(), s.kengetallen().stream()))
                .flatMap(q -> q.sources().stream()).distinct().toList();
        assertTrue(sources.size() > 10, sources.size() + " sources");
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        for (Survey.Source source : sources) {
            assertTrue(domain.resolve(source.document()).toFile().isFile(), source.document());
            String text = texts.computeIfAbsent(source.document(), document -> {
                try {
                    return java.nio.file.Files.readString(domain.resolve(document)).replaceAll("[#*]", "").replaceAll("\\s+", " ");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (String heading : source.section().split(" > ")) {
                assertTrue(text.contains(heading), source.document() + ": " + heading);
            }
        }
    }
}
