package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What an action of the verbeterplan may hold, checked before anything is stored, with a Dutch message per field.
 * Text is kept as typed (only trimmed): a title starting with "=" is text, and pages escape it. Plain Java.
 */
public final class ActionRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int OWNER_MAX = 200;
    public static final int PARTNERS_MAX = 1000;
    public static final int NOTE_MAX = 4000;
    /** The most statements one action aims at. */
    public static final int STATEMENTS_MAX = 20;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ActionRules() {
    }

    /** An action as a form or a script sent it: everything as text, nothing checked yet. */
    public record Draft(@Nullable String title, @Nullable String description, @Nullable List<String> questionKeys,
                        @Nullable Long sourceScanId, @Nullable String owner, @Nullable String partners,
                        @Nullable String due, @Nullable String status, @Nullable Boolean shared) {
    }

    /** A checked action, ready to store. */
    public record Fields(String title, @Nullable String description, List<String> questionKeys, long sourceScanId,
                         @Nullable String owner, @Nullable String partners, @Nullable LocalDate due,
                         ActionStatus status, boolean shared) {
    }

    /**
     * Checks the draft. {@code surveyKeys}: the question keys of the survey of the source scan, or null when the
     * source scan is not a scan of the gemeente with answers. A missing status is {@code defaultStatus} (null: the
     * status must be given).
     */
    public static Fields check(Draft draft, @Nullable Set<String> surveyKeys, @Nullable ActionStatus defaultStatus) {
        InvalidInput problems = new InvalidInput();
        problems.require("title", draft.title(), TITLE_MAX, "de titel");
        String description = optional(problems, "description", draft.description(), DESCRIPTION_MAX, "De beschrijving");
        String owner = optional(problems, "owner", draft.owner(), OWNER_MAX, "De eigenaar");
        String partners = optional(problems, "partners", draft.partners(), PARTNERS_MAX, "De partners");
        if (draft.sourceScanId() == null || surveyKeys == null) {
            problems.add("sourceScanId", "Kies de scan van uw gemeente waaruit de actie voortkomt (een scan met antwoorden).");
        }
        List<String> keys = draft.questionKeys() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(draft.questionKeys().stream().filter(Objects::nonNull).map(String::strip).toList()));
        if (keys.isEmpty()) {
            problems.add("questionKeys", "Kies minstens één stelling waar de actie op gericht is.");
        } else if (keys.size() > STATEMENTS_MAX) {
            problems.add("questionKeys", "Kies hoogstens " + STATEMENTS_MAX + " stellingen.");
        } else if (surveyKeys != null) {
            List<String> unknown = keys.stream().filter(key -> !surveyKeys.contains(key)).toList();
            if (!unknown.isEmpty()) {
                problems.add("questionKeys", "Deze stelling staat niet in de vragenlijst van de scan: "
                        + String.join(", ", unknown.stream().map(ActionRules::shown).toList()) + ".");
            }
        }
        LocalDate due = null;
        if (draft.due() != null && !draft.due().isBlank()) {
            due = date(draft.due().strip());
            if (due == null) {
                problems.add("due", "Geef de einddatum als datum, bijvoorbeeld 2027-03-31.");
            }
        }
        ActionStatus status = defaultStatus;
        if (draft.status() != null && !draft.status().isBlank()) {
            status = ActionStatus.ofName(draft.status().strip()).orElse(null);
            if (status == null) {
                problems.add("status", "Kies de status: gepland, bezig, afgerond of gestopt (GEPLAND, BEZIG, AFGEROND, GESTOPT).");
            }
        } else if (status == null) {
            problems.add("status", "Kies de status: gepland, bezig, afgerond of gestopt (GEPLAND, BEZIG, AFGEROND, GESTOPT).");
        }
        problems.throwIfAny();
        return new Fields(draft.title().strip(), description, keys, draft.sourceScanId(), owner, partners, due, status,
                Boolean.TRUE.equals(draft.shared()));
    }

    /** A progress note, trimmed; refused when empty or too long. */
    public static String note(@Nullable String text) {
        new InvalidInput().require("text", text, NOTE_MAX, "de voortgang").throwIfAny();
        return text.strip();
    }

    /** An ISO date from 2000 to 2099; null for anything else. */
    @Nullable
    public static LocalDate date(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * What a save changes, in words, for the history and the audit log; empty when nothing changed.
     * {@code statementText}: a statement's text by its key, as the history names it.
     */
    public static List<String> changes(PlanAction before, Fields after, Function<String, String> statementText) {
        List<String> changes = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            changes.add("Titel: " + before.title() + " → " + after.title());
        }
        if (!Objects.equals(before.description(), after.description())) {
            changes.add("Beschrijving gewijzigd");
        }
        List<String> added = after.questionKeys().stream().filter(key -> !before.questionKeys().contains(key)).toList();
        List<String> removed = before.questionKeys().stream().filter(key -> !after.questionKeys().contains(key)).toList();
        if (!added.isEmpty()) {
            changes.add((added.size() == 1 ? "Stelling toegevoegd: " : "Stellingen toegevoegd: ") + quoted(added, statementText));
        }
        if (!removed.isEmpty()) {
            changes.add((removed.size() == 1 ? "Stelling weggehaald: " : "Stellingen weggehaald: ") + quoted(removed, statementText));
        }
        if (before.sourceScanId() != after.sourceScanId()) {
            changes.add("Scan: " + before.sourceScanId() + " → " + after.sourceScanId());
        }
        addIfChanged(changes, "Eigenaar", before.owner(), after.owner(), Function.identity());
        addIfChanged(changes, "Partners", before.partners(), after.partners(), Function.identity());
        addIfChanged(changes, "Einddatum", before.due(), after.due(), DutchFormat::date);
        if (before.status() != after.status()) {
            changes.add("Status: " + before.status().label() + " → " + after.status().label());
        }
        if (before.shared() != after.shared()) {
            changes.add(after.shared() ? "Gedeeld in de regio" : "Niet meer gedeeld in de regio");
        }
        return changes;
    }

    /** How a new action reads in the history and the audit log. */
    public static String summary(Fields fields, Function<String, String> statementText) {
        return "Status: " + fields.status().label() + (fields.due() == null ? "" : "; einddatum: " + DutchFormat.date(fields.due()))
                + "; " + (fields.questionKeys().size() == 1 ? "stelling: " : "stellingen: ") + quoted(fields.questionKeys(), statementText);
    }

    /** The most characters of a statement's text the history repeats. */
    static final int STATEMENT_SHOWN = 80;

    /** Statements in the history: their texts between quotes, each shortened, so that twenty still fit. */
    private static String quoted(List<String> keys, Function<String, String> statementText) {
        return String.join(", ", keys.stream().map(statementText).map(text -> "“"
                + (text.length() > STATEMENT_SHOWN ? text.substring(0, STATEMENT_SHOWN - 1).strip() + "…" : text) + "”").toList());
    }

    private static <T> void addIfChanged(List<String> changes, String label, @Nullable T before, @Nullable T after,
                                         Function<T, String> shown) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + (before == null ? DutchFormat.NONE : shown.apply(before)) + " → "
                    + (after == null ? DutchFormat.NONE : shown.apply(after)));
        }
    }

    @Nullable
    private static String optional(InvalidInput problems, String field, @Nullable String value, int max, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            problems.add(field, label + " mag hoogstens " + max + " tekens lang zijn.");
        }
        return stripped;
    }

    /** A key as the message quotes it: bounded, so that a long made-up key does not make a long message. */
    private static String shown(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }
}
