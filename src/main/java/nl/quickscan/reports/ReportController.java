package nl.quickscan.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.quickscan.plans.PlanService;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.PlanCheck;
import nl.quickscan.scoring.Results;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.Slug;
import nl.quickscan.operations.Metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Downloads of the gemeenterapport, with the same access rules as the results page. */
@Controller("/api/v1/scans/{id}")
@ExecuteOn(Reports.EXECUTOR)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {

    private final Results results;
    private final PlanService plans;
    private final Clock clock;
    private final Metrics metrics;
    private final GemeenteReportPdf pdf = new GemeenteReportPdf();

    ReportController(Results results, PlanService plans, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.results = results;
        this.plans = plans;
        this.clock = clock;
    }

    @Get(value = "/report.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(TenantScope scope, @PathVariable long id) {
        ReportData data = data(scope, id);
        return download(metrics.report("gemeente", "pdf", () -> pdf.render(data, LocalDate.now(clock))), "application/pdf", fileName(data.scores().view().scan(), "pdf"));
    }

    @Get(value = "/report.xlsx", produces = XlsxWriter.CONTENT_TYPE)
    HttpResponse<byte[]> xlsx(TenantScope scope, @PathVariable long id) {
        ReportData data = data(scope, id);
        return download(metrics.report("gemeente", "xlsx", () -> XlsxWriter.write(GemeenteWorkbook.of(data, LocalDate.now(clock)))),
                XlsxWriter.CONTENT_TYPE,
                fileName(data.scores().view().scan(), "xlsx"));
    }

    @Get(value = "/report.ods", produces = OdsWriter.CONTENT_TYPE)
    HttpResponse<byte[]> ods(TenantScope scope, @PathVariable long id) {
        ReportData data = data(scope, id);
        return download(metrics.report("gemeente", "ods", () -> OdsWriter.write(GemeenteWorkbook.of(data, LocalDate.now(clock)))),
                OdsWriter.CONTENT_TYPE,
                fileName(data.scores().view().scan(), "ods"));
    }

    private ReportData data(TenantScope scope, long id) {
        Results.ScanScores scores = results.scores(scope, id);
        Optional<Results.ScanComparison> comparison = results.comparison(scope, id);
        GemeenteRow gemeente = plans.gemeente(scope, scores.view().scan().gemeenteId());
        return new ReportData(scores, comparison, plans.overview(scope, gemeente, null),
                comparison.map(c -> PlanCheck.of(plans, scope, c)).orElse(List.of()));
    }

    static HttpResponse<byte[]> download(byte[] body, String type, String fileName) {
        return HttpResponse.ok(body).contentType(MediaType.of(type))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /*
     * File names say what the file is and whose, in ASCII only, so that every browser keeps them; the kind of
     * report comes first, so that a gemeente and a regio of the same name never share a file name.
     */

    /** "gemeenterapport-midden-groningen-nulmeting-2026.pdf". */
    static String fileName(ScanRow scan, String extension) {
        return Slug.of("gemeenterapport-" + scan.gemeenteName() + "-" + scan.roundName()) + "." + extension;
    }

    /** "regiorapport-groningen-nulmeting-2026.xlsx". */
    static String regioFileName(String regio, String round, String extension) {
        return Slug.of("regiorapport-" + regio + "-" + round) + "." + extension;
    }

    /** "landelijk-overzicht-2026-12-01.ods". */
    static String nationalFileName(LocalDate date, String extension) {
        return "landelijk-overzicht-" + date + "." + extension;
    }
}
