package nl.quickscan.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.reports.OdsWriter;
import nl.quickscan.reports.Spreadsheet;
import nl.quickscan.reports.XlsxWriter;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.Slug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The import of an earlier measurement into a round, for the regio's coordinator and the beheerder: the template
 * (xlsx, ods), the upload through the API (a dry run or the import) and the pages (upload, dry run, confirmation).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class ImportController {

    @Serdeable
    record GemeenteJson(String cbsCode, String name, int answers, String status) {
    }

    @Serdeable
    record ImportJson(List<GemeenteJson> gemeenten, List<ImportProblem> problems) {
        static ImportJson of(ImportService.Outcome outcome) {
            return new ImportJson(outcome.gemeenten().stream().map(g -> new GemeenteJson(g.cbsCode(), g.name(), g.answers(),
                    g.status().name())).toList(), outcome.problems());
        }
    }

    @Serdeable
    record ConfirmForm(@Nullable Long upload) {
    }

    private final ImportService service;

    ImportController(ImportService service) {
        this.service = service;
    }

    @Get(value = "/api/v1/rounds/{id}/import-template.xlsx", produces = XlsxWriter.CONTENT_TYPE)
    HttpResponse<byte[]> templateXlsx(TenantScope scope, @PathVariable long id) {
        return template(scope, id, XlsxWriter::write, XlsxWriter.CONTENT_TYPE, "xlsx");
    }

    @Get(value = "/api/v1/rounds/{id}/import-template.ods", produces = OdsWriter.CONTENT_TYPE)
    HttpResponse<byte[]> templateOds(TenantScope scope, @PathVariable long id) {
        return template(scope, id, OdsWriter::write, OdsWriter.CONTENT_TYPE, "ods");
    }

    /** 200 when the file has no problem (imported unless a dry run), 422 with every problem (nothing stored). */
    @Post(value = "/api/v1/rounds/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    HttpResponse<ImportJson> importApi(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                       @QueryValue(defaultValue = "true") boolean dryRun,
                                       @Nullable @Part("file") CompletedFileUpload file) {
        String name = file == null ? null : file.getFilename();
        ImportService.Outcome outcome = tooLarge(file) ? service.refused(scope, id, name, ImportSheet.TOO_LARGE)
                : dryRun ? service.check(scope, id, name, bytes(file)) : service.importFile(actor, scope, id, name, bytes(file));
        return HttpResponse.status(outcome.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(ImportJson.of(outcome));
    }

    @Get("/rondes/{id}/importeren")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ImportPages.UploadPage> uploadPage(TenantScope scope, @PathVariable long id) {
        return new ModelAndView<>("imports/upload", ImportPages.upload(service.round(scope, id)));
    }

    /** The dry run of an uploaded file: what would be imported, every problem, and the confirm button when it can. */
    @Post(value = "/rondes/{id}/importeren", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                           @Nullable @Part("file") CompletedFileUpload file) {
        String name = file == null ? null : file.getFilename();
        ImportService.Outcome outcome = tooLarge(file) ? service.refused(scope, id, name, ImportSheet.TOO_LARGE)
                : service.stage(actor, scope, id, name, bytes(file));
        return HttpResponse.status(outcome.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("imports/check", ImportPages.check(outcome)));
    }

    @Post(value = "/rondes/{id}/importeren/bevestigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> confirm(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body ConfirmForm form) {
        if (form.upload() == null) {
            throw new nl.quickscan.errors.NotFoundException("upload");
        }
        ImportService.Outcome outcome = service.confirm(actor, scope, id, form.upload());
        return HttpResponse.status(outcome.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("imports/check", ImportPages.check(outcome)));
    }

    /** Larger than the file bound but within the request's (which leaves room for the form around it). */
    private static boolean tooLarge(@Nullable CompletedFileUpload file) {
        return file != null && file.getSize() > ImportSheet.MAX_BYTES;
    }

    /** The file's bytes; no file is an empty one, which the check refuses in Dutch. */
    private static byte[] bytes(@Nullable CompletedFileUpload file) {
        if (file == null) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> template(TenantScope scope, long id, Function<Spreadsheet, byte[]> writer, String type,
                                          String extension) {
        Meetronde round = service.round(scope, id);
        byte[] workbook = writer.apply(service.template(scope, id));
        return HttpResponse.ok(workbook).contentType(MediaType.of(type)).header("Content-Disposition",
                "attachment; filename=\"" + Slug.of("importsjabloon-" + round.name()) + "." + extension + "\"");
    }
}
