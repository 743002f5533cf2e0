package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ClosedException;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Clock clock;

    ScanService(ScanRepository scans, AnswerRepository answers, RoundRepository rounds, SurveyCatalog surveys,
                AuditLog auditLog, Clock clock) {
        this.clock = clock;
        this.scans = scans;
        this.answers = answers;
        this.rounds = rounds;
        this.surveys = surveys;
        this.auditLog = auditLog;
    }

    /** A scan with its survey, answers and progress: everything the pages and the API show. */
    public record ScanView(ScanRow scan, Survey survey, Map<String, AnswerRow> answers, List<Progress.Part> progress,
                           boolean editable) {
        public int percent() {
            return Progress.percent(progress);
        }
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

    public ScanView view(TenantScope scope, long scanId) {
        ScanRow scan = scans.findVisible(scope, scanId).orElseThrow(ScanService::notFound);
        return view(scan);
    }

    ScanView view(ScanRow scan) {
        Survey survey = surveyOf(scan);
        Map<String, AnswerRow> byKey = new LinkedHashMap<>();
        answers.ofScan(scan.id()).forEach(answer -> byKey.put(answer.questionKey(), answer));
        return new ScanView(scan, survey, byKey, Progress.of(survey, Progress.answersOf(byKey)),
                !scan.submitted() && scan.roundOpenOn(today()));
    }

    /** The adviser's scan of the round, created on first use. Read committed, to see a colleague's simultaneous start. */
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
     * Read committed: after the scan row is locked, the answer must be read as the previous save committed it,
     * not as it was when this transaction first looked (MySQL's default repeatable read would show the latter).
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public SaveResult save(CurrentAccount adviser, TenantScope scope, long scanId, String questionKey,
                           @Nullable String rawValue, @Nullable String rawComment, int expectedVersion) {
        ScanRow scan = scans.findVisible(scope, scanId).orElseThrow(ScanService::notFound);
        Survey survey = surveyOf(scan);
        Optional<Survey.Question> question = questionOf(survey, questionKey);
        if (question.isEmpty()) {
            return new SaveResult.Rejected("Deze vragenlijst heeft geen vraag " + questionKey + ".");
        }
        String problem = AnswerRules.problemWith(question.get(), AnswerRules.normalize(question.get(), rawValue), rawComment);
        if (problem != null) {
            return new SaveResult.Rejected(problem);
        }
        if (!scan.roundOpenOn(today())) {
            throw new ClosedException("De meetronde is gesloten; antwoorden kunnen niet meer worden gewijzigd.");
        }
        if (scans.lockForChange(scan.id()) == 0) {
            throw new ClosedException("Deze scan is ingediend en kan niet meer worden gewijzigd.");
        }
        String value = AnswerRules.normalize(question.get(), rawValue);
        String comment = AnswerRules.normalizeComment(rawComment);
        // Whole seconds, so that the row returned below is the row stored on every database: MariaDB through
        // mysql-connector-j keeps no fractions (the driver takes its version for MySQL 5.5 and sends none).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<AnswerRow> before = answers.find(scan.id(), questionKey);
        int storedVersion = before.map(AnswerRow::version).orElse(0);
        if (storedVersion != expectedVersion) {
            return new SaveResult.Conflict(before.orElse(null));
        }
        if (before.isEmpty()) {
            answers.insertFirst(scan.id(), questionKey, value, comment, adviser.id(), now);
        } else if (answers.updateIfVersion(scan.id(), questionKey, value, comment, expectedVersion, adviser.id(), now) == 0) {
            return new SaveResult.Conflict(answers.find(scan.id(), questionKey).orElse(null));
        }
        answers.recordChange(scan.id(), questionKey, expectedVersion + 1, before.map(AnswerRow::answerValue).orElse(null),
                value, before.map(AnswerRow::comment).orElse(null), comment, adviser.id(), now);
        auditLog.record(adviser, "ANSWER_SAVED", "scan " + scan.id() + " vraag " + questionKey,
                "Versie " + (expectedVersion + 1) + ": " + describe(before.map(AnswerRow::answerValue).orElse(null))
                        + " → " + describe(value), scan.regioId(), scan.gemeenteId());
        return new SaveResult.Applied(new AnswerRow(questionKey, value, comment, expectedVersion + 1, adviser.displayName(),
                adviser.email(), now));
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
        auditLog.record(adviser, "SCAN_SUBMITTED", "scan " + scan.id(), "Ingediend voor " + scan.gemeenteName()
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
        auditLog.record(actor, "SCAN_REOPENED", "scan " + scan.id(), "Heropend voor " + scan.gemeenteName() + ": "
                + reason.strip(), scan.regioId(), scan.gemeenteId());
    }

    public List<AnswerChange> history(ScanView view) {
        return answers.changesOfScan(view.scan().id());
    }

    public static Optional<Survey.Question> questionOf(Survey survey, String key) {
        return Stream.concat(survey.questions(), survey.kengetallen().stream())
                .filter(question -> question.key().equals(key)).findFirst();
    }

    private Survey surveyOf(ScanRow scan) {
        return surveys.find(scan.surveyId(), scan.surveyVersion()).orElseThrow(() -> new IllegalStateException(
                "round " + scan.roundId() + " uses survey " + scan.surveyId() + " v" + scan.surveyVersion() + ", which is not loaded"));
    }

    private static String describe(@Nullable String value) {
        return value == null ? "(leeg)" : value;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("scan");
    }
}
