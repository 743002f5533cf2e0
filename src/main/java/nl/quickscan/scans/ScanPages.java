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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
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
 * The pages of a scan. They work without JavaScript: each bouwsteen is one form, and saving sends every changed
 * answer with the version it was based on, so that a colleague's newer answer is never overwritten.
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

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> start(CurrentAccount adviser, TenantScope scope, @Body StartForm form) {
        long roundId = FormValues.id(form.roundId()).orElseThrow(() -> new NotFoundException("ronde"));
        return HttpResponse.seeOther(URI.create("/scans/" + service.start(adviser, scope, roundId).id()));
    }

    @Get("/{id}")
    ModelAndView<OverviewPage> overview(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                        @Nullable @QueryValue String ingediend) {
        return overviewPage(OverviewPage.of(account, service.view(scope, id), ingediend != null, Map.of()));
    }

    @Post(value = "/{id}/indienen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> submit(CurrentAccount adviser, TenantScope scope, @PathVariable long id) {
        Map<String, List<String>> missing = service.submit(adviser, scope, id);
        if (missing.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/scans/" + id + "?ingediend=1"));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(overviewPage(OverviewPage.of(adviser, service.view(scope, id), false, missing)));
    }

    @Post(value = "/{id}/heropenen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> reopen(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body ReopenForm form) {
        service.reopen(actor, scope, id, form.reason());
        return HttpResponse.seeOther(URI.create("/scans/" + id));
    }

    @Get("/{id}/deel/{part}")
    ModelAndView<PartPage> part(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                @PathVariable String part, @Nullable @QueryValue String opgeslagen) {
        return partPage(account, scope, service.view(scope, id), part, opgeslagen != null, PartPage.Refusals.NONE);
    }

    /**
     * Saves, in one transaction, the answers of one part that the user changed on this page (see {@link PartForm}
     * for its fields and buttons). Refused answers come back in the form as typed, with the reason or the
     * colleague's answer beside them; the others are stored.
     */
    @Post(value = "/{id}/deel/{part}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> save(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @PathVariable String part,
                         @Body Map<String, String> fields) {
        ScanService.ScanView view = service.view(scope, id);
        PartForm form = PartForm.read(PartNavigation.questions(view.survey(), part), fields);
        Map<String, ScanService.Submission> submitted = form.submissions(form.takesBaseline()
                ? service.baseline(scope, view).map(ScanService.Baseline::answers).orElse(Map.of()) : Map.of());
        Map<String, ScanService.SaveResult> refused = new HashMap<>(
                service.saveAll(adviser, scope, id, List.copyOf(submitted.values()), true));
        refused.values().removeIf(ScanService.SaveResult.Applied.class::isInstance);
        if (!refused.isEmpty()) {
            PartPage.Refusals refusals = new PartPage.Refusals(submitted, refused);
            return HttpResponse.status(refusals.conflicted() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(partPage(adviser, scope, service.view(scope, id), part, false, refusals));
        }
        String target = switch (form.action()) {
            case NEXT -> PartNavigation.next(view.survey(), part).map(next -> "/scans/" + id + "/deel/" + next).orElse("/scans/" + id);
            case PREVIOUS -> PartNavigation.previous(view.survey(), part).map(prev -> "/scans/" + id + "/deel/" + prev).orElse("/scans/" + id);
            case SAVE -> "/scans/" + id + "/deel/" + part + "?opgeslagen=1";
        };
        return HttpResponse.seeOther(URI.create(target));
    }

    private static ModelAndView<OverviewPage> overviewPage(OverviewPage page) {
        return new ModelAndView<>("scans/overview", page);
    }

    private ModelAndView<PartPage> partPage(CurrentAccount account, TenantScope scope, ScanService.ScanView view,
                                            String part, boolean saved, PartPage.Refusals refusals) {
        Map<String, ScanService.BaselineAnswer> baseline = service.baseline(scope, view)
                .map(ScanService.Baseline::answers).orElse(Map.of());
        return new ModelAndView<>("scans/part", PartPage.of(account, view, service.history(view), baseline, part, saved,
                refusals));
    }
}
