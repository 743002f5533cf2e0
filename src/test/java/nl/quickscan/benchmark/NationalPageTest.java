package nl.quickscan.benchmark;

import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national overview as a table: a row per round with a column per bouwsteen, and a total row per kind over the
 * rounds shown, computed by hand. Every answer "1" scores 100/3 %, every answer "3" 100 %.
 */
class NationalPageTest {

    private static final Survey SURVEY = shipped();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalDate CLOSED = LocalDate.of(2026, 3, 1);
    private static final LocalDate OPEN = LocalDate.of(2026, 12, 1);

    @Test
    void aRowPerRoundAColumnPerBouwsteenAndATotalPerKindNeverPooled() {
        List<BenchmarkService.RoundSummary> rounds = List.of(
                // The viewer's own regio: 3 nulmeting scans of 100/3 %, 2 herhaling scans of 100 %.
                summary(1, "regio 2", Meetronde.Kind.NULMETING, 3, "1", OPEN, true),
                summary(2, "regio 2", Meetronde.Kind.HERHALING, 2, "3", OPEN, true),
                // Another regio, closed with 5 scans of 100 %: shown in bands.
                summary(3, "regio 10", Meetronde.Kind.NULMETING, 5, "3", CLOSED, false),
                // Another regio, still open: no figures, and not in the total.
                summary(4, "regio 10", Meetronde.Kind.HERHALING, 7, "1", OPEN, false));

        NationalPage page = NationalPage.of(rounds);

        assertEquals(SURVEY.bouwstenen().stream().map(Survey.Bouwsteen::title).toList(),
                page.columns().stream().map(NationalPage.Column::title).toList(), "a column per bouwsteen");
        assertEquals(4, page.rows().size());
        NationalPage.Row own = page.rows().get(0);
        assertEquals("3 van 3", own.submitted());
        assertEquals(100.0 / 3, own.totalMean().value(), 1e-9, "the own regio: exact");
        assertEquals(SURVEY.bouwstenen().size(), own.bouwstenen().size());
        own.bouwstenen().forEach(cell -> assertEquals(100.0 / 3, cell.value(), 1e-9));
        NationalPage.Row openForeign = page.rows().get(3);
        assertFalse(openForeign.shown());
        assertTrue(openForeign.bouwstenen().stream().noneMatch(NationalPage.Cell::hasValue));

        assertEquals(2, page.totals().size(), "one total per kind");
        NationalPage.Row nulmetingen = page.totals().get(0);
        assertEquals("Alle nulmetingen", nulmetingen.roundName());
        assertEquals("8 scans", nulmetingen.submitted(), "3 own + 5 of the closed foreign round");
        // (3 × 33.33 + 5 × 100) / 8 = 75; banded to 5 % because it holds another regio's scores.
        assertEquals(75.0, nulmetingen.totalMean().value(), 1e-9);
        assertEquals(100.0, nulmetingen.totalMedian().value(), 1e-9, "the median of 3 × 33.33 and 5 × 100");
        nulmetingen.bouwstenen().forEach(cell -> assertEquals(75.0, cell.value(), 1e-9));
        NationalPage.Row herhalingen = page.totals().get(1);
        assertEquals("2 scans", herhalingen.submitted(), "the open foreign herhaling is left out, not pooled with nulmetingen");
        assertEquals(100.0, herhalingen.totalMean().value(), 1e-9, "only own rounds: exact, also from 2 scans");
    }

    @Test
    void aTotalWithAnotherRegioIsBandedAndNeedsFiveScores() {
        // A nulmeting total of 3 own scans of 33.33 % and 5 foreign ones of 100 %, as above, but seen as exact
        // only by a viewer who may name all: the beheerder.
        List<BenchmarkService.RoundSummary> all = List.of(
                summary(1, "regio 2", Meetronde.Kind.NULMETING, 3, "1", OPEN, true),
                summary(3, "regio 10", Meetronde.Kind.NULMETING, 5, "3", CLOSED, true));
        assertEquals(75.0, NationalPage.of(all).totals().get(0).totalMean().value(), 1e-9, "exact: (100 + 500) / 8");
        List<BenchmarkService.RoundSummary> few = List.of(
                summary(5, "regio 3", Meetronde.Kind.NULMETING, 2, "1", CLOSED, true));
        assertEquals(100.0 / 3, NationalPage.of(few).totals().get(0).totalMean().value(), 1e-9);
        List<BenchmarkService.RoundSummary> foreignFew = List.of(
                summary(6, "regio 3", Meetronde.Kind.NULMETING, 2, "1", CLOSED, false));
        assertTrue(NationalPage.of(foreignFew).totals().isEmpty(), "a round not shown is in no total");
    }

    private static BenchmarkService.RoundSummary summary(long id, String regio, Meetronde.Kind kind, int scans,
                                                         String value, LocalDate closes, boolean named) {
        Map<String, String> values = new HashMap<>();
        SURVEY.questions().forEach(question -> values.put(question.key(), value));
        List<Benchmark.Input> inputs = new ArrayList<>();
        for (int g = 0; g < scans; g++) {
            inputs.add(new Benchmark.Input(String.format("GM%04d", id * 100 + g), "Gemeente " + g,
                    ScanRow.Status.SUBMITTED, 100.0, values, false));
        }
        Meetronde round = new Meetronde(id, id, kind.label() + " " + id, kind, null, SURVEY.id(), SURVEY.version(),
                LocalDate.of(2026, 1, 1), closes, Instant.EPOCH);
        Benchmark.Result result = Benchmark.of(SURVEY, inputs);
        boolean shown = named || nl.quickscan.scoring.SharedFigures.allowed(result.total().n(), closes, TODAY);
        return new BenchmarkService.RoundSummary(round, regio, scans, result, named, shown, TODAY, SURVEY);
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
}
