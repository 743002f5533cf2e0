package nl.quickscan.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ClosedException;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.reports.Spreadsheet;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import of an earlier measurement into a round: the template, the dry run and the import itself. All or nothing:
 * a file with any problem stores nothing, and an import writes its scans, answers, history and audit entries in one
 * transaction. A gemeente that has a scan in the round is left as it is (skipped), whatever the file holds.
 */
@Singleton
public class ImportService {

    /** How long an upload waits for its confirmation. */
    static final Duration STAGED_FOR = Duration.ofDays(1);

    /** What happens (or happened) to a gemeente of the file. */
    public enum Status {
        READY, IMPORTED, SKIPPED
    }

    public record GemeenteOutcome(String cbsCode, String name, int answers, Status status) {
    }

    /**
     * The outcome of a dry run or an import: per gemeente of the file what is (or was) done, and every problem;
     * {@code uploadId}: the staged file a confirmation names (null when there is nothing to confirm).
     */
    public record Outcome(Meetronde round, String fileName, List<GemeenteOutcome> gemeenten, List<ImportProblem> problems,
                          boolean imported, @Nullable Long uploadId) {
        public boolean importable() {
            return problems.isEmpty() && gemeenten.stream().anyMatch(g -> g.status() == Status.READY);
        }
    }

    private final RoundRepository rounds;
    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final SurveyCatalog surveys;
    private final AnswerRepository answers;
    private final ImportRepository imports;
    private final AuditLog auditLog;
    private final Clock clock;

    ImportService(RoundRepository rounds, RegioRepository regios, GemeenteRepository gemeenten, SurveyCatalog surveys,
                  AnswerRepository answers, ImportRepository imports, AuditLog auditLog, Clock clock) {
        this.rounds = rounds;
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.surveys = surveys;
        this.answers = answers;
        this.imports = imports;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The round, when the scope may see it (another regio's: 404). */
    public Meetronde round(TenantScope scope, long roundId) {
        return rounds.findVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
    }

    /** The round's template: its regio's gemeenten × the survey's gemeente statements. */
    public Spreadsheet template(TenantScope scope, long roundId) {
        Meetronde round = round(scope, roundId);
        List<ImportTemplate.Gemeente> listed = imports.gemeentenOfRound(round.id(), round.regioId()).stream()
                .map(g -> new ImportTemplate.Gemeente(g.cbsCode(), g.name())).toList();
        return ImportTemplate.of(survey(round), regioName(round), round.name(), round.opens().getYear(), listed,
                LocalDate.now(clock));
    }

    /** A file refused before it is read (too large), as an outcome with that one problem. */
    public Outcome refused(TenantScope scope, long roundId, @Nullable String fileName, String message) {
        return new Outcome(round(scope, roundId), fileName, List.of(), List.of(ImportProblem.ofFile(message)), false, null);
    }

    /** A dry run: what the file would import; nothing stored. */
    public Outcome check(TenantScope scope, long roundId, String fileName, byte[] file) {
        Meetronde round = round(scope, roundId);
        return outcome(round, fileName, check(round, file), false, null);
    }

    /** A dry run whose file is kept for the confirmation when it can be imported. */
    @Transactional
    public Outcome stage(CurrentAccount actor, TenantScope scope, long roundId, String fileName, byte[] file) {
        Meetronde round = round(scope, roundId);
        ImportCheck.Result result = check(round, file);
        Instant now = clock.instant();
        imports.removeStagedBefore(now.minus(STAGED_FOR));
        Outcome outcome = outcome(round, fileName, result, false, null);
        if (!outcome.importable()) {
            return outcome;
        }
        long id = imports.stage(round.id(), actor.id(), safeName(fileName), file, now);
        return outcome(round, fileName, result, false, id);
    }

    /** Imports the file staged by {@link #stage}, checked again (a gemeente may have started its scan since). */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Outcome confirm(CurrentAccount actor, TenantScope scope, long roundId, long uploadId) {
        Meetronde round = round(scope, roundId);
        ImportRepository.Upload upload = imports.staged(uploadId, round.id(), actor.id())
                .orElseThrow(() -> new NotFoundException("upload"));
        Outcome outcome = importFile(actor, scope, roundId, upload.fileName(), upload.content());
        if (outcome.imported()) {
            imports.unstage(upload.id());
        }
        return outcome;
    }

    /**
     * Imports the file: when it has no problem, every gemeente of it without a scan in the round gets one, submitted
     * and marked imported, with its answers and their history; otherwise nothing is stored.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Outcome importFile(CurrentAccount actor, TenantScope scope, long roundId, String fileName, byte[] file) {
        round(scope, roundId);
        // One import of a round at a time; its checks below see what an earlier one stored.
        Meetronde round = rounds.lockVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
        if (!round.openOn(LocalDate.now(clock))) {
            // A closed round never changes again (its figures may be shared); a future one has no scans yet.
            throw new ClosedException("In deze meetronde kan nu niets worden geïmporteerd: hij is niet open. Importeer"
                    + " in een meetronde die open is, en sluit die daarna.");
        }
        ImportCheck.Result result = check(round, file);
        if (!result.ok()) {
            return outcome(round, fileName, result, false, null);
        }
        String name = safeName(fileName);
        // Whole seconds, as every save: MariaDB through mysql-connector-j keeps no fractions.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Status> statuses = new LinkedHashMap<>();
        List<AuditLog.Change> audit = new ArrayList<>();
        for (ImportCheck.GemeenteImport gemeente : result.gemeenten()) {
            Optional<Long> scan = gemeente.skipped() ? Optional.empty()
                    : imports.createImported(round.id(), gemeente.gemeente().id(), actor.id(), now, name);
            if (scan.isEmpty()) {
                statuses.put(gemeente.gemeente().cbsCode(), Status.SKIPPED);
                continue;
            }
            List<AnswerRepository.Write> writes = gemeente.answers().stream()
                    .map(answer -> new AnswerRepository.Write(answer.questionKey(), answer.value(), answer.comment(), null))
                    .toList();
            answers.write(scan.get(), writes, actor.id(), now);
            answers.recordChanges(scan.get(), writes, actor.id(), now);
            statuses.put(gemeente.gemeente().cbsCode(), Status.IMPORTED);
            audit.add(new AuditLog.Change(AuditAction.SCAN_IMPORTED, "scan " + scan.get(), "Geïmporteerd voor "
                    + gemeente.gemeente().name() + ", " + round.name() + ": " + writes.size() + " antwoorden uit " + name,
                    round.regioId(), gemeente.gemeente().id()));
        }
        auditLog.recordAll(actor, audit);
        List<GemeenteOutcome> outcomes = result.gemeenten().stream().map(g -> new GemeenteOutcome(g.gemeente().cbsCode(),
                g.gemeente().name(), g.answers().size(), statuses.get(g.gemeente().cbsCode()))).toList();
        return new Outcome(round, fileName, outcomes, List.of(), true, null);
    }

    private ImportCheck.Result check(Meetronde round, byte[] file) {
        Survey survey = survey(round);
        Map<String, ImportCheck.Gemeente> regio = new LinkedHashMap<>();
        imports.gemeentenOfRound(round.id(), round.regioId()).forEach(g -> regio.put(g.cbsCode(), g));
        ImportSheet.Read read = ImportSheet.read(file, ImportCheck.maxRows(survey, regio.size()));
        // CBS codes are public; saying that a code belongs to another regio tells nothing of that regio's data.
        return ImportCheck.check(survey, read, regio, regioName(round),
                cbs -> gemeenten.findByCbsCode(cbs).map(nl.quickscan.tenancy.Gemeente::name));
    }

    private static Outcome outcome(Meetronde round, String fileName, ImportCheck.Result result, boolean imported,
                                   @Nullable Long uploadId) {
        return new Outcome(round, fileName, result.gemeenten().stream().map(g -> new GemeenteOutcome(g.gemeente().cbsCode(),
                g.gemeente().name(), g.answers().size(), g.skipped() ? Status.SKIPPED : Status.READY)).toList(),
                result.problems(), imported, uploadId);
    }

    private Survey survey(Meetronde round) {
        return surveys.find(round.surveyId(), round.surveyVersion()).orElseThrow(() -> new IllegalStateException(
                "round " + round.id() + " uses survey " + round.surveyId() + " v" + round.surveyVersion() + ", which is not loaded"));
    }

    private String regioName(Meetronde round) {
        // The round was found in the caller's scope; its regio's name is part of it.
        return regios.findVisible(TenantScope.platform(), round.regioId()).map(nl.quickscan.tenancy.Regio::name).orElse("de regio");
    }

    /** The file's name as the scans keep it: without folders or control characters, at most 255 characters. */
    static String safeName(@Nullable String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "bestand";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
