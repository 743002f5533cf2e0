package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.Paging;

/**
 * The regio's view of the verbeterplannen that came out of a round, linked from the round's dashboard: the regio's
 * coordinator and the beheerder read it; another regio's round is not found.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
class RegioPlanPages {

    private final PlanService plans;

    RegioPlanPages(PlanService plans) {
        this.plans = plans;
    }

    @Get("/rondes/{id}/verbeterplannen")
    ModelAndView<RegioPlanPage> ofRound(TenantScope scope, @PathVariable long id, @Nullable @QueryValue String status,
                                        @Nullable @QueryValue String bouwsteen, @Nullable @QueryValue String pagina) {
        PlanService.RoundPlan plan = plans.ofRound(scope, id);
        ActionStatus statusFilter = PlanPages.statusFilter(status);
        String bouwsteenFilter = bouwsteen == null || bouwsteen.isEmpty() ? null : bouwsteen;
        if (bouwsteenFilter != null && plan.counts().bouwstenen().stream().noneMatch(count -> count.key().equals(bouwsteenFilter))) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "Deze bouwsteen staat niet in de vragenlijst van de meetronde. Kies een bouwsteen uit de lijst of alle bouwstenen.");
        }
        InvalidInput problems = new InvalidInput();
        int page = Paging.pageNumber(pagina, problems);
        if (!problems.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, problems.summary().get(0).message());
        }
        return new ModelAndView<>("plans/regio", RegioPlanPage.of(plan, statusFilter, bouwsteenFilter, page, plans.today()));
    }
}
