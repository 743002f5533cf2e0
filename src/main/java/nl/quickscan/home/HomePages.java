package nl.quickscan.home;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.AccountRow;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import java.util.List;
import java.util.Locale;

/** The start page of each role and the gemeente page with its people: all within the account's scope. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomePages {

    /** What the account's scope holds; for an adviseur also the own gemeente and the colleagues there. */
    record HomePage(String title, List<Regio> regios, List<GemeenteRow> gemeenten, @Nullable GemeenteRow gemeente,
                    List<AccountRow> colleagues) {
    }

    record GemeentePage(String title, GemeenteRow gemeente, List<AccountRow> accounts) {
    }

    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final AccountRepository accounts;

    HomePages(GemeenteRepository gemeenten, RegioRepository regios, AccountRepository accounts) {
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.accounts = accounts;
    }

    @Get
    ModelAndView<HomePage> home(CurrentAccount account, TenantScope scope) {
        List<GemeenteRow> visible = gemeenten.listVisible(scope);
        GemeenteRow own = account.is(Role.ADVISEUR) && !visible.isEmpty() ? visible.get(0) : null;
        return new ModelAndView<>("home", new HomePage("Start", regios.listVisible(scope), visible, own,
                own == null ? List.of() : accounts.listOfGemeente(own.id())));
    }

    /** Another tenant's gemeente answers exactly like one that does not exist. */
    @Get("/gemeenten/{cbsCode}")
    ModelAndView<GemeentePage> gemeente(TenantScope scope, @PathVariable String cbsCode) {
        GemeenteRow gemeente = gemeenten.findVisibleByCbsCode(scope, cbsCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("gemeente"));
        return new ModelAndView<>("gemeente", new GemeentePage("Gemeente " + gemeente.name(), gemeente,
                accounts.listOfGemeente(gemeente.id())));
    }
}
