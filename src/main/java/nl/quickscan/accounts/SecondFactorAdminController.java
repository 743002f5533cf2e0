package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.Notice;

import java.net.URI;
import java.util.List;

/** The beheerder switches an account's second factor off, for a user who lost the phone and the recovery codes. */
@Controller("/accounts/{id}/tweestapsverificatie")
@Produces(MediaType.TEXT_HTML)
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorAdminController {

    static final Notice RESET = new Notice("uitgezet", "Tweestapsverificatie staat nu uit voor dit account, en alle"
            + " sessies van het account zijn beëindigd. Bij de volgende keer inloggen stelt de gebruiker het opnieuw in"
            + " (als de rol het vraagt).");

    /** on: the account has a second factor; required: its role requires one. */
    record ResetPage(String title, AccountRow account, boolean on, boolean required, @Nullable String notice) {
    }

    private final AccountAdmin admin;
    private final SecondFactors secondFactors;

    SecondFactorAdminController(AccountAdmin admin, SecondFactors secondFactors) {
        this.admin = admin;
        this.secondFactors = secondFactors;
    }

    @Get
    ModelAndView<ResetPage> page(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                 @Nullable @QueryValue String melding) {
        AccountRow account = manageable(actor, scope, id);
        return new ModelAndView<>("accounts/second-factor-reset", new ResetPage("Tweestapsverificatie van "
                + account.displayName(), account, secondFactors.enrolled(account.id()),
                secondFactors.requiredFor(account.role()), Notice.textOf(List.of(RESET), melding)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        AccountRow account = manageable(actor, scope, id);
        if (!secondFactors.enrolled(account.id())) {
            throw new ConflictException("Tweestapsverificatie staat al uit voor dit account. Er is niets veranderd.");
        }
        secondFactors.reset(actor, account);
        return HttpResponse.seeOther(URI.create("/accounts/" + id + "/tweestapsverificatie" + RESET.query()));
    }

    private AccountRow manageable(CurrentAccount actor, TenantScope scope, long id) {
        return admin.manageable(actor, scope, id).orElseThrow(() -> new NotFoundException("account"));
    }
}
