package nl.quickscan.plans;

import nl.quickscan.web.Notice;

import java.util.List;

/** The confirmations the pages of the verbeterplan show after a change ({@code ?melding=<param>}). */
public final class PlanNotice {

    static final Notice ADDED = new Notice("toegevoegd", "De actie staat in het verbeterplan.");
    static final Notice SAVED = new Notice("opgeslagen", "Actie opgeslagen.");
    static final Notice NOTE_ADDED = new Notice("voortgang", "Voortgang toegevoegd.");
    static final List<Notice> ALL = List.of(ADDED, SAVED, NOTE_ADDED);
    static final Notice CARRIED_OVER = new Notice("meegenomen", "De actie is meegenomen naar deze meting.");
    static final Notice CLOSED = new Notice("afgesloten", "De actie is afgesloten.");
    /** What the herhaling's results page confirms after an action was carried over or closed there. */
    public static final List<Notice> RESULTS = List.of(CARRIED_OVER, CLOSED);

    private PlanNotice() {
    }
}
