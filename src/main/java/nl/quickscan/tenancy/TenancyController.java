package nl.quickscan.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import nl.quickscan.errors.NotFoundException;
import java.util.List;

/** The tenants as JSON, within the account's scope. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenancyController {

    @Serdeable
    record GemeenteJson(String cbsCode, String name, RegioJson regio, @Nullable Integer inhabitants,
                        @Nullable Integer inhabitantsYear) {
        static GemeenteJson of(GemeenteRow row) {
            return new GemeenteJson(row.cbsCode(), row.name(), new RegioJson(row.regioId(), row.regioName()),
                    row.inhabitants(), row.inhabitantsYear());
        }
    }

    @Serdeable
    record RegioJson(long id, String name) {
    }

    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;

    TenancyController(GemeenteRepository gemeenten, RegioRepository regios) {
        this.gemeenten = gemeenten;
        this.regios = regios;
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
                .orElseThrow(() -> new NotFoundException("gemeente"));
    }
}
