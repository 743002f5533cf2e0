package nl.quickscan.surveys;

import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploading, publishing and deleting survey versions (the beheerder's). An upload is checked by the same reader as the
 * shipped files, plus the rules of versions: a published id and version is never replaced, and a version follows the
 * one before it (its {@code replaces} name that version's statements). Nothing is stored when there is any problem.
 */
@Singleton
public class SurveyUploads {

    /** The largest survey text taken, in bytes of UTF-8 (v1 is about 60 kB). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** What the problems of an upload are reported against: the upload has no file name of its own. */
    static final String UPLOAD = "upload";
    private static final Pattern TOP_ID = Pattern.compile("(?m)^id:[ \\t]*[\"']?([a-z0-9-]+)[\"']?[ \\t]*(#.*)?$");
    private static final Pattern TOP_VERSION = Pattern.compile("(?m)^version:[ \\t]*[\"']?(\\d{1,9})[\"']?[ \\t]*(#.*)?$");

    /** The version stored, or the problems that kept it from being stored (then version is null). */
    public record Outcome(SurveyVersion version, List<SurveyProblem> problems) {
        public boolean stored() {
            return problems.isEmpty();
        }
    }

    private final SurveyCatalog catalog;
    private final SurveyVersionRepository repository;
    private final AuditLog auditLog;
    private final Clock clock;

    SurveyUploads(SurveyCatalog catalog, SurveyVersionRepository repository, AuditLog auditLog, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Checks the uploaded bytes and stores them as a concept (replacing a concept of the same id and version). */
    public Outcome upload(CurrentAccount actor, byte[] body) {
        if (body.length > MAX_BYTES) {
            return refused("", "Het bestand is te groot: " + megabytes(body.length) + ". Een vragenlijst mag hoogstens 1 MB zijn.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return refused("", "Het bestand is geen tekst in UTF-8. Sla het op als UTF-8 (zonder andere tekenset) en probeer het opnieuw.");
        }
        return upload(actor, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Checks the text (from the upload form) and stores it as a concept. */
    public Outcome upload(CurrentAccount actor, String text) {
        if (text.isBlank()) {
            return refused("", "Het bestand is leeg. Kies een bestand met een vragenlijst of plak de tekst.");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return refused("", "De tekst is te groot. Een vragenlijst mag hoogstens 1 MB zijn.");
        }
        SurveyReader.Result result = SurveyReader.readText(fileName(text), text);
        if (!result.valid()) {
            return new Outcome(null, result.problems());
        }
        Survey survey = result.survey();
        List<SurveyProblem> problems = versionProblems(survey, versionLine(text));
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        if (!repository.saveConcept(survey.id(), survey.version(), text, actor.id(), clock.instant())) {
            return new Outcome(null, List.of(alreadyPublished(survey, versionLine(text))));
        }
        catalog.reload();
        auditLog.record(actor, AuditAction.SURVEY_UPLOADED, "vragenlijst " + survey.id() + " versie " + survey.version(),
                survey.title(), null, null);
        return new Outcome(catalog.version(survey.id(), survey.version()).orElseThrow(), List.of());
    }

    /**
     * Publishes a concept; from then on it never changes and rounds may use it. The version before it must be
     * published already, and the concept's {@code replaces} are checked against it once more (it may have been a
     * concept itself when this one was uploaded).
     */
    public SurveyVersion publish(CurrentAccount actor, String id, int version) {
        SurveyVersion concept = catalog.version(id, version).orElseThrow(() -> new NotFoundException("vragenlijst"));
        if (concept.published()) {
            throw new ConflictException("Versie " + version + " van deze vragenlijst is al gepubliceerd.");
        }
        Optional<SurveyVersion> previous = catalog.version(id, version - 1);
        if (version > 1 && previous.filter(SurveyVersion::published).isEmpty()) {
            throw new ConflictException("Publiceer eerst versie " + (version - 1) + " van deze vragenlijst. Een versie volgt altijd op een gepubliceerde versie.");
        }
        List<SurveyProblem> problems = SurveyReader.checkReplaces(SurveyVersion.fileName(id, version), concept.survey(),
                previous.map(SurveyVersion::survey).orElse(null));
        if (!problems.isEmpty()) {
            throw new ConflictException("Deze versie kan niet gepubliceerd worden: " + problems.get(0).path() + ": "
                    + problems.get(0).message() + " Upload een verbeterde versie.");
        }
        if (!repository.publish(id, version, actor.id(), clock.instant())) {
            throw new ConflictException("Versie " + version + " van deze vragenlijst is al gepubliceerd of bestaat niet meer.");
        }
        catalog.reload();
        auditLog.record(actor, AuditAction.SURVEY_PUBLISHED, "vragenlijst " + id + " versie " + version,
                concept.survey().title(), null, null);
        return catalog.version(id, version).orElseThrow();
    }

    /** Deletes a concept; a published version cannot be deleted. */
    public void deleteConcept(CurrentAccount actor, String id, int version) {
        SurveyVersion concept = catalog.version(id, version).orElseThrow(() -> new NotFoundException("vragenlijst"));
        if (concept.published() || !repository.deleteConcept(id, version)) {
            throw new ConflictException("Alleen een concept kan verwijderd worden. Een gepubliceerde versie blijft altijd bestaan.");
        }
        catalog.reload();
        auditLog.record(actor, AuditAction.SURVEY_CONCEPT_DELETED, "vragenlijst " + id + " versie " + version,
                concept.survey().title(), null, null);
    }

    /** The rules of versions: not over a published one, after an existing one, replacing only its statements. */
    private List<SurveyProblem> versionProblems(Survey survey, int versionLine) {
        Optional<SurveyVersion> existing = catalog.version(survey.id(), survey.version());
        if (existing.filter(SurveyVersion::published).isPresent()) {
            return List.of(alreadyPublished(survey, versionLine));
        }
        Optional<SurveyVersion> previous = catalog.version(survey.id(), survey.version() - 1);
        if (survey.version() > 1 && previous.isEmpty()) {
            return List.of(new SurveyProblem(UPLOAD, versionLine, "version", "Versie " + (survey.version() - 1)
                    + " van vragenlijst \u201c" + survey.id() + "\u201d bestaat niet. Een nieuwe versie volgt op de vorige:"
                    + " upload eerst die, of geef deze versie het juiste nummer."));
        }
        return SurveyReader.checkReplaces(UPLOAD, survey, previous.map(SurveyVersion::survey).orElse(null));
    }

    private static SurveyProblem alreadyPublished(Survey survey, int versionLine) {
        return new SurveyProblem(UPLOAD, versionLine, "version", "Versie " + survey.version() + " van vragenlijst \u201c" + survey.id()
                + "\u201d is al gepubliceerd en verandert nooit meer. Geef uw nieuwe versie het volgende nummer.");
    }

    /**
     * The name the reader checks id and version against ({@code <id>/v<version>.yaml}), taken from the top-level
     * lines of the text; an upload has no file name of its own. Without them, a name the reader will not object to.
     */
    private static String fileName(String text) {
        Matcher id = TOP_ID.matcher(text);
        Matcher version = TOP_VERSION.matcher(text);
        if (!version.find()) {
            return UPLOAD;
        }
        String file = "v" + Integer.parseInt(version.group(1)) + ".yaml";
        return id.find() ? id.group(1) + "/" + file : file;
    }

    /** The line of the top-level version key in the text, 0 when not found. */
    private static int versionLine(String text) {
        Matcher version = TOP_VERSION.matcher(text);
        return version.find() ? (int) text.substring(0, version.start()).chars().filter(c -> c == '\n').count() + 1 : 0;
    }

    private static Outcome refused(String path, String message) {
        return new Outcome(null, List.of(new SurveyProblem(UPLOAD, 0, path, message)));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.forLanguageTag("nl"), "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
