package nl.quickscan.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import nl.quickscan.identity.Role;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.benchmark.Development;
import nl.quickscan.plans.PlanService;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.operations.Metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/** Downloads of a round's regiorapport and workbook, for the regio's coordinator and the beheerder. */
@Controller("/api/v1/rounds/{id}")
@ExecuteOn(Reports.EXECUTOR)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class RegioReportController {

    private final BenchmarkService benchmarks;

    private final RegioRepository regios;
    private final PlanService plans;
    private final Clock clock;
    private final Metrics metrics;
    private final RegioReportPdf pdf = new RegioReportPdf();

    RegioReportController(BenchmarkService benchmarks, RegioRepository regios, PlanService plans, Clock clock,
                          Metrics metrics) {
        this.metrics = metrics;
        this.benchmarks = benchmarks;
        this.plans = plans;
        this.regios = regios;
        this.clock = clock;
    }

    @Get(value = "/benchmark.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(TenantScope scope, @PathVariable long id) {
        BenchmarkService.RoundBenchmark round = benchmarks.of(scope, id);
        String regio = regios.findVisible(scope, round.round().regioId()).orElseThrow().name();
        Optional<Development.Result> development = benchmarks.development(scope, round);
        PlanService.RoundPlan actions = plans.ofRound(scope, id);
        byte[] report = metrics.report("regio", "pdf", () -> pdf.render(round, regio, development, actions, LocalDate.now(clock)));
        return ReportController.download(report, "application/pdf",
                ReportController.regioFileName(regio, round.round().name(), "pdf"));
    }

    @Get(value = "/benchmark.xlsx", produces = XlsxWriter.CONTENT_TYPE)
    HttpResponse<byte[]> xlsx(TenantScope scope, @PathVariable long id) {
        return workbook(scope, id, "xlsx", XlsxWriter::write, XlsxWriter.CONTENT_TYPE);
    }

    @Get(value = "/benchmark.ods", produces = OdsWriter.CONTENT_TYPE)
    HttpResponse<byte[]> ods(TenantScope scope, @PathVariable long id) {
        return workbook(scope, id, "ods", OdsWriter::write, OdsWriter.CONTENT_TYPE);
    }

    private HttpResponse<byte[]> workbook(TenantScope scope, long id, String extension,
                                          Function<Spreadsheet, byte[]> writer, String contentType) {
        BenchmarkService.RoundBenchmark round = benchmarks.of(scope, id);
        Optional<BenchmarkService.RoundBenchmark> baseline = Optional.ofNullable(round.round().baselineRoundId())
                .map(baselineId -> benchmarks.of(scope, baselineId));
        String regio = regios.findVisible(scope, round.round().regioId()).orElseThrow().name();
        Spreadsheet book = RoundWorkbook.of(round, baseline, benchmarks.development(scope, round), plans.ofRound(scope, id),
                regio, LocalDate.now(clock));
        return ReportController.download(metrics.report("regio", extension, () -> writer.apply(book)), contentType,
                ReportController.regioFileName(regio, round.round().name(), extension));
    }
}
