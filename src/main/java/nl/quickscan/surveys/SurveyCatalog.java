package nl.quickscan.surveys;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
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
 * Every survey version the app knows, the one place to ask for one. Two sources:
 * <ul>
 * <li>the files, loaded and validated once at start-up, from the folder named by QUICKSCAN_SURVEYS_DIR when set,
 * otherwise from the {@code surveys/} folder packaged into the jar; any problem stops the app from starting, with
 * every problem named. They count as published ("meegeleverd") and never change while the app runs;</li>
 * <li>the versions the beheerder uploaded (table survey_version), concepts and published ones, read at start-up and
 * again after every change. Another instance's change is seen soon: a version asked for that is not known here is
 * looked for in the database at once, the lists look at most every few seconds, and the beheerder's pages each
 * time; a cheap fingerprint query tells whether the table changed, and only then are the versions read again.</li>
 * </ul>
 * {@link #find} and {@link #all} give published versions only (what rounds and scans use); {@link #version} and
 * {@link #versions} give concepts too, for the beheerder. Readers see one consistent snapshot without locking.
 */
@Context
public class SurveyCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyCatalog.class);
    /** The lists look in the database for changes by another instance at most once per this many milliseconds. */
    private static final long CHECK_MILLIS = 5_000;

    /** The shipped versions, by id, then by version. */
    private final Map<String, TreeMap<Integer, Survey>> shipped;
    @Nullable
    private final SurveyVersionRepository repository;
    /** All versions, shipped and uploaded, by id, then by version; replaced as a whole. */
    private volatile Map<String, TreeMap<Integer, SurveyVersion>> versions;
    private volatile String fingerprint = "";
    private volatile long lastCheck;

    @Inject
    SurveyCatalog(@Value("${quickscan.surveys-dir:}") String surveysDir, SurveyVersionRepository repository) {
        this(load(surveysDir), repository);
        LOG.info("Loaded {} survey version(s) from {} and {} uploaded in the app", shippedCount(),
                surveysDir.isBlank() ? "the jar" : surveysDir, versions().size() - shippedCount());
    }

    SurveyCatalog(List<Survey> surveys) {
        this(surveys, null);
    }

    private SurveyCatalog(List<Survey> surveys, @Nullable SurveyVersionRepository repository) {
        this.shipped = new TreeMap<>();
        surveys.forEach(survey -> this.shipped.computeIfAbsent(survey.id(), id -> new TreeMap<>()).put(survey.version(), survey));
        this.repository = repository;
        this.versions = merge(List.of());
        reload();
    }

    /** The published versions (shipped and uploaded), by id and version. */
    public List<Survey> all() {
        return versions().stream().filter(SurveyVersion::published).map(SurveyVersion::survey).toList();
    }

    /** A published version (shipped or uploaded); empty for a concept or an unknown one. */
    public Optional<Survey> find(String id, int version) {
        return version(id, version).filter(SurveyVersion::published).map(SurveyVersion::survey);
    }

    /** Every version, concepts included, by id and version. */
    public List<SurveyVersion> versions() {
        refreshNowAndThen();
        return versions.values().stream().flatMap(byVersion -> byVersion.values().stream()).toList();
    }

    /** Any version, a concept too; looks in the database when it is not known here (another instance's upload). */
    public Optional<SurveyVersion> version(String id, int version) {
        Optional<SurveyVersion> found = known(id, version);
        if (found.isEmpty() && repository != null) {
            refreshIfReachable();
            found = known(id, version);
        }
        return found;
    }

    /** {@link #refresh()} unless one ran in the last few seconds. */
    private void refreshNowAndThen() {
        long now = System.currentTimeMillis();
        if (repository != null && now - lastCheck >= CHECK_MILLIS) {
            lastCheck = now;
            refreshIfReachable();
        }
    }

    /** A look for another instance's changes that, with the database away, keeps the versions known here in use. */
    private void refreshIfReachable() {
        try {
            refresh();
        } catch (DataAccessException | CannotGetJdbcConnectionException e) {
            LOG.warn("Could not check for survey versions changed by another instance: {}", e.getMessage());
        }
    }

    /** Reads the uploaded versions again when another instance changed them since the last read. */
    public void refresh() {
        if (repository != null && !repository.fingerprint().equals(fingerprint)) {
            reload();
        }
    }

    /** Reads the uploaded versions again; after every change in this instance. */
    synchronized void reload() {
        if (repository == null) {
            return;
        }
        String current = repository.fingerprint();
        List<SurveyVersion> uploaded = new ArrayList<>();
        for (SurveyVersionRepository.Row row : repository.all()) {
            if (shipped.containsKey(row.surveyId()) && shipped.get(row.surveyId()).containsKey(row.version())) {
                LOG.warn("Survey {} version {} is shipped in the surveys folder and also uploaded; the shipped file is used",
                        row.surveyId(), row.version());
                continue;
            }
            SurveyReader.Result result = SurveyReader.readText(SurveyVersion.fileName(row.surveyId(), row.version()), row.yamlText());
            if (!result.valid()) {
                // A reader with stricter rules than the one that accepted it; the version stays stored, unused.
                LOG.error("Uploaded survey {} version {} can no longer be read: {}", row.surveyId(), row.version(), result.problems());
                continue;
            }
            uploaded.add(new SurveyVersion(result.survey(), row.published() ? SurveyVersion.Status.GEPUBLICEERD
                    : SurveyVersion.Status.CONCEPT, false, row.uploadedBy(), row.uploadedAt(), row.publishedBy(), row.publishedAt()));
        }
        versions = merge(uploaded);
        fingerprint = current;
    }

    private Optional<SurveyVersion> known(String id, int version) {
        return Optional.ofNullable(versions.get(id)).map(byVersion -> byVersion.get(version));
    }

    private int shippedCount() {
        return shipped.values().stream().mapToInt(Map::size).sum();
    }

    private Map<String, TreeMap<Integer, SurveyVersion>> merge(List<SurveyVersion> uploaded) {
        Map<String, TreeMap<Integer, SurveyVersion>> merged = new TreeMap<>();
        shipped.forEach((id, byVersion) -> byVersion.forEach((number, survey) ->
                merged.computeIfAbsent(id, key -> new TreeMap<>()).put(number, SurveyVersion.shipped(survey))));
        uploaded.forEach(version -> merged.computeIfAbsent(version.survey().id(), key -> new TreeMap<>())
                .put(version.survey().version(), version));
        return merged;
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
