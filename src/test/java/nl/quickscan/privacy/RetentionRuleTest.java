package nl.quickscan.privacy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a round is announced and deleted (plain Java). */
class RetentionRuleTest {

    private static final RetentionRule FIVE = new RetentionRule(5);
    private static final LocalDate CLOSED = LocalDate.of(2021, 6, 30);

    @Test
    void theNoticeGoesOutThirtyDaysBeforeThePeriodEndsAndOnce() {
        assertEquals(LocalDate.of(2026, 6, 30), FIVE.periodEnds(CLOSED));
        assertFalse(FIVE.noticeDue(LocalDate.of(2026, 5, 30), CLOSED, null), "31 days before");
        assertTrue(FIVE.noticeDue(LocalDate.of(2026, 5, 31), CLOSED, null), "30 days before");
        assertTrue(FIVE.noticeDue(LocalDate.of(2027, 1, 1), CLOSED, null), "late, but still told");
        assertFalse(FIVE.noticeDue(LocalDate.of(2026, 6, 1), CLOSED, LocalDate.of(2026, 5, 31)), "once");
    }

    @Test
    void theRoundIsDeletedWhenThePeriodEndsNeverWithoutThirtyDaysNotice() {
        LocalDate toldInTime = LocalDate.of(2026, 5, 31);
        assertFalse(FIVE.deletionDue(LocalDate.of(2026, 6, 29), CLOSED, toldInTime));
        assertTrue(FIVE.deletionDue(LocalDate.of(2026, 6, 30), CLOSED, toldInTime));
        assertFalse(FIVE.deletionDue(LocalDate.of(2030, 1, 1), CLOSED, null), "not without a notice");
        LocalDate toldLate = LocalDate.of(2026, 9, 1);
        assertEquals(LocalDate.of(2026, 10, 1), FIVE.deletedOn(CLOSED, toldLate));
        assertFalse(FIVE.deletionDue(LocalDate.of(2026, 9, 30), CLOSED, toldLate));
        assertTrue(FIVE.deletionDue(LocalDate.of(2026, 10, 1), CLOSED, toldLate));
    }

    @Test
    void onlyRoundsClosedLongEnoughAgoAreLookedAt() {
        LocalDate today = LocalDate.of(2026, 5, 31);
        assertEquals(CLOSED, FIVE.latestClosingDue(today));
        assertTrue(FIVE.noticeDue(today, FIVE.latestClosingDue(today), null));
        assertFalse(FIVE.noticeDue(today, FIVE.latestClosingDue(today).plusDays(1), null));
        assertEquals(LocalDate.of(2025, 6, 30), new RetentionRule(1).periodEnds(LocalDate.of(2024, 6, 30)));
    }

    @Test
    void theSettingIsAWholeNumberOfYearsFromOneToAHundred() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(0));
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(101));
        assertEquals(100, new RetentionRule(100).years());
    }
}
