package nl.quickscan.scans;

import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Kengetallen: which notations are accepted, how they are stored, and which are refused before any conversion. */
class AnswerRulesTest {

    private static final Survey.Question KENGETAL = new Survey.Question("kengetal-budget", null,
            Survey.QuestionType.NUMBER, "Budget", null, null, null, 0, false, List.of(), "euro per jaar", null, Survey.Scope.GEMEENTE);

    private static String stored(String typed) {
        String value = AnswerRules.normalize(KENGETAL, typed, AnswerRules.Source.PERSON);
        assertNull(AnswerRules.problemWith(KENGETAL, value, null), typed);
        return value;
    }

    private static String refused(String typed) {
        String problem = AnswerRules.problemWith(KENGETAL, AnswerRules.normalize(KENGETAL, typed, AnswerRules.Source.PERSON), null);
        assertEquals(typed.strip(), AnswerRules.normalize(KENGETAL, typed, AnswerRules.Source.PERSON), "a refused value is kept as typed");
        return problem;
    }

    @Test
    void plainAndDutchNotationsAreStoredWithADecimalPoint() {
        assertEquals("12", stored("12"));
        assertEquals("3.5", stored("3,5"));
        assertEquals("0.4", stored(" 0,40 "));
        assertEquals("1234.5", stored("1234.5"));
        assertEquals("1234.5", stored("1.234,5"));
        assertEquals("1234567", stored("1.234.567"));
        assertEquals("1234567", stored("1 234 567"));
        assertEquals("1234", stored("1.234"), "a point before three digits separates thousands, as in Dutch");
        assertEquals("1.234", stored("1,234"), "a comma is the decimal separator, as in Dutch");
        assertEquals("0", stored("0"));
        assertEquals("0", stored("-0"));
        assertEquals("7", stored("007"));
        assertEquals("1000000000", stored("1.000.000.000"), "the maximum itself is accepted");
        assertNull(AnswerRules.normalize(KENGETAL, "  ", AnswerRules.Source.PERSON), "empty means no answer");
    }

    @Test
    void numbersAreReadAsDutchPeopleWriteThem() {
        assertEquals("0.4", stored("0,4"));
        assertEquals("1234.5", stored("1.234,5"));
        assertEquals("230000", stored("230.000"));
        assertEquals("25000", stored("€ 25.000"));
        assertEquals("25000", stored("€25.000,-"));
        assertEquals("25000.5", stored("€ 25.000,50"));
        assertEquals("1500", stored("1.500"));
        assertEquals("12345678.9", stored("12.345.678,9"));
    }

    @Test
    void aPointThatCannotSeparateThousandsIsADecimalPoint() {
        assertEquals("3.5", stored("3.5"));
        assertEquals("0.125", stored("0.125"), "a thousands group never follows a lone zero");
        assertEquals("12.5", stored("12.50"));
        assertEquals("1234.567", stored("1234.567"));
        assertEquals("1.2345", stored("1.2345"));
    }

    /** A program reads a single point as a decimal point, as the API returns numbers: what it reads it can send back. */
    @Test
    void aProgramsSinglePointIsADecimalPoint() {
        for (String stored : List.of("1.234", "230", "0.125", "1234.567", "12.5", "1000000000")) {
            assertEquals(stored, AnswerRules.normalize(KENGETAL, stored, AnswerRules.Source.PROGRAM), stored);
        }
        assertEquals("230", AnswerRules.normalize(KENGETAL, "230.000", AnswerRules.Source.PROGRAM));
        assertEquals("1234.5", AnswerRules.normalize(KENGETAL, "1.234,5", AnswerRules.Source.PROGRAM), "a comma still says it");
        assertEquals("1234567", AnswerRules.normalize(KENGETAL, "1.234.567", AnswerRules.Source.PROGRAM), "and so do two points");
        assertEquals("25000", AnswerRules.normalize(KENGETAL, "€ 25.000", AnswerRules.Source.PROGRAM),
                "a euro sign says a person wrote the amount");
    }

    @Test
    void englishThousandsCommasAreRefusedWithTheDutchWay() {
        String message = "Schrijf het getal op zijn Nederlands: een punt tussen de duizendtallen en een komma voor de "
                + "decimalen, zoals 1.234.567 of 3,5.";
        for (String typed : List.of("1,234,567", "1,234.5", "12,345.67", "€ 1,250,000")) {
            assertEquals(message, refused(typed), typed);
        }
    }

    @Test
    void exponentsAndOtherNotationsAreRefusedAsText() {
        for (String typed : List.of("1e999999999", "1e2147483647", "1E3", "0x10", "+5", "12,", ",5", "1,2,3", "1.23.4",
                "1.234.56", "12.345,6,7", "veel", "1..2", "NaN", "Infinity", "١٢", "5 %", "5 €", "€", "€€ 5", "1.234.5")) {
            assertEquals("Vul een getal in, zoals 12 of 3,5.", refused(typed), typed);
        }
    }

    @Test
    void tooManyDigitsOrCharactersAreRefusedBeforeConversion() {
        assertEquals("Vul een getal in met hoogstens 15 cijfers.", refused("0,1234567890123456"));
        assertEquals("Vul een getal in met hoogstens 15 cijfers.", refused("1".repeat(31)));
        assertEquals("Vul een getal in met hoogstens 15 cijfers.", refused("9".repeat(1000)));
        assertEquals("0.12345678901234", stored("0,12345678901234"), "15 digits, the zero before the comma included");
    }

    @Test
    void numbersOutsideTheRangeAreRefused() {
        assertEquals("Vul een getal in van 0 tot en met 1.000.000.000.", refused("-1"));
        assertEquals("Vul een getal in van 0 tot en met 1.000.000.000.", refused("-0,5"));
        assertEquals("Vul een getal in van 0 tot en met 1.000.000.000.", refused("1000000000,01"));
        assertEquals("Vul een getal in van 0 tot en met 1.000.000.000.", refused("99999999999"));
    }
}
