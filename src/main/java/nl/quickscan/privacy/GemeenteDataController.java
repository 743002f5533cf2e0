package nl.quickscan.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.DutchFormat;

import java.util.List;
import java.util.Map;

/** The beheerder's "Alle gegevens van de gemeente verwijderen", with a confirmation by typing its name. */
@Controller("/beheer/gemeenten/{id}/gegevens-verwijderen")
@Produces(MediaType.TEXT_HTML)
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class GemeenteDataController {

    @Serdeable
    record ConfirmationForm(@Nullable String bevestiging) {
    }

    /** The confirmation step, or ({@code deleted} set) what was deleted: "1 scan", "61 antwoorden", "3 acties". */
    record DeletePage(String title, GemeenteRow gemeente, String scans, String answers, String actions, @Nullable String typed,
                      Map<String, String> errors, List<InvalidInput.Problem> errorSummary, boolean deleted,
                      int confirmationMax) {
    }

    private final GemeenteRepository gemeenten;
    private final GemeenteDataDeletion deletion;

    GemeenteDataController(GemeenteRepository gemeenten, GemeenteDataDeletion deletion) {
        this.gemeenten = gemeenten;
        this.deletion = deletion;
    }

    @Get
    ModelAndView<DeletePage> confirm(TenantScope scope, @PathVariable long id) {
        GemeenteRow gemeente = gemeente(scope, id);
        return page(gemeente, deletion.preview(gemeente), null, new InvalidInput(), false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<ModelAndView<DeletePage>> delete(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                                  @Body ConfirmationForm form) {
        GemeenteRow gemeente = gemeente(scope, id);
        InvalidInput problems = new InvalidInput();
        DataDeletion.Deleted deleted = deletion.delete(actor, gemeente, form.bevestiging(), problems);
        if (deleted == null) {
            String typed = form.bevestiging() == null ? null
                    : form.bevestiging().substring(0, Math.min(form.bevestiging().length(), GemeenteDataDeletion.CONFIRMATION_MAX));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(gemeente, deletion.preview(gemeente), typed, problems, false));
        }
        return HttpResponse.ok(page(gemeente, deleted, null, problems, true));
    }

    private GemeenteRow gemeente(TenantScope scope, long id) {
        return gemeenten.findVisible(scope, id).orElseThrow(() -> new NotFoundException("gemeente"));
    }

    private static ModelAndView<DeletePage> page(GemeenteRow gemeente, DataDeletion.Deleted counts, @Nullable String typed,
                                                 InvalidInput problems, boolean deleted) {
        return new ModelAndView<>("privacy/gemeente-delete", new DeletePage(
                deleted ? "Gegevens van " + gemeente.name() + " verwijderd" : "Alle gegevens van " + gemeente.name() + " verwijderen",
                gemeente, DutchFormat.count(counts.scans(), "scan", "scans"),
                DutchFormat.count(counts.answers(), "antwoord", "antwoorden"),
                DutchFormat.count(counts.actions(), "actie", "acties"), typed, problems.byField(), problems.summary(), deleted,
                GemeenteDataDeletion.CONFIRMATION_MAX));
    }
}
