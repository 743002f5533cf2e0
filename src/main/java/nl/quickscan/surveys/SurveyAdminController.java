package nl.quickscan.surveys;

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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The beheerder's pages for survey versions: the list with status and use, the upload with every problem located,
 * a version with its differences from the version before it, its preview, publishing (after a confirmation) and
 * deleting a concept.
 */
@Controller("/beheer/vragenlijsten")
@Produces(MediaType.TEXT_HTML)
@Secured(Role.Names.BEHEERDER)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyAdminController {

    @Serdeable
    record UploadForm(@Nullable String yaml) {
    }

    /** A version in the list; rounds: how many meetrondes use it. */
    record Listed(String id, int version, String title, String status, long statements, int rounds,
                  @Nullable Instant uploadedAt, @Nullable Instant publishedAt) {
    }

    record ListPage(String title, List<Listed> versions, @Nullable String notice) {
    }

    /** The upload form with the text as sent, and the problems that kept it from being stored. */
    record UploadPage(String title, String yaml, List<SurveyProblem> problems, List<Map<String, String>> errorSummary,
                      int maxBytes) {
    }

    /** previous: the version compared with, null when this is the first; diff then null too. */
    record VersionPage(String title, SurveyVersion version, long statements, int rounds, @Nullable Integer previous,
                       @Nullable SurveyDiff diff, @Nullable String notice, String base) {
    }

    /** refusal: why it cannot be published (yet); null when it can. */
    record PublishPage(String title, SurveyVersion version, @Nullable String refusal, String base) {
    }

    private final SurveyCatalog catalog;
    private final SurveyUploads uploads;
    private final SurveyVersionRepository repository;

    SurveyAdminController(SurveyCatalog catalog, SurveyUploads uploads, SurveyVersionRepository repository) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.repository = repository;
    }

    @Get
    ModelAndView<ListPage> list(@Nullable @QueryValue String melding) {
        catalog.refresh();
        Map<String, Integer> rounds = repository.roundCounts();
        List<Listed> versions = catalog.versions().stream().map(v -> new Listed(v.survey().id(), v.survey().version(),
                v.survey().title(), v.statusLabel(), v.survey().scoredQuestionCount(), rounds.getOrDefault(key(v), 0),
                v.uploadedAt(), v.publishedAt())).toList();
        return new ModelAndView<>("surveys/versions", new ListPage("Versies van vragenlijsten", versions,
                nl.quickscan.web.Notice.textOf(SurveyNotice.ALL, melding)));
    }

    @Get("/nieuw")
    ModelAndView<UploadPage> uploadForm() {
        return uploadPage("", List.of());
    }

    @Post(value = "/nieuw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> upload(CurrentAccount actor, @Body UploadForm form) {
        String yaml = form.yaml() == null ? "" : form.yaml();
        SurveyUploads.Outcome outcome = uploads.upload(actor, yaml);
        if (!outcome.stored()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(uploadPage(yaml, outcome.problems()));
        }
        Survey survey = outcome.version().survey();
        return HttpResponse.seeOther(URI.create(base(survey.id(), survey.version()) + SurveyNotice.UPLOADED.query()));
    }

    @Get("/{id}/{version}")
    ModelAndView<VersionPage> version(@PathVariable String id, @PathVariable int version, @Nullable @QueryValue String melding) {
        catalog.refresh();
        SurveyVersion found = found(id, version);
        SurveyVersion previous = catalog.version(id, version - 1).orElse(null);
        Survey survey = found.survey();
        return new ModelAndView<>("surveys/version", new VersionPage(survey.title() + ", versie " + version, found,
                survey.scoredQuestionCount(), repository.roundCounts().getOrDefault(key(found), 0),
                previous == null ? null : version - 1,
                previous == null ? null : SurveyDiff.between(previous.survey(), survey),
                nl.quickscan.web.Notice.textOf(SurveyNotice.ALL, melding), base(id, version)));
    }

    /** The version as the printable questionnaire, a concept too. */
    @Get("/{id}/{version}/voorbeeld")
    ModelAndView<SurveyController.SurveyPage> preview(@PathVariable String id, @PathVariable int version) {
        SurveyVersion found = found(id, version);
        return new ModelAndView<>("surveys/survey", SurveyController.SurveyPage.preview(found, base(id, version)));
    }

    @Get("/{id}/{version}/publiceren")
    ModelAndView<PublishPage> confirmPublish(@PathVariable String id, @PathVariable int version) {
        SurveyVersion found = found(id, version);
        String refusal = null;
        if (found.published()) {
            refusal = "Deze versie is al gepubliceerd.";
        } else if (version > 1 && catalog.version(id, version - 1).filter(SurveyVersion::published).isEmpty()) {
            refusal = "Publiceer eerst versie " + (version - 1) + ". Een versie volgt altijd op een gepubliceerde versie.";
        }
        return new ModelAndView<>("surveys/publish", new PublishPage("Versie " + version + " publiceren", found, refusal,
                base(id, version)));
    }

    @Post(value = "/{id}/{version}/publiceren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(CurrentAccount actor, @PathVariable String id, @PathVariable int version) {
        uploads.publish(actor, id, version);
        return HttpResponse.seeOther(URI.create(base(id, version) + SurveyNotice.PUBLISHED.query()));
    }

    @Post(value = "/{id}/{version}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(CurrentAccount actor, @PathVariable String id, @PathVariable int version) {
        uploads.deleteConcept(actor, id, version);
        return HttpResponse.seeOther(URI.create("/beheer/vragenlijsten" + SurveyNotice.DELETED.query()));
    }

    private SurveyVersion found(String id, int version) {
        return catalog.version(id, version).orElseThrow(() -> new NotFoundException("vragenlijst"));
    }

    private ModelAndView<UploadPage> uploadPage(String yaml, List<SurveyProblem> problems) {
        // The summary names how many problems there are and leads to their table, which says where each one is.
        List<Map<String, String>> summary = problems.isEmpty() ? List.of() : List.of(Map.of("href", "#problemen",
                "message", (problems.size() == 1 ? "Er is 1 probleem gevonden." : "Er zijn " + problems.size()
                        + " problemen gevonden.") + " Bekijk de tabel hieronder."));
        return new ModelAndView<>("surveys/upload", new UploadPage("Nieuwe versie uploaden", yaml, problems, summary,
                SurveyUploads.MAX_BYTES));
    }

    private static String key(SurveyVersion version) {
        return version.survey().id() + "/" + version.survey().version();
    }

    private static String base(String id, int version) {
        return "/beheer/vragenlijsten/" + id + "/" + version;
    }
}
