package nl.quickscan.plans;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The verbeterplan as JSON. An adviser reads and writes the own gemeente's actions; the regio's coordinator and
 * the beheerder read them; another tenant's action or gemeente is not found.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ActionController {

    @Serdeable
    record ActionJson(long id, String title, @Nullable String description, List<String> questionKeys,
                      long sourceScanId, @Nullable String owner, @Nullable String partners, @Nullable LocalDate due,
                      String status, boolean shared, int version, List<NoteJson> notes, String updatedBy,
                      Instant updatedAt) {
        static ActionJson of(PlanAction action) {
            return new ActionJson(action.id(), action.title(), action.description(), action.questionKeys(),
                    action.sourceScanId(), action.owner(), action.partners(), action.due(), action.status().name(),
                    action.shared(), action.version(), action.notes().stream().map(NoteJson::of).toList(),
                    action.updatedByName(), action.updatedAt());
        }
    }

    @Serdeable
    record NoteJson(String text, String by, Instant at) {
        static NoteJson of(PlanAction.Note note) {
            return new NoteJson(note.text(), note.byName(), note.at());
        }
    }

    /** {@code due}: an ISO date as text, so that a date that is not one gets the rules' Dutch message (422). */
    @Serdeable
    record ActionRequest(@Nullable String title, @Nullable String description, @Nullable List<String> questionKeys,
                         @Nullable Long sourceScanId, @Nullable String owner, @Nullable String partners,
                         @Nullable String due, @Nullable String status, @Nullable Boolean shared,
                         @Nullable Integer version) {
        ActionRules.Draft draft() {
            return new ActionRules.Draft(title, description, questionKeys, sourceScanId, owner, partners, due, status, shared);
        }
    }

    @Serdeable
    record NoteRequest(@Nullable String text) {
    }

    /** 409: a colleague saved first; {@code current} is the stored action. */
    @Serdeable
    record ConflictJson(String message, List<Object> errors, ActionJson current) {
    }

    /** A round's plan: per bouwsteen the counts, and the actions made from its scans with their gemeente. */
    @Serdeable
    record RoundActionsJson(List<BouwsteenJson> bouwstenen, List<RoundActionJson> actions) {
    }

    @Serdeable
    record BouwsteenJson(String key, int gemeenten, int actions, int done, int overdue) {
    }

    @Serdeable
    record RoundActionJson(@JsonUnwrapped ActionJson action, GemeenteJson gemeente) {
    }

    @Serdeable
    record GemeenteJson(String cbsCode, String name) {
    }

    private final PlanService plans;

    ActionController(PlanService plans) {
        this.plans = plans;
    }

    @Get("/gemeenten/{cbsCode}/actions")
    List<ActionJson> list(TenantScope scope, @PathVariable String cbsCode) {
        return plans.actionsOf(scope, plans.gemeente(scope, cbsCode)).stream().map(ActionJson::of).toList();
    }

    /** The regio's coordinator and the beheerder: the plans that came out of a round's scans. */
    @Get("/rounds/{id}/actions")
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    RoundActionsJson ofRound(TenantScope scope, @PathVariable long id) {
        PlanService.RoundPlan plan = plans.ofRound(scope, id);
        return new RoundActionsJson(plan.counts().bouwstenen().stream().map(count -> new BouwsteenJson(count.key(),
                count.gemeenten(), count.actions(), count.done(), count.overdue())).toList(),
                plan.actions().stream().map(action -> new RoundActionJson(ActionJson.of(action), new GemeenteJson(
                        action.cbsCode(), plan.gemeenten().containsKey(action.gemeenteId())
                        ? plan.gemeenten().get(action.gemeenteId()).name() : action.cbsCode()))).toList());
    }

    @Post(value = "/gemeenten/{cbsCode}/actions", consumes = MediaType.APPLICATION_JSON)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<ActionJson> create(CurrentAccount adviser, TenantScope scope, @PathVariable String cbsCode,
                                    @Body ActionRequest request) {
        GemeenteRow gemeente = plans.gemeente(scope, cbsCode);
        return HttpResponse.created(ActionJson.of(plans.create(adviser, scope, gemeente, request.draft())));
    }

    @Put(value = "/actions/{id}", consumes = MediaType.APPLICATION_JSON)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> update(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @Body ActionRequest request) {
        if (request.version() == null || request.version() < 1) {
            throw new InvalidInput().add("version", "Geef de versie op waarop u uw wijziging baseert.").asException();
        }
        PlanService.SaveResult result = plans.update(adviser, scope, id, request.version(), request.draft());
        if (result instanceof PlanService.SaveResult.Conflict conflict) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ConflictJson(ActionPage.conflictMessage(conflict.current()),
                    List.of(), ActionJson.of(conflict.current())));
        }
        return HttpResponse.ok(ActionJson.of(((PlanService.SaveResult.Applied) result).action()));
    }

    @Post(value = "/actions/{id}/notes", consumes = MediaType.APPLICATION_JSON)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<ActionJson> addNote(CurrentAccount adviser, TenantScope scope, @PathVariable long id,
                                     @Body NoteRequest request) {
        return HttpResponse.created(ActionJson.of(plans.addNote(adviser, scope, id, request.text())));
    }
}
