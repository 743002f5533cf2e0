package nl.quickscan.surveys;

import nl.quickscan.surveys.Survey.AnswerOption;
import nl.quickscan.surveys.Survey.Bouwsteen;
import nl.quickscan.surveys.Survey.Level;
import nl.quickscan.surveys.Survey.Question;
import nl.quickscan.surveys.Survey.QuestionType;
import nl.quickscan.surveys.Survey.Source;
import nl.quickscan.surveys.Survey.Theme;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the parsed YAML of one survey file into a {@link Survey}, collecting every problem with its file and path
 * (for example {@code bouwstenen[2].questions[4].scale}; indexes count from 0). The format is documented in
 * {@code surveys/README.md}. Plain Java: it sees text or parsed YAML, not files or frameworks.
 */
public final class SurveyReader {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final String DUTCH_TEXT_MISSING = "Dutch text is missing";

    private final String file;
    private final List<SurveyProblem> problems = new ArrayList<>();
    private final Map<String, String> keyPaths = new HashMap<>();

    private SurveyReader(String file) {
        this.file = file;
    }

    /** The survey, or null, with every problem found; the survey is only returned when there are none. */
    public record Result(Survey survey, List<SurveyProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param file     the file's name relative to the surveys folder, e.g. {@code quickscan-seksueel-geweld/v1.yaml}
     * @param document the parsed YAML
     */
    public static Result read(String file, Object document) {
        SurveyReader reader = new SurveyReader(file);
        Survey survey = reader.survey(document);
        return new Result(reader.problems.isEmpty() ? survey : null, List.copyOf(reader.problems));
    }

    /**
     * Parses and reads one survey file's text. The YAML is read with SnakeYAML's safe constructor (no objects
     * created from tags), no duplicate keys and a bounded number of aliases, so that a file cannot expand beyond its
     * size; a text that is not YAML gives one problem with its line.
     */
    public static Result readText(String file, String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(Math.max(yamlText.length() + 1, 1024));
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return new Result(null, List.of(new SurveyProblem(file, line, "", "is not valid YAML: "
                    + (e.getProblem() == null ? e.getMessage() : e.getProblem()).replace('\n', ' '))));
        } catch (YAMLException e) {
            return new Result(null, List.of(new SurveyProblem(file, "", "is not valid YAML: " + e.getMessage().replace('\n', ' '))));
        }
        return read(file, document);
    }

    /** Checks that every {@code replaces} of {@code current} names a question of {@code previous} (null: none). */
    public static List<SurveyProblem> checkReplaces(String file, Survey current, Survey previous) {
        List<SurveyProblem> problems = new ArrayList<>();
        Set<String> earlierKeys = previous == null ? Set.of()
                : previous.questions().map(Question::key).collect(Collectors.toSet());
        for (int b = 0; b < current.bouwstenen().size(); b++) {
            List<Question> questions = current.bouwstenen().get(b).questions();
            for (int q = 0; q < questions.size(); q++) {
                String replaces = questions.get(q).replaces();
                if (replaces == null) {
                    continue;
                }
                String path = "bouwstenen[" + b + "].questions[" + q + "].replaces";
                if (previous == null) {
                    problems.add(new SurveyProblem(file, path, "replaces \"" + replaces + "\", but there is no version "
                            + (current.version() - 1) + " of survey \"" + current.id() + "\""));
                } else if (!earlierKeys.contains(replaces)) {
                    problems.add(new SurveyProblem(file, path, "replaces \"" + replaces
                            + "\", which is not a question key in version " + previous.version()));
                }
            }
        }
        return problems;
    }

    private Survey survey(Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            problem("", "the file must contain a survey (a YAML mapping), not " + describe(document));
            return null;
        }
        String id = text(root, "", "id", false);
        if (id != null && !KEY.matcher(id).matches()) {
            problem("id", "\"" + id + "\" must consist of lowercase letters, digits and hyphens");
        }
        Integer version = integer(root, "", "version");
        if (version != null && version < 1) {
            problem("version", "must be 1 or more, was " + version);
        }
        checkFileName(id, version);
        String title = text(root, "", "title", true);
        String introduction = text(root, "", "introduction", true);
        Map<String, List<AnswerOption>> scales = scales(root);
        List<Level> levels = levels(root);
        List<Bouwsteen> bouwstenen = new ArrayList<>();
        List<Map<?, ?>> bouwsteenNodes = mappings(root, "", "bouwstenen", true);
        for (int i = 0; i < bouwsteenNodes.size(); i++) {
            bouwstenen.add(bouwsteen(bouwsteenNodes.get(i), "bouwstenen[" + i + "]", scales));
        }
        List<Question> kengetallen = new ArrayList<>();
        List<Map<?, ?>> kengetalNodes = mappings(root, "", "kengetallen", false);
        for (int i = 0; i < kengetalNodes.size(); i++) {
            kengetallen.add(kengetal(kengetalNodes.get(i), "kengetallen[" + i + "]"));
        }
        return new Survey(id, version == null ? 0 : version, title, introduction, levels, bouwstenen, kengetallen);
    }

    private void checkFileName(String id, Integer version) {
        String[] parts = file.replace('\\', '/').split("/");
        if (parts.length >= 2 && id != null && !parts[parts.length - 2].equals(id)) {
            problem("id", "\"" + id + "\" must equal the folder name \"" + parts[parts.length - 2] + "\"");
        }
        if (version != null && !parts[parts.length - 1].equals("v" + version + ".yaml")) {
            problem("version", "version " + version + " belongs in a file named v" + version + ".yaml");
        }
    }

    private Map<String, List<AnswerOption>> scales(Map<?, ?> root) {
        Map<String, List<AnswerOption>> scales = new LinkedHashMap<>();
        List<Map<?, ?>> nodes = mappings(root, "", "scales", true);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "scales[" + i + "]";
            String key = text(nodes.get(i), path, "key", false);
            List<AnswerOption> options = options(nodes.get(i), path);
            if (key != null) {
                if (scales.containsKey(key)) {
                    problem(path + ".key", "duplicate scale \"" + key + "\"");
                }
                scales.put(key, options);
            }
        }
        return scales;
    }

    private List<AnswerOption> options(Map<?, ?> owner, String ownerPath) {
        List<AnswerOption> options = new ArrayList<>();
        List<Map<?, ?>> nodes = mappings(owner, ownerPath, "options", true);
        Set<String> values = new java.util.HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Map<?, ?> node = nodes.get(i);
            String path = ownerPath + ".options[" + i + "]";
            String value = text(node, path, "value", false);
            if (value != null && !values.add(value)) {
                problem(path + ".value", "duplicate option value \"" + value + "\"");
            }
            String label = text(node, path, "label", true);
            boolean notApplicable = bool(node, path, "notApplicable");
            Integer points = node.containsKey("points") ? integer(node, path, "points") : null;
            if (notApplicable && node.containsKey("points")) {
                problem(path + ".points", "a notApplicable option has no points: it leaves the question out of the maximum");
            } else if (!notApplicable && points == null && !node.containsKey("points")) {
                problem(path + ".points", "option \"" + value + "\" has no points (only a notApplicable option may leave them out)");
            } else if (points != null && points < 0) {
                problem(path + ".points", "must be 0 or more, was " + points);
            }
            options.add(new AnswerOption(value, label, notApplicable ? null : points, bool(node, path, "uncertain"),
                    notApplicable, bool(node, path, "requiresComment")));
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
                    problem(path + ".min", "the first level must start at 0, was " + format(min));
                } else if (previous != null && min <= previous) {
                    problem(path + ".min", "thresholds must go strictly up: " + format(min) + " comes after " + format(previous));
                } else if (min > 100) {
                    problem(path + ".min", "must be at most 100, was " + format(min));
                }
                previous = min;
            }
            levels.add(new Level(i, label, min == null ? 0 : min, description));
        }
        return List.copyOf(levels);
    }

    private Bouwsteen bouwsteen(Map<?, ?> node, String path, Map<String, List<AnswerOption>> scales) {
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
            problem(path + ".questions", "bouwsteen \"" + key + "\" has no questions");
        }
        for (int i = 0; i < questionNodes.size(); i++) {
            questions.add(question(questionNodes.get(i), path + ".questions[" + i + "]", scales, themeKeys));
        }
        return new Bouwsteen(key, title, description, weight, List.copyOf(themes), List.copyOf(questions));
    }

    private Question question(Map<?, ?> node, String path, Map<String, List<AnswerOption>> scales, Set<String> themeKeys) {
        String key = key(node, path);
        String theme = optionalText(node, "theme");
        if (theme != null && !themeKeys.contains(theme)) {
            problem(path + ".theme", "unknown theme \"" + theme + "\"" + (themeKeys.isEmpty()
                    ? ": this bouwsteen has no themes" : "; the bouwsteen has " + String.join(", ", new java.util.TreeSet<>(themeKeys))));
        } else if (theme == null && !themeKeys.isEmpty()) {
            problem(path + ".theme", "is missing: this bouwsteen is divided into themes");
        }
        QuestionType type = type(node, path);
        List<AnswerOption> options = type == null ? List.of() : choices(node, path, type, scales);
        String text = text(node, path, "text", true);
        String help = text(node, path, "help", true);
        String recommendation = type != null && type.scored() ? text(node, path, "recommendation", true)
                : optionalText(node, "recommendation");
        return new Question(key, theme, type == null ? QuestionType.TEXT : type, text, help, recommendation,
                source(node, path), weight(node, path, false), bool(node, path, "required"), options,
                optionalText(node, "unit"), optionalText(node, "replaces"), scope(node, path));
    }

    private Survey.Scope scope(Map<?, ?> node, String path) {
        String code = optionalText(node, "scope");
        if (code == null) {
            return Survey.Scope.GEMEENTE;
        }
        return Survey.Scope.ofCode(code).orElseGet(() -> {
            problem(path + ".scope", "unknown scope \"" + code + "\" (gemeente or regio)");
            return Survey.Scope.GEMEENTE;
        });
    }

    private Question kengetal(Map<?, ?> node, String path) {
        String key = key(node, path);
        QuestionType type = type(node, path);
        if (type != null && type.scored()) {
            problem(path + ".type", "a kengetal is never scored: use number or text, not " + type.code());
        }
        return new Question(key, null, type == null ? QuestionType.NUMBER : type, text(node, path, "text", true),
                text(node, path, "help", true), null, source(node, path), 1, false, List.of(),
                optionalText(node, "unit"), null, Survey.Scope.GEMEENTE);
    }

    private QuestionType type(Map<?, ?> node, String path) {
        String code = text(node, path, "type", false);
        if (code == null) {
            return null;
        }
        return QuestionType.ofCode(code).orElseGet(() -> {
            problem(path + ".type", "unknown type \"" + code + "\" (scale, single-choice, multiple-choice, yes-no, number or text)");
            return null;
        });
    }

    private List<AnswerOption> choices(Map<?, ?> node, String path, QuestionType type, Map<String, List<AnswerOption>> scales) {
        boolean inline = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        if (inline) {
            if (node.containsKey("scale")) {
                problem(path + ".scale", type.code() + " questions give their options inline as options:, not with scale:");
            }
            return options(node, path);
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
            problem(path + ".scale", "unknown scale \"" + scale + "\"" + (scales.isEmpty() ? ""
                    : " (known: " + String.join(", ", scales.keySet()) + ")"));
            return List.of();
        }
        return options;
    }

    private Source source(Map<?, ?> node, String path) {
        Object value = node.get("source");
        if (!(value instanceof Map<?, ?> source)) {
            problem(path + ".source", value == null ? "is missing" : "must be {document, section}");
            return new Source(null, null);
        }
        return new Source(text(source, path + ".source", "document", false), text(source, path + ".source", "section", false));
    }

    /** A key: present, well-formed, and unique across bouwstenen, questions and kengetallen. */
    private String key(Map<?, ?> node, String path) {
        String key = text(node, path, "key", false);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            problem(path + ".key", "\"" + key + "\" must consist of lowercase letters, digits and hyphens");
        }
        String earlier = keyPaths.putIfAbsent(key, path);
        if (earlier != null) {
            problem(path + ".key", "duplicate key \"" + key + "\" (also at " + earlier + ")");
        }
        return key;
    }

    private double weight(Map<?, ?> node, String path, boolean required) {
        if (!node.containsKey("weight") && !required) {
            return 1;
        }
        Double weight = number(node, path, "weight");
        if (weight != null && weight <= 0) {
            problem(path + ".weight", "must be greater than 0, was " + format(weight));
        }
        return weight == null ? 1 : weight;
    }

    private String text(Map<?, ?> node, String path, String field, boolean dutch) {
        Object value = node.get(field);
        if (value == null || value.toString().isBlank()) {
            problem(join(path, field), dutch ? DUTCH_TEXT_MISSING : "is missing");
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(join(path, field), "must be text, not " + describe(value));
            return null;
        }
        return value.toString().strip();
    }

    private static String optionalText(Map<?, ?> node, String field) {
        Object value = node.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private Integer integer(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).intValue();
        }
        problem(join(path, field), value == null ? "is missing" : "must be a whole number, was \"" + value + "\"");
        return null;
    }

    private Double number(Map<?, ?> node, String path, String field) {
        Object value = node.get(field);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        problem(join(path, field), value == null ? "is missing" : "must be a number, was \"" + value + "\"");
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
        problem(join(path, field), "must be true or false, was \"" + value + "\"");
        return false;
    }

    private List<Map<?, ?>> mappings(Map<?, ?> node, String path, String field, boolean required) {
        Object value = node.get(field);
        if (value == null) {
            if (required) {
                problem(join(path, field), "is missing");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(join(path, field), "must be a list, not " + describe(value));
            return List.of();
        }
        List<Map<?, ?>> mappings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                mappings.add(map);
            } else {
                problem(join(path, field) + "[" + i + "]", "must be a mapping, not " + describe(list.get(i)));
                mappings.add(Map.of());
            }
        }
        return mappings;
    }

    private void problem(String path, String message) {
        problems.add(new SurveyProblem(file, path, message));
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof List ? "a list" : value instanceof Map ? "a mapping" : "\"" + value + "\"";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
