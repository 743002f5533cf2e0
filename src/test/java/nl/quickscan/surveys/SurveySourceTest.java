package nl.quickscan.surveys;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SurveySourceTest {

    private static final Path DOMAIN = Path.of("..", "shared", "domain");

    @Test
    void aSourceReadsAsTheDocumentsNameAndTheSection() {
        assertEquals("Gronings offensief tegen seksueel geweld 2023-2024, Begroting 2023-2024",
                new Survey.Source("gronings-offensief-tegen-seksueel-geweld-2023-2024.txt", "Begroting 2023-2024").label());
        assertEquals("Landelijke bouwstenen, Bouwsteen 3: Organiseren en borgen",
                new Survey.Source("landelijke-bouwstenen.txt", "Bouwsteen 3: Organiseren en borgen").label());
    }

    /**
     * Every source of every shipped file, each entry of a {@code sources} list included, names a heading path of its
     * document. Read from the YAML itself, so that it holds for every version whatever the reader keeps of it.
     */
    @Test
    void everySectionIsAHeadingPathOfItsDocument() throws IOException {
        assumeTrue(DOMAIN.toFile().isDirectory(), "domain material not beside the repo");
        Map<String, Headings> documents = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : surveyFiles()) {
            for (Map<?, ?> item : items(file)) {
                for (Map<?, ?> source : sources(item)) {
                    String document = String.valueOf(source.get("document"));
                    String section = String.valueOf(source.get("section"));
                    Path path = DOMAIN.resolve(document);
                    if (!Files.isRegularFile(path)) {
                        wrong.add(file.getFileName() + " " + item.get("key") + ": no document " + document);
                        continue;
                    }
                    String missing = documents.computeIfAbsent(document, name -> Headings.of(read(path))).missing(section);
                    if (missing != null) {
                        wrong.add(file.getParent().getFileName() + "/" + file.getFileName() + " " + item.get("key")
                                + ": \"" + missing + "\" is no heading (after the previous one) in " + document);
                    }
                    checked++;
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked > 100, checked + " sources checked");
    }

    @Test
    void aHeadingPathMatchesWholeHeadingLinesInTheirOrder() {
        Headings headings = Headings.of("""
                # Titel
                ## Bouwsteen 1: Wat is een
                regionale aanpak
                Een zin in de tekst, geen kop.
                ### *Tip*: begin klein
                ## Bouwsteen 2
                """);
        assertNull(headings.missing("Bouwsteen 1: Wat is een regionale aanpak > Tip: begin klein"));
        assertNull(headings.missing("Bouwsteen 2"));
        assertEquals("Bouwsteen 1: Wat is een regionale aanpak", headings.missing("Bouwsteen 2 > Bouwsteen 1: Wat is een regionale aanpak"));
        assertEquals("Een zin in de tekst", headings.missing("Een zin in de tekst"));
        assertEquals("Bouwsteen", headings.missing("Bouwsteen"));
    }

    /**
     * The headings of a plain-text extraction. Only one of the documents marks its headings with '#'; the others are
     * PDF text where a heading is a line (or several) of its own. So a heading is matched as whole lines, each
     * heading of a path after the one before it; line breaks and runs of white space (non-breaking spaces too) read as
     * one space, and '#', '*' and bold tags are left out, as the README says.
     */
    record Headings(String text, Set<Integer> lineStarts, Set<Integer> lineEnds) {

        static Headings of(String document) {
            StringBuilder text = new StringBuilder();
            Set<Integer> starts = new HashSet<>();
            Set<Integer> ends = new HashSet<>();
            for (String line : document.split("\n", -1)) {
                String clean = line.replaceAll("[#*]|</?b>", "").replaceAll("(?U)\\s+", " ").strip();
                if (clean.isEmpty()) {
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                starts.add(text.length());
                text.append(clean);
                ends.add(text.length());
            }
            return new Headings(text.toString(), starts, ends);
        }

        /** The first heading of the path that is not found, or null when the whole path is. */
        String missing(String section) {
            int from = 0;
            for (String heading : section.split(" > ")) {
                int at = text.indexOf(heading, from);
                while (at >= 0 && !(lineStarts.contains(at) && lineEnds.contains(at + heading.length()))) {
                    at = text.indexOf(heading, at + 1);
                }
                if (at < 0) {
                    return heading;
                }
                from = at + heading.length();
            }
            return null;
        }
    }

    static List<Path> surveyFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("surveys"), 2)) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(yaml.isEmpty());
            return yaml;
        }
    }

    /** The parsed YAML of a survey file, as the reader sees it before validation. */
    static Map<?, ?> parse(Path file) {
        return (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
    }

    /** Every question of every bouwsteen, then every kengetal. */
    static List<Map<?, ?>> items(Path file) {
        Map<?, ?> survey = parse(file);
        List<Map<?, ?>> items = new ArrayList<>();
        for (Object bouwsteen : list(survey.get("bouwstenen"))) {
            list(((Map<?, ?>) bouwsteen).get("questions")).forEach(question -> items.add((Map<?, ?>) question));
        }
        list(survey.get("kengetallen")).forEach(kengetal -> items.add((Map<?, ?>) kengetal));
        return items;
    }

    /** An item's {@code source}, or each entry of its {@code sources}. */
    static List<Map<?, ?>> sources(Map<?, ?> item) {
        List<Map<?, ?>> sources = new ArrayList<>();
        if (item.get("source") instanceof Map<?, ?> source) {
            sources.add(source);
        }
        list(item.get("sources")).forEach(source -> sources.add((Map<?, ?>) source));
        return sources;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
