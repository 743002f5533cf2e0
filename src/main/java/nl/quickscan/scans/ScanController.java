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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The scans as JSON: same rules and isolation as the pages ({@link ScanPages}). */
@Controller("/api/v1/scans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScanController {

    /**
     * A gemeente's scan has {@code gemeente} and no {@code regio}; the regio's scan of a round (its answers to the
     * regio statements) has {@code regio} and no {@code gemeente}. A gemeente's scan lists the regio's answers too.
     */
    @Serdeable
    record ScanJson(long id, long roundId, @Nullable GemeenteRef gemeente, @Nullable RegioRef regio, String status,
                    int progress, @Nullable Instant submittedAt, String source, @Nullable Instant importedAt,
                    @Nullable String importedBy, @Nullable String importFile, List<AnswerJson> answers) {
    }

    @Serdeable
    record GemeenteRef(String cbsCode, String name) {
    }

    @Serdeable
    record RegioRef(long id, String name) {
    }

    /** {@code answeredBy}: GEMEENTE, or REGIO for an answer the regio gave (once, for all its gemeenten). */
    @Serdeable
    record AnswerJson(String questionKey, @Nullable String value, @Nullable String comment, int version,
                      String updatedBy, Instant updatedAt, String answeredBy) {
        static AnswerJson of(AnswerRow row, Survey.Scope answeredBy) {
            return new AnswerJson(row.questionKey(), row.answerValue(), row.comment(), row.version(),
                    row.updatedByName(), row.updatedAt(), answeredBy.name());
        }
    }

    /** A saved answer, with the scan's progress after the save: the page updates its steps and figures from it. */
    @Serdeable
    record SavedJson(@JsonUnwrapped AnswerJson answer, ProgressJson progress) {
    }

    /** Questions answered of total over the scan, and every step and sub-step with its state. */
    @Serdeable
    record ProgressJson(int answered, int total, int percent, List<StepJson> steps) {
        static ProgressJson of(Steps steps) {
            return new ProgressJson(steps.answered(), steps.total(), steps.percent(), steps.steps().stream()
                    .flatMap(step -> Stream.concat(Stream.of(step), step.subSteps().stream()))
                    .map(step -> new StepJson(step.key(), step.state().name(), step.stateLabel(), step.answered(), step.total()))
                    .toList());
        }
    }

    /** {@code key}: a page's path or a split bouwsteen's key; {@code state}: NOT_STARTED, IN_PROGRESS, DONE or ATTENTION. */
    @Serdeable
    record StepJson(String key, String state, String stateLabel, int answered, int total) {
    }

    @Serdeable
    record StartRequest(@Nullable Long roundId) {
    }

    /** {@code notation} "nl": the value as a person typed it (the page's script), see {@link AnswerRules.Source}. */
    @Serdeable
    record AnswerRequest(@Nullable String value, @Nullable String comment, @Nullable Integer version,
                         @Nullable String notation) {
    }

    @Serdeable
    record ReopenRequest(@Nullable String reason) {
    }

    /** 409: someone saved first. {@code current} is the stored answer, to show the colleague's work. */
    @Serdeable
    record ConflictJson(String message, List<Object> errors, @Nullable AnswerJson current) {
    }

    /** A herhaling's nulmeting: its scan and round, and its answers beside the questions of the herhaling. */
    @Serdeable
    record BaselineJson(long scanId, long roundId, List<BaselineAnswerJson> answers) {
    }

    /** {@code questionKey} in this scan's survey; {@code baselineQuestionKey} as the nulmeting's survey asked it. */
    @Serdeable
    record BaselineAnswerJson(String questionKey, String baselineQuestionKey, @Nullable String value, String label,
                              @Nullable String comment) {
    }

    @Serdeable
    record MissingJson(String message, List<Object> errors, Map<String, List<String>> missing) {
    }

    private final ScanService service;
    private final ScanRepository scans;

    ScanController(ScanService service, ScanRepository scans) {
        this.service = service;
        this.scans = scans;
    }

    @Get
    List<ScanJson> list(TenantScope scope, @Nullable @QueryValue Long round) {
        List<ScanRow> rows = round == null ? scans.listVisible(scope) : scans.listVisibleOfRound(scope, round);
        return rows.stream().map(row -> json(service.view(scope, row.id()))).toList();
    }

    /** An adviser starts the gemeente's scan of the round; a coordinator the regio's (its regio statements). */
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.ADVISEUR, Role.Names.COORDINATOR})
    HttpResponse<ScanJson> start(CurrentAccount account, TenantScope scope, @Body StartRequest request) {
        if (request.roundId() == null) {
            throw new nl.quickscan.errors.InvalidInput().add("roundId", "Geef de meetronde op (roundId).").asException();
        }
        ScanRow scan = account.is(Role.COORDINATOR) ? service.startRegioPart(account, scope, request.roundId())
                : service.start(account, scope, request.roundId());
        return HttpResponse.created(json(service.view(scope, scan.id())));
    }

    @Get("/{id}")
    ScanJson get(TenantScope scope, @PathVariable long id) {
        return json(service.view(scope, id));
    }

    /** For a herhaling, the nulmeting's answers; 404 for a nulmeting, or when the gemeente has no scan there. */
    @Get("/{id}/baseline")
    BaselineJson baseline(TenantScope scope, @PathVariable long id) {
        ScanService.Baseline baseline = service.baseline(scope, service.view(scope, id))
                .orElseThrow(() -> new NotFoundException("nulmeting"));
        ScanRow scan = baseline.view().scan();
        return new BaselineJson(scan.id(), scan.roundId(), baseline.answers().entrySet().stream()
                .map(entry -> new BaselineAnswerJson(entry.getKey(), entry.getValue().baselineQuestion().key(),
                        entry.getValue().answer().answerValue(), entry.getValue().label(), entry.getValue().answer().comment()))
                .toList());
    }

    /** Advisers answer their gemeente's scan, coordinators their regio's; the service refuses anything else (403). */
    @Put(value = "/{id}/answers/{questionKey}", consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.ADVISEUR, Role.Names.COORDINATOR})
    HttpResponse<?> answer(CurrentAccount adviser, TenantScope scope, @PathVariable long id,
                           @PathVariable String questionKey, @Body AnswerRequest request) {
        if (request.version() == null || request.version() < 0) {
            throw new nl.quickscan.errors.InvalidInput()
                    .add("version", "Geef de versie op waarop u uw wijziging baseert (0 voor een nieuw antwoord).").asException();
        }
        if (request.notation() != null && !request.notation().equals("nl")) {
            throw new nl.quickscan.errors.InvalidInput()
                    .add("notation", "Laat notation weg, of geef \"nl\" voor een getal zoals een mens het typt (1.234 is duizend tweehonderdvierendertig).")
                    .asException();
        }
        ScanService.SaveResult result = service.save(adviser, scope, id, questionKey, request.value(), request.comment(),
                request.version(), request.notation() == null ? AnswerRules.Source.PROGRAM : AnswerRules.Source.PERSON);
        // Whoever may write here writes their own answers: the regio in its scan, the gemeente in its own.
        Survey.Scope by = adviser.is(Role.COORDINATOR) ? Survey.Scope.REGIO : Survey.Scope.GEMEENTE;
        if (result instanceof ScanService.SaveResult.Applied applied) {
            return HttpResponse.ok(new SavedJson(AnswerJson.of(applied.answer(), by),
                    ProgressJson.of(Steps.of(service.view(scope, id), null))));
        }
        if (result instanceof ScanService.SaveResult.Conflict conflict) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ConflictJson(
                    PartPage.conflictMessage(conflict.current()), List.of(),
                    conflict.current() == null ? null : AnswerJson.of(conflict.current(), by)));
        }
        ScanService.SaveResult.Rejected rejected = (ScanService.SaveResult.Rejected) result;
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(nl.quickscan.web.ApiError.of(rejected.message()));
    }

    @Post("/{id}/submit")
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> submit(CurrentAccount adviser, TenantScope scope, @PathVariable long id) {
        Map<String, List<String>> missing = service.submit(adviser, scope, id);
        if (!missing.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new MissingJson(
                    "De scan is nog niet compleet.", List.of(), missing));
        }
        return HttpResponse.ok(json(service.view(scope, id)));
    }

    @Post(value = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    ScanJson reopen(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body ReopenRequest request) {
        service.reopen(actor, scope, id, request.reason());
        return json(service.view(scope, id));
    }

    private static ScanJson json(ScanService.ScanView view) {
        ScanRow scan = view.scan();
        return new ScanJson(scan.id(), scan.roundId(),
                scan.regioPart() ? null : new GemeenteRef(scan.cbsCode(), scan.gemeenteName()),
                scan.regioPart() ? new RegioRef(scan.regioId(), scan.regioName()) : null,
                scan.status().name(), view.percent(), scan.submittedAt(), scan.source().name(), scan.importedAt(),
                scan.importedByName(), scan.importFile(),
                view.answers().values().stream().map(answer -> AnswerJson.of(answer, answeredBy(view, answer))).toList());
    }

    private static Survey.Scope answeredBy(ScanService.ScanView view, AnswerRow answer) {
        return view.scan().regioPart() || ScanService.questionOf(view.survey(), answer.questionKey())
                .filter(view::fromRegio).isPresent() ? Survey.Scope.REGIO : Survey.Scope.GEMEENTE;
    }
}
