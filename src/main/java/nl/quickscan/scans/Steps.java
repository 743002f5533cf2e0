package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a scan with the state of each, as the step pages, the start page and the check page show them: a
 * step per bouwsteen, with a sub-step per page when the bouwsteen is split ({@link PartNavigation}), and the
 * kengetallen.
 *
 * @param answered  questions answered of {@code total}, over the whole scan (the figure of {@link Progress#percent})
 * @param firstOpen where to go on: the page and question of the first statement without an answer or with a missing
 *                  toelichting; null when there is none
 */
record Steps(List<Step> steps, int answered, int total, int percent, @Nullable Place firstOpen) {

    enum State {
        NOT_STARTED, IN_PROGRESS, DONE, ATTENTION;

        String label() {
            return switch (this) {
                case NOT_STARTED -> "Niet begonnen";
                case IN_PROGRESS -> "Bezig";
                case DONE -> "Klaar";
                case ATTENTION -> "Aandacht nodig";
            };
        }

        /** The modifier of the NL Design System status badge. */
        String badge() {
            return switch (this) {
                case NOT_STARTED -> "neutral";
                case IN_PROGRESS -> "warning";
                case DONE -> "success";
                case ATTENTION -> "danger";
            };
        }

        /**
         * Aandacht nodig when an answer still lacks its toelichting; niet begonnen while nothing is answered; klaar
         * when every question is answered and nothing blocks submitting.
         */
        static State of(int answered, int total, int unanswered, int withoutComment) {
            if (withoutComment > 0) {
                return ATTENTION;
            }
            if (total == 0) {
                // Only statements the regio answers: nothing for the gemeente to do here.
                return DONE;
            }
            if (answered == 0) {
                return NOT_STARTED;
            }
            return answered == total && unanswered == 0 ? DONE : IN_PROGRESS;
        }
    }

    /**
     * A step or a sub-step: a bouwsteen, the kengetallen, or one page of a split bouwsteen.
     *
     * @param key            what the step is: a page's path, or the key of a split bouwsteen
     * @param path           the page it links to (for a split bouwsteen its first page)
     * @param title          its name in the list of steps; {@code pageTitle} names it on its own (a theme with its
     *                       bouwsteen)
     * @param unanswered     required questions without an answer
     * @param withoutComment answers that need a toelichting and have none
     */
    record Step(String key, String path, String title, String pageTitle, State state, int answered, int total,
                int unanswered, int withoutComment, boolean current, List<Step> subSteps) {

        public int open() {
            return unanswered + withoutComment;
        }

        public String stateLabel() {
            return state.label();
        }

        public String badge() {
            return state.badge();
        }
    }

    /** A statement on its page: the place a link goes to ({@code /scans/{id}/deel/<path>#<questionKey>}). */
    record Place(String path, String questionKey) {
    }

    /** @param currentPath the page being shown, or null */
    static Steps of(ScanService.ScanView view, @Nullable String currentPath) {
        Survey survey = view.survey();
        Map<String, Progress.Answer> answers = Progress.answersOf(view.answers());
        Map<String, List<PartNavigation.Page>> byPart = new LinkedHashMap<>();
        PartNavigation.pages(survey).forEach(page -> byPart.computeIfAbsent(page.partKey(), key -> new ArrayList<>()).add(page));
        List<Step> steps = new ArrayList<>();
        Place firstOpen = null;
        for (List<PartNavigation.Page> pages : byPart.values()) {
            List<Step> subSteps = new ArrayList<>();
            for (PartNavigation.Page page : pages) {
                List<Survey.Question> own = view.ownQuestions(page.questions());
                if (firstOpen == null) {
                    List<String> missing = Progress.part(page.path(), page.title(), own, answers).missing();
                    firstOpen = own.stream().map(Survey.Question::key)
                            .filter(key -> answers.get(key) == null || answers.get(key).value() == null || missing.contains(key))
                            .findFirst().map(key -> new Place(page.path(), key)).orElse(null);
                }
                if (page.theme() != null) {
                    subSteps.add(step(page.path(), page.path(), page.theme().title(), page.title(), own,
                            answers, page.path().equals(currentPath), List.of()));
                }
            }
            PartNavigation.Page first = pages.get(0);
            boolean current = pages.stream().anyMatch(page -> page.path().equals(currentPath));
            steps.add(step(first.partKey(), first.path(), first.partTitle(), first.partTitle(),
                    view.ownQuestions(pages.stream().flatMap(page -> page.questions().stream()).toList()), answers, current,
                    subSteps));
        }
        return new Steps(List.copyOf(steps), view.progress().stream().mapToInt(Progress.Part::answered).sum(),
                view.progress().stream().mapToInt(Progress.Part::total).sum(), view.percent(), firstOpen);
    }

    /** The pages one by one: the steps that are one page, and the sub-steps of the split ones, in order. */
    List<Step> pages() {
        return steps.stream().flatMap(step -> step.subSteps().isEmpty() ? List.of(step).stream() : step.subSteps().stream())
                .toList();
    }

    /** The step being shown (for a page of a split bouwsteen: the bouwsteen's step). */
    @Nullable
    Step current() {
        return steps.stream().filter(Step::current).findFirst().orElse(null);
    }

    /** Whether anything is answered yet: the start page then offers to go on rather than to begin. */
    public boolean started() {
        return answered > 0 || steps.stream().anyMatch(step -> step.withoutComment() > 0);
    }

    /** Statements that block submitting, over the whole scan. */
    public int open() {
        return steps.stream().mapToInt(Step::open).sum();
    }

    private static Step step(String key, String path, String title, String pageTitle, List<Survey.Question> questions,
                             Map<String, Progress.Answer> answers, boolean current, List<Step> subSteps) {
        Progress.Part progress = Progress.part(key, title, questions, answers);
        int withoutComment = (int) progress.missing().stream()
                .filter(missing -> answers.containsKey(missing) && answers.get(missing).value() != null).count();
        int unanswered = progress.missing().size() - withoutComment;
        return new Step(key, path, title, pageTitle,
                State.of(progress.answered(), progress.total(), unanswered, withoutComment),
                progress.answered(), progress.total(), unanswered, withoutComment, current, List.copyOf(subSteps));
    }
}
