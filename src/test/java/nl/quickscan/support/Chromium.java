package nl.quickscan.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium for the browser tests, with the checks they share: axe-core for WCAG 2.1 AA, and a page
 * no wider than the window (reflow, WCAG 1.4.10). Tests are skipped where Debian's chromium and chromium-driver
 * are not installed; .ci/run installs them.
 */
public final class Chromium {

    private static final File BINARY = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A new browser, with the browser console kept for the test to read; quit it afterwards. */
    public static ChromeDriver start() throws IOException {
        assumeTrue(BINARY.canExecute() && DRIVER.canExecute(),
                "Browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
    }

    /** No serious or critical violation of WCAG 2.1 A/AA that axe-core finds on the current page. */
    public static void assertAccessible(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        System.out.println("[axe] " + page + ": " + results.getPasses().size() + " rules passed, violations " + results.getViolations().stream().map(r -> r.getId() + "/" + r.getImpact()).toList());
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertTrue(serious.isEmpty(), () -> page + ": " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList())
                .collect(Collectors.joining("; ")));
    }

    /** At the given window width, the page scrolls down only: nothing sticks out sideways. */
    public static void assertNoWiderThanTheWindow(WebDriver driver, String page, int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object sizes = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];");
        List<?> measured = (List<?>) sizes;
        assertEquals(measured.get(0), measured.get(1), page + " at " + width + " px: window width, page width");
    }
}
