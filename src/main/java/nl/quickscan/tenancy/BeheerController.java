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
import nl.quickscan.errors.NotFoundException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.FormValues.Option;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.InvalidInput.Problem;

import nl.quickscan.text.NaturalOrder;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The beheerder's pages for regio's and gemeenten. */
@Controller("/beheer")
@Produces(MediaType.TEXT_HTML)
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class BeheerController {

    @Serdeable
    record RegioForm(@Nullable String name) {
    }

    @Serdeable
    record GemeenteForm(@Nullable String cbsCode, @Nullable String name, @Nullable String regio,
                        @Nullable String inhabitants, @Nullable String inhabitantsYear) {
    }

    /** The regio's, with the form for a new one. */
    record RegiosPage(String title, List<Regio> regios, RegioForm form, Map<String, String> errors,
                      List<Problem> errorSummary) {
    }

    record RegioPage(String title, Regio regio, RegioForm form, Map<String, String> errors, List<Problem> errorSummary) {
    }

    /** The gemeenten, with the form for a new one. */
    record GemeentenPage(String title, List<GemeenteRow> gemeenten, GemeenteForm form, Map<String, String> errors,
                         List<Problem> errorSummary, List<Option> regioOptions) {
    }

    record GemeentePage(String title, GemeenteRow gemeente, GemeenteForm form, Map<String, String> errors,
                        List<Problem> errorSummary, List<Option> regioOptions) {
    }

    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final TenantAdmin admin;

    BeheerController(RegioRepository regios, GemeenteRepository gemeenten, TenantAdmin admin) {
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.admin = admin;
    }

    @Get("/regios")
    ModelAndView<RegiosPage> regios(TenantScope scope) {
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
    ModelAndView<RegioPage> editRegio(TenantScope scope, @PathVariable long id) {
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
    ModelAndView<GemeentenPage> gemeenten(TenantScope scope) {
        return gemeenteList(scope, new GemeenteForm("", "", "", "", ""), new InvalidInput());
    }

    @Post(value = "/gemeenten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createGemeente(CurrentAccount actor, TenantScope scope, @Body GemeenteForm form) {
        InvalidInput problems = new InvalidInput();
        if (admin.createGemeente(actor, form.cbsCode(), form.name(), form.regio(), form.inhabitants(),
                form.inhabitantsYear(), problems).isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(gemeenteList(scope, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten"));
    }

    @Get("/gemeenten/{id}")
    ModelAndView<GemeentePage> editGemeente(TenantScope scope, @PathVariable long id) {
        GemeenteRow gemeente = gemeente(scope, id);
        return gemeenteForm(scope, gemeente,
                new GemeenteForm(gemeente.cbsCode(), gemeente.name(), Long.toString(gemeente.regioId()),
                        text(gemeente.inhabitants()), text(gemeente.inhabitantsYear())), new InvalidInput());
    }

    @Post(value = "/gemeenten/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateGemeente(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                   @Body GemeenteForm form) {
        GemeenteRow gemeente = gemeente(scope, id);
        InvalidInput problems = new InvalidInput();
        admin.updateGemeente(actor, gemeente, form.cbsCode(), form.name(), form.regio(), form.inhabitants(),
                form.inhabitantsYear(), problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(gemeenteForm(scope, gemeente, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten"));
    }

    /** A stored number as its field shows it: plain digits, empty while unknown. */
    private static String text(@Nullable Integer value) {
        return value == null ? "" : value.toString();
    }

    private Regio regio(TenantScope scope, long id) {
        return regios.findVisible(scope, id).orElseThrow(() -> new NotFoundException("regio"));
    }

    private GemeenteRow gemeente(TenantScope scope, long id) {
        return gemeenten.findVisible(scope, id).orElseThrow(() -> new NotFoundException("gemeente"));
    }

    private ModelAndView<RegiosPage> regioList(TenantScope scope, RegioForm form, InvalidInput problems) {
        return new ModelAndView<>("beheer/regios", new RegiosPage("Regio's", sortedRegios(scope), form,
                problems.byField(), problems.summary()));
    }

    private ModelAndView<RegioPage> regioForm(Regio regio, RegioForm form, InvalidInput problems) {
        return new ModelAndView<>("beheer/regio", new RegioPage("Regio " + regio.name() + " wijzigen", regio, form,
                problems.byField(), problems.summary()));
    }

    private ModelAndView<GemeentenPage> gemeenteList(TenantScope scope, GemeenteForm form, InvalidInput problems) {
        return new ModelAndView<>("beheer/gemeenten", new GemeentenPage("Gemeenten", gemeenten.listVisible(scope).stream()
                .sorted(Comparator.comparing(GemeenteRow::regioName, NaturalOrder.INSTANCE)
                        .thenComparing(GemeenteRow::name, NaturalOrder.INSTANCE)).toList(), form,
                problems.byField(), problems.summary(), regioOptions(scope, form.regio())));
    }

    private ModelAndView<GemeentePage> gemeenteForm(TenantScope scope, GemeenteRow gemeente, GemeenteForm form,
                                                    InvalidInput problems) {
        return new ModelAndView<>("beheer/gemeente", new GemeentePage("Gemeente " + gemeente.name() + " wijzigen",
                gemeente, form, problems.byField(), problems.summary(), regioOptions(scope, form.regio())));
    }

    private List<Option> regioOptions(TenantScope scope, @Nullable String selected) {
        return sortedRegios(scope).stream()
                .map(r -> FormValues.option(Long.toString(r.id()), r.name(), selected)).toList();
    }

    /** "regio 2" before "regio 10", as people read them. */
    private List<Regio> sortedRegios(TenantScope scope) {
        return regios.listVisible(scope).stream().sorted(Comparator.comparing(Regio::name, NaturalOrder.INSTANCE)).toList();
    }
}
