package nl.quickscan.tenancy;

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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.InvalidInput;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The beheerder's pages for regio's, gemeenten and the audit log. */
@Controller("/beheer")
@Produces(MediaType.TEXT_HTML)
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class BeheerController {

    @Serdeable
    record RegioForm(@Nullable String name) {
    }

    @Serdeable
    record GemeenteForm(@Nullable String cbsCode, @Nullable String name, @Nullable String regio) {
    }

    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final TenantAdmin admin;
    private final AuditLog auditLog;

    BeheerController(RegioRepository regios, GemeenteRepository gemeenten, TenantAdmin admin, AuditLog auditLog) {
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.admin = admin;
        this.auditLog = auditLog;
    }

    @Get("/regios")
    ModelAndView<Map<String, Object>> regios(TenantScope scope) {
        return regioList(scope, new RegioForm(""), new InvalidInput());
    }

    @Post(value = "/regios", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createRegio(CurrentAccount actor, TenantScope scope, @Body RegioForm form) {
        InvalidInput problems = new InvalidInput();
        if (admin.createRegio(actor, form.name(), problems).isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(regioList(scope, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/regios"));
    }

    @Get("/regios/{id}")
    ModelAndView<Map<String, Object>> editRegio(TenantScope scope, @PathVariable long id) {
        Regio regio = regio(scope, id);
        return regioForm(regio, new RegioForm(regio.name()), new InvalidInput());
    }

    @Post(value = "/regios/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateRegio(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body RegioForm form) {
        Regio regio = regio(scope, id);
        InvalidInput problems = new InvalidInput();
        admin.renameRegio(actor, regio, form.name(), problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(regioForm(regio, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/regios"));
    }

    @Get("/gemeenten")
    ModelAndView<Map<String, Object>> gemeenten(TenantScope scope) {
        return gemeenteList(scope, new GemeenteForm("", "", ""), new InvalidInput());
    }

    @Post(value = "/gemeenten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createGemeente(CurrentAccount actor, TenantScope scope, @Body GemeenteForm form) {
        InvalidInput problems = new InvalidInput();
        if (admin.createGemeente(actor, form.cbsCode(), form.name(), form.regio(), problems).isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(gemeenteList(scope, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten"));
    }

    @Get("/gemeenten/{id}")
    ModelAndView<Map<String, Object>> editGemeente(TenantScope scope, @PathVariable long id) {
        GemeenteRow gemeente = gemeente(scope, id);
        return gemeenteForm(scope, gemeente,
                new GemeenteForm(gemeente.cbsCode(), gemeente.name(), Long.toString(gemeente.regioId())), new InvalidInput());
    }

    @Post(value = "/gemeenten/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateGemeente(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                   @Body GemeenteForm form) {
        GemeenteRow gemeente = gemeente(scope, id);
        InvalidInput problems = new InvalidInput();
        admin.updateGemeente(actor, gemeente, form.cbsCode(), form.name(), form.regio(), problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(gemeenteForm(scope, gemeente, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten"));
    }

    @Get("/audit")
    ModelAndView<Map<String, Object>> audit() {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Auditlog");
        model.put("entries", auditLog.latest(500));
        return new ModelAndView<>("beheer/audit", model);
    }

    private Regio regio(TenantScope scope, long id) {
        return regios.findVisible(scope, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "regio"));
    }

    private GemeenteRow gemeente(TenantScope scope, long id) {
        return gemeenten.findVisible(scope, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "gemeente"));
    }

    private ModelAndView<Map<String, Object>> regioList(TenantScope scope, RegioForm form, InvalidInput problems) {
        Map<String, Object> model = formModel("Regio's", form, problems);
        model.put("regios", regios.listVisible(scope));
        return new ModelAndView<>("beheer/regios", model);
    }

    private ModelAndView<Map<String, Object>> regioForm(Regio regio, RegioForm form, InvalidInput problems) {
        Map<String, Object> model = formModel("Regio " + regio.name() + " wijzigen", form, problems);
        model.put("regio", regio);
        return new ModelAndView<>("beheer/regio", model);
    }

    private ModelAndView<Map<String, Object>> gemeenteList(TenantScope scope, GemeenteForm form, InvalidInput problems) {
        Map<String, Object> model = formModel("Gemeenten", form, problems);
        model.put("gemeenten", gemeenten.listVisible(scope));
        model.put("regioOptions", regioOptions(scope, form.regio()));
        return new ModelAndView<>("beheer/gemeenten", model);
    }

    private ModelAndView<Map<String, Object>> gemeenteForm(TenantScope scope, GemeenteRow gemeente, GemeenteForm form,
                                                           InvalidInput problems) {
        Map<String, Object> model = formModel("Gemeente " + gemeente.name() + " wijzigen", form, problems);
        model.put("gemeente", gemeente);
        model.put("regioOptions", regioOptions(scope, form.regio()));
        return new ModelAndView<>("beheer/gemeente", model);
    }

    private java.util.List<FormValues.Option> regioOptions(TenantScope scope, @Nullable String selected) {
        return regios.listVisible(scope).stream()
                .map(r -> FormValues.option(Long.toString(r.id()), r.name(), selected)).toList();
    }

    private static Map<String, Object> formModel(String title, Object form, InvalidInput problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("form", form);
        problems.putInto(model);
        return model;
    }
}
