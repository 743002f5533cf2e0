package nl.quickscan.scans;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.TenantScope;

import java.net.URI;

/** The reminder of a round to the gemeenten that have not submitted: a preview page with a button, and the API. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class ReminderController {

    private final RoundReminders reminders;

    ReminderController(RoundReminders reminders) {
        this.reminders = reminders;
    }

    /** 409 with a Dutch message when it cannot be sent (round not open, no mail server, just sent, nobody to remind). */
    @Post(value = "/api/v1/rounds/{id}/reminders", consumes = MediaType.APPLICATION_JSON)
    RoundReminders.Sent apiSend(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        return reminders.send(actor, scope, id);
    }

    @Get("/rondes/{id}/herinneren")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ReminderPage> preview(TenantScope scope, @PathVariable long id) {
        return new ModelAndView<>("scans/reminder", ReminderPage.of(reminders.preview(scope, id)));
    }

    @Post(value = "/rondes/{id}/herinneren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> send(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        try {
            reminders.send(actor, scope, id);
            return HttpResponse.seeOther(URI.create("/rondes/" + id + RoundNotice.REMINDED.query()));
        } catch (ConflictException refused) {
            // The page again, with why nothing was sent (a second click, the round just closed).
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("scans/reminder",
                    ReminderPage.of(reminders.preview(scope, id)).refusedWith(refused.getMessage())));
        }
    }
}
