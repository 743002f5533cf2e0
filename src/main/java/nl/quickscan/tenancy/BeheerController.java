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
import io.micronaut.http.annotation.QueryValue;
import nl.quickscan.errors.NotFoundException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.Notice;
import nl.quickscan.web.Paging;
import nl.quickscan.web.FormValues.Option;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.InvalidInput.Problem;

import nl.quickscan.text.NaturalOrder;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    /** The regio's with their counts, with the form for a new one. */
    record RegiosPage(String title, List<RegioRepository.Counted> regios, RegioForm form, Map<String, String> errors,
                      List<Problem> errorSummary, @Nullable String notice) {
    }

    /** A regio: the rename form, and its gemeenten, coordinators and rounds, each a link to its page. */
    record RegioPage(String title, Regio regio, RegioForm form, Map<String, String> errors, List<Problem> errorSummary,
                     List<GemeenteRow> gemeenten, List<RegioRepository.Coordinator> coordinators,
                     List<RegioRepository.Round> rounds) {
    }

    /**
     * A page of the gemeenten found, with the search as sent ({@code searchErrors} for its fields), and the form for a
     * new gemeente ({@code errors} for its fields); {@code errorSummary} holds the problems of either.
     */
    record GemeentenPage(String title, GemeenteSearch.Parameters search, List<Option> filterRegioOptions,
                         List<GemeenteRow> gemeenten, long total, Paging paging, boolean searched,
                         Map<String, String> searchErrors, List<Problem> searchSummary, @Nullable String notice,
                         GemeenteForm form, Map<String, String> errors, List<Problem> errorSummary,
                         List<Option> regioOptions) {
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
    ModelAndView<RegiosPage> regios(TenantScope scope, @Nullable @QueryValue String melding) {
        return regioList(scope, new RegioForm(""), new InvalidInput(), Notice.textOf(TenantNotice.ALL, melding));
    }

    @Post(value = "/regios", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createRegio(CurrentAccount actor, TenantScope scope, @Body RegioForm form) {
        InvalidInput problems = new InvalidInput();
        if (admin.createRegio(actor, form.name(), problems).isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(regioList(scope, form, problems, null));
        }
        return HttpResponse.seeOther(URI.create("/beheer/regios" + TenantNotice.REGIO_ADDED.query()));
    }

    @Get("/regios/{id}")
    ModelAndView<RegioPage> editRegio(TenantScope scope, @PathVariable long id) {
        Regio regio = regio(scope, id);
        return regioForm(scope, regio, new RegioForm(regio.name()), new InvalidInput());
    }

    @Post(value = "/regios/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateRegio(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body RegioForm form) {
        Regio regio = regio(scope, id);
        InvalidInput problems = new InvalidInput();
        admin.renameRegio(actor, regio, form.name(), problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(regioForm(scope, regio, form, problems));
        }
        return HttpResponse.seeOther(URI.create("/beheer/regios" + TenantNotice.REGIO_RENAMED.query()));
    }

    /** The gemeenten, searched by name or CBS code and by regio, in pages of {@value Paging#PAGE_SIZE}. */
    @Get("/gemeenten")
    HttpResponse<ModelAndView<GemeentenPage>> gemeenten(TenantScope scope, @Nullable @QueryValue String zoek,
                                                        @Nullable @QueryValue String regio,
                                                        @Nullable @QueryValue String pagina,
                                                        @Nullable @QueryValue String melding) {
        GemeenteSearch.Parameters search = new GemeenteSearch.Parameters(zoek, regio, pagina);
        InvalidInput problems = new InvalidInput();
        GemeenteSearch.Request request = GemeenteSearch.parse(search, regios, scope, problems);
        HttpStatus status = problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return HttpResponse.status(status).body(gemeenteList(scope, search, request, problems,
                new GemeenteForm("", "", "", "", ""), new InvalidInput(), Notice.textOf(TenantNotice.ALL, melding)));
    }

    @Post(value = "/gemeenten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createGemeente(CurrentAccount actor, TenantScope scope, @Body GemeenteForm form) {
        InvalidInput problems = new InvalidInput();
        if (admin.createGemeente(actor, form.cbsCode(), form.name(), form.regio(), form.inhabitants(),
                form.inhabitantsYear(), problems).isEmpty()) {
            GemeenteSearch.Parameters none = GemeenteSearch.Parameters.none();
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(gemeenteList(scope, none,
                    GemeenteSearch.parse(none, regios, scope, new InvalidInput()), new InvalidInput(), form, problems, null));
        }
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten" + TenantNotice.GEMEENTE_ADDED.query()));
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
        return HttpResponse.seeOther(URI.create("/beheer/gemeenten" + TenantNotice.GEMEENTE_CHANGED.query()));
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

    private ModelAndView<RegiosPage> regioList(TenantScope scope, RegioForm form, InvalidInput problems,
                                               @Nullable String notice) {
        return new ModelAndView<>("beheer/regios", new RegiosPage("Regio's", regios.listCounted(scope).stream()
                .sorted(Comparator.comparing(RegioRepository.Counted::name, NaturalOrder.INSTANCE)).toList(), form,
                problems.byField(), problems.summary(), notice));
    }

    private ModelAndView<RegioPage> regioForm(TenantScope scope, Regio regio, RegioForm form, InvalidInput problems) {
        return new ModelAndView<>("beheer/regio", new RegioPage("Regio " + regio.name(), regio, form,
                problems.byField(), problems.summary(),
                gemeenten.search(scope, new GemeenteSearch(null, regio.id())).stream()
                        .sorted(Comparator.comparing(GemeenteRow::name, NaturalOrder.INSTANCE)).toList(),
                regios.coordinatorsOf(regio.id()).stream()
                        .sorted(Comparator.comparing(RegioRepository.Coordinator::displayName, NaturalOrder.INSTANCE)).toList(),
                regios.roundsOf(regio.id())));
    }

    /** The search's page of gemeenten (none when the search was refused), regio's and names in natural order. */
    private ModelAndView<GemeentenPage> gemeenteList(TenantScope scope, GemeenteSearch.Parameters search,
                                                     GemeenteSearch.Request request, InvalidInput searchProblems,
                                                     GemeenteForm form, InvalidInput problems, @Nullable String notice) {
        List<GemeenteRow> found = searchProblems.isEmpty() ? gemeenten.search(scope, request.search()).stream()
                .sorted(Comparator.comparing(GemeenteRow::regioName, NaturalOrder.INSTANCE)
                        .thenComparing(GemeenteRow::name, NaturalOrder.INSTANCE)).toList() : List.of();
        List<GemeenteRow> page = Paging.pageOf(found, request.page());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("zoek", request.search().text());
        query.put("regio", request.search().regioId() == null ? null : request.search().regioId().toString());
        Paging paging = searchProblems.isEmpty()
                ? Paging.of(request.page(), found.size(), page.size(), "/beheer/gemeenten", query)
                : new Paging(null, null, null, null);
        return new ModelAndView<>("beheer/gemeenten", new GemeentenPage("Gemeenten", search,
                regioOptions(scope, search.regio()), page, found.size(), paging,
                request.search().any() || !searchProblems.isEmpty(), searchProblems.byField(), searchProblems.summary(),
                notice, form, problems.byField(), problems.summary(), regioOptions(scope, form.regio())));
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
