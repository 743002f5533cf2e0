package nl.quickscan.privacy;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * How long a meetronde is kept: {@code years} after the day it closed, it is deleted with its scans, answers and
 * their history. {@link #NOTICE_DAYS} before, the regio's coordinators are told, once; a round that was told later
 * (the job did not run, or the period was shortened) is deleted {@link #NOTICE_DAYS} after the notice, never
 * without one.
 */
public record RetentionRule(int years) {

    public static final int DEFAULT_YEARS = 5;
    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 100;
    public static final int NOTICE_DAYS = 30;

    public RetentionRule {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new IllegalArgumentException("QUICKSCAN_RETENTION_YEARS must be a whole number of years from "
                    + MIN_YEARS + " to " + MAX_YEARS + ", not " + years);
        }
    }

    /** The day the retention period of a round that closed on {@code closes} ends. */
    public LocalDate periodEnds(LocalDate closes) {
        return closes.plusYears(years);
    }

    /** Whether the coordinators are to be told today: the notice is due and has not gone out. */
    public boolean noticeDue(LocalDate today, LocalDate closes, @Nullable LocalDate noticedOn) {
        return noticedOn == null && !today.isBefore(periodEnds(closes).minusDays(NOTICE_DAYS));
    }

    /** The day the round is deleted, told on {@code noticedOn}: the end of its period, or 30 days after a late notice. */
    public LocalDate deletedOn(LocalDate closes, LocalDate noticedOn) {
        LocalDate afterNotice = noticedOn.plusDays(NOTICE_DAYS);
        LocalDate ends = periodEnds(closes);
        return afterNotice.isAfter(ends) ? afterNotice : ends;
    }

    /** Whether the round is to be deleted today. */
    public boolean deletionDue(LocalDate today, LocalDate closes, @Nullable LocalDate noticedOn) {
        return noticedOn != null && !today.isBefore(deletedOn(closes, noticedOn));
    }

    /** Only rounds that closed on or before this day can have a notice or deletion due today. */
    public LocalDate latestClosingDue(LocalDate today) {
        return today.plusDays(NOTICE_DAYS).minusYears(years);
    }
}
