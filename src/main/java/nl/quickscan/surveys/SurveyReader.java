package nl.quickscan.surveys;

import nl.quickscan.surveys.Survey.AnswerOption;
import nl.quickscan.surveys.Survey.Bouwsteen;
import nl.quickscan.surveys.Survey.Level;
import nl.quickscan.surveys.Survey.Question;
import nl.quickscan.surveys.Survey.QuestionType;
import nl.quickscan.surveys.Survey.ReferenceYear;
import nl.quickscan.surveys.Survey.Source;
import nl.quickscan.surveys.Survey.Theme;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the parsed YAML of one survey file into a {@link Survey}, collecting every problem with its file, path
 * (for example {@code bouwstenen[2].questions[4].scale}; indexes count from 0) and, when read from text, line.
 * Messages are in Dutch: a beheerder who uploads a file reads them. The format is documented in
 * {@code surveys/README.md}. Plain Java: it sees text or parsed YAML, not files or frameworks.
 */
public final class SurveyReader {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final String DUTCH_TEXT_MISSING = "De Nederlandse tekst ontbreekt.";
    private static final String MISSING = "Dit veld ontbreekt.";
    private static final String KEY_CHARACTERS = "mag alleen kleine letters, cijfers en streepjes bevatten.";

    private final String file;
    /** Key path → line (from 1) of that key in the file; empty when read from parsed YAML. */
    private final Map<String, Integer> lines;
    private final List<SurveyProblem> problems = new ArrayList<>();
    private final Map<String, String> keyPaths = new HashMap<>();
    /** Question key → its path in the file, for the checks on a read survey (its questions may be reordered). */
    private final Map<String, String> questionPaths = new HashMap<>();

    private SurveyReader(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** The survey, or null, with every problem found; the survey is only returned when there are none. */
    public record Result(Survey survey, List<SurveyProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads parsed YAML; its problems have no line (0).
     *
     * @param file     the file's name relative to the surveys folder, e.g. {@code quickscan-seksueel-geweld/v1.yaml}
     * @param document the parsed YAML
     */
    public static Result read(String file, Object document) {
        return read(file, document, Map.of());
    }

    /**
     * Parses and reads one survey file's text; every problem has the line of its key (or, for a key that is
     * missing, of the nearest enclosing one). The YAML is read with SnakeYAML's safe constructor (no objects
     * created from tags), no duplicate keys and a bounded number of aliases, so that a file cannot expand beyond its
     * size; a text that is not YAML gives one problem with its line.
     */
    public static Result readText(String file, String yamlText) {
        Yaml yaml = new Yaml(new SafeConstructor(loaderOptions(yamlText)));
        Object document;
        Node root;
        try {
            document = yaml.load(yamlText);
            // Parsed once more as nodes, which carry the lines that the constructed maps and lists have lost.
            root = yaml.compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return new Result(null, List.of(new SurveyProblem(file, line, "", notYaml(
                    e.getProblem() == null ? e.getMessage() : e.getProblem()))));
        } catch (YAMLException e) {
            return new Result(null, List.of(new SurveyProblem(file, "", notYaml(e.getMessage()))));
        }
        Map<String, Integer> lines = new HashMap<>();
        if (root != null) {
            lines.put("", root.getStartMark().getLine() + 1);
            collectLines(root, "", lines);
        }
        return read(file, document, lines);
    }

    /** Checks that every {@code replaces} of {@code current} names a question of {@code previous} (null: none). */
    public static List<SurveyProblem> checkReplaces(String file, Survey current, Survey previous) {
        return new SurveyReader(file, Map.of()).replacesProblems(current, previous);
    }

    /**
     * As {@link #checkReplaces(String, Survey, Survey)} for a survey read from {@code yamlText}: each problem with its
     * line, and its path as in the file also where follow-up questions were moved below their statements.
     */
    public static List<SurveyProblem> checkReplaces(String file, String yamlText, Survey current, Survey previous) {
        SurveyReader reader = new SurveyReader(file, new HashMap<>());
        Yaml yaml = new Yaml(new SafeConstructor(loaderOptions(yamlText)));
        try {
            Node root = yaml.compose(new StringReader(yamlText));
            if (root != null) {
                collectLines(root, "", reader.lines);
            }
            if (yaml.load(yamlText) instanceof Map<?, ?> document && document.get("bouwstenen") instanceof List<?> bouwstenen) {
                for (int b = 0; b < bouwstenen.size(); b++) {
                    if (bouwstenen.get(b) instanceof Map<?, ?> bouwsteen && bouwsteen.get("questions") instanceof List<?> questions) {
                        for (int q = 0; q < questions.size(); q++) {
                            if (questions.get(q) instanceof Map<?, ?> question && question.get("key") != null) {
                                reader.questionPaths.putIfAbsent(question.get("key").toString(),
                                        "bouwstenen[" + b + "].questions[" + q + "]");
                            }
                        }
                    }
                }
            }
        } catch (YAMLException e) {
            // Not this check's concern: reading the text reports it.
        }
        return reader.replacesProblems(current, previous);
    }

    private List<SurveyProblem> replacesProblems(Survey current, Survey previous) {
        Set<String> earlierKeys = previous == null ? Set.of()
                : previous.questions().map(Question::key).collect(Collectors.toSet());
        for (int b = 0; b < current.bouwstenen().size(); b++) {
            List<Question> questions = current.bouwstenen().get(b).questions();
            for (int q = 0; q < questions.size(); q++) {
                String replaces = questions.get(q).replaces();
                if (replaces == null) {
                    continue;
                }
                String path = questionPaths.getOrDefault(questions.get(q).key(), "bouwstenen[" + b + "].questions[" + q + "]")
                        + ".replaces";
                if (previous == null) {
                    problem(path, "Vervangt \"" + replaces + "\", maar vragenlijst \"" + current.id()
                            + "\" heeft geen versie " + (current.version() - 1) + ".");
                } else if (!earlierKeys.contains(replaces)) {
                    problem(path, "Vervangt \"" + replaces + "\", maar versie " + previous.version()
                            + " heeft geen vraag met die sleutel.");
                }
            }
        }
        return List.copyOf(problems);
    }

    private static LoaderOptions loaderOptions(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(Math.max(yamlText.length() + 1, 1024));
        return options;
    }

    private static Result read(String file, Object document, Map<String, Integer> lines) {
        SurveyReader reader = new SurveyReader(file, lines);
        Survey survey = reader.survey(document);
        return new Result(reader.problems.isEmpty() ? survey : null, List.copyOf(reader.problems));
    }

    private static String notYaml(String detail) {
        return "Dit is geen geldige YAML: " + (detail == null ? "" : detail.replace('\n', ' '));
    }

    /** Records the line of every key and list item under {@code node}, by key path. */
    private static void collectLines(Node node, String path, Map<String, Integer> lines) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String keyPath = join(path, key.getValue());
                    lines.putIfAbsent(keyPath, key.getStartMark().getLine() + 1);
                    collectLines(tuple.getValueNode(), keyPath, lines);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                lines.putIfAbsent(itemPath, items.get(i).getStartMark().getLine() + 1);
                collectLines(items.get(i), itemPath, lines);
            }
        }
    }

    /** The line of a key path, else of the nearest enclosing key or item that the file has; 0 when none. */
    private int line(String path) {
        String at = path;
        while (true) {
            Integer line = lines.get(at);
            if (line != null || at.isEmpty()) {
                return line == null ? 0 : line;
            }
            int cut = at.endsWith("]") ? at.lastIndexOf('[') : at.lastIndexOf('.');
            at = cut < 0 ? "" : at.substring(0, cut);
        }
    }

    private Survey survey(Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            problem("", "Het bestand moet een vragenlijst zijn (velden als id, version en title), niet " + describe(document) + ".");
            return null;
        }
        String id = text(root, "", "id", false);
        if (id != null && !KEY.matcher(id).matches()) {
            problem("id", "\"" + id + "\" " + KEY_CHARACTERS);
        }
        Integer version = integer(root, "", "version");
        if (version != null && version < 1) {
            problem("version", "Het versienummer moet 1 of hoger zijn, niet " + version + ".");
        }
        checkFileName(id, version);
        String title = text(root, "", "title", true);
        String introduction = text(root, "", "introduction", true);
        Map<String, List<AnswerOption>> scales = scales(root);
        List<Level> levels = levels(root);
        Integer uncertainShare = null;
        if (root.containsKey("uncertainShare")) {
            uncertainShare = integer(root, "", "uncertainShare");
            if (uncertainShare != null && (uncertainShare < 1 || uncertainShare > 100)) {
                problem("uncertainShare", "Vul een percentage in van 1 tot en met 100, niet " + uncertainShare + ".");
            }
        }
        Set<String> levelLabels = levels.stream().map(Level::label).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Bouwsteen> bouwstenen = new ArrayList<>();
        List<Map<?, ?>> bouwsteenNodes = mappings(root, "", "bouwstenen", true);
        for (int i = 0; i < bouwsteenNodes.size(); i++) {
            bouwstenen.add(bouwsteen(bouwsteenNodes.get(i), "bouwstenen[" + i + "]", scales, levelLabels));
        }
        List<Question> kengetallen = new ArrayList<>();
        List<Map<?, ?>> kengetalNodes = mappings(root, "", "kengetallen", false);
        for (int i = 0; i < kengetalNodes.size(); i++) {
            kengetallen.add(kengetal(kengetalNodes.get(i), "kengetallen[" + i + "]"));
        }
        return new Survey(id, version == null ? 0 : version, title, introduction, levels, bouwstenen, kengetallen,
                uncertainShare);
    }

    private void checkFileName(String id, Integer version) {
        String[] parts = file.replace('\\', '/').split("/");
        if (parts.length >= 2 && id != null && !parts[parts.length - 2].equals(id)) {
            problem("id", "\"" + id + "\" moet gelijk zijn aan de naam van de map, \"" + parts[parts.length - 2] + "\".");
        }
        if (version != null && !parts[parts.length - 1].equals("v" + version + ".yaml")) {
            problem("version", "Versie " + version + " hoort in een bestand met de naam v" + version + ".yaml.");
        }
    }

    private Map<String, List<AnswerOption>> scales(Map<?, ?> root) {
        Map<String, List<AnswerOption>> scales = new LinkedHashMap<>();
        List<Map<?, ?>> nodes = mappings(root, "", "scales", true);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "scales[" + i + "]";
            String key = text(nodes.get(i), path, "key", false);
            List<AnswerOption> options = options(nodes.get(i), path, true);
            if (key != null) {
                if (scales.containsKey(key)) {
                    problem(path + ".key", "De schaal \"" + key + "\" staat er twee keer in.");
                }
                scales.put(key, options);
            }
        }
        return scales;
    }

    /** @param scored whether the options carry points (a statement) or none (a follow-up question, a kengetal) */
    private List<AnswerOption> options(Map<?, ?> owner, String ownerPath, boolean scored) {
        List<AnswerOption> options = new ArrayList<>();
        List<Map<?, ?>> nodes = mappings(owner, ownerPath, "options", true);
        Set<String> values = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Map<?, ?> node = nodes.get(i);
            String path = ownerPath + ".options[" + i + "]";
            String value = text(node, path, "value", false);
            if (value != null && !values.add(value)) {
                problem(path + ".value", "De waarde \"" + value + "\" komt twee keer voor in deze opties.");
            }
            String label = text(node, path, "label", true);
            boolean notApplicable = bool(node, path, "notApplicable");
            Integer points = node.containsKey("points") ? integer(node, path, "points") : null;
            if (!scored && node.containsKey("points")) {
                problem(path + ".points", "Deze vraag telt niet mee in de score, dus haar opties hebben geen points.");
            } else if (notApplicable && node.containsKey("points")) {
                problem(path + ".points", "Een optie met notApplicable heeft geen points: zij haalt de vraag uit het maximum.");
            } else if (scored && !notApplicable && !node.containsKey("points")) {
                problem(path + ".points", "Optie \"" + value + "\" heeft geen points (alleen een optie met notApplicable mag ze weglaten).");
            } else if (points != null && points < 0) {
                problem(path + ".points", "Moet 0 of meer zijn, niet " + points + ".");
            }
            options.add(new AnswerOption(value, label, notApplicable || !scored ? null : points, bool(node, path, "uncertain"),
                    notApplicable, bool(node, path, "requiresComment"), optionalText(node, path, "help")));
        }
        return List.copyOf(options);
    }

    private List<Level> levels(Map<?, ?> root) {
        List<Level> levels = new ArrayList<>();
        List<Map<?, ?>> nodes = mappings(root, "", "levels", true);
        Double previous = null;
        for (int i = 0; i < nodes.size(); i++) {
            String path = "levels[" + i + "]";
            String label = text(nodes.get(i), path, "label", true);
            Double min = number(nodes.get(i), path, "min");
            String description = text(nodes.get(i), path, "description", true);
            if (min != null) {
                if (i == 0 && min != 0) {
                    problem(path + ".min", "Het eerste niveau moet bij 0 beginnen, niet bij " + format(min) + ".");
                } else if (previous != null && min <= previous) {
                    problem(path + ".min", "De grenzen moeten steeds hoger worden: " + format(min) + " komt na " + format(previous) + ".");
                } else if (min > 100) {
                    problem(path + ".min", "Mag hoogstens 100 zijn, niet " + format(min) + ".");
                }
                previous = min;
            }
            levels.add(new Level(i, label, min == null ? 0 : min, description));
        }
        return List.copyOf(levels);
    }

    private Bouwsteen bouwsteen(Map<?, ?> node, String path, Map<String, List<AnswerOption>> scales, Set<String> levelLabels) {
        String key = key(node, path);
        String title = text(node, path, "title", true);
        String description = text(node, path, "description", true);
        double weight = weight(node, path, true);
        List<Theme> themes = new ArrayList<>();
        List<Map<?, ?>> themeNodes = mappings(node, path, "themes", false);
        for (int i = 0; i < themeNodes.size(); i++) {
            String themePath = path + ".themes[" + i + "]";
            themes.add(new Theme(text(themeNodes.get(i), themePath, "key", false), text(themeNodes.get(i), themePath, "title", true)));
        }
        Set<String> themeKeys = themes.stream().map(Theme::key).filter(Objects::nonNull).collect(Collectors.toSet());
        List<Question> questions = new ArrayList<>();
        List<Map<?, ?>> questionNodes = mappings(node, path, "questions", false);
        if (questionNodes.isEmpty()) {
            problem(path + ".questions", "Bouwsteen \"" + key + "\" heeft geen vragen.");
        }
        for (int i = 0; i < questionNodes.size(); i++) {
            String questionPath = path + ".questions[" + i + "]";
            Question question = question(questionNodes.get(i), questionPath, scales, themeKeys);
            questionPaths.putIfAbsent(question.key(), questionPath);
            questions.add(question);
        }
        return new Bouwsteen(key, title, description, weight, List.copyOf(themes), followUpsInPlace(questions),
                levelDescriptions(node, path, levelLabels));
    }

    /**
     * The questions in display order: each follow-up right below the statement it follows up (follow-ups of one
     * statement in the file's order), after checking that it names a scored statement of the same bouwsteen and theme.
     */
    private List<Question> followUpsInPlace(List<Question> questions) {
        Map<String, Question> statements = new HashMap<>();
        questions.stream().filter(Question::scored).forEach(q -> statements.putIfAbsent(q.key(), q));
        Map<String, List<Question>> followUps = new HashMap<>();
        for (Question question : questions) {
            if (question.followUpOf() == null) {
                continue;
            }
            String path = questionPaths.get(question.key()) + ".followUpOf";
            Question statement = statements.get(question.followUpOf());
            if (statement == null) {
                problem(path, "Deze bouwsteen heeft geen stelling \"" + question.followUpOf() + "\" die meetelt in de score.");
            } else if (!Objects.equals(statement.theme(), question.theme())) {
                problem(path, "Een vervolgvraag hoort bij hetzelfde thema als haar stelling (\"" + statement.theme() + "\").");
            } else {
                followUps.computeIfAbsent(statement.key(), k -> new ArrayList<>()).add(question);
            }
        }
        List<Question> ordered = new ArrayList<>();
        for (Question question : questions) {
            if (question.followUpOf() == null || !followUps.getOrDefault(question.followUpOf(), List.of()).contains(question)) {
                ordered.add(question);
                ordered.addAll(followUps.getOrDefault(question.key(), List.of()));
            }
        }
        return List.copyOf(ordered);
    }

    private Map<String, String> levelDescriptions(Map<?, ?> node, String path, Set<String> levelLabels) {
        Object value = node.get("levelDescriptions");
        if (value == null) {
            return Map.of();
        }
        String own = join(path, "levelDescriptions");
        if (!(value instanceof Map<?, ?> descriptions)) {
            problem(own, "Hier hoort per niveau een beschrijving (niveau: \"tekst\"), niet " + describe(value) + ".");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        descriptions.forEach((label, description) -> {
            String labelPath = own + "." + label;
            if (!levelLabels.contains(String.valueOf(label))) {
                problem(labelPath, "Onbekend niveau \"" + label + "\" (bekend: " + String.join(", ", levelLabels) + ").");
            } else if (description == null || description instanceof Map || description instanceof List
                    || description.toString().isBlank()) {
                problem(labelPath, DUTCH_TEXT_MISSING);
            } else {
                result.put(label.toString(), description.toString().strip());
            }
        });
        return java.util.Collections.unmodifiableMap(result);
    }

    private Question question(Map<?, ?> node, String path, Map<String, List<AnswerOption>> scales, Set<String> themeKeys) {
        String key = key(node, path);
        String theme = optionalText(node, path, "theme");
        if (theme != null && !themeKeys.contains(theme)) {
            problem(path + ".theme", "Onbekend thema \"" + theme + "\"" + (themeKeys.isEmpty()
                    ? ": deze bouwsteen heeft geen thema's." : " (bekend: " + String.join(", ", new TreeSet<>(themeKeys)) + ")."));
        } else if (theme == null && !themeKeys.isEmpty()) {
            problem(path + ".theme", MISSING + " Deze bouwsteen is verdeeld in thema's.");
        }
        QuestionType type = type(node, path);
        boolean scored = scored(node, path, type);
        List<AnswerOption> options = type == null ? List.of() : choices(node, path, type, scales, scored);
        String text = text(node, path, "text", true);
        String help = text(node, path, "help", true);
        String recommendation = scored ? text(node, path, "recommendation", true) : optionalText(node, path, "recommendation");
        boolean required = bool(node, path, "required");
        if (!scored && required) {
            problem(path + ".required", "Een vraag die niet meetelt in de score is nooit verplicht: laat required weg.");
        }
        String followUpOf = optionalText(node, path, "followUpOf");
        if (followUpOf != null && scored) {
            problem(path + ".followUpOf", "Alleen een vraag met scored: false kan een vervolgvraag zijn.");
            followUpOf = null;
        }
        return new Question(key, theme, type == null ? QuestionType.TEXT : type, text, help, recommendation,
                optionalText(node, path, "recommendationNext"), sources(node, path), weight(node, path, false),
                required, options, optionalText(node, path, "unit"), optionalText(node, path, "replaces"),
                scope(node, path), scored, followUpOf, null);
    }

    /** A choice question counts in the score unless it says {@code scored: false}; only single and multiple choice may. */
    private boolean scored(Map<?, ?> node, String path, QuestionType type) {
        if (!node.containsKey("scored")) {
            return type == null || type.hasOptions();
        }
        boolean scored = bool(node, path, "scored");
        if (type != null && type != QuestionType.SINGLE_CHOICE && type != QuestionType.MULTIPLE_CHOICE) {
            problem(path + ".scored", "Alleen een single-choice- of multiple-choice-vraag kan scored hebben.");
            return type.hasOptions();
        }
        return scored;
    }

    private Survey.Scope scope(Map<?, ?> node, String path) {
        String code = optionalText(node, path, "scope");
        if (code == null) {
            return Survey.Scope.GEMEENTE;
        }
        return Survey.Scope.ofCode(code).orElseGet(() -> {
            problem(path + ".scope", "Onbekende scope \"" + code + "\" (bekend: gemeente, regio).");
            return Survey.Scope.GEMEENTE;
        });
    }

    private Question kengetal(Map<?, ?> node, String path) {
        String key = key(node, path);
        QuestionType type = type(node, path);
        List<AnswerOption> options = List.of();
        if (type == QuestionType.SINGLE_CHOICE) {
            options = options(node, path, false);
        } else if (type != null && type != QuestionType.NUMBER && type != QuestionType.TEXT) {
            problem(path + ".type", "Een kengetal telt nooit mee in de score: gebruik number, text of single-choice, niet "
                    + type.code() + ".");
        }
        ReferenceYear referenceYear = null;
        String year = optionalText(node, path, "referenceYear");
        if (year != null) {
            referenceYear = ReferenceYear.ofCode(year).orElse(null);
            if (type != QuestionType.NUMBER) {
                problem(path + ".referenceYear", "Alleen een kengetal van type number heeft een referenceYear.");
            } else if (referenceYear == null) {
                problem(path + ".referenceYear", "Onbekend referentiejaar \"" + year + "\" (bekend: previous, current).");
            }
        }
        return new Question(key, null, type == null ? QuestionType.NUMBER : type, text(node, path, "text", true),
                text(node, path, "help", true), null, null, sources(node, path), 1, false, options,
                optionalText(node, path, "unit"), null, Survey.Scope.GEMEENTE, false, null, referenceYear);
    }

    private QuestionType type(Map<?, ?> node, String path) {
        String code = text(node, path, "type", false);
        if (code == null) {
            return null;
        }
        return QuestionType.ofCode(code).orElseGet(() -> {
            problem(path + ".type", "Onbekend type \"" + code + "\" (bekend: scale, single-choice, multiple-choice, yes-no, number, text).");
            return null;
        });
    }

    private List<AnswerOption> choices(Map<?, ?> node, String path, QuestionType type, Map<String, List<AnswerOption>> scales,
                                       boolean scored) {
        boolean inline = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        if (inline) {
            if (node.containsKey("scale")) {
                problem(path + ".scale", "Bij " + type.code() + " staan de opties in de vraag zelf (options:), niet in een schaal (scale:).");
            }
            return options(node, path, scored);
        }
        if (!type.hasOptions()) {
            return List.of();
        }
        String scale = text(node, path, "scale", false);
        if (scale == null) {
            return List.of();
        }
        List<AnswerOption> options = scales.get(scale);
        if (options == null) {
            problem(path + ".scale", "Onbekende schaal \"" + scale + "\"" + (scales.isEmpty() ? "." 
                    : " (bekend: " + String.join(", ", scales.keySet()) + ")."));
            return List.of();
        }
        return options;
    }

    /** Exactly one of {@code source: {document, section}} and {@code sources: [{document, section}, …]}. */
    private List<Source> sources(Map<?, ?> node, String path) {
        boolean one = node.containsKey("source");
        boolean several = node.containsKey("sources");
        if (one && several) {
            problem(path + ".sources", "Gebruik source of sources, niet allebei.");
            return List.of();
        }
        if (!one && !several) {
            problem(path + ".source", MISSING + " Geef de bron met source (of meer bronnen met sources).");
            return List.of();
        }
        if (one) {
            return List.of(source(node.get("source"), path + ".source"));
        }
        List<Map<?, ?>> nodes = mappings(node, path, "sources", true);
        if (nodes.isEmpty() && node.get("sources") instanceof List) {
            problem(path + ".sources", "Noem minstens één bron.");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            sources.add(source(nodes.get(i), path + ".sources[" + i + "]"));
        }
        return List.copyOf(sources);
    }

    private Source source(Object value, String path) {
        if (!(value instanceof Map<?, ?> source)) {
            problem(path, value == null ? MISSING : "Hier hoort {document, section}, niet " + describe(value) + ".");
            return new Source(null, null);
        }
        return new Source(text(source, path, "document", false), text(source, path, "section", false));
    }

    /** A key: present, well-formed, and unique across bouwstenen, questions and kengetallen. */
    private String key(Map<?, ?> node, String path) {
        String key = text(node, path, "key", false);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            problem(path + ".key", "\"" + key + "\" " + KEY_CHARACTERS);
        }
        String earlier = keyPaths.putIfAbsent(key, path);
        if (earlier != null) {
            problem(path + ".key", "De sleutel \"" + key + "\" komt al voor, bij " + earlier + ".");
        }
        return key;
    }

    private double weight(Map<?, ?> node, String path, boolean required) {
        if (!node.containsKey("weight") && !required) {
            return 1;
        }
        Double weight = number(node, path, "weight");
        if (weight != null && weight <= 0) {
            problem(path + ".weight", "Moet groter zijn dan 0, niet " + format(weight) + ".");
        }
        return weight == null ? 1 : weight;
    }

    private String text(Map<?, ?> node, String path, String field, boolean dutch) {
        Object value = node.get(field);
        if (value == null || value.toString().isBlank()) {
            problem(join(path, field), dutch ? DUTCH_TEXT_MISSING : MISSING);
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(join(path, field), "Hier hoort een tekst, niet " + describe(value) + ".");
            return null;
        }
        return value.toString().strip();
    }

    /** An optional text: null when absent or blank. */
    private String optionalText(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value instanceof Map || value instanceof List) {
            problem(join(path, field), "Hier hoort een tekst, niet " + describe(value) + ".");
            return null;
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private Integer integer(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).intValue();
        }
        problem(join(path, field), value == null ? MISSING : "Hier hoort een geheel getal, niet \"" + value + "\".");
        return null;
    }

    private Double number(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        problem(join(path, field), value == null ? MISSING : "Hier hoort een getal, niet \"" + value + "\".");
        return null;
    }

    private boolean bool(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        problem(join(path, field), "Hier hoort true of false, niet \"" + value + "\".");
        return false;
    }

    private List<Map<?, ?>> mappings(Map<?, ?> node, String path, String field, boolean required) {
        Object value = node.get(field);
        if (value == null) {
            if (required) {
                problem(join(path, field), MISSING);
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(join(path, field), "Hier hoort een lijst, niet " + describe(value) + ".");
            return List.of();
        }
        List<Map<?, ?>> mappings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                mappings.add(map);
            } else {
                problem(join(path, field) + "[" + i + "]", "Hier hoort een blok met velden, niet " + describe(list.get(i)) + ".");
                mappings.add(Map.of());
            }
        }
        return mappings;
    }

    private void problem(String path, String message) {
        problems.add(new SurveyProblem(file, line(path), path, message));
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(Object value) {
        return value == null ? "niets" : value instanceof List ? "een lijst" : value instanceof Map ? "een blok met velden"
                : "\"" + value + "\"";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
