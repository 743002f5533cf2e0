package nl.quickscan.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Results;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.Slug;

import java.time.Clock;
import java.time.LocalDate;

/** Downloads of the gemeenterapport, with the same access rules as the results page. */
@Controller("/api/v1/scans/{id}")
@ExecuteOn(Reports.EXECUTOR)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Results results;
    private final Clock clock;
    private final GemeenteReportPdf pdf = new GemeenteReportPdf();
    private final GemeenteReportXlsx xlsx = new GemeenteReportXlsx();

    ReportController(Results results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @Get(value = "/report.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(TenantScope scope, @PathVariable long id) {
        ReportData data = data(scope, id);
        return download(pdf.render(data, LocalDate.now(clock)), "application/pdf", fileName(data.scores().view().scan(), "pdf"));
    }

    @Get(value = "/report.xlsx", produces = XLSX)
    HttpResponse<byte[]> xlsx(TenantScope scope, @PathVariable long id) {
        ReportData data = data(scope, id);
        return download(xlsx.render(data), XLSX, fileName(data.scores().view().scan(), "xlsx"));
    }

    private ReportData data(TenantScope scope, long id) {
        return new ReportData(results.scores(scope, id), results.comparison(scope, id));
    }

    static HttpResponse<byte[]> download(byte[] body, String type, String fileName) {
        return HttpResponse.ok(body).contentType(MediaType.of(type))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /** "quickscan-midden-groningen-nulmeting-2026.pdf": ASCII only, so every browser keeps it. */
    static String fileName(ScanRow scan, String extension) {
        return Slug.of("quickscan-" + scan.gemeenteName() + "-" + scan.roundName()) + "." + extension;
    }
}
