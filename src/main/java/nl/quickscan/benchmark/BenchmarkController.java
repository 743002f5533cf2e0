package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.Role;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scans.ScanService;
import nl.quickscan.scoring.SharedFigures;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The coordinator's view of a round: who has submitted, and how the gemeenten compare per bouwsteen. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class BenchmarkController {

    @Serdeable
    record BenchmarkJson(List<GemeenteJson> gemeenten, List<BouwsteenJson> bouwstenen, StatsJson total) {
    }

    @Serdeable
    record GemeenteJson(String cbsCode, String name, String status, @Nullable Double total, Map<String, Double> scores) {
    }

    @Serdeable
    record BouwsteenJson(String key, String title, int n, @Nullable Double mean, @Nullable Double median,
                         @Nullable Double min, @Nullable Double max) {
    }

    @Serdeable
    record StatsJson(int n, @Nullable Double mean, @Nullable Double median, @Nullable Double min, @Nullable Double max) {
        static StatsJson of(Benchmark.Stats s) {
            return new StatsJson(s.n(), s.mean(), s.median(), s.min(), s.max());
        }
    }

    @Serdeable
    record DevelopmentJson(List<GemeenteDevelopmentJson> gemeenten, List<BouwsteenDevelopmentJson> bouwstenen,
                           List<StatementJson> mostImproved) {
    }

    @Serdeable
    record GemeenteDevelopmentJson(String cbsCode, String name, List<ChangeJson> bouwstenen, ChangeJson total) {
    }

    @Serdeable
    record ChangeJson(String key, @Nullable Double before, @Nullable Double after, @Nullable Double difference) {
        static ChangeJson of(Development.Change c) {
            return new ChangeJson(c.key(), c.before(), c.after(), c.difference());
        }
    }

    @Serdeable
    record BouwsteenDevelopmentJson(String key, String title, int n, @Nullable Double meanDifference) {
    }

    @Serdeable
    record StatementJson(String key, String text, int n, double meanDifference) {
    }

    private final BenchmarkService service;
    private final Clock clock;

    BenchmarkController(BenchmarkService service, Clock clock) {
        this.clock = clock;
        this.service = service;
    }

    @Get("/api/v1/rounds/{id}/benchmark")
    BenchmarkJson benchmark(TenantScope scope, @PathVariable long id) {
        Benchmark.Result result = service.of(scope, id).result();
        return new BenchmarkJson(
                result.gemeenten().stream().map(g -> new GemeenteJson(g.cbsCode(), g.name(), g.status().name(), g.total(), g.scores())).toList(),
                result.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.stats().n(), b.stats().mean(),
                        b.stats().median(), b.stats().min(), b.stats().max())).toList(),
                StatsJson.of(result.total()));
    }

    @Get("/api/v1/rounds/{id}/development")
    DevelopmentJson development(TenantScope scope, @PathVariable long id) {
        Development.Result d = service.development(scope, service.of(scope, id))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "geen herhaling"));
        return new DevelopmentJson(
                d.gemeenten().stream().map(g -> new GemeenteDevelopmentJson(g.cbsCode(), g.name(),
                        g.bouwstenen().stream().map(ChangeJson::of).toList(), ChangeJson.of(g.total()))).toList(),
                d.bouwstenen().stream().map(b -> new BouwsteenDevelopmentJson(b.key(), b.title(), b.n(), b.meanDifference())).toList(),
                d.mostImproved().stream().map(m -> new StatementJson(m.key(), m.text(), m.n(), m.meanDifference())).toList());
    }

    @Get("/rondes/{id}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> dashboard(TenantScope scope, @PathVariable long id,
                                                @Nullable @QueryValue String sorteer, @Nullable @QueryValue String richting) {
        BenchmarkService.RoundBenchmark benchmark = service.of(scope, id);
        Benchmark.Result result = benchmark.result();
        String sortKey = sorteer == null ? "naam" : sorteer;
        boolean descending = "af".equals(richting);
        List<Benchmark.Entry> sorted = new ArrayList<>(result.gemeenten());
        sorted.sort(comparator(sortKey, descending));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Benchmark.Entry entry : sorted) {
            Map<String, Object> row = new HashMap<>();
            row.put("entry", entry);
            row.put("status", entry.status().label());
            row.put("scanId", benchmark.scanIds().get(entry.cbsCode()));
            row.put("cells", entry.result() == null ? List.of() : entry.result().bouwstenen().stream()
                    .map(b -> cell(b.score(), b.level())).toList());
            row.put("totalCell", cell(entry.total(), entry.result() == null ? null : entry.result().totalLevel()));
            rows.add(row);
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column("naam", "Gemeente", sortKey, descending));
        benchmark.survey().bouwstenen().forEach(b -> columns.add(column(b.key(), b.title(), sortKey, descending)));
        columns.add(column("totaal", "Totaal", sortKey, descending));

        Map<String, Object> model = new HashMap<>();
        model.put("title", benchmark.round().name());
        model.put("round", benchmark.round());
        model.put("open", benchmark.round().openOn(LocalDate.now(clock)));
        model.put("rows", rows);
        model.put("columns", columns);
        model.put("bouwstenen", result.bouwstenen());
        model.put("total", result.total());
        service.development(scope, benchmark).ifPresent(development -> model.put("development", development));
        model.put("notSubmitted", result.gemeenten().stream().filter(g -> g.status() != ScanRow.Status.SUBMITTED).map(Benchmark.Entry::name).toList());
        return new ModelAndView<>("benchmark/round", model);
    }

    @Get("/benchmark")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> national(TenantScope scope) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Landelijk overzicht");
        model.put("rounds", service.national(scope));
        model.put("explanation", SharedFigures.EXPLANATION);
        model.put("minimum", SharedFigures.MIN_SCANS);
        return new ModelAndView<>("benchmark/national", model);
    }

    /** The level's colour goes by its index in the scale, so that renaming a level keeps its colour. */
    private static Map<String, Object> cell(@Nullable Double score, @Nullable Survey.Level level) {
        Map<String, Object> cell = new HashMap<>();
        cell.put("score", score);
        cell.put("level", level == null ? null : level.label());
        cell.put("levelClass", level == null ? "none" : level.index());
        return cell;
    }

    private static Map<String, Object> column(String key, String label, String sortKey, boolean descending) {
        boolean active = key.equals(sortKey);
        return Map.of("key", key, "label", label, "active", active,
                "next", active && !descending ? "af" : "op",
                "aria", active ? (descending ? "descending" : "ascending") : "none");
    }

    /** Sorted by name, total or a bouwsteen; gemeenten without a score always come last. */
    private static Comparator<Benchmark.Entry> comparator(String key, boolean descending) {
        if (key.equals("naam")) {
            Comparator<Benchmark.Entry> byName = Comparator.comparing(Benchmark.Entry::name);
            return descending ? byName.reversed() : byName;
        }
        Comparator<Double> numbers = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Benchmark.Entry e) -> key.equals("totaal") ? e.total() : e.scores().get(key),
                Comparator.nullsLast(numbers)).thenComparing(Benchmark.Entry::name);
    }

}
