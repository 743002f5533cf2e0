package nl.quickscan.scoring;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.plans.PlanNotice;
import nl.quickscan.plans.PlanService;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.Notice;

import java.util.List;

/** Scores of a scan and its comparison with the nulmeting, as pages and JSON, from the one scoring engine. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ResultsController {

    @Serdeable
    record ScoresJson(long scanId, String status, boolean provisional, @Nullable Double total, @Nullable String level,
                      int unanswered, int unknown, List<BouwsteenJson> bouwstenen) {
    }

    /** {@code uncertain}: the level rests on too many "Weet ik niet" answers (the survey's uncertainShare). */
    @Serdeable
    record BouwsteenJson(String key, String title, @Nullable Double score, @Nullable String level, boolean uncertain,
                         int counted, int unanswered, int unknown, int notApplicable, List<ThemeJson> themes) {
    }

    /** A theme's score (only bouwstenen with themes have them). */
    @Serdeable
    record ThemeJson(String key, String title, @Nullable Double score, @Nullable String level) {
    }

    @Serdeable
    record ComparisonJson(long scanId, long baselineScanId, @Nullable Double totalBefore, @Nullable Double totalAfter,
                          @Nullable Double totalDifference, List<BouwsteenChangeJson> bouwstenen,
                          List<QuestionChangeJson> questions, List<ActionCheckJson> actions) {
    }

    /** An action of the verbeterplan made from the nulmeting, with the statements it aims at then and now. */
    @Serdeable
    record ActionCheckJson(long id, String title, String status, List<StatementCheckJson> statements) {
    }

    /** {@code key}: as the nulmeting asked it; {@code before}/{@code after} as in the questions; DROPPED when no longer asked. */
    @Serdeable
    record StatementCheckJson(String key, @Nullable String before, @Nullable String after, String direction) {
    }

    @Serdeable
    record BouwsteenChangeJson(String key, String title, @Nullable Double before, @Nullable Double after,
                               @Nullable Double difference, String direction) {
    }

    @Serdeable
    record QuestionChangeJson(String key, String bouwsteenKey, @Nullable String beforeKey, @Nullable String before,
                              @Nullable String after, String direction) {
    }

    private final Results results;
    private final PlanService plans;

    ResultsController(Results results, PlanService plans) {
        this.results = results;
        this.plans = plans;
    }

    @Get("/api/v1/scans/{id}/scores")
    ScoresJson scores(TenantScope scope, @PathVariable long id) {
        Results.ScanScores scores = results.scores(scope, id);
        Scoring.Result r = scores.result();
        return new ScoresJson(id, scores.view().scan().status().name(), !scores.view().scan().submitted(), r.total(),
                r.totalLevel() == null ? null : r.totalLevel().label(), r.unanswered(), r.unknown(),
                r.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.score(),
                        b.level() == null ? null : b.level().label(), b.uncertain(), b.counted(), b.unanswered(), b.unknown(),
                        b.notApplicable(), Scoring.themes(scores.view().survey(), b).stream().map(t -> new ThemeJson(t.key(),
                        t.title(), t.score(), t.level() == null ? null : t.level().label())).toList())).toList());
    }

    @Get("/api/v1/scans/{id}/comparison")
    ComparisonJson comparison(TenantScope scope, @PathVariable long id) {
        Results.ScanComparison comparison = results.comparison(scope, id).orElseThrow(ResultsController::noBaseline);
        Comparison.Result c = comparison.result();
        return new ComparisonJson(id, comparison.baseline().scan().id(), c.before().total(), c.after().total(),
                c.totalDifference(),
                c.bouwstenen().stream().map(b -> new BouwsteenChangeJson(b.key(), b.title(), b.before(), b.after(),
                        b.difference(), b.direction().name())).toList(),
                c.questions().stream().map(q -> new QuestionChangeJson(q.key(), q.bouwsteenKey(),
                        q.before() == null ? null : q.before().question().key(),
                        comparison.valueBefore(q), comparison.valueAfter(q), q.direction().name())).toList(),
                PlanCheck.of(plans, scope, comparison).stream().map(check -> new ActionCheckJson(check.action().id(),
                        check.action().title(), check.action().status().name(), check.statements().stream()
                        .map(statement -> statement.change().map(q -> new StatementCheckJson(statement.key(),
                                comparison.valueBefore(q), comparison.valueAfter(q), q.direction().name()))
                                .orElseGet(() -> new StatementCheckJson(statement.key(), null, null, Comparison.Direction.DROPPED.name()))).toList())).toList());
    }

    @Get("/scans/{id}/resultaten")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ResultsPage> page(TenantScope scope, @PathVariable long id, @Nullable @QueryValue String melding) {
        Results.ScanScores scores = results.scores(scope, id);
        return new ModelAndView<>("scoring/results", ResultsPage.of(scores, results.hasBaseline(scope, scores.view()),
                plans.openFromNulmeting(scope, scores.view().scan()), Notice.textOf(PlanNotice.RESULTS, melding)));
    }

    @Get("/scans/{id}/vergelijking")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ComparisonPage> comparisonPage(TenantScope scope, @PathVariable long id, @Nullable @QueryValue String alleen) {
        if (alleen != null && !alleen.equals(ComparisonPage.CHANGED_ONLY)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "Dit filter bestaat niet. Toon alle stellingen of alleen de gewijzigde stellingen.");
        }
        Results.ScanComparison comparison = results.comparison(scope, id).orElseThrow(ResultsController::noBaseline);
        return new ModelAndView<>("scoring/comparison", ComparisonPage.of(comparison, alleen != null, PlanCheck.of(plans, scope, comparison)));
    }

    private static NotFoundException noBaseline() {
        return new NotFoundException("geen nulmeting");
    }
}
