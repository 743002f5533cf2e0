package nl.quickscan.scans;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.CurrentAccount;
import nl.quickscan.accounts.Role;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.InvalidInput;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Measurement rounds: opened by the coordinator (own regio) or beheerder, listed for everyone in scope. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RoundController {

    @Serdeable
    record RoundJson(long id, long regioId, String name, String kind, String surveyId, int surveyVersion,
                     LocalDate opens, LocalDate closes, @Nullable Long baselineRoundId, boolean open) {
        static RoundJson of(Meetronde m) {
            return new RoundJson(m.id(), m.regioId(), m.name(), m.kind().name(), m.surveyId(), m.surveyVersion(),
                    m.opens(), m.closes(), m.baselineRoundId(), m.openOn(ScanService.today()));
        }
    }

    @Serdeable
    record RoundRequest(@Nullable Long regioId, @Nullable String name, @Nullable String kind, @Nullable String surveyId,
                        @Nullable Integer surveyVersion, @Nullable String opens, @Nullable String closes,
                        @Nullable Long baselineRoundId) {
    }

    @Serdeable
    record RoundForm(@Nullable String regioId, @Nullable String name, @Nullable String kind, @Nullable String survey,
                     @Nullable String opens, @Nullable String closes, @Nullable String baselineRoundId) {
    }

    private final RoundRepository rounds;
    private final ScanRepository scans;
    private final RoundAdmin admin;
    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final SurveyCatalog surveys;

    RoundController(RoundRepository rounds, ScanRepository scans, RoundAdmin admin, RegioRepository regios,
                    GemeenteRepository gemeenten, SurveyCatalog surveys) {
        this.rounds = rounds;
        this.scans = scans;
        this.admin = admin;
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.surveys = surveys;
    }

    @Get("/api/v1/rounds")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<RoundJson> apiList(TenantScope scope) {
        return rounds.listVisible(scope).stream().map(RoundJson::of).toList();
    }

    @Post(value = "/api/v1/rounds", consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<RoundJson> apiCreate(CurrentAccount actor, TenantScope scope, @Body RoundRequest request) {
        InvalidInput problems = new InvalidInput();
        Meetronde round = admin.open(actor, scope, new RoundAdmin.RoundInput(request.regioId(), request.name(),
                request.kind(), request.surveyId(), request.surveyVersion(), request.opens(), request.closes(),
                request.baselineRoundId()), problems).orElse(null);
        problems.throwIfAny();
        return HttpResponse.created(RoundJson.of(round));
    }

    @Get("/rondes")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ModelAndView<Map<String, Object>> list(CurrentAccount actor, TenantScope scope) {
        return listPage(actor, scope, new RoundForm("", "", "NULMETING", "", "", "", ""), new InvalidInput());
    }

    @Post(value = "/rondes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> create(CurrentAccount actor, TenantScope scope, @Body RoundForm form) {
        InvalidInput problems = new InvalidInput();
        String[] survey = form.survey() == null ? new String[0] : form.survey().split("@");
        Integer version = survey.length == 2 ? FormValues.id(survey[1]).map(Long::intValue).orElse(null) : null;
        return admin.open(actor, scope, new RoundAdmin.RoundInput(FormValues.id(form.regioId()).orElse(null), form.name(),
                        form.kind(), survey.length == 2 ? survey[0] : null, version, form.opens(), form.closes(),
                        FormValues.id(form.baselineRoundId()).orElse(null)), problems)
                .<HttpResponse<?>>map(round -> HttpResponse.seeOther(URI.create("/rondes/" + round.id())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(listPage(actor, scope, form, problems)));
    }

    @Get("/rondes/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ModelAndView<Map<String, Object>> show(TenantScope scope, @PathVariable long id) {
        Meetronde round = rounds.findVisible(scope, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "ronde"));
        Map<Long, ScanRow> byGemeente = scans.listVisibleOfRound(scope, id).stream()
                .collect(Collectors.toMap(ScanRow::gemeenteId, Function.identity()));
        List<Map<String, Object>> rows = gemeenten.listVisible(scope).stream()
                .filter(g -> g.regioId() == round.regioId())
                .map(g -> statusRow(g, byGemeente.get(g.id())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", round.name());
        model.put("round", round);
        model.put("open", round.openOn(ScanService.today()));
        model.put("rows", rows);
        model.put("notSubmitted", rows.stream().filter(r -> !"Ingediend".equals(r.get("status"))).map(r -> r.get("name")).toList());
        return new ModelAndView<>("scans/round", model);
    }

    private static Map<String, Object> statusRow(GemeenteRow gemeente, @Nullable ScanRow scan) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", gemeente.name());
        row.put("cbsCode", gemeente.cbsCode());
        row.put("scan", scan);
        row.put("status", scan == null ? "Niet gestart" : ScanLabels.status(scan.status()));
        return row;
    }

    private ModelAndView<Map<String, Object>> listPage(CurrentAccount actor, TenantScope scope, RoundForm form,
                                                       InvalidInput problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Meetrondes");
        model.put("rounds", rounds.listVisible(scope));
        model.put("form", form);
        problems.putInto(model);
        model.put("chooseRegio", actor.is(Role.BEHEERDER));
        model.put("regios", regios.listVisible(scope).stream()
                .map(r -> FormValues.option(r.id().toString(), r.name(), form.regioId())).toList());
        model.put("surveys", surveys.all().stream()
                .map(s -> FormValues.option(s.id() + "@" + s.version(), s.title() + ", versie " + s.version(), form.survey()))
                .toList());
        model.put("baselines", rounds.listVisible(scope).stream()
                .map(r -> FormValues.option(r.id().toString(), r.name(), form.baselineRoundId())).toList());
        model.put("herhaling", "HERHALING".equals(form.kind()));
        return new ModelAndView<>("scans/rounds", model);
    }
}
