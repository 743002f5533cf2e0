package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.ScanService;
import nl.quickscan.scans.AnswerRow;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Making, changing and reading the actions of a gemeente's verbeterplan, with their history and audit trail. */
@Singleton
public class PlanService {

    private final ActionRepository actions;
    private final GemeenteRepository gemeenten;
    private final ScanRepository scans;
    private final RoundRepository rounds;
    private final AnswerRepository answers;
    private final SurveyCatalog surveys;
    private final AuditLog auditLog;
    private final ScanService scanService;
    private final Clock clock;

    PlanService(ActionRepository actions, GemeenteRepository gemeenten, ScanRepository scans, RoundRepository rounds,
                AnswerRepository answers, SurveyCatalog surveys, AuditLog auditLog, ScanService scanService, Clock clock) {
        this.scanService = scanService;
        this.rounds = rounds;
        this.actions = actions;
        this.gemeenten = gemeenten;
        this.scans = scans;
        this.answers = answers;
        this.surveys = surveys;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The outcome of a change. */
    public sealed interface SaveResult {
        record Applied(PlanAction action) implements SaveResult {
        }

        /** A colleague saved first; {@code current} is the action as stored now. */
        record Conflict(PlanAction current) implements SaveResult {
        }
    }

    /** A scan an action can be made from: a scan of the gemeente with answers, and its survey. */
    public record Source(ScanRow scan, Survey survey) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public GemeenteRow gemeente(TenantScope scope, String cbsCode) {
        return gemeenten.findVisibleByCbsCode(scope, cbsCode).orElseThrow(() -> new NotFoundException("gemeente"));
    }

    public GemeenteRow gemeente(TenantScope scope, long id) {
        return gemeenten.findVisible(scope, id).orElseThrow(() -> new NotFoundException("gemeente"));
    }

    public List<PlanAction> actionsOf(TenantScope scope, GemeenteRow gemeente) {
        return actions.ofGemeente(scope, gemeente.id());
    }

    /** A round's plan: the actions made from its scans, and their counts per bouwsteen of its survey. */
    public record RoundPlan(Meetronde round, RegioPlan counts, List<PlanAction> actions, Map<Long, GemeenteRow> gemeenten,
                            Survey survey) {
        /** Per bouwsteen how many of the round's actions have each status. */
        public List<RegioPlan.StatusCount> byStatus() {
            return RegioPlan.byStatus(survey, actions);
        }

        /** The actions their gemeente shares in the regio, as the other gemeenten see them. */
        public List<PlanAction> shared() {
            return actions.stream().filter(PlanAction::shared).toList();
        }
    }

    public RoundPlan ofRound(TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
        Survey survey = surveys.find(round.surveyId(), round.surveyVersion()).orElseThrow(() -> new NotFoundException("vragenlijst"));
        List<PlanAction> all = actions.ofRound(scope, roundId);
        return new RoundPlan(round, RegioPlan.of(survey, all, today()), all, gemeenten.listVisible(scope).stream()
                .collect(Collectors.toMap(GemeenteRow::id, gemeente -> gemeente)), survey);
    }

    /**
     * The gemeente's actions aimed from that scan, also those carried over to a later scan since: for a herhaling,
     * what its nulmeting led to.
     */
    public List<PlanAction> aimedFrom(TenantScope scope, long gemeenteId, long scanId) {
        return actions.aimedFrom(scope, gemeenteId, scanId);
    }

    /** The actions the other gemeenten of the regio share with this one (which the caller found in its scope). */
    public List<ActionRepository.SharedAction> sharedWith(GemeenteRow own) {
        return actions.sharedWith(own);
    }

    public PlanAction action(TenantScope scope, long id) {
        return actions.findVisible(scope, id).orElseThrow(() -> new NotFoundException("actie"));
    }

    public List<ActionRepository.Change> history(PlanAction action) {
        return actions.history(action.id());
    }

    /** The scan, when it is the gemeente's and has answers; empty otherwise (another gemeente's: the same). */
    public Optional<Source> source(TenantScope scope, long gemeenteId, @Nullable Long scanId) {
        if (scanId == null) {
            return Optional.empty();
        }
        return scans.findVisible(scope, scanId).filter(scan -> scan.gemeenteId() == gemeenteId)
                .filter(scan -> answers.hasAnswers(scan.id()))
                .flatMap(scan -> surveys.find(scan.surveyId(), scan.surveyVersion()).map(survey -> new Source(scan, survey)));
    }

    /**
     * What a new action at this statement of the source scan is to achieve: the statement's recommendation for the
     * scan's answer (the next step where it is partly met), the regio's answer for a regio statement.
     */
    public String recommendationFor(TenantScope scope, Source source, Survey.Question question) {
        AnswerRow answer = scanService.view(scope, source.scan().id()).answers().get(question.key());
        return question.recommendationForAnswer(answer == null ? null : answer.answerValue());
    }

    /** The gemeente's most recent scan that has answers: where a new action comes from by default. */
    public Optional<Source> latestSource(TenantScope scope, long gemeenteId) {
        return scansOf(scope, gemeenteId).stream()
                .map(scan -> source(scope, gemeenteId, scan.id())).flatMap(Optional::stream).findFirst();
    }

    /** The gemeente's scans, the newest round first: the latest opened, and of rounds opened the same day the last made. */
    private List<ScanRow> scansOf(TenantScope scope, long gemeenteId) {
        return scans.listVisible(scope).stream().filter(scan -> scan.gemeenteId() == gemeenteId)
                .sorted(Comparator.comparing(ScanRow::opens).thenComparingLong(ScanRow::roundId).reversed()).toList();
    }

    @Transactional
    public PlanAction create(CurrentAccount adviser, TenantScope scope, GemeenteRow gemeente, ActionRules.Draft draft) {
        ActionRules.Fields fields = check(scope, gemeente.id(), draft, ActionStatus.GEPLAND);
        Instant now = now();
        long id = actions.insert(gemeente.id(), fields, adviser.id(), now);
        String summary = ActionRules.summary(fields, statementTexts(scope, gemeente.id(), fields.sourceScanId()));
        actions.recordChange(id, 1, "Aangemaakt. " + summary, adviser.id(), now);
        auditLog.record(adviser, AuditAction.PLAN_ACTION_CREATED, subject(id, fields.title()),
                "Versie 1 voor " + gemeente.name() + ". " + summary, gemeente.regioId(), gemeente.id());
        return action(scope, id);
    }

    /**
     * A new version of the action, when {@code basedOn} is the stored version; otherwise nothing is written and the
     * stored action comes back. Read committed: a colleague's save that committed in between must be seen.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public SaveResult update(CurrentAccount adviser, TenantScope scope, long id, int basedOn, ActionRules.Draft draft) {
        PlanAction before = action(scope, id);
        ActionRules.Fields fields = check(scope, before.gemeenteId(), draft, null);
        List<String> changes = ActionRules.changes(before, fields,
                statementTexts(scope, before.gemeenteId(), fields.sourceScanId(), before.sourceScanId()));
        return apply(adviser, scope, before, basedOn, fields, AuditAction.PLAN_ACTION_CHANGED,
                changes.isEmpty() ? "Opgeslagen zonder wijzigingen" : String.join("; ", changes));
    }

    /**
     * The gemeente's open actions made from the nulmeting of this herhaling's scan: what its results page offers to
     * carry over or close. Empty for a nulmeting.
     */
    public List<PlanAction> openFromNulmeting(TenantScope scope, ScanRow herhaling) {
        return nulmetingScan(scope, herhaling).map(nulmeting -> aimedFrom(scope, herhaling.gemeenteId(), nulmeting.id()).stream()
                .filter(action -> action.sourceScanId() == nulmeting.id() && !action.status().finished()).toList())
                .orElse(List.of());
    }

    /**
     * Carries an open action of the nulmeting over to the herhaling's scan: it stays open and aims at the same
     * statements as the herhaling's survey asks them. Refused when the survey no longer asks one of them.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public SaveResult carryOver(CurrentAccount adviser, TenantScope scope, long id, int basedOn, long herhalingScanId) {
        PlanAction before = action(scope, id);
        Source herhaling = openActionsHerhaling(scope, before, herhalingScanId);
        List<String> keys = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : before.questionKeys()) {
            herhaling.survey().questions().filter(q -> q.key().equals(key) || key.equals(q.replaces())).findFirst()
                    .ifPresentOrElse(question -> keys.add(question.key()), () -> missing.add(key));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput().add("scan", "Deze actie kan niet mee naar deze meting: de vragenlijst van "
                    + herhaling.scan().roundName() + " stelt " + (missing.size() == 1 ? "de stelling " : "de stellingen ")
                    + String.join(", ", missing) + " niet meer. Sluit de actie af, of maak een nieuwe actie bij de "
                    + "stellingen van deze meting.").asException();
        }
        ActionRules.Fields fields = new ActionRules.Fields(before.title(), before.description(), List.copyOf(keys),
                herhaling.scan().id(), before.owner(), before.partners(), before.due(), before.status(), before.shared());
        return apply(adviser, scope, before, basedOn, fields, AuditAction.PLAN_ACTION_CARRIED_OVER,
                "Meegenomen naar " + herhaling.scan().roundName() + " (scan " + herhaling.scan().id() + ")");
    }

    /** Closes an open action of the nulmeting from the herhaling's results page: afgerond or gestopt. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public SaveResult close(CurrentAccount adviser, TenantScope scope, long id, int basedOn, long herhalingScanId,
                            @Nullable String status) {
        PlanAction before = action(scope, id);
        Source herhaling = openActionsHerhaling(scope, before, herhalingScanId);
        ActionStatus closed = ActionStatus.ofName(status == null ? "" : status).filter(ActionStatus::finished)
                .orElseThrow(() -> new InvalidInput().add("status", "Kies of de actie is afgerond of gestopt.").asException());
        ActionRules.Fields fields = new ActionRules.Fields(before.title(), before.description(), before.questionKeys(),
                before.sourceScanId(), before.owner(), before.partners(), before.due(), closed, before.shared());
        return apply(adviser, scope, before, basedOn, fields, AuditAction.PLAN_ACTION_CLOSED,
                "Status: " + before.status().label() + " → " + closed.label() + " bij " + herhaling.scan().roundName());
    }

    /**
     * The herhaling's scan, when it is the gemeente's, has a nulmeting the action was made from, and the action is
     * still open; another gemeente's scan is not found.
     */
    private Source openActionsHerhaling(TenantScope scope, PlanAction action, long herhalingScanId) {
        Source herhaling = scans.findVisible(scope, herhalingScanId).filter(scan -> scan.gemeenteId() == action.gemeenteId())
                .flatMap(scan -> surveys.find(scan.surveyId(), scan.surveyVersion()).map(survey -> new Source(scan, survey)))
                .orElseThrow(() -> new NotFoundException("scan"));
        if (nulmetingScan(scope, herhaling.scan()).filter(nulmeting -> nulmeting.id() == action.sourceScanId()).isEmpty()) {
            throw new InvalidInput().add("scan", "Deze actie komt niet uit de nulmeting van deze meting.").asException();
        }
        if (action.status().finished()) {
            throw new InvalidInput().add("status", "Deze actie is al " + action.status().label().toLowerCase(java.util.Locale.ROOT)
                    + ". Alleen een actie die gepland of bezig is kan mee of afgesloten worden.").asException();
        }
        return herhaling;
    }

    /** The gemeente's scan in the nulmeting of a herhaling's scan. */
    private Optional<ScanRow> nulmetingScan(TenantScope scope, ScanRow herhaling) {
        if (herhaling.baselineRoundId() == null) {
            return Optional.empty();
        }
        return scansOf(scope, herhaling.gemeenteId()).stream()
                .filter(scan -> scan.roundId() == herhaling.baselineRoundId()).findFirst();
    }

    /**
     * A new version of the action, when {@code basedOn} is the stored version; otherwise nothing is written and the
     * stored action comes back. Read committed: a colleague's save that committed in between must be seen.
     */
    private SaveResult apply(CurrentAccount adviser, TenantScope scope, PlanAction before, int basedOn,
                             ActionRules.Fields fields, AuditAction kind, String summary) {
        if (before.version() != basedOn) {
            return new SaveResult.Conflict(before);
        }
        Instant now = now();
        if (!actions.update(before.id(), basedOn, fields, adviser.id(), now)) {
            return new SaveResult.Conflict(action(scope, before.id()));
        }
        actions.recordChange(before.id(), basedOn + 1, summary, adviser.id(), now);
        GemeenteRow gemeente = gemeente(scope, before.gemeenteId());
        auditLog.record(adviser, kind, subject(before.id(), fields.title()),
                "Versie " + (basedOn + 1) + ": " + summary, gemeente.regioId(), gemeente.id());
        return new SaveResult.Applied(action(scope, before.id()));
    }

    @Transactional
    public PlanAction addNote(CurrentAccount adviser, TenantScope scope, long id, @Nullable String text) {
        PlanAction action = action(scope, id);
        String note = ActionRules.note(text);
        actions.addNote(id, note, adviser.id(), now());
        GemeenteRow gemeente = gemeente(scope, action.gemeenteId());
        auditLog.record(adviser, AuditAction.PLAN_ACTION_NOTE_ADDED, subject(id, action.title()), note,
                gemeente.regioId(), gemeente.id());
        return action(scope, id);
    }

    /** The plan's page: the gemeente's actions per bouwsteen, with their statements' current answers. */
    public PlanOverview overview(TenantScope scope, GemeenteRow gemeente, @Nullable ActionStatus status) {
        List<PlanAction> all = actionsOf(scope, gemeente);
        return PlanOverview.of(all, statements(scope, gemeente.id(), all), today(), status);
    }

    /**
     * Per question key of the actions, the statement as the gemeente's most recent scan of the action's survey asks
     * it (or, where that survey no longer has it, as the source scan did), with the answer of the most recent scan
     * of that survey that answered it: a herhaling just started does not hide the nulmeting's answer.
     */
    public Map<String, PlanOverview.Statement> statements(TenantScope scope, long gemeenteId, List<PlanAction> of) {
        List<ScanRow> gemeenteScans = scansOf(scope, gemeenteId);
        Map<Long, ScanRow> byId = gemeenteScans.stream().collect(Collectors.toMap(ScanRow::id, scan -> scan));
        Map<Long, Map<String, AnswerRow>> answersOf = new HashMap<>();
        Map<String, PlanOverview.Statement> statements = new HashMap<>();
        for (PlanAction action : of) {
            ScanRow source = byId.get(action.sourceScanId());
            if (source == null) {
                continue;
            }
            List<ScanRow> sameSurvey = gemeenteScans.stream().filter(scan -> scan.surveyId().equals(source.surveyId())).toList();
            ScanRow latest = sameSurvey.isEmpty() ? source : sameSurvey.get(0);
            for (String key : action.questionKeys()) {
                if (statements.containsKey(key)) {
                    continue;
                }
                Optional<Located> inLatest = locate(surveyOf(latest), key);
                Optional<Located> found = inLatest.or(() -> locate(surveyOf(source), key));
                if (found.isEmpty()) {
                    continue;
                }
                String current = inLatest.isPresent() ? inLatest.get().question().answerLabel(null) : "niet gevraagd in de laatste scan";
                String round = latest.roundName();
                for (ScanRow scan : inLatest.isPresent() ? sameSurvey : List.<ScanRow>of()) {
                    Optional<Located> there = locate(surveyOf(scan), key);
                    AnswerRow answer = there.map(located -> answersOf.computeIfAbsent(scan.id(), scanId -> scanService.countingAnswers(scan))
                            .get(located.question().key())).orElse(null);
                    if (answer != null && answer.answerValue() != null) {
                        current = there.get().question().answerLabel(answer.answerValue());
                        round = scan.roundName();
                        break;
                    }
                }
                Located at = found.get();
                statements.put(key, new PlanOverview.Statement(key, at.question().text(), at.bouwsteen().key(),
                        at.bouwsteen().title(), at.order(), current, round));
            }
        }
        return statements;
    }

    /** A statement's text by its key, as the first of these scans' surveys asks it; the key itself when none does. */
    private Function<String, String> statementTexts(TenantScope scope, long gemeenteId, long... scanIds) {
        List<Survey> of = new ArrayList<>();
        for (long scanId : scanIds) {
            source(scope, gemeenteId, scanId).ifPresent(source -> of.add(source.survey()));
        }
        return key -> of.stream().map(survey -> locate(survey, key)).flatMap(Optional::stream).findFirst()
                .map(located -> located.question().text()).orElse(key);
    }

    private record Located(Survey.Bouwsteen bouwsteen, int order, Survey.Question question) {
    }

    /** The question of that key in the survey, or the one that replaces it there. */
    private static Optional<Located> locate(@Nullable Survey survey, String key) {
        if (survey == null) {
            return Optional.empty();
        }
        for (int i = 0; i < survey.bouwstenen().size(); i++) {
            Survey.Bouwsteen bouwsteen = survey.bouwstenen().get(i);
            for (Survey.Question question : bouwsteen.questions()) {
                if (question.key().equals(key) || key.equals(question.replaces())) {
                    return Optional.of(new Located(bouwsteen, i, question));
                }
            }
        }
        return Optional.empty();
    }

    @Nullable
    private Survey surveyOf(ScanRow scan) {
        return surveys.find(scan.surveyId(), scan.surveyVersion()).orElse(null);
    }

    private ActionRules.Fields check(TenantScope scope, long gemeenteId, ActionRules.Draft draft,
                                     @Nullable ActionStatus defaultStatus) {
        Set<String> keys = source(scope, gemeenteId, draft.sourceScanId())
                .map(source -> source.survey().questions().map(Survey.Question::key).collect(Collectors.toSet()))
                .orElse(null);
        return ActionRules.check(draft, keys, defaultStatus);
    }

    /** Whole seconds, so that the action returned is the one stored on every database (as with answers). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String subject(long id, String title) {
        return "Actie " + id + ": " + title;
    }
}
