package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import nl.quickscan.text.DutchFormat;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scan with its round and gemeente, as pages and the API show it; {@code baselineRoundId} is the nulmeting a
 * herhaling is compared with; {@code reopenedAt}, {@code reopenedByName} and {@code reopenReason} tell of the last
 * time a coordinator reopened it (null when never). {@code regioName} is set on the regio's own scan of a round
 * (the answers to the regio-scoped statements): that scan has no gemeente ({@code gemeenteId} 0, no CBS code) and
 * its {@code gemeenteName} is the regio's name, so that titles and audit entries name who answers it.
 * {@code source}: filled in in the app, or imported from an earlier measurement ({@code importedAt},
 * {@code importedByName}, {@code importFile} then say when, by whom and from which file; null otherwise).
 */
@Introspected
public record ScanRow(long id, long roundId, String roundName, Meetronde.Kind roundKind, @Nullable Long baselineRoundId,
                      long gemeenteId, String cbsCode, String gemeenteName, long regioId, Status status,
                      @Nullable Instant submittedAt, @Nullable String submittedByName, String surveyId, int surveyVersion,
                      LocalDate opens, LocalDate closes,
                      @Nullable Instant reopenedAt, @Nullable String reopenedByName, @Nullable String reopenReason, @Nullable String regioName,
                      Source source, @Nullable Instant importedAt, @Nullable String importedByName,
                      @Nullable String importFile) {

    /** Where a scan's answers come from. */
    public enum Source {
        /** Filled in in the app. */
        APP,
        /** Imported from an earlier measurement (nl.quickscan.imports), submitted as it came in. */
        IMPORT
    }

    public boolean imported() {
        return source == Source.IMPORT;
    }

    /**
     * What pages and reports say of an imported scan: "Geïmporteerd op 2 december 2026 om 14:05 door Anna de Vries,
     * uit nulmeting-2023.xlsx"; null for a scan filled in in the app.
     */
    public String importedLabel() {
        if (!imported()) {
            return null;
        }
        return "Geïmporteerd" + (importedAt == null ? "" : " op " + DutchFormat.dateTime(importedAt))
                + (importedByName == null ? "" : " door " + importedByName)
                + (importFile == null ? "" : ", uit " + importFile);
    }

    public enum Status {
        NOT_STARTED, IN_PROGRESS, SUBMITTED;

        /** The Dutch word for the state, on pages, in reports and workbooks. */
        public String label() {
            return switch (this) {
                case NOT_STARTED -> "Niet gestart";
                case IN_PROGRESS -> "Bezig";
                case SUBMITTED -> "Ingediend";
            };
        }
    }

    /** The regio's own scan of the round, answered by its coordinator. */
    public boolean regioPart() {
        return regioName != null;
    }

    /** What the scan is called on its pages: "Quickscan Groningen", or "Regionaal deel Noord" for the regio's. */
    public String title() {
        return regioPart() ? "Regionaal deel " + regioName : "Quickscan " + gemeenteName;
    }

    public boolean submitted() {
        return status == Status.SUBMITTED;
    }

    /** Reopened by a coordinator and not submitted again since. */
    public boolean reopened() {
        return reopenedAt != null && !submitted();
    }

    public boolean roundOpenOn(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }
}
