package nl.quickscan.surveys;

import nl.quickscan.web.Notice;

import java.util.List;

/** The confirmations the beheerder's survey pages show after a change ({@code ?melding=<param>}). */
final class SurveyNotice {

    static final Notice UPLOADED = new Notice("geupload", "De versie is opgeslagen als concept. Controleer de verschillen en het voorbeeld, en publiceer de versie als alles klopt.");
    static final Notice PUBLISHED = new Notice("gepubliceerd", "De versie is gepubliceerd. Coördinatoren kunnen er nu een meetronde mee openen.");
    static final Notice DELETED = new Notice("verwijderd", "Het concept is verwijderd.");
    static final List<Notice> ALL = List.of(UPLOADED, PUBLISHED, DELETED);

    private SurveyNotice() {
    }
}
