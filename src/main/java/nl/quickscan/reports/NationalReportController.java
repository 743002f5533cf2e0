package nl.quickscan.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.Role;
import nl.quickscan.benchmark.BenchmarkService;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.operations.Metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The beheerder's national workbook: every round of every regio, named. */
@Controller("/api/v1/benchmark")
@ExecuteOn(Reports.EXECUTOR)
@Secured(Role.Names.BEHEERDER)
class NationalReportController {

    private final BenchmarkService benchmarks;
    private final RegioRepository regios;
    private final Clock clock;
    private final Metrics metrics;

    NationalReportController(BenchmarkService benchmarks, RegioRepository regios, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.benchmarks = benchmarks;
        this.regios = regios;
        this.clock = clock;
    }

    @Get(value = "/national.xlsx", produces = XlsxWriter.CONTENT_TYPE)
    HttpResponse<byte[]> xlsx(TenantScope scope) {
        return workbook(scope, "xlsx", XlsxWriter::write, XlsxWriter.CONTENT_TYPE);
    }

    @Get(value = "/national.ods", produces = OdsWriter.CONTENT_TYPE)
    HttpResponse<byte[]> ods(TenantScope scope) {
        return workbook(scope, "ods", OdsWriter::write, OdsWriter.CONTENT_TYPE);
    }

    private HttpResponse<byte[]> workbook(TenantScope scope, String extension, Function<Spreadsheet, byte[]> writer,
                                          String contentType) {
        List<BenchmarkService.RoundBenchmark> rounds = benchmarks.allRounds(scope);
        if (rounds.isEmpty()) {
            throw new NotFoundException("geen meetrondes");
        }
        Map<Long, String> regioNames = regios.listVisible(scope).stream().collect(Collectors.toMap(Regio::id, Regio::name));
        LocalDate today = LocalDate.now(clock);
        Spreadsheet book = RoundWorkbook.national(rounds, regioNames, BenchmarkService.perKind(rounds), today);
        return ReportController.download(metrics.report("national", extension, () -> writer.apply(book)), contentType,
                ReportController.nationalFileName(today, extension));
    }
}
