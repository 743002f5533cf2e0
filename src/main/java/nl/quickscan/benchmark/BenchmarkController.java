package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
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
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.Progress;
import nl.quickscan.scans.RegioAnswers;
import nl.quickscan.scans.RoundNotice;
import nl.quickscan.scans.RoundReminders;
import nl.quickscan.scans.ScanService;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The coordinator's view of a round: who has submitted, and how the gemeenten compare per bouwsteen. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class BenchmarkController {

    @Serdeable
    record BenchmarkJson(List<GemeenteJson> gemeenten, List<BouwsteenJson> bouwstenen, StatsJson total,
                         List<KengetalJson> kengetallen) {
    }

    @Serdeable
    record KengetalJson(String key, String title, @Nullable String unit, List<KengetalValueJson> gemeenten,
                        @Nullable Double median, @Nullable Double medianPer10000) {
        static KengetalJson of(Kengetallen.Kengetal k) {
            return new KengetalJson(k.key(), k.title(), k.unit(), k.gemeenten().stream()
                    .map(g -> new KengetalValueJson(g.cbsCode(), g.value(), g.per10000())).toList(),
                    k.median(), k.medianPer10000());
        }
    }

    @Serdeable
    record KengetalValueJson(String cbsCode, @Nullable Double value, @Nullable Double per10000) {
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
                           List<StatementJson> mostImproved, List<StatementJson> mostDeclined) {
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
        static StatementJson of(Development.StatementDevelopment s) {
            return new StatementJson(s.key(), s.text(), s.n(), s.meanDifference());
        }
    }

    private final BenchmarkService service;
    private final RoundReminders reminders;
    private final ScanService scanService;
    private final Clock clock;

    BenchmarkController(BenchmarkService service, RoundReminders reminders, ScanService scanService, Clock clock) {
        this.scanService = scanService;
        this.service = service;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Get("/api/v1/rounds/{id}/benchmark")
    BenchmarkJson benchmark(TenantScope scope, @PathVariable long id) {
        BenchmarkService.RoundBenchmark benchmark = service.of(scope, id);
        Benchmark.Result result = benchmark.result();
        return new BenchmarkJson(
                result.gemeenten().stream().map(g -> new GemeenteJson(g.cbsCode(), g.name(), g.status().name(), g.total(), g.scores())).toList(),
                result.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.stats().n(), b.stats().mean(),
                        b.stats().median(), b.stats().min(), b.stats().max())).toList(),
                StatsJson.of(result.total()),
                benchmark.kengetallen().stream().map(KengetalJson::of).toList());
    }

    @Get("/api/v1/rounds/{id}/development")
    DevelopmentJson development(TenantScope scope, @PathVariable long id) {
        Development.Result d = service.development(scope, service.of(scope, id))
                .orElseThrow(() -> new NotFoundException("geen herhaling"));
        return new DevelopmentJson(
                d.gemeenten().stream().map(g -> new GemeenteDevelopmentJson(g.cbsCode(), g.name(),
                        g.bouwstenen().stream().map(ChangeJson::of).toList(), ChangeJson.of(g.total()))).toList(),
                d.bouwstenen().stream().map(b -> new BouwsteenDevelopmentJson(b.key(), b.title(), b.n(), b.meanDifference())).toList(),
                d.mostImproved().stream().map(StatementJson::of).toList(),
                d.mostDeclined().stream().map(StatementJson::of).toList());
    }

    @Get("/rondes/{id}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<RoundBenchmarkPage> dashboard(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                               @Nullable @QueryValue String sorteer, @Nullable @QueryValue String richting,
                                               @Nullable @QueryValue String melding) {
        BenchmarkService.RoundBenchmark benchmark = service.of(scope, id);
        String notice = RoundNotice.REMINDED.param().equals(melding)
                ? reminders.latestSent(scope, id).orElse(null) : RoundNotice.textOf(melding);
        return new ModelAndView<>("benchmark/round", RoundBenchmarkPage.of(benchmark, service.development(scope, benchmark),
                service.withActiveAdviser(scope), sorteer, richting, LocalDate.now(clock), notice,
                regioPart(account, scope, benchmark)));
    }

    /** The regio's part of the round, read once (not per gemeente); null when the survey has no regio statements. */
    @Nullable
    private RoundBenchmarkPage.RegioPart regioPart(CurrentAccount account, TenantScope scope,
                                                   BenchmarkService.RoundBenchmark benchmark) {
        if (!RegioAnswers.hasRegioPart(benchmark.survey())) {
            return null;
        }
        Meetronde round = benchmark.round();
        Optional<ScanService.ScanView> view = scanService.regioPartOfRound(scope, round.id())
                .map(scan -> scanService.view(scope, scan.id()));
        List<Progress.Part> progress = view.map(ScanService.ScanView::progress)
                .orElseGet(() -> Progress.of(benchmark.survey(), Map.of(), Survey.Scope.REGIO));
        int total = progress.stream().mapToInt(Progress.Part::total).sum();
        int answered = progress.stream().mapToInt(Progress.Part::answered).sum();
        boolean canFill = account.is(Role.COORDINATOR) && round.openOn(LocalDate.now(clock));
        return new RoundBenchmarkPage.RegioPart(view.map(v -> v.scan().id()).orElse(null), answered, total, canFill);
    }

    @Get("/benchmark")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<NationalPage> national(TenantScope scope) {
        return new ModelAndView<>("benchmark/national", NationalPage.of(service.national(scope)));
    }
}
