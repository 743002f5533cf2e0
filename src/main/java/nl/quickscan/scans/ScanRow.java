package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scan with its round and gemeente, as pages and the API show it; {@code baselineRoundId} is the nulmeting a
 * herhaling is compared with; {@code reopenedAt}, {@code reopenedByName} and {@code reopenReason} tell of the last
 * time a coordinator reopened it (null when never).
 */
@Introspected
public record ScanRow(long id, long roundId, String roundName, Meetronde.Kind roundKind, @Nullable Long baselineRoundId,
                      long gemeenteId, String cbsCode, String gemeenteName, long regioId, Status status,
                      @Nullable Instant submittedAt, @Nullable String submittedByName, String surveyId, int surveyVersion,
                      LocalDate opens, LocalDate closes,
                      @Nullable Instant reopenedAt, @Nullable String reopenedByName, @Nullable String reopenReason) {

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
