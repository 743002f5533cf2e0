package nl.quickscan.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for the browser tests, with the checks they share: axe-core for WCAG 2.1 AA, a page
 * no wider than the window (reflow, WCAG 1.4.10), widths and screenshots. Tests are skipped where chromium and
 * chromium-driver are not installed; .ci/run installs them.
 */
public final class Chromium {

    private static final File BINARY = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    /** Collects the page's Content-Security-Policy violations from the first byte on, in every document. */
    public static final String CSP_LISTENER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    private static ChromeDriver shared;

    private Chromium() {
    }

    /** A new browser that collects CSP violations, with the browser console kept for the test to read; quit it afterwards. */
    public static ChromeDriver start() throws IOException {
        assumeTrue(BINARY.canExecute() && DRIVER.canExecute(),
                "Browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
        return driver;
    }

    /**
     * One browser for the test run, started at the first call and quit when the JVM ends; each caller gets it
     * without cookies and at its default size.
     */
    public static synchronized ChromeDriver shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        shared.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        shared.manage().deleteAllCookies();
        return shared;
    }

    /** No serious or critical violation of WCAG 2.1 A/AA that axe-core finds on the current page. */
    public static void assertAccessible(WebDriver driver, String page) {
        List<String> serious = seriousViolations(driver);
        assertTrue(serious.isEmpty(), () -> page + ": " + String.join("; ", serious));
    }

    /** The serious and critical WCAG 2.1 AA violations axe-core finds on the page, each with where it is. */
    public static List<String> seriousViolations(WebDriver driver) {
        // Legacy mode runs axe in the page itself; the default finishes each run in a new tab, for frames of other
        // origins, which no page here has (the CSP allows none), at a cost of about a second a page.
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).setLegacyMode(true)
                .analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        return serious.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList()).toList();
    }

    /** At the given window width, the page scrolls down only: nothing sticks out sideways. */
    public static void assertNoWiderThanTheWindow(WebDriver driver, String page, int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object sizes = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];");
        List<?> measured = (List<?>) sizes;
        assertEquals(measured.get(0), measured.get(1), page + " at " + width + " px: window width, page width");
    }

    /**
     * Lays the page out for a screen of this many CSS pixels wide, as a phone does below 1000 px (the page's
     * viewport meta tag counts there), without reloading it.
     */
    public static void width(ChromeDriver driver, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 1000));
    }

    /** Logs in through the login form at 1366 px, with no cookie of an earlier login, and waits for the start page. */
    public static void login(ChromeDriver driver, TestApp app, String email, String password) {
        driver.manage().deleteAllCookies();
        width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    /** A screenshot of the whole page (at most 8000 px high) as a PNG file. */
    public static void screenshot(ChromeDriver driver, Path file) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"),
                "height", Math.min(size.get("height").doubleValue(), 8000), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
