package nl.quickscan.scans;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.operations.Metrics;
import nl.quickscan.identity.Role;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ClosedException;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.ForbiddenException;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Starting, answering, submitting and reopening scans, with the checks and the audit trail that go with them. */
@Singleton
public class ScanService {

    public static final int REOPEN_REASON_MAX = 1000;

    private final ScanRepository scans;
    private final AnswerRepository answers;
    private final RoundRepository rounds;
    private final SurveyCatalog surveys;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher<ReopenMail.Reopened> reopenedEvents;
    private final Clock clock;
    private final Metrics metrics;

    ScanService(ScanRepository scans, AnswerRepository answers, RoundRepository rounds, SurveyCatalog surveys,
                AuditLog auditLog, ApplicationEventPublisher<ReopenMail.Reopened> reopenedEvents, Clock clock,
                Metrics metrics) {
        this.metrics = metrics;
        this.reopenedEvents = reopenedEvents;
        this.clock = clock;
        this.scans = scans;
        this.answers = answers;
        this.rounds = rounds;
        this.surveys = surveys;
        this.auditLog = auditLog;
    }

    /**
     * A scan with its survey, answers and progress: everything the pages and the API show. For a gemeente's scan,
     * {@code answers} holds the regio's answers to the regio statements too (see {@link RegioAnswers#merge}), and
     * {@code progress} counts only the gemeente's own statements; for the regio's scan, {@code survey} is its regio
     * part ({@link RegioAnswers#regioPart}). {@code editable}: the round is open and the scan not submitted.
     */
    public record ScanView(ScanRow scan, Survey survey, Map<String, AnswerRow> answers, List<Progress.Part> progress,
                           boolean editable) {
        public int percent() {
            return Progress.percent(progress);
        }

        /** Whether the account may change this scan's answers: a gemeente's advisers, or the regio's coordinators. */
        public boolean editableBy(CurrentAccount account) {
            return editable && mayAnswer(account, scan);
        }

        /** Who answers this scan's own statements: the gemeente, or the regio in its scan. */
        public Survey.Scope answeredBy() {
            return scan.regioPart() ? Survey.Scope.REGIO : Survey.Scope.GEMEENTE;
        }

        /** The questions of the list this scan answers itself (its progress and open points go over these). */
        public List<Survey.Question> ownQuestions(List<Survey.Question> questions) {
            return Progress.answeredBy(questions, answeredBy());
        }

        /** In a gemeente's scan, a statement the regio answers: shown read-only, with the regio's answer. */
        public boolean fromRegio(Survey.Question question) {
            return !scan.regioPart() && question.scope() == Survey.Scope.REGIO;
        }
    }

    /**
     * Who may write a scan's answers: an adviser of the gemeente its own scan (the scope has already checked the
     * gemeente), a coordinator of the regio the regio's scan; the beheerder only reads.
     */
    static boolean mayAnswer(CurrentAccount account, ScanRow scan) {
        return scan.regioPart() ? account.is(Role.COORDINATOR) && Objects.equals(account.regioId(), scan.regioId())
                : account.is(Role.ADVISEUR);
    }

    /** The outcome of one save. */
    public sealed interface SaveResult {
        record Applied(AnswerRow answer) implements SaveResult {
        }

        /** Someone else saved first; {@code current} is what is stored now (null: the answer was never saved). */
        record Conflict(@Nullable AnswerRow current) implements SaveResult {
        }

        /** The answer itself is not acceptable (no such question, not an option, too long). */
        record Rejected(String message) implements SaveResult {
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A gemeente's scan, or the regio's scan of a round, when the scope may see it. */
    public ScanView view(TenantScope scope, long scanId) {
        return view(find(scope, scanId));
    }

    private ScanRow find(TenantScope scope, long scanId) {
        return scans.findVisible(scope, scanId).or(() -> scans.findVisibleRegioPart(scope, scanId))
                .orElseThrow(ScanService::notFound);
    }

    ScanView view(ScanRow scan) {
        Survey survey = surveyOf(scan);
        Map<String, AnswerRow> own = byKeyInOrder(answers.ofScan(scan.id()));
        boolean editable = !scan.submitted() && scan.roundOpenOn(today());
        if (scan.regioPart()) {
            Survey part = RegioAnswers.regioPart(survey);
            return new ScanView(scan, part, own, Progress.of(part, Progress.answersOf(own), Survey.Scope.REGIO), editable);
        }
        Map<String, AnswerRow> merged = RegioAnswers.hasRegioPart(survey) ? RegioAnswers.merge(survey, own,
                scans.findRegioPartOfRound(scan.roundId()).map(regio -> byKeyInOrder(answers.ofScan(regio.id())))
                        .orElse(Map.of())) : own;
        return new ScanView(scan, survey, merged, Progress.of(survey, Progress.answersOf(merged)), editable);
    }

    /** What counts for a gemeente's scan, by question key: its own answers and the regio's to the regio statements. */
    public Map<String, AnswerRow> countingAnswers(ScanRow scan) {
        return view(scan).answers();
    }

    private static Map<String, AnswerRow> byKeyInOrder(List<AnswerRow> rows) {
        Map<String, AnswerRow> byKey = new LinkedHashMap<>();
        rows.forEach(answer -> byKey.put(answer.questionKey(), answer));
        return byKey;
    }

    /** The adviser's scan of the round, created on first use. Read committed, to see a colleague's simultaneous start. */
    /**
     * The regio's scan of the round, created on first use by one of its coordinators; only for a round whose survey
     * has regio statements. Read committed, as {@link #start}.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ScanRow startRegioPart(CurrentAccount coordinator, TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(ScanService::notFound);
        Optional<ScanRow> existing = scans.findRegioPartOfRound(round.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Survey survey = surveys.find(round.surveyId(), round.surveyVersion()).orElseThrow();
        if (!RegioAnswers.hasRegioPart(survey)) {
            // Then the only scans of the round are the gemeenten's, which their advisers start.
            throw new ForbiddenException("De vragenlijst van deze meetronde heeft geen stellingen voor de regio: er is geen"
                    + " regionaal deel om in te vullen. De scans van de gemeenten starten hun beleidsadviseurs.");
        }
        if (!round.openOn(today())) {
            throw new ClosedException(
                    "Deze meetronde is gesloten (open van " + round.opens() + " tot en met " + round.closes() + ").");
        }
        try {
            scans.createRegioPartIfAbsent(round.id(), clock.instant());
        } catch (DataAccessException e) {
            // A fellow coordinator started it at the same moment; theirs is the one.
        }
        return scans.findRegioPartOfRound(round.id()).orElseThrow();
    }

    /** The round's regio scan, if a coordinator has started it; for the round's dashboard. */
    public Optional<ScanRow> regioPartOfRound(TenantScope scope, long roundId) {
        return rounds.findVisible(scope, roundId).flatMap(round -> scans.findRegioPartOfRound(round.id()));
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ScanRow start(CurrentAccount adviser, TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(ScanService::notFound);
        long gemeenteId = adviser.gemeenteId();
        Optional<ScanRow> existing = scans.findOfGemeente(round.id(), gemeenteId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!round.openOn(today())) {
            throw new ClosedException(
                    "Deze meetronde is gesloten (open van " + round.opens() + " tot en met " + round.closes() + ").");
        }
        try {
            scans.createIfAbsent(round.id(), gemeenteId, clock.instant());
        } catch (DataAccessException e) {
            // A colleague started the same scan at the same moment; theirs is the one.
        }
        return scans.findOfGemeente(round.id(), gemeenteId).orElseThrow();
    }

    /**
     * One answer as a page or a script sent it, with the version it was based on (0: there was no answer yet) and
     * who wrote its value (which decides how a kengetal is read).
     */
    public record Submission(String questionKey, @Nullable String value, @Nullable String comment, int basedOn,
                             AnswerRules.Source source) {
    }

    /** One answer through the API: saved as a new version when {@code expectedVersion} is the stored one, changed or not. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public SaveResult save(CurrentAccount adviser, TenantScope scope, long scanId, String questionKey,
                           @Nullable String rawValue, @Nullable String rawComment, int expectedVersion,
                           AnswerRules.Source source) {
        return saveAll(adviser, scope, scanId, List.of(new Submission(questionKey, rawValue, rawComment, expectedVersion,
                source)), false).get(questionKey);
    }

    /**
     * Saves the answers of one step together, in one transaction: one lock on the scan, then the answers, their
     * history and their audit rows each written as one batch. Every answer keeps its own version check and outcome:
     * applied, a conflict (a colleague saved a newer version first) or rejected (not an answer the question takes);
     * a refused answer does not hold back the others, and the applied ones are stored together or not at all.
     * <p>
     * Read committed: after the scan row is locked, the answers must be read as the previous save committed them,
     * not as they were when this transaction first looked (MySQL's default repeatable read would show the latter).
     *
     * @param onlyChanged a page post: an answer equal to what the page showed (the answer at the version it was
     *                    based on) is left alone and has no outcome, so that a question the user did not touch never
     *                    conflicts with a colleague's newer answer; nor does one the colleague gave exactly alike
     * @return per question key its outcome
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Map<String, SaveResult> saveAll(CurrentAccount adviser, TenantScope scope, long scanId,
                                           List<Submission> submissions, boolean onlyChanged) {
        ScanRow scan = find(scope, scanId);
        if (!mayAnswer(adviser, scan)) {
            throw new ForbiddenException(scan.regioPart()
                    ? "Alleen de coördinator van de regio kan het regionale deel invullen."
                    : "Alleen de beleidsadviseurs van de gemeente kunnen deze scan invullen.");
        }
        Survey full = surveyOf(scan);
        if (!scan.regioPart() && submissions.stream().anyMatch(submission -> questionOf(full, submission.questionKey())
                .filter(question -> question.scope() == Survey.Scope.REGIO).isPresent())) {
            throw new ForbiddenException("Deze stelling beantwoordt de regio: de coördinator vult hem in voor alle gemeenten.");
        }
        Survey survey = scan.regioPart() ? RegioAnswers.regioPart(full) : full;
        Map<String, SaveResult> results = new LinkedHashMap<>();
        List<Submission> valid = new ArrayList<>();
        for (Submission submission : submissions) {
            Optional<Survey.Question> question = questionOf(survey, submission.questionKey());
            String value = question.isEmpty() ? null : AnswerRules.normalize(question.get(), submission.value(), submission.source());
            String problem = question.isEmpty() ? "Deze vragenlijst heeft geen vraag " + submission.questionKey() + "."
                    : AnswerRules.problemWith(question.get(), value, submission.comment());
            if (problem != null) {
                results.put(submission.questionKey(), new SaveResult.Rejected(problem));
            } else {
                // From here on the value is as stored: a kengetal in the API's notation.
                valid.add(new Submission(submission.questionKey(), value, AnswerRules.normalizeComment(submission.comment()),
                        submission.basedOn(), AnswerRules.Source.PROGRAM));
            }
        }
        if (onlyChanged) {
            // What a version held never changes, so this needs no lock: most page posts change little or nothing.
            Map<String, AnswerRow> shown = byKey(answers.ofScan(scan.id()));
            valid.removeIf(submission -> unchanged(scan.id(), submission, shown.get(submission.questionKey())));
        }
        if (valid.isEmpty()) {
            return results;
        }
        if (!scan.roundOpenOn(today())) {
            throw new ClosedException("De meetronde is gesloten; antwoorden kunnen niet meer worden gewijzigd.");
        }
        if (scans.lockForChange(scan.id()) == 0) {
            throw new ClosedException("Deze scan is ingediend en kan niet meer worden gewijzigd.");
        }
        Map<String, AnswerRow> stored = byKey(answers.ofScan(scan.id()));
        List<AnswerRepository.Write> writes = new ArrayList<>();
        for (Submission submission : valid) {
            AnswerRow before = stored.get(submission.questionKey());
            if ((before == null ? 0 : before.version()) == submission.basedOn()) {
                writes.add(new AnswerRepository.Write(submission.questionKey(), submission.value(), submission.comment(), before));
            } else if (!(onlyChanged && before != null && Objects.equals(before.answerValue(), submission.value())
                    && Objects.equals(before.comment(), submission.comment()))) {
                results.put(submission.questionKey(), new SaveResult.Conflict(before));
            }
        }
        // Whole seconds, so that the row returned below is the row stored on every database: MariaDB through
        // mysql-connector-j keeps no fractions (the driver takes its version for MySQL 5.5 and sends none).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Set<String> moved = answers.write(scan.id(), writes, adviser.id(), now);
        moved.forEach(key -> results.put(key, new SaveResult.Conflict(answers.find(scan.id(), key).orElse(null))));
        writes.removeIf(write -> moved.contains(write.questionKey()));
        answers.recordChanges(scan.id(), writes, adviser.id(), now);
        auditLog.recordAll(adviser, writes.stream().map(write -> answerSaved(scan, survey, write)).toList());
        for (AnswerRepository.Write write : writes) {
            results.put(write.questionKey(), new SaveResult.Applied(new AnswerRow(write.questionKey(), write.value(),
                    write.comment(), write.version(), adviser.displayName(), adviser.email(), now)));
        }
        metrics.answersSaved(writes.size(), (int) results.values().stream().filter(SaveResult.Conflict.class::isInstance).count());
        return results;
    }

    /** Whether the submission is what the page showed: the answer at the version it was based on. */
    private boolean unchanged(long scanId, Submission submission, @Nullable AnswerRow stored) {
        AnswerRepository.Content shown;
        if (submission.basedOn() == 0) {
            shown = new AnswerRepository.Content(null, null);
        } else if (stored != null && stored.version() == submission.basedOn()) {
            shown = new AnswerRepository.Content(stored.answerValue(), stored.comment());
        } else {
            Optional<AnswerRepository.Content> then = answers.contentAt(scanId, submission.questionKey(), submission.basedOn());
            if (then.isEmpty()) {
                return false;
            }
            shown = then.get();
        }
        return Objects.equals(shown.value(), submission.value()) && Objects.equals(shown.comment(), submission.comment());
    }

    private static Map<String, AnswerRow> byKey(List<AnswerRow> rows) {
        Map<String, AnswerRow> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.questionKey(), row));
        return byKey;
    }

    /** Submits the scan; returns per bouwsteen the question keys that still block it (empty: submitted). */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Map<String, List<String>> submit(CurrentAccount adviser, TenantScope scope, long scanId) {
        ScanRow scan = scans.findVisible(scope, scanId).orElseThrow(ScanService::notFound);
        if (scan.submitted()) {
            throw new ConflictException("Deze scan is al ingediend.");
        }
        if (!scan.roundOpenOn(today())) {
            throw new ClosedException("De meetronde is gesloten; de scan kan niet meer worden ingediend.");
        }
        if (scans.lockForChange(scan.id()) == 0) {
            throw new ConflictException("Deze scan is al ingediend.");
        }
        Map<String, List<String>> missing = Progress.missing(view(scan).progress());
        if (!missing.isEmpty()) {
            return missing;
        }
        scans.markSubmitted(scan.id(), adviser.id(), clock.instant());
        metrics.scanSubmitted();
        auditLog.record(adviser, AuditAction.SCAN_SUBMITTED, "scan " + scan.id(), "Ingediend voor " + scan.gemeenteName()
                + ", " + scan.roundName(), scan.regioId(), scan.gemeenteId());
        return Map.of();
    }

    @Transactional
    public void reopen(CurrentAccount actor, TenantScope scope, long scanId, @Nullable String reason) {
        ScanRow scan = scans.findVisible(scope, scanId).orElseThrow(ScanService::notFound);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput().add("reason", "Geef een reden op om de scan te heropenen.").asException();
        }
        if (reason.length() > REOPEN_REASON_MAX) {
            throw new InvalidInput().add("reason", "De reden mag hoogstens " + REOPEN_REASON_MAX + " tekens lang zijn.").asException();
        }
        if (!scan.roundOpenOn(today())) {
            throw new ClosedException(
                    "De meetronde is gesloten; een heropende scan zou niet meer kunnen worden ingediend.");
        }
        if (scans.reopen(scan.id(), actor.id(), clock.instant(), reason.strip()) == 0) {
            throw new ConflictException("Deze scan is niet ingediend.");
        }
        auditLog.record(actor, AuditAction.SCAN_REOPENED, "scan " + scan.id(), "Heropend voor " + scan.gemeenteName() + ": "
                + reason.strip(), scan.regioId(), scan.gemeenteId());
        reopenedEvents.publishEvent(new ReopenMail.Reopened(scan, actor.displayName(), reason.strip()));
    }

    public List<AnswerChange> history(ScanView view) {
        return answers.changesOfScan(view.scan().id());
    }

    /**
     * The nulmeting a herhaling is compared with: the same gemeente's scan of the round's baseline round. Empty
     * for a nulmeting, or when the gemeente has no scan in the baseline round.
     */
    public Optional<Long> baselineScanId(TenantScope scope, ScanView current) {
        return baselineScan(scope, current.scan()).map(ScanRow::id);
    }

    private Optional<ScanRow> baselineScan(TenantScope scope, ScanRow current) {
        return current.roundKind() != Meetronde.Kind.HERHALING || current.baselineRoundId() == null ? Optional.empty()
                : scans.findVisibleOfGemeente(scope, current.baselineRoundId(), current.gemeenteId());
    }

    /** A herhaling's nulmeting, with per question of the herhaling the answer given there. */
    public record Baseline(ScanView view, Map<String, BaselineAnswer> answers) {
    }

    /**
     * The nulmeting's answer beside a question of the herhaling: the question as the nulmeting's survey version
     * asked it (the same key, or the one it {@code replaces}), and what was stored.
     */
    public record BaselineAnswer(Survey.Question question, Survey.Question baselineQuestion, AnswerRow answer) {
        public String label() {
            return baselineQuestion.answerLabel(answer.answerValue());
        }

        /** Whether the herhaling's question takes the same value (a statement that replaces another may not). */
        public boolean copyable() {
            return answer.answerValue() != null && AnswerRules.problemWith(question, answer.answerValue(), null) == null;
        }
    }

    /** The nulmeting of this scan and its answers, per question key of this scan's survey; empty as {@link #baselineScanId}. */
    public Optional<Baseline> baseline(TenantScope scope, ScanView current) {
        return baselineScan(scope, current.scan()).map(scan -> {
            ScanView baseline = view(scan);
            Map<String, Survey.Question> earlier = new HashMap<>();
            allQuestions(baseline.survey()).forEach(question -> earlier.put(question.key(), question));
            Map<String, BaselineAnswer> answers = new LinkedHashMap<>();
            allQuestions(current.survey()).forEach(question -> {
                Survey.Question then = question.counterpartIn(earlier);
                AnswerRow answer = then == null ? null : baseline.answers().get(then.key());
                if (answer != null && (answer.answerValue() != null || answer.comment() != null)) {
                    answers.put(question.key(), new BaselineAnswer(question, then, answer));
                }
            });
            return new Baseline(baseline, answers);
        });
    }

    public static Optional<Survey.Question> questionOf(Survey survey, String key) {
        return allQuestions(survey).filter(question -> question.key().equals(key)).findFirst();
    }

    /** The statements of the bouwstenen, then the kengetallen: everything a scan answers. */
    private static Stream<Survey.Question> allQuestions(Survey survey) {
        return Stream.concat(survey.questions(), survey.kengetallen().stream());
    }

    private Survey surveyOf(ScanRow scan) {
        return surveys.find(scan.surveyId(), scan.surveyVersion()).orElseThrow(() -> new IllegalStateException(
                "round " + scan.roundId() + " uses survey " + scan.surveyId() + " v" + scan.surveyVersion() + ", which is not loaded"));
    }

    /** The audit entry of a saved answer in the words of the page: the question's text, the answers' labels. */
    private static AuditLog.Change answerSaved(ScanRow scan, Survey survey, AnswerRepository.Write write) {
        Survey.Question question = questionOf(survey, write.questionKey()).orElseThrow();
        String before = question.answerLabel(write.before() == null ? null : write.before().answerValue());
        return new AuditLog.Change(AuditAction.ANSWER_SAVED, "Scan " + scan.id() + ", vraag " + question.key() + ": "
                + question.text(), "Versie " + write.version() + ": " + before + " → " + question.answerLabel(write.value()),
                scan.regioId(), scan.regioPart() ? null : scan.gemeenteId());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("scan");
    }
}
