package nl.quickscan.reports;

import nl.quickscan.surveys.Survey;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfStyleTest {

    @Test
    void aLevelsColourGoesByItsPlaceInTheScaleNotItsName() {
        Survey.Level renamed = new Survey.Level(2, "Flink op weg", 50, "Een hernoemd niveau.");
        assertEquals(PdfStyle.LEVEL_COLOURS.get(2).colour(), PdfStyle.levelColour(renamed));
        assertNull(PdfStyle.levelColour(new Survey.Level(4, "Voorbeeldig", 90, "Voorbij de kleuren.")));
        assertNull(PdfStyle.levelColour(null));
    }

    @Test
    void theLevelsStayApartAndInOrderInAGreyscalePrint() {
        for (int i = 1; i < PdfStyle.LEVEL_COLOURS.size(); i++) {
            double lighter = grey(PdfStyle.LEVEL_COLOURS.get(i - 1).colour());
            double darker = grey(PdfStyle.LEVEL_COLOURS.get(i).colour());
            assertTrue(lighter - darker >= 40, "level " + i + " is clearly darker than level " + (i - 1) + ": " + lighter + " vs " + darker);
        }
    }

    @Test
    void textOnEveryLevelColourIsReadable() {
        for (PdfStyle.LevelColour level : PdfStyle.LEVEL_COLOURS) {
            assertTrue(contrast(level.colour(), level.text()) >= 4.5, level.name() + ": " + contrast(level.colour(), level.text()));
        }
        assertEquals(Color.WHITE, PdfStyle.levelTextColour(new Survey.Level(3, "Geborgd", 75, "Op de donkerste kleur.")));
        assertEquals(Color.BLACK, PdfStyle.levelTextColour(null));
    }

    /** The grey a colour prints as (ITU-R BT.601 luma, 0–255). */
    private static double grey(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** WCAG 2 contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Test
    void theLegendNamesTheSurveysOwnLevels() {
        List<Survey.Level> levels = List.of(new Survey.Level(0, "Beginnend", 0, "Begin."),
                new Survey.Level(1, "Op weg", 50, "Verder."));
        assertEquals("Beginnend (roze), Op weg (oranje)", PdfStyle.levelLegend(levels));
    }
}
