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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.InvalidInput;

import java.time.Clock;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measurement rounds: opened by the coordinator (own regio) or beheerder, listed for everyone in scope. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RoundController {

    @Serdeable
    record RoundJson(long id, long regioId, String name, String kind, String surveyId, int surveyVersion,
                     LocalDate opens, LocalDate closes, @Nullable Long baselineRoundId, boolean open) {
        static RoundJson of(Meetronde m, LocalDate today) {
            return new RoundJson(m.id(), m.regioId(), m.name(), m.kind().name(), m.surveyId(), m.surveyVersion(),
                    m.opens(), m.closes(), m.baselineRoundId(), m.openOn(today));
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
    private final RoundAdmin admin;
    private final RegioRepository regios;
    private final SurveyCatalog surveys;
    private final Clock clock;

    RoundController(RoundRepository rounds, RoundAdmin admin, RegioRepository regios, SurveyCatalog surveys, Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.admin = admin;
        this.regios = regios;
        this.surveys = surveys;
    }

    @Get("/api/v1/rounds")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<RoundJson> apiList(TenantScope scope) {
        LocalDate today = LocalDate.now(clock);
        return rounds.listVisible(scope).stream().map(round -> RoundJson.of(round, today)).toList();
    }

    @Post(value = "/api/v1/rounds", consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<RoundJson> apiCreate(CurrentAccount actor, TenantScope scope, @Body RoundRequest request) {
        InvalidInput problems = new InvalidInput();
        Meetronde round = admin.open(actor, scope, new RoundAdmin.RoundInput(request.regioId(), request.name(),
                request.kind(), request.surveyId(), request.surveyVersion(), request.opens(), request.closes(),
                request.baselineRoundId()), problems).orElse(null);
        problems.throwIfAny();
        return HttpResponse.created(RoundJson.of(round, LocalDate.now(clock)));
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

    private ModelAndView<Map<String, Object>> listPage(CurrentAccount actor, TenantScope scope, RoundForm form,
                                                       InvalidInput problems) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Meetrondes");
        model.put("rounds", rounds.listVisible(scope));
        model.put("form", form);
        model.put("errors", problems.byField()); model.put("errorSummary", problems.summary());
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
