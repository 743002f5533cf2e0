package nl.quickscan.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.scans.ScanService;
import nl.quickscan.tenancy.TenantScope;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scores of a scan and its comparison with the nulmeting, as pages and JSON, from the one scoring engine. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ResultsController {

    @Serdeable
    record ScoresJson(long scanId, String status, boolean provisional, @Nullable Double total, @Nullable String level,
                      int unanswered, int unknown, List<BouwsteenJson> bouwstenen) {
    }

    @Serdeable
    record BouwsteenJson(String key, String title, @Nullable Double score, @Nullable String level, int counted,
                         int unanswered, int unknown, int notApplicable) {
    }

    @Serdeable
    record ComparisonJson(long scanId, long baselineScanId, @Nullable Double totalBefore, @Nullable Double totalAfter,
                          @Nullable Double totalDifference, List<BouwsteenChangeJson> bouwstenen,
                          List<QuestionChangeJson> questions) {
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

    ResultsController(Results results) {
        this.results = results;
    }

    @Get("/api/v1/scans/{id}/scores")
    ScoresJson scores(TenantScope scope, @PathVariable long id) {
        Results.ScanScores scores = results.scores(scope, id);
        Scoring.Result r = scores.result();
        return new ScoresJson(id, scores.view().scan().status().name(), !scores.view().scan().submitted(), r.total(),
                r.totalLevel() == null ? null : r.totalLevel().label(), r.unanswered(), r.unknown(),
                r.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.score(),
                        b.level() == null ? null : b.level().label(), b.counted(), b.unanswered(), b.unknown(),
                        b.notApplicable())).toList());
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
                        comparison.valueBefore(q), comparison.valueAfter(q), q.direction().name())).toList());
    }

    @Get("/scans/{id}/resultaten")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(TenantScope scope, @PathVariable long id) {
        Results.ScanScores scores = results.scores(scope, id);
        Scoring.Result r = scores.result();
        List<Scoring.QuestionScore> ranked = r.questions().stream().filter(Scoring.QuestionScore::counts)
                .sorted(Comparator.comparingDouble(Scoring.QuestionScore::fraction)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Resultaten " + scores.view().scan().gemeenteName());
        model.put("scan", scores.view().scan());
        model.put("provisional", !scores.view().scan().submitted());
        model.put("result", r);
        model.put("radar", RadarChart.svg(r.bouwstenen().stream().map(b -> new RadarChart.Axis(shortTitle(b.title()), b.score())).toList()));
        model.put("weakest", ranked.stream().limit(3).toList());
        model.put("strongest", ranked.stream().sorted(Comparator.comparingDouble(Scoring.QuestionScore::fraction).reversed()).limit(3).toList());
        model.put("position", scores.position());
        model.put("sharedFiguresExplanation", SharedFigures.EXPLANATION);
        model.put("sharedFiguresNotYet", SharedFigures.POSITION_NOT_YET);
        model.put("hasComparison", results.hasBaseline(scope, scores.view()));
        return new ModelAndView<>("scoring/results", model);
    }

    @Get("/scans/{id}/vergelijking")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> comparisonPage(TenantScope scope, @PathVariable long id) {
        Results.ScanComparison comparison = results.comparison(scope, id).orElseThrow(ResultsController::noBaseline);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Vergelijking " + comparison.current().scan().gemeenteName());
        model.put("scan", comparison.current().scan());
        model.put("baseline", comparison.baseline().scan());
        model.put("comparison", comparison.result());
        model.put("questions", comparison.result().questions().stream().map(q -> Map.of("change", q,
                "before", comparison.labelBefore(q), "after", comparison.labelAfter(q),
                "direction", q.direction().label())).toList());
        model.put("bouwstenen", comparison.result().bouwstenen().stream().map(b -> Map.of("change", b,
                "direction", b.direction().label())).toList());
        return new ModelAndView<>("scoring/comparison", model);
    }

    /** "Bouwsteen 1. Visie en regionale aanpak" → "Bouwsteen 1" for the chart's axes. */
    private static String shortTitle(String title) {
        int dot = title.indexOf('.');
        return dot > 0 && dot < 15 ? title.substring(0, dot) : title;
    }

    private static HttpStatusException noBaseline() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "geen nulmeting");
    }
}
