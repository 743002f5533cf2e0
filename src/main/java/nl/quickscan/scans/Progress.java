package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a scan is: answered questions per bouwsteen, and what still blocks submitting it (required questions
 * without an answer, and answers that need a toelichting without one). An answer without the toelichting it needs
 * counts as open, not as answered. Plain Java.
 */
public final class Progress {

    /** One bouwsteen: questions answered of total, and the keys that block submitting. */
    public record Part(String key, String title, int answered, int total, List<String> missing) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * answered / total);
        }
    }

    private Progress() {
    }

    /**
     * A gemeente's progress: over the statements it answers itself; the regio's statements neither count nor block
     * submitting.
     *
     * @param answers question key → answer (value may be null when only a toelichting was saved)
     */
    public static List<Part> of(Survey survey, Map<String, Answer> answers) {
        return of(survey, answers, Survey.Scope.GEMEENTE);
    }

    /** The progress over the statements that {@code answeredBy} answers (a gemeente, or the regio in its own scan). */
    public static List<Part> of(Survey survey, Map<String, Answer> answers, Survey.Scope answeredBy) {
        List<Part> parts = new ArrayList<>();
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            parts.add(part(bouwsteen.key(), bouwsteen.title(), answeredBy(bouwsteen.questions(), answeredBy), answers));
        }
        List<Survey.Question> kengetallen = answeredBy(survey.kengetallen(), answeredBy);
        if (!kengetallen.isEmpty()) {
            parts.add(part(KENGETALLEN, "Kengetallen", kengetallen, answers));
        }
        return parts;
    }

    /** The questions of the list that {@code scope} answers. */
    static List<Survey.Question> answeredBy(List<Survey.Question> questions, Survey.Scope scope) {
        return questions.stream().filter(question -> question.scope() == scope).toList();
    }

    public static final String KENGETALLEN = "kengetallen";

    /** Overall percentage of answered questions, over all parts. */
    public static int percent(List<Part> parts) {
        int total = parts.stream().mapToInt(Part::total).sum();
        int answered = parts.stream().mapToInt(Part::answered).sum();
        return total == 0 ? 100 : (int) Math.floor(100.0 * answered / total);
    }

    /** Per part the keys that block submitting; empty when the scan can be submitted. */
    public static Map<String, List<String>> missing(List<Part> parts) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        parts.stream().filter(part -> !part.missing().isEmpty()).forEach(part -> missing.put(part.key(), part.missing()));
        return missing;
    }

    /**
     * The progress of any list of questions: a bouwsteen, or a page of the form. An optional follow-up list counts
     * only once answered: it is asked where its statement found something, so a bouwsteen whose statements are all
     * answered is complete.
     */
    static Part part(String key, String title, List<Survey.Question> questions, Map<String, Answer> answers) {
        int answered = 0;
        int total = 0;
        List<String> missing = new ArrayList<>();
        for (Survey.Question question : questions) {
            Answer answer = answers.get(question.key());
            String value = answer == null ? null : answer.value();
            if (question.followUpOf() != null && !question.required() && value == null) {
                continue;
            }
            total++;
            boolean incomplete = answer != null && AnswerRules.incomplete(question, value, answer.comment());
            if (value != null && !incomplete) {
                answered++;
            }
            if (question.required() && value == null || incomplete) {
                missing.add(question.key());
            }
        }
        return new Part(key, title, answered, total, List.copyOf(missing));
    }

    /** The part of an answer that progress looks at. */
    public record Answer(String value, String comment) {
    }

    /** The stored answers as progress looks at them, by question key. */
    static Map<String, Answer> answersOf(Map<String, AnswerRow> stored) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        stored.forEach((key, answer) -> answers.put(key, new Answer(answer.answerValue(), answer.comment())));
        return answers;
    }
}
