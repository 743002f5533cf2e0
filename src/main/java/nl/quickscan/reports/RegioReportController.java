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
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.Slug;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Downloads of a round's regiorapport and workbook, for the regio's coordinator and the beheerder. */
@Controller("/api/v1/rounds/{id}")
@ExecuteOn(Reports.EXECUTOR)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class RegioReportController {

    private final BenchmarkService benchmarks;

    private final RegioRepository regios;
    private final Clock clock;
    private final RegioReportPdf pdf = new RegioReportPdf();
    private final RoundWorkbook workbook = new RoundWorkbook();

    RegioReportController(BenchmarkService benchmarks, RegioRepository regios, Clock clock) {
        this.benchmarks = benchmarks;
        this.regios = regios;
        this.clock = clock;
    }

    @Get(value = "/benchmark.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(TenantScope scope, @PathVariable long id) {
        BenchmarkService.RoundBenchmark round = benchmarks.of(scope, id);
        String regio = regios.findVisible(scope, round.round().regioId()).orElseThrow().name();
        byte[] report = pdf.render(round, regio, benchmarks.development(scope, round), LocalDate.now(clock));
        return ReportController.download(report, "application/pdf",
                Slug.of("regiorapport-" + regio + "-" + round.round().name()) + ".pdf");
    }

    @Get(value = "/benchmark.xlsx", produces = ReportController.XLSX)
    HttpResponse<byte[]> xlsx(TenantScope scope, @PathVariable long id) {
        BenchmarkService.RoundBenchmark round = benchmarks.of(scope, id);
        Optional<BenchmarkService.RoundBenchmark> baseline = Optional.ofNullable(round.round().baselineRoundId())
                .map(baselineId -> benchmarks.of(scope, baselineId));
        String regio = regios.findVisible(scope, round.round().regioId()).orElseThrow().name();
        return ReportController.download(workbook.render(round, baseline), ReportController.XLSX,
                Slug.of("quickscan-" + regio + "-" + round.round().name()) + ".xlsx");
    }
}
