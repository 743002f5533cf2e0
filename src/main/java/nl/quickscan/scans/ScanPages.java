package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.ClosedException;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.FormValues;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pages of a scan: its start page, a page per step (see {@link PartNavigation}), the check page to submit
 * from and the confirmation. They work without JavaScript: each step page is one form, and saving sends every
 * changed answer with the version it was based on, so that a colleague's newer answer is never overwritten.
 */
@Controller("/scans")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScanPages {

    @Serdeable
    record StartForm(@Nullable String roundId) {
    }

    @Serdeable
    record ReopenForm(@Nullable String reason) {
    }

    private final ScanService service;
    private final ScanRepository scans;
    private final RoundRepository rounds;
    private final Clock clock;

    ScanPages(ScanService service, ScanRepository scans, RoundRepository rounds, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.scans = scans;
        this.rounds = rounds;
    }

    @Get
    @Secured(Role.Names.ADVISEUR)
    ModelAndView<DashboardPage> dashboard(TenantScope scope) {
        Map<Long, ScanService.ScanView> byRound = scans.listVisible(scope).stream()
                .collect(Collectors.toMap(ScanRow::roundId, scan -> service.view(scope, scan.id())));
        return new ModelAndView<>("scans/dashboard", DashboardPage.of(rounds.listVisible(scope), byRound, LocalDate.now(clock)));
    }

    /** An adviser starts the gemeente's scan of the round; a coordinator the regio's (from the round's dashboard). */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.ADVISEUR, Role.Names.COORDINATOR})
    HttpResponse<?> start(CurrentAccount account, TenantScope scope, @Body StartForm form) {
        long roundId = FormValues.id(form.roundId()).orElseThrow(() -> new NotFoundException("ronde"));
        ScanRow scan = account.is(Role.COORDINATOR) ? service.startRegioPart(account, scope, roundId)
                : service.start(account, scope, roundId);
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id()));
    }

    @Get("/{id}")
    ModelAndView<StartPage> start(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                  @Nullable @QueryValue String melding) {
        return new ModelAndView<>("scans/start", StartPage.of(account, service.view(scope, id), LocalDate.now(clock),
                RoundNotice.textOf(melding)));
    }

    /** Every answer with a link to change it, and the open points: the adviser submits from here. */
    @Get("/{id}/controleren")
    ModelAndView<CheckPage> check(CurrentAccount account, TenantScope scope, @PathVariable long id) {
        return checkPage(CheckPage.of(account, service.view(scope, id), false));
    }

    @Post(value = "/{id}/indienen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> submit(CurrentAccount adviser, TenantScope scope, @PathVariable long id) {
        Map<String, List<String>> missing = service.submit(adviser, scope, id);
        if (missing.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/scans/" + id + "/ingediend"));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(checkPage(CheckPage.of(adviser, service.view(scope, id), true)));
    }

    /** The confirmation of a submitted scan; before it is submitted, the start page. */
    @Get("/{id}/ingediend")
    HttpResponse<?> submitted(TenantScope scope, @PathVariable long id) {
        ScanService.ScanView view = service.view(scope, id);
        if (!view.scan().submitted()) {
            return HttpResponse.seeOther(URI.create("/scans/" + id));
        }
        return HttpResponse.ok(new ModelAndView<>("scans/submitted", SubmittedPage.of(view)));
    }

    @Post(value = "/{id}/heropenen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> reopen(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body ReopenForm form) {
        try {
            service.reopen(actor, scope, id, form.reason());
        } catch (InvalidInput.InvalidInputException refused) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("scans/start",
                    StartPage.of(actor, service.view(scope, id), LocalDate.now(clock), null)
                            .withReopenProblems(form.reason(), refused.input())));
        }
        return HttpResponse.seeOther(URI.create("/scans/" + id + RoundNotice.SCAN_REOPENED.query()));
    }

    /**
     * A step page. The key of a bouwsteen that is split into its themes leads to its first theme, so that links
     * from before the split keep working.
     */
    @Get("/{id}/deel/{part}")
    HttpResponse<?> part(CurrentAccount account, TenantScope scope, HttpRequest<?> request, @PathVariable long id,
                         @PathVariable String part, @Nullable @QueryValue String opgeslagen,
                         @Nullable @QueryValue String controle) {
        ScanService.ScanView view = service.view(scope, id);
        boolean onePage = PartNavigation.pages(view.survey()).stream().anyMatch(page -> page.path().equals(part));
        if (!onePage) {
            PartNavigation.Page first = PartNavigation.firstOf(view.survey(), part).orElseThrow(() -> new NotFoundException("deel"));
            String query = request.getUri().getRawQuery();
            return HttpResponse.seeOther(URI.create("/scans/" + id + "/deel/" + first.path() + (query == null ? "" : "?" + query)));
        }
        return HttpResponse.ok(partPage(account, scope, view, part, opgeslagen != null, PartPage.Refusals.NONE, controle != null));
    }

    /** A page of a bouwsteen that is split into its themes. */
    @Get("/{id}/deel/{part}/{theme}")
    ModelAndView<PartPage> theme(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                 @PathVariable String part, @PathVariable String theme,
                                 @Nullable @QueryValue String opgeslagen, @Nullable @QueryValue String controle) {
        return partPage(account, scope, service.view(scope, id), part + "/" + theme, opgeslagen != null,
                PartPage.Refusals.NONE, controle != null);
    }

    /**
     * Saves, in one transaction, the answers the user changed on this page (see {@link PartForm} for its fields and
     * buttons); refused answers come back in the form as typed, with the reason or the colleague's answer beside
     * them, and the others are stored. Then goes where the button said: on to the next page (after the last: the
     * check page), back to the previous one (before the first: the start page), or back to this one. {@code part} is a page's path, or a whole split bouwsteen from a form of
     * before the split.
     */
    @Post(value = "/{id}/deel/{part}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.ADVISEUR, Role.Names.COORDINATOR})
    HttpResponse<?> save(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @PathVariable String part,
                         @Body Map<String, String> fields) {
        ScanService.ScanView view = service.view(scope, id);
        // The regio's statements on a gemeente's page have no fields: only the scan's own ones are read.
        PartForm form = PartForm.read(view.ownQuestions(PartNavigation.questions(view.survey(), part)), fields);
        Map<String, ScanService.Submission> submitted = form.submissions(form.takesBaseline()
                ? service.baseline(scope, view).map(ScanService.Baseline::answers).orElse(Map.of()) : Map.of());
        Map<String, ScanService.SaveResult> refused;
        try {
            refused = new HashMap<>(service.saveAll(adviser, scope, id, List.copyOf(submitted.values()), true));
        } catch (ClosedException closed) {
            // The round closed or a colleague submitted: nothing is stored, and the page shows what was typed.
            return HttpResponse.status(HttpStatus.CONFLICT).body(partPage(adviser, scope, service.view(scope, id),
                    shownPath(view.survey(), part), false, PartPage.Refusals.closed(submitted), false));
        }
        refused.values().removeIf(ScanService.SaveResult.Applied.class::isInstance);
        if (!refused.isEmpty()) {
            PartPage.Refusals refusals = new PartPage.Refusals(submitted, refused);
            // A whole split bouwsteen is shown on the page of its first refused question.
            String shown = PartNavigation.pageOf(view.survey(), form.answers().keySet().stream()
                    .filter(refused::containsKey).findFirst().orElseThrow()).orElseThrow().path();
            return HttpResponse.status(refusals.conflicted() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(partPage(adviser, scope, service.view(scope, id), shown, false, refusals, false));
        }
        String scanPath = "/scans/" + id;
        // Came from the check page: the next pages mark their open points too.
        String marked = fields.containsKey("controle") ? "?controle=1" : "";
        String target = switch (form.action()) {
            case NEXT -> PartNavigation.next(view.survey(), part).map(next -> scanPath + "/deel/" + next + marked).orElse(scanPath + "/controleren");
            case PREVIOUS -> PartNavigation.previous(view.survey(), part).map(prev -> scanPath + "/deel/" + prev + marked).orElse(scanPath);
            case SAVE -> scanPath + "/deel/" + part + "?opgeslagen=1";
        };
        return HttpResponse.seeOther(URI.create(target));
    }

    @Post(value = "/{id}/deel/{part}/{theme}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.ADVISEUR, Role.Names.COORDINATOR})
    HttpResponse<?> saveTheme(CurrentAccount adviser, TenantScope scope, @PathVariable long id,
                              @PathVariable String part, @PathVariable String theme, @Body Map<String, String> fields) {
        return save(adviser, scope, id, part + "/" + theme, fields);
    }

    /** The page a form posted to {@code part} is shown on: the page itself, or a split bouwsteen's first theme. */
    private static String shownPath(nl.quickscan.surveys.Survey survey, String part) {
        return PartNavigation.pages(survey).stream().anyMatch(page -> page.path().equals(part)) ? part
                : PartNavigation.firstOf(survey, part).orElseThrow(() -> new NotFoundException("deel")).path();
    }

    private static ModelAndView<CheckPage> checkPage(CheckPage page) {
        return new ModelAndView<>("scans/check", page);
    }

    private ModelAndView<PartPage> partPage(CurrentAccount account, TenantScope scope, ScanService.ScanView view,
                                            String path, boolean saved, PartPage.Refusals refusals, boolean showOpen) {
        Map<String, ScanService.BaselineAnswer> baseline = service.baseline(scope, view)
                .map(ScanService.Baseline::answers).orElse(Map.of());
        return new ModelAndView<>("scans/part", PartPage.of(account, view, service.history(view), baseline, path, saved,
                refusals, showOpen));
    }
}
