package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
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
import nl.quickscan.errors.NotFoundException;

import java.time.Clock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Measurement rounds: opened, changed and removed by the coordinator (own regio) or beheerder, listed for everyone
 * in scope.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RoundController {

    @Serdeable
    record RoundJson(long id, long regioId, String name, String kind, String surveyId, int surveyVersion,
                     LocalDate opens, LocalDate closes, @Nullable Long baselineRoundId, boolean open,
                     @Nullable Integer reminderDaysBefore) {
        static RoundJson of(Meetronde m, LocalDate today) {
            return new RoundJson(m.id(), m.regioId(), m.name(), m.kind().name(), m.surveyId(), m.surveyVersion(),
                    m.opens(), m.closes(), m.baselineRoundId(), m.openOn(today), m.reminderDaysBefore());
        }
    }

    /**
     * A change through the API: {@code {"name", "opens", "closes"}} and optionally {@code "reminderDaysBefore"}, read
     * as a tree so that a left-out {@code reminderDaysBefore} (a script written before it existed) keeps the round's
     * automatic reminder as it is, while an explicit null switches it off.
     */
    private static RoundAdmin.Change change(JsonNode body) {
        JsonNode days = body.isObject() ? body.get("reminderDaysBefore") : null;
        return new RoundAdmin.Change(text(body, "name"), text(body, "opens"), text(body, "closes"),
                days == null ? null : days.isNull() ? "" : days.coerceStringValue());
    }

    @Nullable
    private static String text(JsonNode body, String field) {
        JsonNode value = body.isObject() ? body.get(field) : null;
        return value == null || value.isNull() ? null : value.coerceStringValue();
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

    @Put(value = "/api/v1/rounds/{id}", consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    RoundJson apiChange(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body JsonNode body) {
        InvalidInput problems = new InvalidInput();
        Meetronde round = admin.change(actor, scope, id, change(body), problems).orElse(null);
        problems.throwIfAny();
        return RoundJson.of(round, LocalDate.now(clock));
    }

    @Delete("/api/v1/rounds/{id}")
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<Void> apiRemove(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        admin.remove(actor, scope, id);
        return HttpResponse.noContent();
    }

    @Get("/rondes")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ModelAndView<RoundsPage> list(CurrentAccount actor, TenantScope scope, @Nullable @QueryValue String melding) {
        return listPage(actor, scope, new RoundForm("", "", "NULMETING", "", "", "", ""), new InvalidInput(),
                RoundNotice.textOf(melding));
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
                .<HttpResponse<?>>map(round -> HttpResponse.seeOther(URI.create("/rondes/" + round.id() + RoundNotice.OPENED.query())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(listPage(actor, scope, form, problems, null)));
    }

    @Get("/rondes/{id}/aanpassen")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ModelAndView<RoundEditPage> editForm(TenantScope scope, @PathVariable long id) {
        Meetronde round = visible(scope, id);
        return editPage(round, new RoundAdmin.Change(round.name(), round.opens().toString(), round.closes().toString(),
                round.reminderDaysBefore() == null ? "" : round.reminderDaysBefore().toString()),
                new InvalidInput());
    }

    @Post(value = "/rondes/{id}/aanpassen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> edit(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body RoundAdmin.Change form) {
        InvalidInput problems = new InvalidInput();
        return admin.change(actor, scope, id, form, problems)
                .<HttpResponse<?>>map(round -> HttpResponse.seeOther(URI.create("/rondes/" + round.id() + RoundNotice.CHANGED.query())))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(editPage(visible(scope, id), form, problems)));
    }

    @Get("/rondes/{id}/verwijderen")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ModelAndView<RoundRemovePage> removeForm(TenantScope scope, @PathVariable long id) {
        Meetronde round = visible(scope, id);
        return new ModelAndView<>("scans/round-remove", RoundRemovePage.of(round, admin.whyNotRemovable(round).orElse(null)));
    }

    @Post(value = "/rondes/{id}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> remove(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        admin.remove(actor, scope, id);
        return HttpResponse.seeOther(URI.create("/rondes" + RoundNotice.REMOVED.query()));
    }

    private Meetronde visible(TenantScope scope, long id) {
        return rounds.findVisible(scope, id).orElseThrow(() -> new NotFoundException("meetronde"));
    }

    private ModelAndView<RoundEditPage> editPage(Meetronde round, RoundAdmin.Change form, InvalidInput problems) {
        return new ModelAndView<>("scans/round-edit", RoundEditPage.of(round, form, problems,
                admin.whyNotRemovable(round).isEmpty(), LocalDate.now(clock)));
    }

    private ModelAndView<RoundsPage> listPage(CurrentAccount actor, TenantScope scope, RoundForm form, InvalidInput problems,
                                              @Nullable String notice) {
        return new ModelAndView<>("scans/rounds", RoundsPage.of(actor, rounds.listVisible(scope), regios.listVisible(scope),
                surveys.all(), form, problems, notice));
    }
}
