package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.surveys.Survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages of a scan's form in the order the adviser walks through them: a step per bouwsteen, then the
 * kengetallen when the survey has any (the order of {@link Progress#of}). A bouwsteen of more than
 * {@value #PAGE_MAX} statements is split into its themes, a page each, so that no page grows long. A page is
 * found by its path under {@code /scans/{id}/deel/}: {@code visie}, {@code aanpak/preventie}, {@code kengetallen}.
 * The key of a split bouwsteen ({@code aanpak}) stands for all of its pages together.
 */
final class PartNavigation {

    /** The most statements on one page before a bouwsteen is split into its themes. */
    static final int PAGE_MAX = 12;

    private PartNavigation() {
    }

    /**
     * One page of the form.
     *
     * @param partKey   the bouwsteen's key, or {@link Progress#KENGETALLEN}
     * @param step      the number of its bouwsteen (or of the kengetallen) among {@code steps}, from 1
     * @param theme     set on a page of a split bouwsteen: its theme, the page's place among the bouwsteen's pages
     *                  ({@code part} of {@code parts}, from 1)
     */
    record Page(String path, String partKey, String partTitle, int step, int steps, @Nullable Survey.Theme theme,
                int part, int parts, List<Survey.Question> questions) {

        String title() {
            return theme == null ? partTitle : partTitle + ": " + theme.title();
        }
    }

    static List<Page> pages(Survey survey) {
        int steps = survey.bouwstenen().size() + (survey.kengetallen().isEmpty() ? 0 : 1);
        List<Page> pages = new ArrayList<>();
        int step = 0;
        for (Survey.Bouwsteen bouwsteen : survey.bouwstenen()) {
            step++;
            List<Survey.Theme> themes = bouwsteen.themes().stream()
                    .filter(theme -> bouwsteen.questions().stream().anyMatch(q -> theme.key().equals(q.theme())))
                    .toList();
            if (bouwsteen.questions().size() <= PAGE_MAX || themes.size() < 2
                    || bouwsteen.questions().stream().anyMatch(q -> q.theme() == null)) {
                pages.add(new Page(bouwsteen.key(), bouwsteen.key(), bouwsteen.title(), step, steps, null, 0, 0,
                        bouwsteen.questions()));
                continue;
            }
            for (int i = 0; i < themes.size(); i++) {
                Survey.Theme theme = themes.get(i);
                pages.add(new Page(bouwsteen.key() + "/" + theme.key(), bouwsteen.key(), bouwsteen.title(), step, steps,
                        theme, i + 1, themes.size(),
                        bouwsteen.questions().stream().filter(q -> theme.key().equals(q.theme())).toList()));
            }
        }
        if (!survey.kengetallen().isEmpty()) {
            pages.add(new Page(Progress.KENGETALLEN, Progress.KENGETALLEN, "Kengetallen", steps, steps, null, 0, 0,
                    survey.kengetallen()));
        }
        return List.copyOf(pages);
    }

    /** The page with this path; "not found" for a path the survey does not have (also for a split bouwsteen's key). */
    static Page page(Survey survey, String path) {
        return pages(survey).stream().filter(page -> page.path().equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("deel"));
    }

    /** The first page of a part: the page itself, or the first theme of a split bouwsteen. */
    static Optional<Page> firstOf(Survey survey, String partKey) {
        return pages(survey).stream().filter(page -> page.partKey().equals(partKey)).findFirst();
    }

    /** The page that holds the question. */
    static Optional<Page> pageOf(Survey survey, String questionKey) {
        return pages(survey).stream()
                .filter(page -> page.questions().stream().anyMatch(question -> question.key().equals(questionKey)))
                .findFirst();
    }

    /**
     * The questions a form posted to this path may carry: the page's, or all of a split bouwsteen's (its key is the
     * path of a form from before the split); "not found" for a path the survey does not have.
     */
    static List<Survey.Question> questions(Survey survey, String path) {
        List<Page> pages = covered(survey, path);
        if (pages.isEmpty()) {
            throw new NotFoundException("deel");
        }
        return pages.stream().flatMap(page -> page.questions().stream()).toList();
    }

    /** The path of the page before this one (a split bouwsteen's key counts as all of its pages). */
    static Optional<String> previous(Survey survey, String path) {
        List<Page> pages = pages(survey);
        List<Page> covered = covered(survey, path);
        int index = covered.isEmpty() ? -1 : pages.indexOf(covered.get(0));
        return index > 0 ? Optional.of(pages.get(index - 1).path()) : Optional.empty();
    }

    /** The path of the page after this one (a split bouwsteen's key counts as all of its pages). */
    static Optional<String> next(Survey survey, String path) {
        List<Page> pages = pages(survey);
        List<Page> covered = covered(survey, path);
        int index = covered.isEmpty() ? -1 : pages.indexOf(covered.get(covered.size() - 1));
        return index >= 0 && index + 1 < pages.size() ? Optional.of(pages.get(index + 1).path()) : Optional.empty();
    }

    /** The pages a path stands for: the one page, or every page of a split bouwsteen; empty for an unknown path. */
    private static List<Page> covered(Survey survey, String path) {
        List<Page> pages = pages(survey);
        List<Page> exact = pages.stream().filter(page -> page.path().equals(path)).toList();
        return exact.isEmpty() ? pages.stream().filter(page -> page.partKey().equals(path)).toList() : exact;
    }
}
