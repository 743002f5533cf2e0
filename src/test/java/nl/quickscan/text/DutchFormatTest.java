package nl.quickscan.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DutchFormatTest {

    @Test
    void numbersHaveADecimalCommaAThousandsPointAndAtMostOneDecimal() {
        assertEquals("1.234,5", DutchFormat.number(1234.5));
        assertEquals("1.234.567", DutchFormat.number(1_234_567));
        assertEquals("75", DutchFormat.number(75.0));
        assertEquals("12,5", DutchFormat.number(12.5));
        assertEquals("0", DutchFormat.number(0));
        assertEquals("", DutchFormat.number(null));
    }

    @Test
    void exactNumbersKeepEveryDecimal() {
        assertEquals("0,125", DutchFormat.exact(new java.math.BigDecimal("0.125")));
        assertEquals("1.234,5", DutchFormat.exact(new java.math.BigDecimal("1234.50")));
        assertEquals("230.000", DutchFormat.exact(new java.math.BigDecimal("230000")));
        assertEquals("0,12345678901234", DutchFormat.exact(new java.math.BigDecimal("0.12345678901234")));
        assertEquals("0,4", DutchFormat.exact(new java.math.BigDecimal("0.40")));
        assertEquals("", DutchFormat.exact(null));
    }

    @Test
    void negativeNumbersHaveARealMinusSign() {
        assertEquals("\u22125", DutchFormat.number(-5));
        assertEquals("\u22121.234,5", DutchFormat.number(-1234.5));
    }

    @Test
    void roundingIsHalfUpAndNeverLeavesAMinusZero() {
        assertEquals("12,3", DutchFormat.number(12.25));
        assertEquals("12,2", DutchFormat.number(12.24));
        assertEquals("33,3", DutchFormat.number(100.0 / 3));
        assertEquals("\u22122,3", DutchFormat.number(-2.25));
        assertEquals("0", DutchFormat.number(-0.04));
        assertEquals("1", DutchFormat.number(0.95));
    }

    @Test
    void percentagesAreWholeWithGeenScoreForNone() {
        assertEquals("75%", DutchFormat.percent(75.0));
        assertEquals("67%", DutchFormat.percent(200.0 / 3));
        assertEquals("13%", DutchFormat.percent(12.5));
        assertEquals("0%", DutchFormat.percent(0.0));
        assertEquals("0%", DutchFormat.percent(-0.4));
        assertEquals("100%", DutchFormat.percent(100));
        assertEquals("1.234%", DutchFormat.percent(1234.4));
        assertEquals("geen score", DutchFormat.percent(null));
    }

    @Test
    void differencesInProcentpuntAreSigned() {
        assertEquals("+5", DutchFormat.points(5.0));
        assertEquals("+33,3", DutchFormat.points(100.0 / 3));
        assertEquals("\u22125", DutchFormat.points(-5.0));
        assertEquals("\u221266,7", DutchFormat.points(-200.0 / 3));
        assertEquals("0", DutchFormat.points(0.0));
        assertEquals("0", DutchFormat.points(0.04), "what rounds to zero has no sign");
        assertEquals("0", DutchFormat.points(-0.04));
        assertEquals("+1.234,5", DutchFormat.points(1234.5));
        assertEquals("–", DutchFormat.points(null));
    }

    @Test
    void datesAreWrittenOutInDutchTime() {
        assertEquals("1 december 2026", DutchFormat.date(LocalDate.of(2026, 12, 1)));
        assertEquals("", DutchFormat.date(null));
        // 13:05 UTC is 14:05 in Amsterdam in winter, 15:05 in summer.
        assertEquals("1 december 2026, 14:05", DutchFormat.dateTime(Instant.parse("2026-12-01T13:05:00Z")));
        assertEquals("1 juli 2026, 15:05", DutchFormat.dateTime(Instant.parse("2026-07-01T13:05:00Z")));
        assertEquals("2 januari 2027, 00:30", DutchFormat.dateTime(Instant.parse("2027-01-01T23:30:00Z")));
        assertEquals("14:05", DutchFormat.time(Instant.parse("2026-12-01T13:05:00Z")));
        assertEquals("15:05", DutchFormat.time(Instant.parse("2026-07-01T13:05:00Z")));
        assertEquals("", DutchFormat.dateTime(null));
    }

    @Test
    void periodsReadAsASentenceSaysThem() {
        assertEquals("7 dagen", DutchFormat.duration(Duration.ofDays(7)));
        assertEquals("1 dag", DutchFormat.duration(Duration.ofDays(1)));
        assertEquals("1 uur", DutchFormat.duration(Duration.ofHours(1)));
        assertEquals("36 uur", DutchFormat.duration(Duration.ofHours(36)));
        assertEquals("30 minuten", DutchFormat.duration(Duration.ofMinutes(30)));
        assertEquals("1 minuut", DutchFormat.duration(Duration.ofMinutes(1)));
    }
}
