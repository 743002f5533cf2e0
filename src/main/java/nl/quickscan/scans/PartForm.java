package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.surveys.Survey;
import nl.quickscan.web.FormValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A part's form as submitted, read per question: {@code value.<key>} (a multiple choice: {@code value.<key>.<option>}
 * per ticked option), {@code comment.<key>} and
 * {@code version.<key>} (the version the page showed), {@code conflictVersion.<key>} when the page showed a
 * colleague's newer answer beside the user's own, and the button that was pressed ({@code action}): "opslaan",
 * "vorige", "volgende", or one question's choice "mijn.<key>", "collega.<key>" or "nulmeting.<key>".
 *
 * @param answers per question key, in the order of the part's questions
 * @param choice  the question button that was pressed, if any (the page then stays where it is)
 */
record PartForm(Map<String, Answer> answers, Action action, @Nullable Choice choice) {

    /** No form: the page as first shown. */
    static final PartForm NONE = new PartForm(Map.of(), Action.SAVE, null);

    /** Where to go after saving: stay on the part, or go on to the previous or next one. */
    enum Action { SAVE, PREVIOUS, NEXT }

    /** One question's fields, as typed; {@code conflictVersion} is the colleague's version the page showed. */
    record Answer(Survey.Question question, @Nullable String value, @Nullable String comment, int version,
                  @Nullable Integer conflictVersion) {
    }

    /** A button of one question. */
    record Choice(Kind kind, String questionKey) {
        enum Kind {
            /** "Mijn antwoord opslaan": the user's answer, saved over the colleague's version the page showed. */
            MINE,
            /** "Antwoord van collega houden": the user's answer is dropped, the colleague's stays. */
            COLLEAGUE,
            /** "Zelfde antwoord als bij de nulmeting". */
            BASELINE
        }
    }

    private static final Map<String, Choice.Kind> CHOICES = Map.of("mijn", Choice.Kind.MINE, "collega",
            Choice.Kind.COLLEAGUE, "nulmeting", Choice.Kind.BASELINE);

    static PartForm read(List<Survey.Question> questions, Map<String, String> form) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Survey.Question question : questions) {
            String key = question.key();
            int version = FormValues.id(form.get("version." + key)).map(Long::intValue).orElse(0);
            Integer conflictVersion = FormValues.id(form.get("conflictVersion." + key)).map(Long::intValue).orElse(null);
            answers.put(key, new Answer(question, value(question, form), form.get("comment." + key), version,
                    conflictVersion));
        }
        String pressed = form.getOrDefault("action", "opslaan");
        int dot = pressed.indexOf('.');
        Choice choice = dot < 0 || !CHOICES.containsKey(pressed.substring(0, dot)) || !answers.containsKey(pressed.substring(dot + 1))
                ? null : new Choice(CHOICES.get(pressed.substring(0, dot)), pressed.substring(dot + 1));
        Action action = switch (pressed) {
            case "volgende" -> Action.NEXT;
            case "vorige" -> Action.PREVIOUS;
            default -> Action.SAVE;
        };
        return new PartForm(answers, action, choice);
    }

    /** The field of one option of a multiple choice: a checkbox, {@code value.<key>.<option value>}. */
    static String optionField(String key, String optionValue) {
        return "value." + key + "." + optionValue;
    }

    /** The field's value; a multiple choice's ticked options in the survey's order, joined as stored (none: null). */
    private static @Nullable String value(Survey.Question question, Map<String, String> form) {
        if (question.type() != Survey.QuestionType.MULTIPLE_CHOICE) {
            return form.get("value." + question.key());
        }
        List<String> ticked = question.options().stream().map(Survey.AnswerOption::value)
                .filter(option -> form.containsKey(optionField(question.key(), option))).toList();
        return ticked.isEmpty() ? null : String.join(AnswerRules.MULTIPLE_SEPARATOR, ticked);
    }

    /**
     * What to save, per question key: every answer as typed and based on the version the page showed, except where
     * the pressed button says otherwise. "Mijn antwoord opslaan" bases the user's answer on the colleague's version;
     * "Antwoord van collega houden" leaves the question out; "Zelfde antwoord als bij de nulmeting" takes the
     * nulmeting's answer as it is stored, and its toelichting unless the user wrote one.
     */
    Map<String, ScanService.Submission> submissions(Map<String, ScanService.BaselineAnswer> baseline) {
        Map<String, ScanService.Submission> submissions = new LinkedHashMap<>();
        for (Answer answer : answers.values()) {
            String key = answer.question().key();
            Choice.Kind chosen = choice != null && choice.questionKey().equals(key) ? choice.kind() : null;
            ScanService.BaselineAnswer then = baseline.get(key);
            if (chosen == Choice.Kind.COLLEAGUE) {
                continue;
            }
            if (chosen == Choice.Kind.MINE && answer.conflictVersion() != null) {
                submissions.put(key, typed(key, answer.value(), answer.comment(), answer.conflictVersion()));
            } else if (chosen == Choice.Kind.BASELINE && then != null && then.copyable()) {
                String comment = answer.comment() == null || answer.comment().isBlank() ? then.answer().comment() : answer.comment();
                submissions.put(key, new ScanService.Submission(key, then.answer().answerValue(), comment, answer.version(), AnswerRules.Source.PROGRAM));
            } else {
                submissions.put(key, typed(key, answer.value(), answer.comment(), answer.version()));
            }
        }
        return submissions;
    }

    /** What the user typed on the page: a kengetal in Dutch notation. */
    private static ScanService.Submission typed(String key, @Nullable String value, @Nullable String comment, int basedOn) {
        return new ScanService.Submission(key, value, comment, basedOn, AnswerRules.Source.PERSON);
    }

    /** Whether saving needs the nulmeting's answers (a herhaling's "Zelfde antwoord" button was pressed). */
    boolean takesBaseline() {
        return choice != null && choice.kind() == Choice.Kind.BASELINE;
    }
}
