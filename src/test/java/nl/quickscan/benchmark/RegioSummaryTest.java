package nl.quickscan.benchmark;

import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regio of five gemeenten on a survey of three bouwstenen with one statement each, so that every score is a
 * third: 0, 33,3, 66,7 or 100 %. The comments show the figures by hand.
 */
class RegioSummaryTest {

    private static final Survey SURVEY = survey();
    private static final LocalDate CLOSES = LocalDate.of(2026, 11, 30);
    private static final LocalDate AFTER_CLOSING = CLOSES.plusDays(1);

    // Nulmeting, per bouwsteen a / b / c:
    //   Aa  100 / 100 / 66,7   total 88,9
    //   Bee 66,7 / 0  / 0      total 22,2
    //   Cee 33,3 / 0  / 33,3   total 22,2
    //   Dee bezig, Ee niet gestart.
    // a: median 66,7 (Gevorderd), range 66,7; b: median 0 (Beginnend), range 100; c: median 33,3 (In ontwikkeling).
    private static final List<Benchmark.Input> NULMETING = List.of(
            submitted("GM0001", "Aa", "3", "3", "2"),
            submitted("GM0002", "Bee", "2", "0", "0"),
            submitted("GM0003", "Cee", "1", "0", "1"),
            new Benchmark.Input("GM0004", "Dee", ScanRow.Status.IN_PROGRESS, 33.0, Map.of("qa", "1"), false),
            new Benchmark.Input("GM0005", "Ee", ScanRow.Status.NOT_STARTED, null, Map.of(), false));

    @Test
    void aNulmetingSaysWhereTheRegioStandsWhereItDiffersAndWhoMayNeedSupport() {
        RegioSummary summary = RegioSummary.of(round(Meetronde.Kind.NULMETING, NULMETING), Optional.empty(), AFTER_CLOSING);

        assertEquals(5, summary.gemeenten());
        assertEquals(3, summary.submitted());
        assertEquals(List.of("Deelname", "Waar staat de regio?", "Verschillen tussen gemeenten",
                "Gemeenten die steun kunnen gebruiken"), summary.topics().stream().map(RegioSummary.Topic::heading).toList());
        assertEquals(List.of("3 van de 5 gemeenten hebben de scan ingediend. Alleen ingediende scans tellen mee in de cijfers.",
                "Nog bezig: Dee.", "Nog niet begonnen: Ee."), topic(summary, "Deelname").sentences(), "a closed round: final figures");

        RegioSummary.Topic standing = topic(summary, "Waar staat de regio?");
        assertTrue(standing.overview(), "the overview chart goes with where the regio stands");
        assertEquals("Per bouwsteen de score van elke gemeente als stip en de middelste score van de regio als streep. "
                + "Bouwsteen A: middelste score 67%, Gevorderd, scores van 33% tot 100%; "
                + "Bouwsteen B: middelste score 0%, Beginnend, scores van 0% tot 100%; "
                + "Bouwsteen C: middelste score 33%, In ontwikkeling, scores van 0% tot 67%.", summary.overview());
        assertEquals(List.of("Over alle bouwstenen samen is de middelste totaalscore 22%: niveau Beginnend.",
                "De regio staat het sterkst op Bouwsteen A.", "Het zwakst staat de regio op Bouwsteen B.",
                "Hieronder per bouwsteen de score van elke gemeente als stip, en de middelste score van de regio (de mediaan: "
                        + "de helft van de gemeenten scoort hoger, de helft lager) als streep, met het niveau van die score."),
                standing.sentences());
        assertEquals(200.0 / 3, summary.standings().get(0).median(), 1e-9);
        assertEquals(2, summary.standings().get(0).level().index());
        assertEquals(200.0 / 9, summary.total().median(), 1e-9, "the median of the totals, as the API's");

        assertEquals(List.of("De gemeenten verschillen het meest op Bouwsteen B: van 0% (Bee en Cee) tot 100% (Aa)."),
                topic(summary, "Verschillen tussen gemeenten").sentences());

        RegioSummary.Topic support = topic(summary, "Gemeenten die steun kunnen gebruiken");
        assertEquals(List.of("Een gemeente die op een bouwsteen Beginnend scoort (minder dan 25%), kan daar steun gebruiken.",
                "Op meer dan één bouwsteen Beginnend: Bee (2 bouwstenen)."), support.sentences());
        assertEquals(List.of("Bouwsteen A: geen gemeente Beginnend; het laagst scoort Cee (33%).",
                "Bouwsteen B: Bee (0%) en Cee (0%).", "Bouwsteen C: Bee (0%)."), support.items());
    }

    @Test
    void theDistributionChartsHoldEachGemeentesScoreHighestFirstAndTheRegiosMedian() {
        RegioSummary summary = RegioSummary.of(round(Meetronde.Kind.NULMETING, NULMETING), Optional.empty(), AFTER_CLOSING);

        RegioSummary.Distribution a = summary.distributions().get(0);
        assertEquals("a", a.key());
        assertEquals(List.of("Aa", "Bee", "Cee"), a.gemeenten().stream().map(RegioSummary.Point::name).toList());
        assertEquals(List.of(100.0, 200.0 / 3, 100.0 / 3), a.gemeenten().stream().map(RegioSummary.Point::score).toList());
        assertEquals(List.of(3, 2, 1), a.gemeenten().stream().map(p -> p.level().index()).toList(), "levels by their place in the scale");
        assertEquals(200.0 / 3, a.median(), 1e-9);
        assertEquals("Staafdiagram van Bouwsteen A: de score van elk van de 3 gemeenten, van hoog naar laag, met de "
                + "middelste score van de regio (67%) als lijn. Het hoogst: Aa (100%); het laagst: Cee (33%).", a.description());
        assertEquals(List.of("Aa", "Bee", "Cee"), summary.distributions().get(1).gemeenten().stream()
                .map(RegioSummary.Point::name).toList(), "equal scores by name");
        assertEquals(List.of(), summary.beforeAfter(), "a nulmeting has no before and after");
    }

    @Test
    void anOpenRoundSaysItsFiguresMayStillChange() {
        RegioSummary summary = RegioSummary.of(round(Meetronde.Kind.NULMETING, NULMETING), Optional.empty(), CLOSES);
        assertTrue(topic(summary, "Deelname").sentences().contains(
                "De meetronde loopt tot en met 30 november 2026. Tot dan kunnen de cijfers nog veranderen."));
    }

    @Test
    void withoutSubmittedScansThereAreNoFiguresYet() {
        RegioSummary summary = RegioSummary.of(round(Meetronde.Kind.NULMETING, List.of(
                new Benchmark.Input("GM0005", "Ee", ScanRow.Status.NOT_STARTED, null, Map.of(), false))), Optional.empty(), AFTER_CLOSING);
        assertEquals(1, summary.topics().size());
        assertEquals(List.of("0 van de 1 gemeenten hebben de scan ingediend. Alleen ingediende scans tellen mee in de cijfers. "
                + "Er zijn daarom nog geen cijfers.", "Nog niet begonnen: Ee."), summary.topics().get(0).sentences());
        assertEquals("Bouwsteen A: nog geen scores.", summary.distributions().get(0).description());
    }

    @Test
    void aHerhalingSaysWhatImprovedAndWhatDeclinedMost() {
        // Herhaling, per bouwsteen a / b / c, with the difference from the nulmeting:
        //   Aa  66,7 (−33,3) / 100 (0)     / 100 (+33,3)
        //   Bee 100 (+33,3)  / 33,3 (+33,3) / 0 (0)
        //   Cee 0 (−33,3)    / 0 (0)        / 66,7 (+33,3)
        //   Dee submitted now only: not in the development.
        // Mean difference: a −11,1; b +11,1; c +22,2. Statements likewise (one per bouwsteen).
        BenchmarkService.RoundBenchmark baseline = round(Meetronde.Kind.NULMETING, NULMETING);
        BenchmarkService.RoundBenchmark herhaling = round(Meetronde.Kind.HERHALING, List.of(
                submitted("GM0001", "Aa", "2", "3", "3"),
                submitted("GM0002", "Bee", "3", "1", "0"),
                submitted("GM0003", "Cee", "0", "0", "2"),
                submitted("GM0004", "Dee", "3", "3", "3")));
        Development.Result development = Development.of(baseline.result(), herhaling.result(), 5);
        RegioSummary summary = RegioSummary.of(herhaling, Optional.of(development), AFTER_CLOSING);

        assertEquals(List.of("Deelname", "Waar staat de regio?", "Verschillen tussen gemeenten",
                        "Ontwikkeling sinds de nulmeting", "Stellingen die het meest verbeterden",
                        "Stellingen die het meest achteruitgingen", "Gemeenten die steun kunnen gebruiken"),
                summary.topics().stream().map(RegioSummary.Topic::heading).toList());
        assertEquals(List.of("3 gemeenten hebben zowel de nulmeting als deze herhaling ingediend. Alleen die gemeenten tellen mee in de ontwikkeling.",
                "Het meest vooruit ging Bouwsteen C: gemiddeld +22,2 procentpunt.",
                "Het meest achteruit ging Bouwsteen A: gemiddeld −11,1 procentpunt."),
                topic(summary, "Ontwikkeling sinds de nulmeting").sentences());
        assertEquals(List.of("Stelling C (gemiddeld +22,2 procentpunt, 3 gemeenten)", "Stelling B (gemiddeld +11,1 procentpunt, 3 gemeenten)"),
                topic(summary, "Stellingen die het meest verbeterden").items());
        assertEquals(List.of("Stelling A (gemiddeld −11,1 procentpunt, 3 gemeenten)"),
                topic(summary, "Stellingen die het meest achteruitgingen").items());

        RegioSummary.BeforeAfter a = summary.beforeAfter().get(0);
        assertEquals(List.of("Bee", "Aa", "Cee"), a.gemeenten().stream().map(RegioSummary.Pair::name).toList(), "most improved first");
        assertEquals(200.0 / 3, a.gemeenten().get(0).before(), 1e-9);
        assertEquals(100.0, a.gemeenten().get(0).after(), 1e-9);
        assertEquals(-100.0 / 9, a.meanDifference(), 1e-9);
        assertEquals("Per gemeente de score op Bouwsteen A bij de nulmeting en bij de herhaling. 1 gemeente ging vooruit, "
                + "2 gemeenten gingen achteruit en 0 gemeenten bleven gelijk; gemiddeld −11,1 procentpunt.", a.description());
    }

    @Test
    void whenNothingDeclinedTheSummarySaysSo() {
        BenchmarkService.RoundBenchmark baseline = round(Meetronde.Kind.NULMETING, NULMETING);
        BenchmarkService.RoundBenchmark herhaling = round(Meetronde.Kind.HERHALING, List.of(
                submitted("GM0001", "Aa", "3", "3", "3"),
                submitted("GM0002", "Bee", "3", "1", "0")));
        RegioSummary summary = RegioSummary.of(herhaling,
                Optional.of(Development.of(baseline.result(), herhaling.result(), 5)), AFTER_CLOSING);
        assertTrue(topic(summary, "Ontwikkeling sinds de nulmeting").sentences()
                .contains("Geen bouwsteen ging er gemiddeld op achteruit."));
        assertEquals(List.of("Geen stelling ging er gemiddeld op achteruit."),
                topic(summary, "Stellingen die het meest achteruitgingen").sentences());
    }

    @Test
    void aListOfNamesCountsWhatItDoesNotName() {
        assertEquals("Aa", RegioSummary.names(List.of("Aa")));
        assertEquals("Aa en Bee", RegioSummary.names(List.of("Aa", "Bee")));
        assertEquals("A, B, C, D, E en 2 andere gemeenten", RegioSummary.names(List.of("A", "B", "C", "D", "E", "F", "G")));
        assertEquals("A, B, C, D, E en 1 andere gemeente", RegioSummary.names(List.of("A", "B", "C", "D", "E", "F")));
        assertEquals("A, B, C, D, E en F", RegioSummary.every(List.of("A", "B", "C", "D", "E", "F")));
    }

    private static RegioSummary.Topic topic(RegioSummary summary, String heading) {
        return summary.topics().stream().filter(t -> t.heading().equals(heading)).findFirst().orElseThrow();
    }

    private static Benchmark.Input submitted(String cbsCode, String name, String a, String b, String c) {
        return new Benchmark.Input(cbsCode, name, ScanRow.Status.SUBMITTED, 100.0, Map.of("qa", a, "qb", b, "qc", c), false);
    }

    private static BenchmarkService.RoundBenchmark round(Meetronde.Kind kind, List<Benchmark.Input> gemeenten) {
        Meetronde round = new Meetronde(1L, 1L, kind.label() + " 2026", kind, kind == Meetronde.Kind.HERHALING ? 2L : null,
                SURVEY.id(), SURVEY.version(), CLOSES.minusDays(60), CLOSES, Instant.EPOCH);
        return new BenchmarkService.RoundBenchmark(round, SURVEY, Benchmark.of(SURVEY, gemeenten), Map.of(), Map.of(), List.of());
    }

    private static Survey survey() {
        StringBuilder bouwstenen = new StringBuilder();
        for (String key : List.of("a", "b", "c")) {
            String upper = key.toUpperCase();
            bouwstenen.append("""
                      - key: %s
                        title: "Bouwsteen %s"
                        description: "%s."
                        weight: 1
                        questions:
                          - {key: q%s, type: scale, scale: s, text: "Stelling %s", help: "h", recommendation: "r", source: {document: d, section: s}, weight: 1, required: true}
                    """.formatted(key, upper, upper, key, upper));
        }
        String yaml = """
                id: proef
                version: 1
                title: "Proef"
                introduction: "Een kleine vragenlijst."
                scales:
                  - key: s
                    options:
                      - {value: "0", label: "Nee", points: 0}
                      - {value: "1", label: "In voorbereiding", points: 1}
                      - {value: "2", label: "Deels", points: 2}
                      - {value: "3", label: "Ja", points: 3}
                levels:
                  - {label: "Beginnend", min: 0, description: "a"}
                  - {label: "In ontwikkeling", min: 25, description: "b"}
                  - {label: "Gevorderd", min: 50, description: "c"}
                  - {label: "Geborgd", min: 75, description: "d"}
                bouwstenen:
                """ + bouwstenen;
        SurveyReader.Result result = SurveyReader.read("proef/v1.yaml", new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        assertEquals(List.of(), result.problems());
        return result.survey();
    }
}
