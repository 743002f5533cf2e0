package nl.quickscan.surveys;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All survey versions, loaded and validated once at start-up. The files come from the folder named by
 * QUICKSCAN_SURVEYS_DIR when set (so that a new version can be deployed without a rebuild), otherwise from the
 * {@code surveys/} folder packaged into the jar. Any problem stops the app from starting, with every problem named.
 */
@Context
public class SurveyCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyCatalog.class);

    /** Surveys by id, then by version. */
    private final Map<String, TreeMap<Integer, Survey>> surveys;

    @Inject
    SurveyCatalog(@Value("${quickscan.surveys-dir:}") String surveysDir) {
        this(load(surveysDir));
        LOG.info("Loaded {} survey version(s) from {}", all().size(), surveysDir.isBlank() ? "the jar" : surveysDir);
    }

    SurveyCatalog(List<Survey> surveys) {
        this.surveys = new TreeMap<>();
        surveys.forEach(survey -> this.surveys.computeIfAbsent(survey.id(), id -> new TreeMap<>()).put(survey.version(), survey));
    }

    public List<Survey> all() {
        return surveys.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }

    public Optional<Survey> find(String id, int version) {
        return Optional.ofNullable(surveys.get(id)).map(versions -> versions.get(version));
    }

    /** Reads and validates every {@code <id>/v<n>.yaml} below the folder; throws with all problems when any. */
    public static List<Survey> load(String surveysDir) {
        if (!surveysDir.isBlank()) {
            return loadFrom(Path.of(surveysDir));
        }
        URL packaged = SurveyCatalog.class.getResource("/surveys");
        if (packaged == null) {
            throw new InvalidSurveysException(List.of(new SurveyProblem("surveys/", "", "no surveys packaged in the app")));
        }
        try {
            URI uri = packaged.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return loadFrom(jar.getPath("/surveys"));
                }
            }
            return loadFrom(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Survey> loadFrom(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidSurveysException(List.of(new SurveyProblem(folder.toString(), "", "is not a folder")));
        }
        List<SurveyProblem> problems = new ArrayList<>();
        List<Survey> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, 2)) {
            List<Path> yamlFiles = files.filter(path -> path.getFileName().toString().endsWith(".yaml")
                    || path.getFileName().toString().endsWith(".yml")).sorted(Comparator.comparing(Path::toString)).toList();
            for (Path path : yamlFiles) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                if (!name.contains("/")) {
                    problems.add(new SurveyProblem(name, "", "survey files belong in a folder named after the survey id"));
                    continue;
                }
                SurveyReader.Result result = SurveyReader.readText(name, Files.readString(path, StandardCharsets.UTF_8));
                problems.addAll(result.problems());
                if (result.valid()) {
                    loaded.add(result.survey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.addAll(checkVersions(loaded));
        if (loaded.isEmpty() && problems.isEmpty()) {
            problems.add(new SurveyProblem(folder.toString(), "", "contains no survey files"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSurveysException(problems);
        }
        return loaded;
    }

    /** The replaces-links between consecutive versions of each survey. */
    private static List<SurveyProblem> checkVersions(List<Survey> loaded) {
        List<SurveyProblem> problems = new ArrayList<>();
        SurveyCatalog catalog = new SurveyCatalog(loaded);
        for (Survey survey : catalog.all()) {
            Survey previous = catalog.find(survey.id(), survey.version() - 1).orElse(null);
            problems.addAll(SurveyReader.checkReplaces(survey.id() + "/v" + survey.version() + ".yaml", survey, previous));
        }
        return problems;
    }

    /** The surveys cannot be used; the message names every problem. */
    public static final class InvalidSurveysException extends RuntimeException {
        private final transient List<SurveyProblem> problems;

        InvalidSurveysException(List<SurveyProblem> problems) {
            super("Invalid survey definitions; the app does not start until they are fixed:\n  - "
                    + String.join("\n  - ", problems.stream().map(SurveyProblem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<SurveyProblem> problems() {
            return problems;
        }
    }
}
