package nl.quickscan.privacy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.reports.Reports;
import nl.quickscan.tenancy.TenantScope;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The export of everything of a gemeente, for its own advisers and the beheerder. The coordinator reads the
 * gemeenten's results and plans but does not take their data out: the export holds the gemeente's accounts and
 * every toelichting as typed, and leaving the platform is the gemeente's decision (README, "Export").
 * Written on the reports' small pool, so that several exports at once make only the downloads wait.
 */
@Controller("/api/v1/gemeenten/{cbsCode}")
@Secured({Role.Names.ADVISEUR, Role.Names.BEHEERDER})
@ExecuteOn(Reports.EXECUTOR)
class ExportController {

    private final GemeenteExport export;

    ExportController(GemeenteExport export) {
        this.export = export;
    }

    @Get(value = "/export.zip", produces = "application/zip")
    HttpResponse<StreamedFile> export(CurrentAccount actor, TenantScope scope, @PathVariable String cbsCode) {
        GemeenteExport.Written written = export.write(actor, scope, cbsCode);
        InputStream file;
        try {
            file = new DeletedOnClose(written.file());
        } catch (IOException e) {
            GemeenteExport.deleteQuietly(written.file());
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(new StreamedFile(file, MediaType.of("application/zip")).attach(written.fileName()));
    }

    /** The temporary file as the response's body; gone once the response has been sent (or has failed). */
    private static final class DeletedOnClose extends FilterInputStream {
        private final Path path;

        DeletedOnClose(Path path) throws IOException {
            super(Files.newInputStream(path));
            this.path = path;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                GemeenteExport.deleteQuietly(path);
            }
        }
    }
}
