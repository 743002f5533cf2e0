package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.surveys.Survey;
import nl.quickscan.web.FormValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A part's form as submitted, read per question: {@code value.<key>}, {@code comment.<key>} and
 * {@code version.<key>} (the version the page showed), and the button that was pressed ({@code action}).
 *
 * @param answers per question key, in the order of the part's questions
 */
record PartForm(Map<String, Answer> answers, Action action) {

    /** No form: the page as first shown. */
    static final PartForm NONE = new PartForm(Map.of(), Action.SAVE);

    /** Where to go after saving: stay on the part, or go on to the previous or next one. */
    enum Action { SAVE, PREVIOUS, NEXT }

    /** One question's fields, as typed. */
    record Answer(Survey.Question question, @Nullable String value, @Nullable String comment, int version) {

        /** Whether this differs from what is stored: only changed answers are saved, so as not to touch a colleague's. */
        boolean changes(@Nullable AnswerRow stored) {
            return !Objects.equals(AnswerRules.normalize(question, value), stored == null ? null : stored.answerValue())
                    || !Objects.equals(AnswerRules.normalizeComment(comment), stored == null ? null : stored.comment());
        }
    }

    static PartForm read(List<Survey.Question> questions, Map<String, String> form) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Survey.Question question : questions) {
            String key = question.key();
            int version = FormValues.id(form.get("version." + key)).map(Long::intValue).orElse(0);
            answers.put(key, new Answer(question, form.get("value." + key), form.get("comment." + key), version));
        }
        Action action = switch (form.getOrDefault("action", "opslaan")) {
            case "volgende" -> Action.NEXT;
            case "vorige" -> Action.PREVIOUS;
            default -> Action.SAVE;
        };
        return new PartForm(answers, action);
    }
}
