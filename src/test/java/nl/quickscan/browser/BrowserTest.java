package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real headless Chromium: an adviser logs in, answers questions (saved as they change), reloads and sees them;
 * axe-core checks the login, dashboard and scan pages for serious or critical WCAG 2.1 AA violations.
 * Skipped where Debian's chromium and chromium-driver are not installed; .ci/run installs them.
 */
class BrowserTest {

    private static ChromeDriver driver;

    @BeforeAll
    static void browser() throws Exception {
        driver = Chromium.driver();
    }

    @Test
    void anAdviserAnswersAndFindsTheAnswersAfterAReloadOnAccessiblePages() {
        TestApp app = TestApp.h2();
        var round = app.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Browsertest %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, round.status(), round::toString);
        long roundId = ((Number) round.json().get("id")).longValue();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        driver.get(app.uri("/login").toString());
        assertAccessible("login");
        driver.findElement(By.id("email")).sendKeys("adviseur.westerkwartier@quickscan.test");
        driver.findElement(By.id("password")).sendKeys(TestApp.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(app.uri("/").toString()));

        driver.get(app.uri("/scans").toString());
        assertAccessible("dashboard");
        driver.findElement(By.cssSelector("form[action='/scans'] input[value='" + roundId + "'] ~ button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/deel/visie']")));
        assertAccessible("scan overview");
        driver.findElement(By.cssSelector("a[href$='/deel/visie']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("fieldset.question")));
        assertAccessible("bouwsteen page");

        List<WebElement> questions = driver.findElements(By.cssSelector("fieldset.question"));
        for (WebElement question : questions.subList(0, 2)) {
            question.findElement(By.cssSelector("label[for$='-2']")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        }
        WebElement comment = questions.get(0).findElement(By.cssSelector("textarea"));
        comment.sendKeys("Besproken in de stuurgroep");
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(questions.get(0).findElement(By.cssSelector(".question__status")), "Opgeslagen"));

        driver.navigate().refresh();
        List<WebElement> reloaded = driver.findElements(By.cssSelector("fieldset.question"));
        for (WebElement question : reloaded.subList(0, 2)) {
            assertTrue(question.findElement(By.cssSelector("input[type=radio][value='2']")).isSelected(),
                    "answer kept after reload");
        }
        assertEquals("Besproken in de stuurgroep", reloaded.get(0).findElement(By.cssSelector("textarea")).getAttribute("value"));

        driver.get(driver.getCurrentUrl().replaceAll("/deel/.*$", "/resultaten"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.radar")));
        assertAccessible("results page");

        var coordinator = app.api().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        var herhaling = coordinator.postJson("/api/v1/rounds", """
                {"name": "Browsertest herhaling %s", "kind": "HERHALING", "baselineRoundId": %d,
                 "surveyId": "quickscan-seksueel-geweld", "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(
                System.nanoTime(), roundId, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, herhaling.status(), herhaling::toString);
        var adviser = app.api().login("adviseur.westerkwartier@quickscan.test", TestApp.DEMO_PASSWORD);
        long repeat = ((Number) adviser.postJson("/api/v1/scans", "{\"roundId\":" + herhaling.json().get("id") + "}")
                .json().get("id")).longValue();
        driver.get(app.uri("/scans/" + repeat + "/vergelijking").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Herhaling en nulmeting"));
        assertAccessible("comparison page");

        driver.manage().deleteAllCookies();
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys("coordinator.groningen@quickscan.test");
        driver.findElement(By.id("password")).sendKeys(TestApp.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(app.uri("/").toString()));
        driver.get(app.uri("/rondes/" + roundId).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".benchmark-matrix")));
        assertAccessible("coordinator dashboard");
        driver.get(app.uri("/benchmark").toString());
        assertAccessible("national overview");
    }

    /**
     * Under the Content-Security-Policy the scan page still saves answers as they change, and no page the adviser
     * opens breaks a rule of the policy (the browser would block the script or style and report it).
     * With -Dquickscan.screenshots=DIR it also saves screenshots at phone and laptop width.
     */
    @Test
    void theScanPageSavesUnderTheContentSecurityPolicyAndNoPageViolatesIt() throws Exception {
        TestApp app = TestApp.h2();
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Account adviser = Fixtures.adviseur(app, "GM1680");
        long scanId = Scans.start(app.api().login(adviser.email(), Fixtures.PASSWORD), roundId);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.manage().deleteAllCookies();
        driver.manage().logs().get(LogType.BROWSER); // start from an empty console

        driver.get(app.uri("/login").toString());
        assertNoCspViolations("login");
        driver.findElement(By.id("email")).sendKeys(adviser.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(app.uri("/").toString()));
        assertNoCspViolations("start page");

        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        WebElement question = driver.findElement(By.cssSelector("fieldset.question"));
        question.findElement(By.cssSelector("label[for$='-3']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        assertNoCspViolations("scan page");
        var saved = app.api().login(adviser.email(), Fixtures.PASSWORD).get("/api/v1/scans/" + scanId).json();
        assertEquals(1, ((List<?>) saved.get("answers")).size(), "the script saved the answer through the API");

        driver.get(app.uri("/scans/" + scanId + "/resultaten").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.radar")));
        WebElement bar = driver.findElement(By.cssSelector(".bar__track"));
        assertTrue(bar.getSize().getWidth() > 100, "the bars are drawn without style attributes: " + bar.getSize());
        assertNoCspViolations("results page");
        screenshots("results");

        driver.get(app.uri("/vragenlijsten/quickscan-seksueel-geweld/1").toString());
        assertEquals(1L, ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('[data-print]').length;"), "the print button is there");
        assertNoCspViolations("survey page");
        screenshots("survey");
        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        screenshots("scan");
        driver.get(app.uri("/bestaat-niet").toString());
        assertNoCspViolations("404 page");
    }

    private static void assertNoCspViolations(String page) {
        Object violations = ((JavascriptExecutor) driver).executeScript("return window.__cspViolations;");
        assertEquals(List.of(), violations, page + ": CSP violations");
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")).toList();
        assertEquals(List.of(), console, page + ": console");
    }

    private static void screenshots(String name) throws Exception {
        String folder = System.getProperty("quickscan.screenshots");
        if (folder == null) {
            return;
        }
        Dimension before = driver.manage().window().getSize();
        for (int width : new int[] {390, 1366}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, name + "-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(before);
    }

    private static void assertAccessible(String page) {
        List<String> serious = Chromium.seriousViolations(driver);
        assertTrue(serious.isEmpty(), () -> page + ": " + String.join("; ", serious));
    }
}
