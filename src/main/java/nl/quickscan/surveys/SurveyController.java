package nl.quickscan.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import nl.quickscan.errors.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The survey definitions, for every logged-in account: as JSON and as a printable page. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
class SurveyController {

    @Serdeable
    record SurveySummary(String id, int version, String title, long statements) {
    }

    @Serdeable
    record SurveyJson(String id, int version, String title, String introduction, List<LevelJson> levels,
                      @Nullable Integer uncertainShare, List<BouwsteenJson> bouwstenen, List<QuestionJson> kengetallen) {
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

    /** The whole survey for reading and printing; statements: the number of scored questions. */
    record SurveyPage(String title, Survey survey, List<BouwsteenSection> bouwstenen, long statements) {
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

    SurveyController(SurveyCatalog catalog) {
        this.catalog = catalog;
    }

    @Get("/api/v1/surveys")
    List<SurveySummary> list() {
        return catalog.all().stream().map(SurveyController::summary).toList();
    }

    @Get("/api/v1/surveys/{id}/{version}")
    SurveyJson definition(@PathVariable String id, @PathVariable int version) {
        Survey survey = survey(id, version);
        return new SurveyJson(survey.id(), survey.version(), survey.title(), survey.introduction(),
                survey.levels().stream().map(l -> new LevelJson(l.label(), l.min(), l.description())).toList(),
                survey.uncertainShare(),
                survey.bouwstenen().stream().map(b -> new BouwsteenJson(b.key(), b.title(), b.description(), b.weight(),
                        b.themes().stream().map(t -> new ThemeJson(t.key(), t.title())).toList(),
                        b.questions().stream().map(QuestionJson::of).toList(), b.levelDescriptions())).toList(),
                survey.kengetallen().stream().map(QuestionJson::of).toList());
    }

    @Get("/vragenlijsten")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SurveysPage> listPage() {
        return new ModelAndView<>("surveys/list", new SurveysPage("Vragenlijsten", list()));
    }

    @Get("/vragenlijsten/{id}/{version}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SurveyPage> page(@PathVariable String id, @PathVariable int version) {
        Survey survey = survey(id, version);
        return new ModelAndView<>("surveys/survey", new SurveyPage(survey.title() + " (versie " + survey.version() + ")",
                survey, bouwsteenSections(survey), survey.scoredQuestionCount()));
    }

    private Survey survey(String id, int version) {
        return catalog.find(id, version).orElseThrow(() -> new NotFoundException("survey"));
    }

    private static SurveySummary summary(Survey survey) {
        return new SurveySummary(survey.id(), survey.version(), survey.title(), survey.scoredQuestionCount());
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
