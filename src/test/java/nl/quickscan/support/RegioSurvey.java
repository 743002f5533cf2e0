package nl.quickscan.support;

import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A test survey with statements the regio answers: version 2 of the quickscan is v1 with {@link #REGIO_KEYS} marked
 * {@code scope: regio}. {@link #apps} runs it on H2 and, when configured, on MariaDB/MySQL.
 */
public final class RegioSurvey {

    public static final int VERSION = 2;
    /** Two statements of bouwsteen 1 (visie), one of bouwsteen 2 (samenwerking). */
    public static final List<String> REGIO_KEYS = List.of("visie-gedeelde-visie", "visie-gemeenschappelijk-beeld",
            "samenwerking-regiodag");

    private RegioSurvey() {
    }

    public static String yaml() {
        try {
            String text = Files.readString(Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"))
                    .replaceFirst("\nversion: 1\n", "\nversion: " + VERSION + "\n");
            for (String key : REGIO_KEYS) {
                text = text.replace("      - key: " + key + "\n", "      - key: " + key + "\n        scope: regio\n");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Survey survey() {
        SurveyReader.Result result = SurveyReader.readText("quickscan-seksueel-geweld/v2.yaml", yaml());
        if (!result.valid()) {
            throw new IllegalStateException(result.problems().toString());
        }
        return result.survey();
    }

    /** A folder of surveys with v1 as shipped and this v2. */
    public static Path folder() {
        try {
            Path surveys = Files.createTempDirectory("surveys");
            Path folder = Files.createDirectories(surveys.resolve("quickscan-seksueel-geweld"));
            Files.copy(Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"), folder.resolve("v1.yaml"));
            Files.writeString(folder.resolve("v2.yaml"), yaml());
            return surveys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Apps that know this survey: one on an H2 database of its own, and, when MariaDB/MySQL is configured, one on that
     * database (started after the shared app there, which empties it first). Stop them with {@link #stop}.
     */
    public static List<TestApp> apps(Path surveys) {
        List<TestApp> apps = new ArrayList<>();
        apps.add(TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString())));
        TestApp.mysql().ifPresent(shared -> apps.add(TestApp.onMysqlWithSettings(
                Map.of("quickscan.surveys-dir", surveys.toString()))));
        return apps;
    }

    public static void stop(List<TestApp> apps, Path surveys) throws IOException {
        apps.forEach(TestApp::stop);
        try (var files = Files.walk(surveys)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
