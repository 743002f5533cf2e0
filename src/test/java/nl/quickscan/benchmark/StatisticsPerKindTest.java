package nl.quickscan.benchmark;

import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** National statistics per kind of round: 350 gemeenten with a nulmeting and a herhaling count 350 times each. */
class StatisticsPerKindTest {

    private static final Survey SURVEY = shipped();

    @Test
    void nulmetingenAndHerhalingenAreCountedApartNeverPooled() {
        List<BenchmarkService.RoundBenchmark> rounds = new ArrayList<>();
        // Seven regio's of 50 gemeenten; everything "1" at the nulmeting, "3" at the herhaling.
        for (int regio = 0; regio < 7; regio++) {
            rounds.add(round(regio, Meetronde.Kind.NULMETING, regio * 50, "1"));
            rounds.add(round(regio, Meetronde.Kind.HERHALING, regio * 50, "3"));
        }

        Map<Meetronde.Kind, Benchmark.Result> statistics = BenchmarkService.perKind(rounds);

        assertEquals(List.of(Meetronde.Kind.NULMETING, Meetronde.Kind.HERHALING), List.copyOf(statistics.keySet()));
        Benchmark.Stats nulmeting = statistics.get(Meetronde.Kind.NULMETING).total();
        Benchmark.Stats herhaling = statistics.get(Meetronde.Kind.HERHALING).total();
        assertEquals(350, nulmeting.n(), "not 700: a gemeente's two scans are two kinds of round");
        assertEquals(350, herhaling.n());
        assertEquals(100.0 / 3, nulmeting.mean(), 1e-9);
        assertEquals(100.0, herhaling.mean(), 1e-9);
        assertEquals(350, statistics.get(Meetronde.Kind.HERHALING).bouwstenen().get(0).stats().n());
    }

    @Test
    void aKindWithoutRoundsIsAbsent() {
        Map<Meetronde.Kind, Benchmark.Result> statistics = BenchmarkService.perKind(
                List.of(round(0, Meetronde.Kind.NULMETING, 0, "2")));
        assertEquals(List.of(Meetronde.Kind.NULMETING), List.copyOf(statistics.keySet()));
    }

    private static Survey shipped() {
        try {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(Path.of("surveys/quickscan-seksueel-geweld/v1.yaml")));
            return SurveyReader.read("quickscan-seksueel-geweld/v1.yaml", yaml).survey();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BenchmarkService.RoundBenchmark round(int regio, Meetronde.Kind kind, int firstGemeente, String value) {
        Map<String, String> values = new java.util.HashMap<>();
        SURVEY.questions().forEach(question -> values.put(question.key(), value));
        List<Benchmark.Input> inputs = new ArrayList<>();
        for (int g = firstGemeente; g < firstGemeente + 50; g++) {
            inputs.add(new Benchmark.Input(String.format("GM%04d", g), "Gemeente " + g, ScanRow.Status.SUBMITTED, 100.0, values, false));
        }
        Meetronde round = new Meetronde((long) (regio * 2 + kind.ordinal()), regio, kind.label() + " " + regio, kind,
                null, SURVEY.id(), SURVEY.version(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), Instant.EPOCH);
        return new BenchmarkService.RoundBenchmark(round, SURVEY, Benchmark.of(SURVEY, inputs), Map.of(), Map.of(), List.of());
    }
}
