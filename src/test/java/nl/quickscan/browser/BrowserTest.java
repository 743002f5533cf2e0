package nl.quickscan.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium: an adviser logs in, answers questions (saved as they change), reloads and sees them;
 * axe-core checks the login, dashboard and scan pages for serious or critical WCAG 2.1 AA violations.
 * Skipped where Debian's chromium and chromium-driver are not installed; .ci/run installs them.
 */
class BrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static ChromeDriver driver;
    /** Collects the page's Content-Security-Policy violations from the first byte on, in every document. */
    private static final String CSP_LISTENER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
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

    /**
     * With JavaScript, a colleague's answer that was saved first appears beside the user's own, which stays on the
     * page; the user keeps theirs with "Mijn antwoord opslaan", or the colleague's with "Antwoord van collega houden".
     */
    @Test
    void aConflictDuringAutosaveKeepsTheUsersTextAndLetsThemChoose() {
        TestApp app = TestApp.h2();
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Account colleague = Fixtures.adviseur(app, "GM1952");
        Account user = Fixtures.adviseur(app, "GM1952");
        Api api = app.api().login(colleague.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        login(app, user);
        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        Response first = api.send("PUT", "/api/v1/scans/" + scanId + "/answers/visie-gedeelde-visie", "application/json",
                "{\"value\":\"3\",\"comment\":\"Vastgesteld door de raad\",\"version\":0}", Map.of());
        assertEquals(200, first.status(), first::toString);
        WebElement question = driver.findElement(By.id("visie-gedeelde-visie"));
        question.findElement(By.cssSelector("label[for$='-1']")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(question,
                By.cssSelector(".question__conflict"))).get(0);
        assertTrue(conflict.getText().contains(colleague.displayName() + " heeft deze vraag intussen beantwoord"), conflict.getText());
        assertTrue(conflict.getText().contains("Opgeslagen antwoord: Ja, volledig en geborgd"), conflict.getText());
        assertTrue(conflict.getText().contains("Vastgesteld door de raad"), conflict.getText());
        WebElement comment = question.findElement(By.tagName("textarea"));
        comment.sendKeys("Mijn eigen toelichting");
        driver.findElement(By.tagName("h1")).click();
        assertTrue(question.findElement(By.cssSelector("input[type=radio][value='1']")).isSelected(), "my choice stays on the page");
        assertEquals("Mijn eigen toelichting", comment.getAttribute("value"), "my text stays on the page");
        assertTrue(question.findElement(By.cssSelector(".question__status")).getText().contains("kies hierboven welk antwoord blijft"));
        assertAccessible("conflict during autosave");

        conflict.findElement(By.cssSelector("button[data-choice=mine]")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        assertTrue(question.findElements(By.cssSelector(".question__conflict")).isEmpty());
        Map<?, ?> stored = storedAnswer(api, scanId, "visie-gedeelde-visie");
        assertEquals("1", stored.get("value"));
        assertEquals("Mijn eigen toelichting", stored.get("comment"));
        assertEquals(2, ((Number) stored.get("version")).intValue());

        // The other choice: the colleague's answer comes into the form, nothing is saved.
        Scans.answer(api, scanId, "visie-gemeenschappelijk-beeld", "2");
        WebElement second = driver.findElement(By.id("visie-gemeenschappelijk-beeld"));
        second.findElement(By.cssSelector("label[for$='-0']")).click();
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(second, By.cssSelector(".question__conflict")))
                .get(0).findElement(By.cssSelector("button[data-choice=colleague]")).click();
        assertTrue(second.findElement(By.cssSelector("input[type=radio][value='2']")).isSelected());
        assertTrue(second.findElement(By.cssSelector(".question__status")).getText().contains("antwoord van uw collega"));
        assertEquals(1, ((Number) storedAnswer(api, scanId, "visie-gemeenschappelijk-beeld").get("version")).intValue());
        second.findElement(By.cssSelector("label[for$='-3']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(second.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        assertEquals("3", storedAnswer(api, scanId, "visie-gemeenschappelijk-beeld").get("value"), "based on the colleague's version now");
        assertNoCspViolations("scan page with conflicts");
    }

    /** A herhaling: the nulmeting's answer beside the statement, copied with one button as a normal save. */
    @Test
    void aHerhalingTakesTheNulmetingsAnswerWithOneButton() {
        TestApp app = TestApp.h2();
        long nulmeting = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        long herhaling = Rounds.herhaling(app, "coordinator.drenthe@quickscan.test", nulmeting, 1);
        Account user = Fixtures.adviseur(app, "GM1731");
        Api api = app.api().login(user.email(), Fixtures.PASSWORD);
        long before = Scans.start(api, nulmeting);
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + before + "/answers/visie-gedeelde-visie", "application/json",
                "{\"value\":\"2\",\"comment\":\"Besproken in de stuurgroep\",\"version\":0}", Map.of()).status());
        long scanId = Scans.start(api, herhaling);
        login(app, user);
        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        WebElement question = driver.findElement(By.id("visie-gedeelde-visie"));
        assertTrue(question.findElement(By.cssSelector(".question__baseline")).getText()
                .startsWith("Bij de nulmeting: Deels / in uitvoering"));
        assertAccessible("herhaling page");
        question.findElement(By.cssSelector("button[data-choice=baseline]")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        assertTrue(question.findElement(By.cssSelector("input[type=radio][value='2']")).isSelected());
        assertEquals("Besproken in de stuurgroep", question.findElement(By.tagName("textarea")).getAttribute("value"));
        Map<?, ?> stored = storedAnswer(api, scanId, "visie-gedeelde-visie");
        assertEquals("2", stored.get("value"));
        assertEquals("Besproken in de stuurgroep", stored.get("comment"));
        assertEquals(1, ((Number) stored.get("version")).intValue());

        // "Niet van toepassing" without a toelichting is marked the moment it is saved.
        WebElement nvt = driver.findElement(By.id("visie-gender"));
        nvt.findElement(By.cssSelector("input[value='NVT'] + label")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(nvt.findElement(By.cssSelector(".question__status")), "nog niet compleet"));
        assertTrue(nvt.findElement(By.cssSelector(".question__incomplete")).isDisplayed());
        assertEquals("true", nvt.findElement(By.tagName("textarea")).getAttribute("aria-invalid"));
        assertAccessible("n.v.t. without toelichting");
        nvt.findElement(By.tagName("textarea")).sendKeys("Geen eigen zedenpolitie");
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.invisibilityOf(nvt.findElement(By.cssSelector(".question__incomplete"))));
        assertEquals(null, nvt.findElement(By.tagName("textarea")).getAttribute("aria-invalid"));

        driver.navigate().refresh();
        assertTrue(driver.findElement(By.cssSelector("#visie-gedeelde-visie .question__history")).getText().contains("Geschiedenis (1"));
        assertNoCspViolations("herhaling page");

        // A kengetal typed the Dutch way is saved as the number meant and shown back in Dutch notation.
        driver.get(app.uri("/scans/" + scanId + "/deel/kengetallen").toString());
        WebElement inwoners = driver.findElement(By.id("value-kengetal-inwoners"));
        inwoners.sendKeys("230.000");
        WebElement fte = driver.findElement(By.id("value-kengetal-fte-gemeente"));
        fte.sendKeys("0.4");
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(driver.findElement(By.cssSelector("#kengetal-inwoners .question__status")), "Opgeslagen"));
        wait.until(ExpectedConditions.textToBePresentInElement(driver.findElement(By.cssSelector("#kengetal-fte-gemeente .question__status")), "Opgeslagen"));
        assertEquals("230000", storedAnswer(api, scanId, "kengetal-inwoners").get("value"));
        assertEquals("0.4", storedAnswer(api, scanId, "kengetal-fte-gemeente").get("value"));
        assertEquals("0,4", fte.getAttribute("value"), "shown back in Dutch notation");
    }

    private static void login(TestApp app, Account account) {
        driver.manage().deleteAllCookies();
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(account.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    private static Map<?, ?> storedAnswer(Api api, long scanId, String key) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(key)).findFirst().orElseThrow();
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
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        System.out.println("[axe] " + page + ": " + results.getPasses().size() + " rules passed, violations " + results.getViolations().stream().map(r -> r.getId() + "/" + r.getImpact()).toList());
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertTrue(serious.isEmpty(), () -> page + ": " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList())
                .collect(Collectors.joining("; ")));
    }
}
