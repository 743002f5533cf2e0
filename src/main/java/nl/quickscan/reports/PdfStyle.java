package nl.quickscan.reports;

import nl.quickscan.surveys.Survey;

import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;

/** The colours of the levels in the PDF reports, and their legend. */
final class PdfStyle {

    /** A level's colour, the colour of text on it, and the colour's name in the legend. */
    record LevelColour(Color colour, Color text, String name) {
    }

    /**
     * The colours of the levels by their index in the survey's scale, lowest first. Their lightness steps down
     * clearly from level to level (grey values 228, 184, 142 and 78 of 255), so that a greyscale print still tells
     * them apart and in order; the hues follow the page's (red, orange, blue, green), and the names say the colour
     * as it prints. Text on each has a contrast of at least 4.5 to 1. A level beyond them has no colour; its name
     * still says it.
     */
    static final List<LevelColour> LEVEL_COLOURS = List.of(
            new LevelColour(new Color(250, 219, 218), Color.BLACK, "roze"),
            new LevelColour(new Color(245, 176, 65), Color.BLACK, "oranje"),
            new LevelColour(new Color(91, 155, 213), Color.BLACK, "blauw"),
            new LevelColour(new Color(30, 107, 52), Color.WHITE, "donkergroen"));

    private PdfStyle() {
    }

    /** The background of a cell with this level; null for none. */
    static Color levelColour(Survey.Level level) {
        return level == null || level.index() >= LEVEL_COLOURS.size() ? null : LEVEL_COLOURS.get(level.index()).colour();
    }

    /** The colour of text on a cell with this level: black, or white on a dark colour. */
    static Color levelTextColour(Survey.Level level) {
        return level == null || level.index() >= LEVEL_COLOURS.size() ? Color.BLACK : LEVEL_COLOURS.get(level.index()).text();
    }

    /** "Beginnend (roze), In ontwikkeling (oranje), …": the levels of the scale that have a colour. */
    static String levelLegend(List<Survey.Level> levels) {
        return levels.stream().filter(level -> level.index() < LEVEL_COLOURS.size())
                .map(level -> level.label() + " (" + LEVEL_COLOURS.get(level.index()).name() + ")")
                .collect(Collectors.joining(", "));
    }
}
