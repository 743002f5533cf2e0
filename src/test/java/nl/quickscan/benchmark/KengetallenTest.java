package nl.quickscan.benchmark;

import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Kengetallen per 10,000 inhabitants and the regio's medians, checked against figures worked out by hand. */
class KengetallenTest {

    private static final Survey SURVEY = new Survey("test", 1, "Test", "", List.of(), List.of(), List.of(
            number("meldingen", "meldingen per jaar"), number("fte", "fte"), number("leeg", null),
            new Survey.Question("opmerking", null, Survey.QuestionType.TEXT, "Opmerking", "", "", null, 1, false,
                    List.of(), null, null, Survey.Scope.GEMEENTE)), null);

    /**
     * gemeente: inhabitants; meldingen, fte, leeg
     * GM0001: 20,000;  30, 0.5, –
     * GM0002: 50,000;  10, 1.5, –
     * GM0003: unknown;  8, 2,   "veel" (not a number)
     * GM0004: 12,500;   –, –,   –
     * GM0005: 40,000;   0, 1,   –
     */
    private static final List<Kengetallen.Input> SUBMITTED = List.of(
            input("GM0001", 20_000, "meldingen", "30", "fte", "0.5"),
            input("GM0002", 50_000, "meldingen", "10", "fte", "1.5"),
            input("GM0003", null, "meldingen", "8", "fte", "2", "leeg", "veel"),
            input("GM0004", 12_500),
            input("GM0005", 40_000, "meldingen", "0", "fte", "1", "opmerking", "12"));

    @Test
    void theNumberQuestionsInTheSurveysOrderWithEachGemeenteInTheOrderGiven() {
        List<Kengetallen.Kengetal> kengetallen = Kengetallen.of(SURVEY, SUBMITTED);
        assertEquals(List.of("meldingen", "fte", "leeg"), kengetallen.stream().map(Kengetallen.Kengetal::key).toList(),
                "a text question is no kengetal");
        Kengetallen.Kengetal meldingen = kengetallen.get(0);
        assertEquals("Titel meldingen", meldingen.title());
        assertEquals("meldingen per jaar", meldingen.unit());
        assertEquals(List.of("GM0001", "GM0002", "GM0003", "GM0004", "GM0005"),
                meldingen.gemeenten().stream().map(Kengetallen.GemeenteValue::cbsCode).toList());
    }

    @Test
    void perTenThousandInhabitantsAndMissingValues() {
        Kengetallen.Kengetal meldingen = Kengetallen.of(SURVEY, SUBMITTED).get(0);
        // 30 × 10,000 / 20,000 = 15; 10 × 10,000 / 50,000 = 2; 0 × 10,000 / 40,000 = 0
        assertEquals(Arrays.asList(30.0, 10.0, 8.0, null, 0.0), values(meldingen));
        assertEquals(Arrays.asList(15.0, 2.0, null, null, 0.0), per10000(meldingen),
                "none without inhabitants (GM0003) or without a value (GM0004)");
        Kengetallen.Kengetal fte = Kengetallen.of(SURVEY, SUBMITTED).get(1);
        // 0.5 × 10,000 / 20,000 = 0.25; 1.5 × 10,000 / 50,000 = 0.3; 1 × 10,000 / 40,000 = 0.25
        assertEquals(Arrays.asList(0.5, 1.5, 2.0, null, 1.0), values(fte));
        List<Double> ftePer10000 = per10000(fte);
        assertEquals(0.25, ftePer10000.get(0), 1e-12);
        assertEquals(0.3, ftePer10000.get(1), 1e-12);
        assertNull(ftePer10000.get(2));
        assertNull(ftePer10000.get(3));
        assertEquals(0.25, ftePer10000.get(4), 1e-12);
    }

    @Test
    void mediansOverTheGemeentenThatHaveTheFigure() {
        List<Kengetallen.Kengetal> kengetallen = Kengetallen.of(SURVEY, SUBMITTED);
        // meldingen: values 0, 8, 10, 30 (even n) → (8 + 10) / 2 = 9; per 10,000: 0, 2, 15 (odd n) → 2
        assertEquals(9.0, kengetallen.get(0).median(), 1e-12);
        assertEquals(2.0, kengetallen.get(0).medianPer10000(), 1e-12);
        // fte: values 0.5, 1, 1.5, 2 → (1 + 1.5) / 2 = 1.25; per 10,000: 0.25, 0.25, 0.3 → 0.25
        assertEquals(1.25, kengetallen.get(1).median(), 1e-12);
        assertEquals(0.25, kengetallen.get(1).medianPer10000(), 1e-12);
        // leeg: nobody gave a number ("veel" is none)
        assertEquals(Arrays.asList(null, null, null, null, null), values(kengetallen.get(2)));
        assertNull(kengetallen.get(2).median());
        assertNull(kengetallen.get(2).medianPer10000());
    }

    @Test
    void aSingleGemeenteIsItsOwnMedianAndNoneLeavesEveryKengetalEmpty() {
        Kengetallen.Kengetal alone = Kengetallen.of(SURVEY, List.of(input("GM0009", 8_000, "meldingen", "6"))).get(0);
        // 6 × 10,000 / 8,000 = 7.5
        assertEquals(6.0, alone.median(), 1e-12);
        assertEquals(7.5, alone.medianPer10000(), 1e-12);
        Kengetallen.Kengetal none = Kengetallen.of(SURVEY, List.of()).get(0);
        assertEquals(List.of(), none.gemeenten());
        assertNull(none.median());
        assertNull(none.medianPer10000());
    }

    @Test
    void theKengetalThatCountsTheInhabitantsHasNoFigurePerTenThousand() {
        Survey survey = new Survey("test", 1, "Test", "", List.of(), List.of(), List.of(number("inwoners", "inwoners")), null);
        Kengetallen.Kengetal inwoners = Kengetallen.of(survey, List.of(input("GM0001", 20_000, "inwoners", "20000"),
                input("GM0002", 50_000, "inwoners", "49000"))).get(0);
        assertEquals(Arrays.asList(20_000.0, 49_000.0), values(inwoners));
        assertEquals(Arrays.asList(null, null), per10000(inwoners), "not 10,000 for every gemeente");
        assertEquals(34_500.0, inwoners.median());
        assertNull(inwoners.medianPer10000());
    }

    private static Survey.Question number(String key, String unit) {
        return new Survey.Question(key, null, Survey.QuestionType.NUMBER, "Titel " + key, "", "", null, 1, false,
                List.of(), unit, null, Survey.Scope.GEMEENTE);
    }

    private static Kengetallen.Input input(String cbsCode, Integer inhabitants, String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Kengetallen.Input(cbsCode, "Gemeente " + cbsCode, inhabitants, values);
    }

    private static List<Double> values(Kengetallen.Kengetal kengetal) {
        return kengetal.gemeenten().stream().map(Kengetallen.GemeenteValue::value).toList();
    }

    private static List<Double> per10000(Kengetallen.Kengetal kengetal) {
        return kengetal.gemeenten().stream().map(Kengetallen.GemeenteValue::per10000).toList();
    }
}
