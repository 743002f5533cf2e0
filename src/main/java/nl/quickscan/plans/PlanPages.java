package nl.quickscan.plans;

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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.Notice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verbeterplan's pages. An adviser's plan is {@code /verbeterplan}; the regio's coordinator and the beheerder
 * read a gemeente's plan at {@code /verbeterplan?gemeente=<cbs>}. Forms work without JavaScript; a save carries the
 * version it was based on, so that a colleague's newer save is shown, never overwritten.
 */
@Controller("/verbeterplan")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PlanPages {

    private final PlanService plans;

    PlanPages(PlanService plans) {
        this.plans = plans;
    }

    @Get
    ModelAndView<PlanPage> plan(CurrentAccount account, TenantScope scope, @Nullable @QueryValue String gemeente,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String melding) {
        GemeenteRow shown = gemeenteOf(account, scope, gemeente);
        ActionStatus filter = statusFilter(status);
        boolean adviser = account.is(Role.ADVISEUR);
        return new ModelAndView<>("plans/plan", PlanPage.of(shown, plans.overview(scope, shown, filter), adviser, filter,
                Notice.textOf(PlanNotice.ALL, melding), plans.today(), adviser, adviser ? plans.sharedWith(shown) : List.of()));
    }

    /** A new action; from the results page with the scan and the statement it is about, filled in from them. */
    @Get("/nieuw")
    @Secured(Role.Names.ADVISEUR)
    ModelAndView<ActionPage> newAction(CurrentAccount adviser, TenantScope scope, @Nullable @QueryValue Long scan,
                                       @Nullable @QueryValue String vraag) {
        GemeenteRow gemeente = plans.gemeente(scope, adviser.gemeenteId());
        Optional<PlanService.Source> source = scan == null ? plans.latestSource(scope, gemeente.id())
                : Optional.of(plans.source(scope, gemeente.id(), scan).orElseThrow(() -> new NotFoundException("scan")));
        ActionForm form = source.map(found -> {
            Survey.Question question = vraag == null ? null : found.survey().questions()
                    .filter(q -> q.key().equals(vraag)).findFirst()
                    .orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "Deze stelling staat niet in de vragenlijst van de scan."));
            return ActionForm.suggested(found.scan().id(), question == null ? null : question.text(),
                    question == null ? null : plans.recommendationFor(scope, found, question),
                    question == null ? Set.of() : Set.of(question.key()));
        }).orElse(null);
        return newPage(gemeente, form, source.orElse(null), new InvalidInput());
    }

    @Post(value = "/nieuw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> create(CurrentAccount adviser, TenantScope scope, @Body Map<String, String> fields) {
        GemeenteRow gemeente = plans.gemeente(scope, adviser.gemeenteId());
        ActionForm form = ActionForm.read(fields);
        Optional<PlanService.Source> source = plans.source(scope, gemeente.id(), FormValues.id(form.sourceScanId()).orElse(null));
        try {
            plans.create(adviser, scope, gemeente, form.draft(order(source.orElse(null))));
        } catch (InvalidInput.InvalidInputException refused) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(newPage(gemeente, form, source.or(() -> plans.latestSource(scope, gemeente.id())).orElse(null), refused.input()));
        }
        return HttpResponse.seeOther(URI.create("/verbeterplan" + PlanNotice.ADDED.query()));
    }

    @Get("/acties/{id}")
    ModelAndView<ActionPage> action(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                    @Nullable @QueryValue String melding) {
        PlanAction action = plans.action(scope, id);
        return actionPage(account, scope, action, ActionForm.of(action), new InvalidInput(), null, null, null,
                Notice.textOf(PlanNotice.ALL, melding));
    }

    @Post(value = "/acties/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> update(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @Body Map<String, String> fields) {
        PlanAction before = plans.action(scope, id);
        ActionForm form = ActionForm.read(fields);
        Optional<PlanService.Source> source = plans.source(scope, before.gemeenteId(), FormValues.id(form.sourceScanId()).orElse(null));
        int basedOn = FormValues.id(form.version()).map(Long::intValue).orElse(0);
        PlanService.SaveResult result;
        try {
            result = plans.update(adviser, scope, id, basedOn, form.draft(order(source.orElse(null))));
        } catch (InvalidInput.InvalidInputException refused) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(actionPage(adviser, scope, before, form, refused.input(), null, null, null, null));
        }
        if (result instanceof PlanService.SaveResult.Conflict conflict) {
            PlanAction stored = conflict.current();
            Map<String, PlanOverview.Statement> texts = plans.statements(scope, stored.gemeenteId(), List.of(stored));
            ActionPage.Conflict shown = new ActionPage.Conflict(ActionPage.conflictMessage(stored), stored,
                    stored.status().label(), stored.questionKeys().stream()
                    .map(key -> texts.containsKey(key) ? texts.get(key).text() : key).toList());
            return HttpResponse.status(HttpStatus.CONFLICT).body(actionPage(adviser, scope, stored,
                    form.basedOn(stored.version()), new InvalidInput(), shown, null, null, null));
        }
        return HttpResponse.seeOther(URI.create("/verbeterplan/acties/" + id + PlanNotice.SAVED.query()));
    }

    @Post(value = "/acties/{id}/voortgang", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> addNote(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @Body Map<String, String> fields) {
        String text = fields.get("text");
        try {
            plans.addNote(adviser, scope, id, text);
        } catch (InvalidInput.InvalidInputException refused) {
            PlanAction action = plans.action(scope, id);
            InvalidInput problems = refused.input();
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(actionPage(adviser, scope, action,
                    ActionForm.of(action), problems, null, text, problems.byField().get("text"), null));
        }
        return HttpResponse.seeOther(URI.create("/verbeterplan/acties/" + id + PlanNotice.NOTE_ADDED.query() + "#voortgang"));
    }

    /**
     * From a herhaling's results page: an open action of the nulmeting goes along to the herhaling's scan. A stale
     * version (a colleague changed the action since the page was shown) is refused, nothing written.
     */
    @Post(value = "/acties/{id}/meenemen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> carryOver(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @Body Map<String, String> fields) {
        long scan = herhalingScan(fields);
        return backToResults(scan, plans.carryOver(adviser, scope, id, version(fields), scan), PlanNotice.CARRIED_OVER);
    }

    /** From a herhaling's results page: an open action of the nulmeting is closed, afgerond or gestopt. */
    @Post(value = "/acties/{id}/afsluiten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> close(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @Body Map<String, String> fields) {
        long scan = herhalingScan(fields);
        return backToResults(scan, plans.close(adviser, scope, id, version(fields), scan, fields.get("status")),
                PlanNotice.CLOSED);
    }

    private static long herhalingScan(Map<String, String> fields) {
        return FormValues.id(fields.get("scan")).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                "Open de resultaten van de meting opnieuw en kies dan nog eens."));
    }

    private static int version(Map<String, String> fields) {
        return FormValues.id(fields.get("version")).map(Long::intValue).orElse(0);
    }

    private static HttpResponse<?> backToResults(long scan, PlanService.SaveResult result, Notice done) {
        if (result instanceof PlanService.SaveResult.Conflict conflict) {
            throw new ConflictException("Niet opgeslagen: een collega heeft de actie \"" + conflict.current().title()
                    + "\" intussen gewijzigd (nu: " + conflict.current().status().label().toLowerCase(java.util.Locale.ROOT)
                    + "). Open de resultaten opnieuw en kies dan nog eens.");
        }
        return HttpResponse.seeOther(URI.create("/scans/" + scan + "/resultaten" + done.query() + "#verbeterplan"));
    }

    /** The status a list is filtered by: none for all, 400 for one that does not exist. */
    @Nullable
    static ActionStatus statusFilter(@Nullable String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return ActionStatus.ofName(status).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                "Dit filter bestaat niet. Kies gepland, bezig, afgerond, gestopt of alle acties."));
    }

    /** The adviser's own gemeente (another one: not found); for the others the gemeente asked for, which they must name. */
    private GemeenteRow gemeenteOf(CurrentAccount account, TenantScope scope, @Nullable String cbsCode) {
        if (account.is(Role.ADVISEUR)) {
            GemeenteRow own = plans.gemeente(scope, account.gemeenteId());
            if (cbsCode != null && !cbsCode.equals(own.cbsCode())) {
                throw new NotFoundException("gemeente");
            }
            return own;
        }
        if (cbsCode == null || cbsCode.isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "Kies eerst een gemeente: open het verbeterplan vanaf de pagina van de gemeente.");
        }
        return plans.gemeente(scope, cbsCode);
    }

    private static List<String> order(@Nullable PlanService.Source source) {
        return source == null ? List.of() : source.survey().questions().map(Survey.Question::key).toList();
    }

    private ModelAndView<ActionPage> newPage(GemeenteRow gemeente, @Nullable ActionForm form,
                                             @Nullable PlanService.Source source, InvalidInput problems) {
        return new ModelAndView<>("plans/action", ActionPage.of(gemeente, null, true, plans.today(), form,
                source == null ? null : source.survey(), problems, null, List.of(), List.of(), null, null, null,
                source == null ? null : source.scan().roundName(), "/verbeterplan"));
    }

    private ModelAndView<ActionPage> actionPage(CurrentAccount account, TenantScope scope, PlanAction action,
                                                ActionForm form, InvalidInput problems,
                                                @Nullable ActionPage.Conflict conflict, @Nullable String noteText,
                                                @Nullable String noteError, @Nullable String notice) {
        GemeenteRow gemeente = plans.gemeente(scope, action.gemeenteId());
        boolean editable = account.is(Role.ADVISEUR);
        Optional<PlanService.Source> source = plans.source(scope, action.gemeenteId(), action.sourceScanId());
        Map<String, PlanOverview.Statement> statements = plans.statements(scope, action.gemeenteId(), List.of(action));
        return new ModelAndView<>("plans/action", ActionPage.of(gemeente, action, editable, plans.today(),
                editable ? form : null, source.map(PlanService.Source::survey).orElse(null), problems, conflict,
                action.questionKeys().stream().map(statements::get).filter(Objects::nonNull).toList(),
                plans.history(action), noteText, noteError, notice,
                source.map(found -> found.scan().roundName()).orElse(null),
                editable ? "/verbeterplan" : "/verbeterplan?gemeente=" + gemeente.cbsCode()));
    }
}
