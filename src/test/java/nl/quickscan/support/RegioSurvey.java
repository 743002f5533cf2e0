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

    /** The rounds opened on this survey, per app, to remove before it stops. */
    private static final Map<TestApp, List<Long>> ROUNDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A nulmeting on this survey, opened by the coordinator through the API; returns its id. */
    public static long openRound(TestApp app, Api coordinator, java.time.LocalDate opens, java.time.LocalDate closes) {
        Response round = coordinator.postJson("/api/v1/rounds", """
                {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": %d, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), VERSION, opens, closes));
        org.junit.jupiter.api.Assertions.assertEquals(201, round.status(), round::toString);
        long id = ((Number) round.json().get("id")).longValue();
        ROUNDS.computeIfAbsent(app, key -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(id);
        return id;
    }

    /**
     * Stops the apps, and removes the rounds opened on this survey (with their scans and answers) first: on the shared
     * MariaDB/MySQL database the shared app, which does not know this survey, would otherwise meet them.
     */
    public static void stop(List<TestApp> apps, Path surveys) throws IOException {
        for (TestApp app : apps) {
            List<Long> rounds = ROUNDS.remove(app);
            if (rounds != null) {
                remove(app, rounds);
            }
        }
        apps.forEach(TestApp::stop);
        try (var files = Files.walk(surveys)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(TestApp app, List<Long> rounds) {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = app.bean(io.micronaut.transaction.TransactionOperations.class);
        tx.executeWrite(status -> {
            for (String sql : List.of(
                    "DELETE FROM answer_change WHERE scan_id IN (SELECT id FROM scan WHERE round_id = ?)",
                    "DELETE FROM answer WHERE scan_id IN (SELECT id FROM scan WHERE round_id = ?)",
                    "DELETE FROM scan WHERE round_id = ?",
                    "DELETE FROM meetronde WHERE id = ?")) {
                try (var statement = status.getConnection().prepareStatement(sql)) {
                    for (long round : rounds) {
                        statement.setLong(1, round);
                        statement.executeUpdate();
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
    }
}
