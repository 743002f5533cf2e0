package nl.quickscan.imports;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.text.DutchFormat;

import java.util.List;
import java.util.Map;

/** The models of the import pages: the upload page, and the dry run (or the import's result) of a file. */
final class ImportPages {

    private ImportPages() {
    }

    record UploadPage(String title, Meetronde round, int maxMegabytes) {
    }

    /** A gemeente of the file as the dry run lists it. */
    record Listed(String cbsCode, String name, String answers, String statusLabel, String status) {
    }

    /** A problem with its place in words ("Blad Antwoorden, rij 12, kolom E (Antwoord)"). */
    record Problem(String location, String message) {
    }

    /**
     * {@code summary}: one sentence of what will happen or happened; {@code uploadId}: the staged file the confirm
     * button names (null when there is nothing to confirm).
     */
    record CheckPage(String title, Meetronde round, @Nullable String fileName, String summary, List<Listed> gemeenten,
                     List<Problem> problems, List<Map<String, String>> errorSummary, boolean imported,
                     @Nullable Long uploadId) {
    }

    static UploadPage upload(Meetronde round) {
        return new UploadPage("Eerdere meting importeren", round, ImportSheet.MAX_BYTES / (1024 * 1024));
    }

    static CheckPage check(ImportService.Outcome outcome) {
        List<Listed> gemeenten = outcome.gemeenten().stream().map(g -> new Listed(g.cbsCode(), g.name(),
                DutchFormat.count(g.answers(), "antwoord", "antwoorden"), label(g.status()), g.status().name())).toList();
        List<Problem> problems = outcome.problems().stream().map(p -> new Problem(p.location(), p.message())).toList();
        long ready = count(outcome, ImportService.Status.READY);
        long imported = count(outcome, ImportService.Status.IMPORTED);
        long skipped = count(outcome, ImportService.Status.SKIPPED);
        String summary;
        if (!problems.isEmpty()) {
            summary = "Er is niets geïmporteerd. Los de problemen hieronder op in het bestand en upload het opnieuw.";
        } else if (outcome.imported()) {
            summary = DutchFormat.count(imported, "gemeente is", "gemeenten zijn") + " geïmporteerd"
                    + (skipped == 0 ? "." : "; " + DutchFormat.count(skipped, "gemeente is", "gemeenten zijn")
                    + " overgeslagen, omdat ze al een scan in deze meetronde hebben.");
        } else if (ready == 0) {
            summary = outcome.gemeenten().isEmpty() ? "Het bestand bevat geen antwoorden. Er is niets te importeren."
                    : "Alle gemeenten in het bestand hebben al een scan in deze meetronde. Er is niets te importeren.";
        } else {
            summary = DutchFormat.count(ready, "gemeente wordt", "gemeenten worden") + " geïmporteerd"
                    + (skipped == 0 ? "." : "; " + DutchFormat.count(skipped, "gemeente wordt", "gemeenten worden")
                    + " overgeslagen, omdat ze al een scan in deze meetronde hebben.")
                    + " Controleer het overzicht en klik dan op Importeren.";
        }
        List<Map<String, String>> errorSummary = problems.isEmpty() ? List.of() : List.of(Map.of("href", "#problemen",
                "message", DutchFormat.count(problems.size(), "probleem", "problemen") + " gevonden. Bekijk de tabel hieronder."));
        String title = outcome.imported() ? "Eerdere meting geïmporteerd" : "Controle van het bestand";
        return new CheckPage(title, outcome.round(), outcome.fileName(), summary, gemeenten, problems, errorSummary,
                outcome.imported(), outcome.uploadId());
    }

    private static long count(ImportService.Outcome outcome, ImportService.Status status) {
        return outcome.gemeenten().stream().filter(g -> g.status() == status).count();
    }

    static String label(ImportService.Status status) {
        return switch (status) {
            case READY -> "Wordt geïmporteerd";
            case IMPORTED -> "Geïmporteerd";
            case SKIPPED -> "Overgeslagen: heeft al een scan in deze meetronde";
        };
    }
}
