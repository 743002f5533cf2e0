package nl.quickscan.home;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start page of each role and the gemeente page with its people: all within the account's scope. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomePages {

    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final AccountRepository accounts;

    HomePages(GemeenteRepository gemeenten, RegioRepository regios, AccountRepository accounts) {
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.accounts = accounts;
    }

    @Get
    ModelAndView<Map<String, Object>> home(CurrentAccount account, TenantScope scope) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Start");
        model.put("regios", regios.listVisible(scope));
        List<GemeenteRow> visible = gemeenten.listVisible(scope);
        model.put("gemeenten", visible);
        if (account.is(Role.ADVISEUR) && !visible.isEmpty()) {
            GemeenteRow own = visible.get(0);
            model.put("gemeente", own);
            model.put("colleagues", accounts.listOfGemeente(own.id()));
        }
        return new ModelAndView<>("home", model);
    }

    /** Another tenant's gemeente answers exactly like one that does not exist. */
    @Get("/gemeenten/{cbsCode}")
    ModelAndView<Map<String, Object>> gemeente(TenantScope scope, @PathVariable String cbsCode) {
        GemeenteRow gemeente = gemeenten.findVisibleByCbsCode(scope, cbsCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "gemeente"));
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Gemeente " + gemeente.name());
        model.put("gemeente", gemeente);
        model.put("accounts", accounts.listOfGemeente(gemeente.id()));
        return new ModelAndView<>("gemeente", model);
    }
}
