package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.audit.AuditCsv;
import nl.quickscan.audit.AuditFilter;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.Role;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The beheerder's audit log: a page of filtered entries, and the same entries as a CSV file. */
@Controller("/beheer")
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditLog auditLog;
    private final GemeenteRepository gemeenten;

    AuditController(AuditLog auditLog, GemeenteRepository gemeenten) {
        this.auditLog = auditLog;
        this.gemeenten = gemeenten;
    }

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<AuditPage>> page(TenantScope scope, @Nullable @QueryValue String groep,
                                               @Nullable @QueryValue String soort, @Nullable @QueryValue String wie,
                                               @Nullable @QueryValue String gemeente, @Nullable @QueryValue String van,
                                               @Nullable @QueryValue String tot, @Nullable @QueryValue String pagina) {
        AuditFilter.Parameters parameters = new AuditFilter.Parameters(groep, soort, wie, gemeente, van, tot, pagina);
        InvalidInput problems = new InvalidInput();
        AuditFilter.Request request = parse(scope, parameters, problems);
        AuditPage page;
        if (problems.isEmpty()) {
            long total = auditLog.count(request.filter());
            long offset = (long) (request.page() - 1) * AuditFilter.PAGE_SIZE;
            page = AuditPage.of(parameters, request, total,
                    offset < total ? auditLog.find(request.filter(), offset, AuditFilter.PAGE_SIZE) : List.of(),
                    gemeenten.listVisible(scope), problems);
        } else {
            page = AuditPage.refused(parameters, gemeenten.listVisible(scope), problems);
        }
        return HttpResponse.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(new ModelAndView<>("beheer/audit", page));
    }

    @Get(value = "/audit.csv", produces = "text/csv")
    HttpResponse<?> csv(TenantScope scope, @Nullable @QueryValue String groep, @Nullable @QueryValue String soort,
                        @Nullable @QueryValue String wie, @Nullable @QueryValue String gemeente,
                        @Nullable @QueryValue String van, @Nullable @QueryValue String tot) {
        InvalidInput problems = new InvalidInput();
        AuditFilter.Request request = parse(scope, new AuditFilter.Parameters(groep, soort, wie, gemeente, van, tot, null),
                problems);
        if (!problems.isEmpty()) {
            return HttpResponse.badRequest(String.join("\n", problems.byField().values()))
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, Map.of("charset", "utf-8")));
        }
        long total = auditLog.count(request.filter());
        String csv = AuditCsv.of(auditLog.find(request.filter(), 0, AuditCsv.ROWS_MAX), total);
        return HttpResponse.ok(csv.getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header("Content-Disposition", "attachment; filename=\"auditlog-" + request.filter().group().code() + ".csv\"");
    }

    /** The parameters, with a gemeente that must exist: a number that is no gemeente is refused like any other. */
    private AuditFilter.Request parse(TenantScope scope, AuditFilter.Parameters parameters, InvalidInput problems) {
        AuditFilter.Request request = AuditFilter.parse(parameters, problems);
        Long gemeenteId = request.filter().gemeenteId();
        if (gemeenteId != null && gemeenten.findVisible(scope, gemeenteId).isEmpty()) {
            problems.add("gemeente", "Kies een gemeente uit de lijst.");
            return new AuditFilter.Request(AuditFilter.everything(), 1);
        }
        return request;
    }
}
