package nl.quickscan.tenancy;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.CurrentAccount;
import nl.quickscan.accounts.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The start page of each role, the gemeente page, and the tenants as JSON: all within the account's scope. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenancyController {

    @Serdeable
    record GemeenteJson(String cbsCode, String name, RegioJson regio) {
        static GemeenteJson of(GemeenteRow row) {
            return new GemeenteJson(row.cbsCode(), row.name(), new RegioJson(row.regioId(), row.regioName()));
        }
    }

    @Serdeable
    record RegioJson(long id, String name) {
    }

    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final AccountRepository accounts;

    TenancyController(GemeenteRepository gemeenten, RegioRepository regios, AccountRepository accounts) {
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.accounts = accounts;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
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

    @Get("/gemeenten/{cbsCode}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> gemeente(TenantScope scope, @PathVariable String cbsCode) {
        GemeenteRow gemeente = visibleGemeente(scope, cbsCode);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Gemeente " + gemeente.name());
        model.put("gemeente", gemeente);
        model.put("accounts", accounts.listOfGemeente(gemeente.id()));
        return new ModelAndView<>("gemeente", model);
    }

    @Get("/api/v1/gemeenten")
    List<GemeenteJson> apiGemeenten(TenantScope scope) {
        return gemeenten.listVisible(scope).stream().map(GemeenteJson::of).toList();
    }

    @Get("/api/v1/gemeenten/{cbsCode}")
    GemeenteJson apiGemeente(TenantScope scope, @PathVariable String cbsCode) {
        return GemeenteJson.of(visibleGemeente(scope, cbsCode));
    }

    @Get("/api/v1/regios")
    List<RegioJson> apiRegios(TenantScope scope) {
        return regios.listVisible(scope).stream().map(r -> new RegioJson(r.id(), r.name())).toList();
    }

    /** Another tenant's gemeente answers exactly like one that does not exist. */
    private GemeenteRow visibleGemeente(TenantScope scope, String cbsCode) {
        return gemeenten.findVisibleByCbsCode(scope, cbsCode.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "gemeente"));
    }
}
