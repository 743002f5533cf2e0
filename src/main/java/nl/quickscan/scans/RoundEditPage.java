package nl.quickscan.scans;

import nl.quickscan.errors.InvalidInput;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The form to change a round's name and dates, with its problems after a refused attempt. A closed round keeps its
 * dates ({@link RoundAdmin}), so its form has only the name; {@code removable}: nobody has answered anything yet.
 */
record RoundEditPage(String title, Meetronde round, RoundAdmin.Change form, Map<String, String> errors,
                     List<InvalidInput.Problem> errorSummary, boolean closed, boolean removable, LocalDate today) {

    static RoundEditPage of(Meetronde round, RoundAdmin.Change form, InvalidInput problems, boolean removable,
                            LocalDate today) {
        return new RoundEditPage(round.name() + " aanpassen", round, form, problems.byField(), problems.summary(),
                today.isAfter(round.closes()), removable, today);
    }
}
