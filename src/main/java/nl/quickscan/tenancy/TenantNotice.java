package nl.quickscan.tenancy;

import nl.quickscan.web.Notice;

import java.util.List;

/** The confirmations the beheer lists show after a change to a regio or gemeente ({@code ?melding=<param>}). */
final class TenantNotice {

    static final Notice REGIO_ADDED = new Notice("regio-toegevoegd", "Regio toegevoegd.");
    static final Notice REGIO_RENAMED = new Notice("regio-gewijzigd", "Regio opgeslagen.");
    static final Notice GEMEENTE_ADDED = new Notice("gemeente-toegevoegd", "Gemeente toegevoegd.");
    static final Notice GEMEENTE_CHANGED = new Notice("gemeente-gewijzigd", "Gemeente opgeslagen.");
    static final List<Notice> ALL = List.of(REGIO_ADDED, REGIO_RENAMED, GEMEENTE_ADDED, GEMEENTE_CHANGED);

    private TenantNotice() {
    }
}
