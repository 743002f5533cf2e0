package nl.quickscan.scans;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.quickscan.text.DutchFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A measurement round of a regio: each of its gemeenten fills in one scan of the named survey version.
 * {@code reminderDaysBefore}: the round reminds the gemeenten that have not submitted that many days before it
 * closes; null when it does not.
 */
@MappedEntity("meetronde")
public record Meetronde(@Id @GeneratedValue @Nullable Long id, long regioId, String name, Kind kind,
                        @Nullable Long baselineRoundId, String surveyId, int surveyVersion, LocalDate opens,
                        LocalDate closes, Instant createdAt, @Nullable Integer reminderDaysBefore) {

    @Creator
    public Meetronde {
    }

    /** A round that does not remind by itself. */
    public Meetronde(@Nullable Long id, long regioId, String name, Kind kind, @Nullable Long baselineRoundId,
                     String surveyId, int surveyVersion, LocalDate opens, LocalDate closes, Instant createdAt) {
        this(id, regioId, name, kind, baselineRoundId, surveyId, surveyVersion, opens, closes, createdAt, null);
    }

    /** The most days before closing a round can remind by itself. */
    public static final int REMINDER_DAYS_MAX = 30;

    /** The longest name (the column's length). */
    public static final int NAME_MAX = 100;
    /** The dates a round may have: anything outside is a typing error (and beyond what every database stores). */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    public enum Kind {
        NULMETING, HERHALING;

        /** The Dutch word for the kind of round, on pages and in reports. */
        public String label() {
            return switch (this) {
                case NULMETING -> "Nulmeting";
                case HERHALING -> "Herhaling";
            };
        }
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }

    /** "Open tot en met 1 januari 2027 (nog 30 dagen)", "Gesloten sinds …" or "Open van … tot en met …". */
    public String periodOn(LocalDate today) {
        return period(opens, closes, today);
    }

    static String period(LocalDate opens, LocalDate closes, LocalDate today) {
        String until = DutchFormat.date(closes);
        if (today.isAfter(closes)) {
            return "Gesloten sinds " + DutchFormat.date(closes.plusDays(1));
        }
        if (today.isBefore(opens)) {
            return "Open van " + DutchFormat.date(opens) + " tot en met " + until;
        }
        return "Open tot en met " + until + " (" + daysLeft(today, closes) + ")";
    }

    /** How long a round open today stays open: "nog 12 dagen", "nog 1 dag", "vandaag is de laatste dag". */
    static String daysLeft(LocalDate today, LocalDate closes) {
        long days = ChronoUnit.DAYS.between(today, closes);
        return days <= 0 ? "vandaag is de laatste dag" : "nog " + DutchFormat.count(days, "dag", "dagen");
    }
}
