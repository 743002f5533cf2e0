package nl.quickscan.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.AccountRow;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.plans.ActionRepository;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.scans.AnswerChange;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.AnswerRow;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.Csv;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.text.Slug;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything a gemeente entered, as one ZIP of JSON and CSV files with a README: its scans with their answers and
 * the answers' full history, its kengetallen, its verbeterplan with notes and history, and its accounts' names and
 * e-mail addresses. The regio's own answers (regio statements) are the regio's, not the gemeente's, and stay out.
 * Written to a temporary file, which the download streams and then deletes, so that no export is held in memory.
 */
@Singleton
public class GemeenteExport {

    @Serdeable
    record GemeenteJson(String cbsCode, String name, String regio, @Nullable Integer inhabitants,
                        @Nullable Integer inhabitantsYear, Instant exportedAt) {
    }

    @Serdeable
    record RoundJson(long id, String name, String kind, LocalDate opens, LocalDate closes, @Nullable Long baselineRoundId) {
    }

    @Serdeable
    record HistoryJson(int version, @Nullable String oldValue, @Nullable String newValue, @Nullable String oldComment,
                       @Nullable String newComment, String changedBy, Instant changedAt) {
    }

    @Serdeable
    record AnswerJson(String questionKey, String statement, @Nullable String value, String label,
                      @Nullable String comment, int version, String updatedBy, Instant updatedAt,
                      List<HistoryJson> history) {
    }

    @Serdeable
    record ScanJson(long id, RoundJson round, String surveyId, int surveyVersion, String status,
                    @Nullable Instant submittedAt, @Nullable String submittedBy, @Nullable Instant reopenedAt,
                    @Nullable String reopenedBy, @Nullable String reopenReason, List<AnswerJson> answers) {
    }

    @Serdeable
    record NoteJson(String text, String by, Instant at) {
    }

    @Serdeable
    record ChangeJson(int version, String summary, String by, Instant at) {
    }

    @Serdeable
    record ActionJson(long id, String title, @Nullable String description, List<String> questionKeys,
                      long sourceScanId, @Nullable String owner, @Nullable String partners, @Nullable LocalDate due,
                      String status, boolean shared, int version, String updatedBy, Instant updatedAt,
                      List<NoteJson> notes, List<ChangeJson> history) {
    }

    @Serdeable
    record AccountJson(String name, String email, String role, boolean active, @Nullable Instant lastLoginAt) {
    }

    /** The file written, and the name the download gives it. */
    public record Written(Path file, String fileName) {
    }

    /** One scan as read: the row, its survey (empty when no longer known) and its answers with their history. */
    private record ScanData(ScanRow scan, Optional<Survey> survey, List<AnswerRow> answers, List<AnswerChange> changes) {

        Optional<Survey.Question> question(String key) {
            return survey.flatMap(s -> Stream.concat(s.questions(), s.kengetallen().stream())
                    .filter(q -> q.key().equals(key)).findFirst());
        }

        String statement(String key) {
            return question(key).map(Survey.Question::text).orElse("");
        }

        String label(String key, @Nullable String value) {
            return question(key).map(q -> q.answerLabel(value)).orElse(value == null ? Survey.NOT_ANSWERED : value);
        }

        Optional<Survey.Question> kengetal(String key) {
            return survey.flatMap(s -> s.kengetallen().stream().filter(q -> q.key().equals(key)).findFirst());
        }
    }

    private final GemeenteRepository gemeenten;
    private final ScanRepository scans;
    private final AnswerRepository answers;
    private final ActionRepository actions;
    private final AccountRepository accounts;
    private final SurveyCatalog surveys;
    private final JsonMapper json;
    private final AuditLog auditLog;
    private final Clock clock;

    GemeenteExport(GemeenteRepository gemeenten, ScanRepository scans, AnswerRepository answers,
                   ActionRepository actions, AccountRepository accounts, SurveyCatalog surveys, JsonMapper json,
                   AuditLog auditLog, Clock clock) {
        this.gemeenten = gemeenten;
        this.scans = scans;
        this.answers = answers;
        this.actions = actions;
        this.accounts = accounts;
        this.surveys = surveys;
        this.json = json;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Writes the export of the gemeente to a temporary file; the caller deletes it.
     *
     * @throws NotFoundException when the gemeente is not in scope
     */
    public Written write(CurrentAccount actor, TenantScope scope, String cbsCode) {
        GemeenteRow gemeente = gemeenten.findVisibleByCbsCode(scope, cbsCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("gemeente"));
        Instant now = clock.instant();
        List<ScanData> scanData = scans.listVisibleOfGemeente(scope, gemeente.id()).stream()
                .map(scan -> new ScanData(scan, surveys.find(scan.surveyId(), scan.surveyVersion()),
                        answers.ofScan(scan.id()), answers.changesOfScan(scan.id())))
                .toList();
        List<PlanAction> plan = actions.ofGemeente(scope, gemeente.id());
        Map<Long, List<ActionRepository.Change>> history = new HashMap<>();
        plan.forEach(action -> history.put(action.id(), actions.history(action.id())));
        List<AccountRow> people = accounts.listOfGemeente(gemeente.id());
        Path file;
        try {
            file = Files.createTempFile("quickscan-export-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            text(zip, "README.txt", readme(gemeente, now));
            json(zip, "gemeente.json", new GemeenteJson(gemeente.cbsCode(), gemeente.name(), gemeente.regioName(),
                    gemeente.inhabitants(), gemeente.inhabitantsYear(), now));
            json(zip, "scans.json", scanData.stream().map(GemeenteExport::scanJson).toList());
            json(zip, "verbeterplan.json", plan.stream().map(action -> actionJson(action, history.get(action.id()))).toList());
            json(zip, "accounts.json", people.stream().map(a -> new AccountJson(a.displayName(), a.email(),
                    a.role().label(), a.active(), a.lastLoginAt())).toList());
            writeCsvs(zip, scanData, plan, history, people);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        auditLog.record(actor, AuditAction.GEMEENTE_EXPORTED, "gemeente " + gemeente.name(),
                scanData.size() + " scans, " + plan.size() + " acties van het verbeterplan, " + people.size() + " accounts",
                gemeente.regioId(), gemeente.id());
        return new Written(file, Slug.of("gegevens-" + gemeente.name() + "-" + LocalDate.now(clock)) + ".zip");
    }

    private void writeCsvs(ZipOutputStream zip, List<ScanData> scanData, List<PlanAction> plan,
                           Map<Long, List<ActionRepository.Change>> history, List<AccountRow> people) throws IOException {
        try (CsvEntry csv = new CsvEntry(zip, "scans.csv", "Scan", "Meetronde", "Soort", "Open van", "Open tot en met",
                "Vragenlijst", "Versie", "Status", "Ingediend op", "Ingediend door", "Heropend op", "Heropend door",
                "Reden van heropenen")) {
            for (ScanData data : scanData) {
                ScanRow s = data.scan();
                csv.row(Long.toString(s.id()), s.roundName(), s.roundKind().label(), DutchFormat.date(s.opens()),
                        DutchFormat.date(s.closes()), s.surveyId(), Integer.toString(s.surveyVersion()), s.status().label(),
                        dateTime(s.submittedAt()), orEmpty(s.submittedByName()), dateTime(s.reopenedAt()),
                        orEmpty(s.reopenedByName()), orEmpty(s.reopenReason()));
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "antwoorden.csv", "Scan", "Meetronde", "Sleutel", "Stelling", "Antwoord",
                "Waarde", "Toelichting", "Versie", "Door", "Wanneer")) {
            for (ScanData data : scanData) {
                for (AnswerRow a : data.answers()) {
                    csv.row(Long.toString(data.scan().id()), data.scan().roundName(), a.questionKey(),
                            data.statement(a.questionKey()), data.label(a.questionKey(), a.answerValue()),
                            orEmpty(a.answerValue()), orEmpty(a.comment()), Integer.toString(a.version()),
                            a.updatedByName(), DutchFormat.dateTime(a.updatedAt()));
                }
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "antwoordgeschiedenis.csv", "Scan", "Meetronde", "Sleutel", "Versie",
                "Oud antwoord", "Nieuw antwoord", "Oude toelichting", "Nieuwe toelichting", "Door", "Wanneer")) {
            for (ScanData data : scanData) {
                for (AnswerChange c : data.changes()) {
                    csv.row(Long.toString(data.scan().id()), data.scan().roundName(), c.questionKey(),
                            Integer.toString(c.version()), orEmpty(c.oldValue()), orEmpty(c.newValue()),
                            orEmpty(c.oldComment()), orEmpty(c.newComment()), c.changedByName(),
                            DutchFormat.dateTime(c.changedAt()));
                }
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "kengetallen.csv", "Scan", "Meetronde", "Sleutel", "Kengetal", "Waarde",
                "Eenheid", "Toelichting")) {
            for (ScanData data : scanData) {
                for (AnswerRow a : data.answers()) {
                    Optional<Survey.Question> kengetal = data.kengetal(a.questionKey());
                    if (kengetal.isPresent()) {
                        csv.row(Long.toString(data.scan().id()), data.scan().roundName(), a.questionKey(),
                                kengetal.get().text(), kengetal.get().answerLabel(a.answerValue()),
                                orEmpty(kengetal.get().unit()), orEmpty(a.comment()));
                    }
                }
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "verbeterplan.csv", "Actie", "Titel", "Beschrijving", "Stellingen",
                "Uit scan", "Eigenaar", "Partners", "Einddatum", "Status", "Gedeeld in de regio", "Versie",
                "Laatst gewijzigd door", "Laatst gewijzigd op")) {
            for (PlanAction a : plan) {
                csv.row(Long.toString(a.id()), a.title(), orEmpty(a.description()), String.join(" ", a.questionKeys()),
                        Long.toString(a.sourceScanId()), orEmpty(a.owner()), orEmpty(a.partners()),
                        a.due() == null ? "" : DutchFormat.date(a.due()), a.status().label(), a.shared() ? "ja" : "nee",
                        Integer.toString(a.version()), a.updatedByName(), DutchFormat.dateTime(a.updatedAt()));
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "verbeterplan-voortgang.csv", "Actie", "Voortgang", "Door", "Wanneer")) {
            for (PlanAction a : plan) {
                for (PlanAction.Note note : a.notes()) {
                    csv.row(Long.toString(a.id()), note.text(), note.byName(), DutchFormat.dateTime(note.at()));
                }
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "verbeterplan-geschiedenis.csv", "Actie", "Versie", "Wijziging", "Door",
                "Wanneer")) {
            for (PlanAction a : plan) {
                for (ActionRepository.Change change : history.get(a.id())) {
                    csv.row(Long.toString(a.id()), Integer.toString(change.version()), change.summary(), change.byName(),
                            DutchFormat.dateTime(change.at()));
                }
            }
        }
        try (CsvEntry csv = new CsvEntry(zip, "accounts.csv", "Naam", "E-mailadres", "Rol", "Actief", "Laatst ingelogd")) {
            for (AccountRow a : people) {
                csv.row(a.displayName(), a.email(), a.role().label(), a.active() ? "ja" : "nee", dateTime(a.lastLoginAt()));
            }
        }
    }

    private static ScanJson scanJson(ScanData data) {
        ScanRow s = data.scan();
        Map<String, List<HistoryJson>> history = new HashMap<>();
        for (AnswerChange c : data.changes()) {
            history.computeIfAbsent(c.questionKey(), key -> new ArrayList<>()).add(new HistoryJson(c.version(),
                    c.oldValue(), c.newValue(), c.oldComment(), c.newComment(), c.changedByName(), c.changedAt()));
        }
        List<AnswerJson> answerJson = data.answers().stream().map(a -> new AnswerJson(a.questionKey(),
                data.statement(a.questionKey()), a.answerValue(), data.label(a.questionKey(), a.answerValue()),
                a.comment(), a.version(), a.updatedByName(), a.updatedAt(),
                history.getOrDefault(a.questionKey(), List.of()))).toList();
        return new ScanJson(s.id(), new RoundJson(s.roundId(), s.roundName(), s.roundKind().name(), s.opens(),
                s.closes(), s.baselineRoundId()), s.surveyId(), s.surveyVersion(), s.status().name(), s.submittedAt(),
                s.submittedByName(), s.reopenedAt(), s.reopenedByName(), s.reopenReason(), answerJson);
    }

    private static ActionJson actionJson(PlanAction a, List<ActionRepository.Change> changes) {
        return new ActionJson(a.id(), a.title(), a.description(), a.questionKeys(), a.sourceScanId(), a.owner(),
                a.partners(), a.due(), a.status().name(), a.shared(), a.version(), a.updatedByName(), a.updatedAt(),
                a.notes().stream().map(n -> new NoteJson(n.text(), n.byName(), n.at())).toList(),
                changes.stream().map(c -> new ChangeJson(c.version(), c.summary(), c.byName(), c.at())).toList());
    }

    private static String readme(GemeenteRow gemeente, Instant now) {
        return """
                Gegevens van gemeente %s (CBS-code %s) uit de Quickscan aanpak seksueel geweld
                Gedownload op %s.

                Dit bestand bevat alles wat de gemeente in de quickscan heeft ingevuld. Elk onderdeel staat erin als
                JSON (voor computers) en als CSV (voor Excel: puntkomma tussen de cellen, UTF-8). Een cel die begint
                met =, +, - of @ begint in de CSV met een ' zodat Excel hem niet als formule uitvoert.

                gemeente.json                 De gemeente: naam, CBS-code, regio en aantal inwoners.
                scans.json                    Elke scan van de gemeente: meetronde (naam, soort, periode), vragenlijst
                                              en versie, status, wanneer en door wie ingediend of heropend, en alle
                                              antwoorden met hun toelichting en hun volledige geschiedenis.
                scans.csv                     Elke scan op een regel.
                antwoorden.csv                Het huidige antwoord op elke stelling en elk kengetal, met toelichting.
                antwoordgeschiedenis.csv      Elke wijziging van een antwoord: oud en nieuw, door wie en wanneer.
                kengetallen.csv               De kengetallen (aantallen en bedragen) per scan.
                verbeterplan.json             De acties van het verbeterplan met voortgang en geschiedenis.
                verbeterplan.csv              Elke actie op een regel.
                verbeterplan-voortgang.csv    De voortgangsnotities bij de acties.
                verbeterplan-geschiedenis.csv Elke wijziging van een actie.
                accounts.json, accounts.csv   De accounts van de gemeente: naam, e-mailadres, rol, actief en wanneer
                                              laatst ingelogd.

                De antwoorden op de regionale stellingen (die de regio voor alle gemeenten invult) staan er niet in:
                die zijn van de regio. Een verwijderd account heet hier "voormalig account".
                """.formatted(gemeente.name(), gemeente.cbsCode(), DutchFormat.dateTime(now));
    }

    private void json(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        json.writeValue(new KeepOpen(zip), value);
        zip.closeEntry();
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A CSV file in the ZIP, written a line at a time. */
    private static final class CsvEntry implements AutoCloseable {
        private final ZipOutputStream zip;

        CsvEntry(ZipOutputStream zip, String name, String... header) throws IOException {
            this.zip = zip;
            zip.putNextEntry(new ZipEntry(name));
            zip.write(Csv.BOM.getBytes(StandardCharsets.UTF_8));
            row(header);
        }

        void row(String... cells) throws IOException {
            zip.write(Csv.line(List.of(cells)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            zip.closeEntry();
        }
    }

    /** The ZIP entry's stream for the JSON writer, which closes what it writes to. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DutchFormat.dateTime(instant);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is removed with the temporary folder
        }
    }
}
