package nl.quickscan.reports;

import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PdfStyleTest {

    @Test
    void aLevelsColourGoesByItsPlaceInTheScaleNotItsName() {
        Survey.Level renamed = new Survey.Level(2, "Flink op weg", 50, "Een hernoemd niveau.");
        assertEquals(PdfStyle.LEVEL_COLOURS.get(2).colour(), PdfStyle.levelColour(renamed));
        assertNull(PdfStyle.levelColour(new Survey.Level(4, "Voorbeeldig", 90, "Voorbij de kleuren.")));
        assertNull(PdfStyle.levelColour(null));
    }

    @Test
    void theLegendNamesTheSurveysOwnLevels() {
        List<Survey.Level> levels = List.of(new Survey.Level(0, "Beginnend", 0, "Begin."),
                new Survey.Level(1, "Op weg", 50, "Verder."));
        assertEquals("Beginnend (rood), Op weg (oranje)", PdfStyle.levelLegend(levels));
    }
}
