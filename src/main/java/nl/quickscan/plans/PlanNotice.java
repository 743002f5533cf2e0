package nl.quickscan.plans;

import nl.quickscan.web.Notice;

import java.util.List;

/** The confirmations the pages of the verbeterplan show after a change ({@code ?melding=<param>}). */
final class PlanNotice {

    static final Notice ADDED = new Notice("toegevoegd", "De actie staat in het verbeterplan.");
    static final Notice SAVED = new Notice("opgeslagen", "Actie opgeslagen.");
    static final Notice NOTE_ADDED = new Notice("voortgang", "Voortgang toegevoegd.");
    static final List<Notice> ALL = List.of(ADDED, SAVED, NOTE_ADDED);

    private PlanNotice() {
    }
}
