package nl.quickscan.surveys;

import nl.quickscan.surveys.Survey.Question;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.quickscan.surveys.SurveySourceTest.items;
import static nl.quickscan.surveys.SurveySourceTest.list;
import static nl.quickscan.surveys.SurveySourceTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questionnaire v2 of the quickscan against the fix list of its review (shared/domain/review-of-v1.md, section 7):
 * continuity with v1, scopes, two recommendations, follow-ups, scales, levels, kengetallen and plain language. Most
 * checks read the YAML itself, so that they hold whatever part of the format the reader keeps.
 */
class QuestionnaireV2Test {

    private static final String ID = "quickscan-seksueel-geweld";
    private static final Path V1 = Path.of("surveys", ID, "v1.yaml");
    private static final Path V2 = Path.of("surveys", ID, "v2.yaml");
    /** {@code # dropped: <v1 key> — <reason>}, one line per v1 statement or kengetal that v2 leaves out on purpose. */
    private static final Pattern DROPPED = Pattern.compile("^# dropped: ([a-z0-9-]+) — (\\S.*)$", Pattern.MULTILINE);
    /** A quoted name ('Ben je oké?') is not the questionnaire speaking; "regio's" and "zo'n" are no quotes. */
    private static final Pattern QUOTED = Pattern.compile("(?<!\\p{L})['‘][^'’]+['’](?!\\p{L})");
    private static final Pattern INFORMAL_OR_WE = Pattern.compile("\\b(je|jij|jou|jouw|jullie|onze|ons|wij|we)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Map<?, ?> v2 = parse(V2);
    private final List<Map<?, ?>> v2Items = items(V2);
    private final List<Map<?, ?>> statements = v2Items.stream().filter(QuestionnaireV2Test::scoredStatement).toList();
    private final Survey v1 = SurveyReader.readText(ID + "/v1.yaml", read(V1)).survey();

    @Test
    void v2LoadsAndContinuesV1StatementByStatement() {
        SurveyCatalog catalog = new SurveyCatalog(SurveyCatalog.loadFrom(Path.of("surveys")));
        Survey loaded = catalog.find(ID, 2).orElseThrow();
        Survey earlier = catalog.find(ID, 1).orElseThrow();
        assertEquals(statements.size(), loaded.scoredQuestionCount(), "follow-ups with scored: false are not scored");
        Map<String, Question> earlierByKey = earlier.questions().collect(Collectors.toMap(Question::key, Function.identity()));
        Set<String> continued = loaded.questions().map(question -> question.counterpartIn(earlierByKey))
                .filter(Objects::nonNull).map(Question::key).collect(Collectors.toSet());
        Map<String, String> dropped = dropped();
        earlier.questions().filter(Question::scored).forEach(question -> assertTrue(
                continued.contains(question.key()) || dropped.containsKey(question.key()), question.key()));
        Map<String, String> scopes = statements.stream().collect(Collectors.toMap(QuestionnaireV2Test::key, item -> text(item, "scope")));
        loaded.questions().filter(Question::scored)
                .forEach(question -> assertEquals(scopes.get(question.key()), question.scope().code(), question.key()));
    }

    @Test
    void everyReplacesNamesAnItemOfV1AndV1KeysKeepTheirMeaning() {
        Set<String> v1Questions = v1.questions().map(Question::key).collect(Collectors.toSet());
        Set<String> v1Kengetallen = v1.kengetallen().stream().map(Question::key).collect(Collectors.toSet());
        for (Map<?, ?> item : v2Items) {
            String replaces = text(item, "replaces");
            if (replaces == null) {
                continue;
            }
            boolean kengetal = key(item).startsWith("kengetal-");
            assertTrue((kengetal ? v1Kengetallen : v1Questions).contains(replaces), key(item) + " replaces " + replaces);
            assertFalse(v1Questions.contains(key(item)) || v1Kengetallen.contains(key(item)),
                    key(item) + ": a key of v1 is reused with the same meaning, never with replaces");
        }
    }

    @Test
    void everyV1StatementAndKengetalIsContinuedReplacedOrDropped() {
        Map<String, String> dropped = dropped();
        Set<String> v2Keys = v2Items.stream().map(QuestionnaireV2Test::key).collect(Collectors.toSet());
        Set<String> replaced = v2Items.stream().map(item -> text(item, "replaces")).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Question> v1Items = new ArrayList<>(v1.questions().filter(Question::scored).toList());
        v1Items.addAll(v1.kengetallen());
        for (Question item : v1Items) {
            int ways = (v2Keys.contains(item.key()) ? 1 : 0) + (replaced.contains(item.key()) ? 1 : 0)
                    + (dropped.containsKey(item.key()) ? 1 : 0);
            assertEquals(1, ways, item.key() + " must be continued, replaced or dropped, exactly one of them");
        }
        Set<String> v1Keys = v1Items.stream().map(Question::key).collect(Collectors.toSet());
        dropped.keySet().forEach(key -> assertTrue(v1Keys.contains(key), "dropped " + key + " is not in v1"));
        assertEquals(3, dropped.size(), dropped::toString);
    }

    @Test
    void droppedLinesFollowTheirFormat() throws IOException {
        List<String> lines = Files.readAllLines(V2, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("# dropped")).toList();
        assertFalse(lines.isEmpty());
        lines.forEach(line -> assertTrue(DROPPED.matcher(line).matches(), line));
    }

    @Test
    void everyStatementHasAScopeTwoRecommendationsAndSources() {
        assertTrue(statements.size() >= 55 && statements.size() <= 75, statements.size() + " statements");
        long regio = statements.stream().filter(item -> "regio".equals(item.get("scope"))).count();
        for (Map<?, ?> statement : statements) {
            String key = key(statement);
            assertTrue(Set.of("gemeente", "regio").contains(text(statement, "scope")), key + " scope");
            assertFalse(blank(text(statement, "recommendation")), key + " recommendation");
            assertFalse(blank(text(statement, "recommendationNext")), key + " recommendationNext");
            assertNotEquals(text(statement, "recommendation"), text(statement, "recommendationNext"), key);
            assertFalse(SurveySourceTest.sources(statement).isEmpty(), key + " sources");
            assertTrue("ja-nee".equals(statement.get("scale")) || text(statement, "help").contains("Volledig en geborgd: "),
                    key + ": help says what counts as the highest answer");
        }
        assertTrue(regio > 20 && regio < statements.size() - 20, regio + " regio statements: both parts are real");
    }

    @Test
    void followUpsAreUnscoredListsRightAfterTheirStatement() {
        int followUps = 0;
        for (Object bouwsteen : list(v2.get("bouwstenen"))) {
            Map<?, ?> previous = null;
            for (Object node : list(((Map<?, ?>) bouwsteen).get("questions"))) {
                Map<?, ?> question = (Map<?, ?>) node;
                if (question.containsKey("followUpOf")) {
                    followUps++;
                    String key = key(question);
                    assertEquals(Boolean.FALSE, question.get("scored"), key);
                    assertEquals("multiple-choice", question.get("type"), key);
                    assertTrue(previous != null && key(previous).equals(question.get("followUpOf")),
                            key + " follows the statement it belongs to");
                    assertEquals(previous.get("scope"), question.get("scope"), key);
                    assertEquals(previous.get("theme"), question.get("theme"), key);
                    assertNull(question.get("recommendation"), key);
                    list(question.get("options")).forEach(option -> assertFalse(((Map<?, ?>) option).containsKey("points"), key));
                } else {
                    assertTrue(scoredStatement(question), key(question));
                    previous = question;
                }
            }
        }
        assertEquals(7, followUps, "the 7 list items of review §3.5");
    }

    @Test
    void notApplicableOnlyWhereItCanApplyToAGemeente() {
        Map<String, List<Map<?, ?>>> scales = new LinkedHashMap<>();
        list(v2.get("scales")).forEach(scale -> scales.put(text((Map<?, ?>) scale, "key"), options((Map<?, ?>) scale)));
        assertTrue(scales.get("ontwikkeling").stream().noneMatch(option -> Boolean.TRUE.equals(option.get("notApplicable"))));
        Map<?, ?> nvt = scales.get("ontwikkeling-nvt").stream().filter(option -> "NVT".equals(option.get("value")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("value", "NVT", "label", "Niet van toepassing", "notApplicable", true, "requiresComment", true,
                "help", "Kies dit niet als de regio of de centrumgemeente dit voor uw gemeente regelt."), nvt);
        List<Map<?, ?>> withNvt = statements.stream().filter(item -> "ontwikkeling-nvt".equals(item.get("scale"))).toList();
        assertTrue(withNvt.size() >= 1 && withNvt.size() <= 5, withNvt.size() + " statements allow Niet van toepassing");
        withNvt.forEach(item -> {
            assertEquals("gemeente", item.get("scope"), key(item));
            assertTrue(text(item, "help").contains("Niet van toepassing: "), key(item) + " says when it applies");
        });
        List<Map<?, ?>> yesNo = statements.stream().filter(item -> "ja-nee".equals(item.get("scale"))).toList();
        assertFalse(yesNo.isEmpty(), "the ja-nee scale is used, or it would be dropped");
        yesNo.forEach(item -> assertEquals(3, item.get("weight"), key(item) + " weighs as much as a 0-3 statement"));
    }

    @Test
    void geborgdMeansAlmostEverythingIsFullyInPlace() {
        List<Map<?, ?>> levels = maps(v2.get("levels"));
        assertEquals(List.of("Beginnend", "In ontwikkeling", "Gevorderd", "Geborgd"),
                levels.stream().map(level -> text(level, "label")).toList(), "the same four levels as v1");
        assertTrue(((Number) levels.get(3).get("min")).doubleValue() >= 85);
        assertEquals("Gevorderd", level(levels, (3 * 3 + 7 * 2) / 30.0), "3 × volledig + 7 × deels (review §4)");
        assertEquals("Gevorderd", level(levels, 8 * 3 / 30.0), "8 × volledig + 2 × nee");
        assertEquals("Gevorderd", level(levels, 2 / 3.0), "all deels");
        assertEquals("In ontwikkeling", level(levels, 1 / 3.0), "all in voorbereiding");
        assertFalse(text(levels.get(3), "description").contains("grotendeels volledig"), "review §3.4 no. 8");
        assertEquals(30, v2.get("uncertainShare"));
        Set<String> labels = levels.stream().map(level -> text(level, "label")).collect(Collectors.toSet());
        for (Object node : list(v2.get("bouwstenen"))) {
            if (((Map<?, ?>) node).get("levelDescriptions") instanceof Map<?, ?> descriptions) {
                descriptions.forEach((label, description) -> {
                    assertTrue(labels.contains(label), label + " is a level");
                    assertFalse(blank(String.valueOf(description)));
                });
            }
        }
    }

    @Test
    void bouwsteen4KeepsItsSixThemesEachWithEnoughStatements() {
        Map<?, ?> aanpak = (Map<?, ?>) list(v2.get("bouwstenen")).get(3);
        List<String> themes = list(aanpak.get("themes")).stream().map(theme -> text((Map<?, ?>) theme, "key")).toList();
        assertEquals(List.of("algemeen", "preventie", "signalering", "zorg-en-ondersteuning", "omgeving", "handhaving-en-nazorg"), themes);
        Map<Object, Long> perTheme = list(aanpak.get("questions")).stream().map(question -> (Map<?, ?>) question)
                .filter(QuestionnaireV2Test::scoredStatement)
                .collect(Collectors.groupingBy(question -> question.get("theme"), Collectors.counting()));
        themes.forEach(theme -> assertTrue(perTheme.getOrDefault(theme, 0L) >= 4, theme + ": " + perTheme.get(theme)));
    }

    @Test
    void theGapsOfTheReviewHaveTheirOwnStatements() {
        Set<String> keys = statements.stream().map(QuestionnaireV2Test::key).collect(Collectors.toSet());
        assertTrue(keys.containsAll(Set.of(
                // the bouwsteen criteria missing in v1
                "borging-bottom-up-top-down", "borging-draagvlak-onderhouden", "borging-draagvlak-lagen",
                "borging-succes-delen", "samenwerking-andere-regios",
                // the gaps named by the NAP and the Gronings Offensief
                "aanpak-signalering-anoniem-melden", "aanpak-handhaving-aangifte", "aanpak-preventie-online",
                "aanpak-omgeving-sport", "aanpak-omgeving-maatschappelijk-gesprek", "aanpak-zorg-naasten",
                "aanpak-zorg-intergenerationele-overdracht", "samenwerking-netwerkanalyse", "samenwerking-kennisdeling",
                "aanpak-preventie-studenten")), keys::toString);
    }

    @Test
    void kengetallenHaveAnExplicitYearAndComparableDefinitions() {
        Map<String, Map<?, ?>> kengetallen = new LinkedHashMap<>();
        list(v2.get("kengetallen")).forEach(node -> kengetallen.put(key((Map<?, ?>) node), (Map<?, ?>) node));
        kengetallen.values().stream().filter(kengetal -> "number".equals(kengetal.get("type"))).forEach(kengetal -> {
            assertEquals("previous", kengetal.get("referenceYear"), key(kengetal));
            assertTrue(text(kengetal, "text").contains("vorige kalenderjaar"), key(kengetal));
        });
        Map<?, ?> centrumgemeente = kengetallen.get("kengetal-centrumgemeente");
        assertEquals("single-choice", centrumgemeente.get("type"));
        assertEquals("Is uw gemeente centrumgemeente vrouwenopvang?", centrumgemeente.get("text"));
        assertEquals(List.of("Ja", "Nee"), options(centrumgemeente).stream().map(option -> option.get("label")).toList());
        options(centrumgemeente).forEach(option -> assertFalse(option.containsKey("points")));
        assertTrue(kengetallen.keySet().containsAll(Set.of("kengetal-meldingen-csg-acuut", "kengetal-meldingen-csg-niet-acuut",
                "kengetal-meldingen-veilig-thuis", "kengetal-adviezen-veilig-thuis")));
        assertTrue(text(kengetallen.get("kengetal-seksuele-misdrijven-politie"), "help").contains("1 juli 2024"), "WSM trendbreuk");
        assertTrue(text(kengetallen.get("kengetal-meldingen-csg-acuut"), "help").contains("minder dan 7 dagen"));
    }

    @Test
    void statementsAreShortAndSayU() {
        List<String> problems = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(text(v2, "introduction")));
        list(v2.get("bouwstenen")).forEach(node -> texts.add(text((Map<?, ?>) node, "description")));
        for (Map<?, ?> item : v2Items) {
            for (String field : List.of("text", "help", "recommendation", "recommendationNext")) {
                String value = text(item, field);
                if (value == null) {
                    continue;
                }
                texts.add(value);
                int total = value.strip().split("\\s+").length;
                if (total > 60) {
                    problems.add(key(item) + "." + field + ": " + total + " words in all (review §3.7: help of 1-3 sentences)");
                }
                for (String sentence : value.split("(?<=[.?!])\\s+")) {
                    int words = sentence.strip().split("\\s+").length;
                    if (words > 25) {
                        problems.add(key(item) + "." + field + ": " + words + " words: " + sentence);
                    }
                }
            }
        }
        for (String value : texts) {
            Matcher informal = INFORMAL_OR_WE.matcher(QUOTED.matcher(value).replaceAll(""));
            if (informal.find()) {
                problems.add("\"" + informal.group() + "\" instead of u/uw in: " + value);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(statements.stream().allMatch(item -> !text(item, "text").contains("regio-dag")), "regiodag (review §3.4)");
    }

    private static Map<String, String> dropped() {
        Map<String, String> dropped = new LinkedHashMap<>();
        Matcher matcher = DROPPED.matcher(read(V2));
        while (matcher.find()) {
            dropped.put(matcher.group(1), matcher.group(2));
        }
        return dropped;
    }

    private static String level(List<Map<?, ?>> levels, double share) {
        String label = null;
        for (Map<?, ?> level : levels) {
            if (((Number) level.get("min")).doubleValue() <= share * 100) {
                label = text(level, "label");
            }
        }
        return label;
    }

    private static boolean scoredStatement(Map<?, ?> item) {
        return !key(item).startsWith("kengetal-") && !Boolean.FALSE.equals(item.get("scored"));
    }

    private static List<Map<?, ?>> options(Map<?, ?> owner) {
        return maps(owner.get("options"));
    }

    private static List<Map<?, ?>> maps(Object value) {
        return list(value).stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
    }

    private static String key(Map<?, ?> item) {
        return text(item, "key");
    }

    private static String text(Map<?, ?> node, String field) {
        Object value = node.get(field);
        return value == null ? null : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
