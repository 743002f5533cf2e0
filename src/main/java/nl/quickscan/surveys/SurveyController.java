package nl.quickscan.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The survey definitions, for every logged-in account: as JSON and as a printable page; published versions only,
 * concepts for the beheerder too (API). Uploading and publishing through the API are the beheerder's.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyController {

    /** status: CONCEPT or GEPUBLICEERD; shipped: the version comes with the app (surveys/), not uploaded. */
    @Serdeable
    record SurveySummary(String id, int version, String title, long statements, String status, boolean shipped) {
    }

    @Serdeable
    record SurveyJson(String id, int version, String title, String introduction, List<LevelJson> levels,
                      @Nullable Integer uncertainShare, List<BouwsteenJson> bouwstenen, List<QuestionJson> kengetallen,
                      String status, boolean shipped) {
    }

    /** An upload refused: every problem, with its line in the text (0 when unknown) and its key path. */
    @Serdeable
    record ProblemsJson(String message, List<ProblemJson> problems) {
    }

    @Serdeable
    record ProblemJson(int line, String path, String message) {
    }

    @Serdeable
    record LevelJson(String label, double min, String description) {
    }

    @Serdeable
    /** {@code levelDescriptions}: level label → the bouwsteen's own description of it (only those it has). */
    record BouwsteenJson(String key, String title, String description, double weight, List<ThemeJson> themes,
                         List<QuestionJson> questions, Map<String, String> levelDescriptions) {
    }

    @Serdeable
    record ThemeJson(String key, String title) {
    }

    @Serdeable
    /** {@code source}: the first of {@code sources}, for clients that read one. */
    record QuestionJson(String key, @Nullable String theme, String text, String help, @Nullable String recommendation,
                        @Nullable String recommendationNext, @Nullable SourceJson source, List<SourceJson> sources,
                        double weight, boolean required, String type, boolean scored, @Nullable String followUpOf,
                        List<OptionJson> options, @Nullable String unit, @Nullable String referenceYear,
                        @Nullable String replaces, String scope) {
        static QuestionJson of(Survey.Question q) {
            List<SourceJson> sources = q.sources().stream().map(s -> new SourceJson(s.document(), s.section())).toList();
            return new QuestionJson(q.key(), q.theme(), q.text(), q.help(), q.recommendation(), q.recommendationNext(),
                    sources.isEmpty() ? null : sources.get(0), sources, q.weight(), q.required(), q.type().code(),
                    q.scored(), q.followUpOf(), q.options().stream().map(OptionJson::of).toList(), q.unit(),
                    q.referenceYear() == null ? null : q.referenceYear().code(), q.replaces(), q.scope().code());
        }
    }

    @Serdeable
    record SourceJson(String document, String section) {
    }

    @Serdeable
    record OptionJson(String value, String label, @Nullable Integer points, boolean uncertain, boolean notApplicable,
                      boolean requiresComment, @Nullable String help) {
        static OptionJson of(Survey.AnswerOption o) {
            return new OptionJson(o.value(), o.label(), o.points(), o.uncertain(), o.notApplicable(), o.requiresComment(),
                    o.help());
        }
    }

    record SurveysPage(String title, List<SurveySummary> surveys) {
    }

    /**
     * The whole survey for reading and printing; statements: the number of scored questions; back: the version's
     * page when the beheerder previews it, null otherwise; concept: the version is not yet published.
     */
    record SurveyPage(String title, Survey survey, List<BouwsteenSection> bouwstenen, long statements,
                      @Nullable String back, boolean concept) {
        static SurveyPage of(Survey survey) {
            return new SurveyPage(survey.title() + " (versie " + survey.version() + ")", survey, bouwsteenSections(survey),
                    survey.scoredQuestionCount(), null, false);
        }

        static SurveyPage preview(SurveyVersion version, String back) {
            Survey survey = version.survey();
            return new SurveyPage("Voorbeeld: " + survey.title() + " (versie " + survey.version() + ")", survey,
                    bouwsteenSections(survey), survey.scoredQuestionCount(), back, !version.published());
        }
    }

    /** A bouwsteen's questions, per theme where it has themes. */
    record BouwsteenSection(Survey.Bouwsteen bouwsteen, List<ThemeSection> sections) {
    }

    /** theme: the theme's title, null for the questions of a bouwsteen without themes. */
    record ThemeSection(@Nullable String theme, List<NumberedQuestion> questions) {
    }

    /** number: the question's place in the whole survey. */
    record NumberedQuestion(int number, Survey.Question question) {
    }

    private final SurveyCatalog catalog;
    private final SurveyUploads uploads;

    SurveyController(SurveyCatalog catalog, SurveyUploads uploads) {
        this.catalog = catalog;
        this.uploads = uploads;
    }

    /** The published versions; for the beheerder the concepts too. */
    @Get("/api/v1/surveys")
    List<SurveySummary> list(CurrentAccount account) {
        if (!account.is(Role.BEHEERDER)) {
            return published();
        }
        catalog.refresh();
        return catalog.versions().stream().map(SurveyController::summary).toList();
    }

    /** A published version; a concept for the beheerder only (404 for others, as if it did not exist). */
    @Get("/api/v1/surveys/{id}/{version}")
    SurveyJson definition(CurrentAccount account, @PathVariable String id, @PathVariable int version) {
        SurveyVersion found = catalog.version(id, version)
                .filter(v -> v.published() || account.is(Role.BEHEERDER))
                .orElseThrow(() -> new NotFoundException("survey"));
        return json(found);
    }

    /**
     * Uploads a version (the YAML text as the body) as a concept: 201 with its definition, or 422 with every
     * problem; nothing is stored then. A concept of the same id and version is replaced, a published one never.
     */
    @Post(value = "/api/v1/surveys", consumes = {"text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Secured(Role.Names.BEHEERDER)
    HttpResponse<?> upload(CurrentAccount actor, @Body byte[] body) {
        SurveyUploads.Outcome outcome = uploads.upload(actor, body);
        if (!outcome.stored()) {
            return HttpResponse.unprocessableEntity().body(new ProblemsJson(
                    "De vragenlijst is niet opgeslagen. Los deze problemen op en upload hem opnieuw.",
                    outcome.problems().stream().map(p -> new ProblemJson(p.line(), p.path(), p.message())).toList()));
        }
        return HttpResponse.created(json(outcome.version()));
    }

    /** Publishes a concept: from then on rounds may use it, and it never changes. */
    @Post("/api/v1/surveys/{id}/{version}/publish")
    @Secured(Role.Names.BEHEERDER)
    SurveyJson publish(CurrentAccount actor, @PathVariable String id, @PathVariable int version) {
        return json(uploads.publish(actor, id, version));
    }

    @Get("/vragenlijsten")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SurveysPage> listPage() {
        return new ModelAndView<>("surveys/list", new SurveysPage("Vragenlijsten", published()));
    }

    @Get("/vragenlijsten/{id}/{version}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SurveyPage> page(@PathVariable String id, @PathVariable int version) {
        Survey survey = catalog.find(id, version).orElseThrow(() -> new NotFoundException("survey"));
        return new ModelAndView<>("surveys/survey", SurveyPage.of(survey));
    }

    private List<SurveySummary> published() {
        return catalog.versions().stream().filter(SurveyVersion::published).map(SurveyController::summary).toList();
    }

    private static SurveySummary summary(SurveyVersion version) {
        Survey survey = version.survey();
        return new SurveySummary(survey.id(), survey.version(), survey.title(), survey.scoredQuestionCount(),
                version.status().name(), version.shipped());
    }

    private static SurveyJson json(SurveyVersion version) {
        Survey survey = version.survey();
        return new SurveyJson(survey.id(), survey.version(), survey.title(), survey.introduction(),
                survey.levels().stream().map(l -> new LevelJson(l.label(), l.min(), l.description())).toList(),
                survey.uncertainShare(),
                survey.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.description(), b.weight(),
                        b.themes().stream().map(t -> new ThemeJson(t.key(), t.title())).toList(),
                        b.questions().stream().map(QuestionJson::of).toList(), b.levelDescriptions())).toList(),
                survey.kengetallen().stream().map(QuestionJson::of).toList(), version.status().name(), version.shipped());
    }

    /** Per bouwsteen its questions, grouped by theme where the bouwsteen has themes, numbered through the survey. */
    private static List<BouwsteenSection> bouwsteenSections(Survey survey) {
        List<BouwsteenSection> result = new ArrayList<>();
        int number = 0;
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            Map<String, List<NumberedQuestion>> byTheme = new LinkedHashMap<>();
            bouwsteen.themes().forEach(theme -> byTheme.put(theme.key(), new ArrayList<>()));
            for (Survey.Question question : bouwsteen.questions()) {
                number++;
                byTheme.computeIfAbsent(question.theme() == null ? "" : question.theme(), key -> new ArrayList<>())
                        .add(new NumberedQuestion(number, question));
            }
            List<ThemeSection> sections = new ArrayList<>();
            byTheme.forEach((themeKey, questions) -> sections.add(new ThemeSection(
                    bouwsteen.themes().stream().filter(theme -> theme.key().equals(themeKey)).findFirst()
                            .map(Survey.Theme::title).orElse(null),
                    questions)));
            result.add(new BouwsteenSection(bouwsteen, sections));
        }
        return result;
    }
}
