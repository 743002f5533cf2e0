package nl.quickscan.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.Role;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.tenancy.TenantScope;

import java.util.List;

/** The beheerder's national workbook: every round of every regio, named. */
@Controller("/api/v1/benchmark")
@ExecuteOn(Reports.EXECUTOR)
@Secured(Role.Names.BEHEERDER)
class NationalReportController {

    private final BenchmarkService benchmarks;
    private final RoundWorkbook workbook = new RoundWorkbook();

    NationalReportController(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Get(value = "/national.xlsx", produces = ReportController.XLSX)
    HttpResponse<byte[]> national(TenantScope scope) {
        List<BenchmarkService.RoundBenchmark> rounds = benchmarks.allRounds(scope);
        if (rounds.isEmpty()) {
            throw new NotFoundException("geen meetrondes");
        }
        return ReportController.download(workbook.renderNational(rounds, benchmarks.pooled(rounds)), ReportController.XLSX,
                "quickscan-landelijk.xlsx");
    }
}
