package nl.quickscan.reports;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The round page's heatmap (app.css) has the regiorapport's level colours, text colour included. */
class LevelColoursTest {

    @Test
    void thePageColoursEachLevelAsThePdfDoes() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/public/app.css"));
        for (int i = 0; i < PdfStyle.LEVEL_COLOURS.size(); i++) {
            Matcher rule = Pattern.compile("\\.level--" + i + " \\{ background: #([0-9a-f]{6}); color: #([0-9a-f]{3}); }").matcher(css);
            assertTrue(rule.find(), "a rule for level " + i);
            PdfStyle.LevelColour pdf = PdfStyle.LEVEL_COLOURS.get(i);
            assertEquals(pdf.colour(), Color.decode("#" + rule.group(1)), "background of level " + i);
            String text = rule.group(2);
            assertEquals(pdf.text(), Color.decode("#" + text.charAt(0) + text.charAt(0) + text.charAt(1) + text.charAt(1)
                    + text.charAt(2) + text.charAt(2)), "text of level " + i);
        }
        assertTrue(!css.contains(".level--" + PdfStyle.LEVEL_COLOURS.size() + " "), "no colour the PDF lacks");
    }
}
