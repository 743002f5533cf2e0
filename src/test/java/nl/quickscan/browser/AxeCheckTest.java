package nl.quickscan.browser;

import nl.quickscan.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accessibility check every browser test relies on finds what it should (Chromium.seriousViolations). */
class AxeCheckTest {

    @Test
    void aPageWithAnUnlabelledFieldAndAnImageWithoutTextHasSeriousViolations() throws Exception {
        ChromeDriver driver = Chromium.shared();
        driver.get("data:text/html;charset=utf-8,<!doctype html><html lang=nl><head><title>Proef</title></head><body><main>"
                + "<h1>Proef</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input type=text></main></body></html>");
        List<String> violations = Chromium.seriousViolations(driver);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt (critical)")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("label (critical)")), violations::toString);

        driver.get("data:text/html;charset=utf-8,<!doctype html><html lang=nl><head><title>Proef</title></head><body><main>"
                + "<h1>Proef</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='Logo'>"
                + "<label for=n>Naam</label><input id=n type=text></main></body></html>");
        assertEquals(List.of(), Chromium.seriousViolations(driver));
    }
}
