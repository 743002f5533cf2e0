package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import java.util.Map;

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
    static void startBrowser() throws Exception {
        driver = Chromium.start();
    }

    /** Every test starts logged out. */
    @BeforeEach
    void logOut() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
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
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.score-chart")));
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
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.score-chart")));
        WebElement bar = driver.findElement(By.cssSelector(".score-chart__band"));
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
        Chromium.assertAccessible(driver, page);
    }

    /**
     * The adviser's journey: the start page, every step (autosave keeps the progress up to date), the check page,
     * a refused submit whose error summary takes the focus and leads to the marked statement, the submit and the
     * confirmation. axe checks every page, and none is wider than a window of 320 px.
     */
    @Test
    void anAdviserWalksFromTheStartPageThroughTheStepsToTheConfirmation() {
        TestApp app = TestApp.h2();
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Started started = startScanAndLogIn(app, "GM1966");
        // Everything after the first bouwsteen through the API, to keep the walk short; one n.v.t. without toelichting.
        List<Survey.Question> first = survey.bouwstenen().get(0).questions();
        survey.questions().skip(first.size()).forEach(q -> Scans.answer(started.api(), started.scanId(), q.key(), "2"));
        String nvt = survey.bouwstenen().get(1).questions().get(0).key();
        started.api().send("PUT", "/api/v1/scans/" + started.scanId() + "/answers/" + nvt, "application/json", "{\"value\":\"NVT\",\"version\":1}", Map.of());
        WebDriverWait wait = pageWait();

        driver.get(app.uri("/scans/" + started.scanId()).toString());
        checkPage("start page");
        driver.findElement(By.linkText("Ga verder waar u was")).click();
        wait.until(ExpectedConditions.urlContains("/deel/visie"));
        checkPage("step page");
        String answered = driver.findElement(By.cssSelector("[data-scan-progress] [data-answered]")).getText();
        for (WebElement question : driver.findElements(By.cssSelector("fieldset.question"))) {
            question.findElement(By.cssSelector("label[for$='-3']")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        }
        assertEquals(String.valueOf(Integer.parseInt(answered) + first.size()),
                driver.findElement(By.cssSelector("[data-scan-progress] [data-answered]")).getText(), "progress follows the saves");
        assertEquals("Klaar", driver.findElement(By.cssSelector(".step-status [data-step-state]")).getText());
        assertEquals("Klaar", driver.findElement(By.cssSelector(".steps [data-step=visie] [data-step-state]")).getText());

        // "Opslaan en verder" through every step, the last one to the check page.
        int steps = 0;
        while (!driver.getCurrentUrl().endsWith("/controleren")) {
            WebElement heading = driver.findElement(By.tagName("h1"));
            driver.findElement(By.xpath("//button[normalize-space()='Opslaan en verder']")).click();
            wait.until(ExpectedConditions.stalenessOf(heading));
            assertTrue(++steps <= 10, "the steps end at the check page");
        }
        checkPage("check page");
        driver.findElement(By.xpath("//button[normalize-space()='Quickscan indienen']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertEquals("open-punten", ((JavascriptExecutor) driver).executeScript("return document.activeElement.id;"),
                "the error summary has the focus");
        checkPage("check page, refused");
        driver.findElement(By.cssSelector(".error-summary a")).click();
        wait.until(ExpectedConditions.urlContains("/deel/samenwerking?controle=1"));
        assertEquals("open-punten", ((JavascriptExecutor) driver).executeScript("return document.activeElement.id;"));
        checkPage("step page with open points");
        driver.findElement(By.cssSelector(".error-summary a[href='#" + nvt + "']")).click();
        assertEquals("comment-" + nvt, ((JavascriptExecutor) driver).executeScript("return document.activeElement.id;"),
                "the link goes to the field that needs the toelichting");
        WebElement comment = driver.findElement(By.id("comment-" + nvt));
        assertEquals("true", comment.getAttribute("aria-invalid"));
        comment.sendKeys("Geen eigen zedenpolitie in onze gemeente");
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(
                driver.findElement(By.cssSelector("#" + nvt + " .question__status")), "Opgeslagen"));

        driver.findElement(By.linkText("Controleren en indienen")).click();
        wait.until(ExpectedConditions.urlContains("/controleren"));
        driver.findElement(By.xpath("//button[normalize-space()='Quickscan indienen']")).click();
        wait.until(ExpectedConditions.urlContains("/ingediend"));
        assertEquals("Quickscan ingediend", driver.findElement(By.tagName("h1")).getText());
        checkPage("confirmation");
        assertEquals("SUBMITTED", started.api().get("/api/v1/scans/" + started.scanId()).json().get("status"));
    }

    /**
     * The journey with the keyboard only: Tab to each control, Enter on links and buttons, Space and the arrow keys in
     * a statement's answers; every control reached shows its focus.
     */
    @Test
    void anAdviserCompletesTheJourneyWithTheKeyboardOnly() {
        TestApp app = TestApp.h2();
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Started started = startScanAndLogIn(app, "GM0037");
        // All but the first bouwsteen through the API, to keep the walk short; the first one by keyboard.
        List<Survey.Question> first = survey.bouwstenen().get(0).questions();
        survey.questions().skip(first.size()).forEach(q -> Scans.answer(started.api(), started.scanId(), q.key(), "2"));
        WebDriverWait wait = pageWait();

        driver.get(app.uri("/scans/" + started.scanId()).toString());
        tabTo(active -> active.getText().equals("Ga verder waar u was"));
        activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/deel/visie"));
        for (Survey.Question question : first) {
            tabTo(active -> ("value." + question.key()).equals(active.getAttribute("name")));
            activeElement().sendKeys(Keys.SPACE);
            activeElement().sendKeys(Keys.ARROW_DOWN);
            wait.until(ExpectedConditions.textToBePresentInElement(
                    driver.findElement(By.cssSelector("#" + question.key() + " .question__status")), "Opgeslagen"));
        }
        int steps = 0;
        while (!driver.getCurrentUrl().contains("/controleren")) {
            WebElement heading = driver.findElement(By.tagName("h1"));
            tabTo(active -> active.getText().equals("Opslaan en verder"));
            activeElement().sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.stalenessOf(heading));
            assertTrue(++steps <= 12, "the steps end at the check page");
        }
        tabTo(active -> active.getText().equals("Quickscan indienen"));
        activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/ingediend"));
        assertEquals("SUBMITTED", started.api().get("/api/v1/scans/" + started.scanId()).json().get("status"));
        assertTrue(first.stream().allMatch(q -> "1".equals(answerOf(started, q.key()))),
                "Space chose the first answer, the arrow key the next one");
    }

    private static Object answerOf(Started started, String key) {
        List<?> answers = (List<?>) started.api().get("/api/v1/scans/" + started.scanId()).json().get("answers");
        return answers.stream().map(a -> (Map<?, ?>) a).filter(a -> key.equals(a.get("questionKey")))
                .map(a -> a.get("value")).findFirst().orElse(null);
    }

    private static WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted; each element on the way must show its focus. */
    private static void tabTo(java.util.function.Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 500; presses++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = activeElement();
            Object visible = ((JavascriptExecutor) driver).executeScript("var s = getComputedStyle(document.activeElement);"
                    + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';");
            assertEquals(Boolean.TRUE, visible, "focus visible on " + active.getTagName() + " " + active.getText());
            if (wanted.test(active)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the control on " + driver.getCurrentUrl());
    }

    /**
     * Autosave after the session ended: a Dutch message says what to do and the typed text stays. After a login in
     * another tab the page saves it on coming back; after a login in the same tab the page puts it back and saves it.
     */
    @Test
    void anAutosaveAfterTheSessionEndedKeepsTheTextAndSavesItOnceLoggedInAgain() {
        TestApp app = TestApp.h2();
        Started started = startScanAndLogIn(app, "GM0014");
        WebDriverWait wait = pageWait();
        String page = app.uri("/scans/" + started.scanId() + "/deel/visie").toString();
        driver.get(page);
        String original = driver.getWindowHandle();

        driver.manage().deleteCookieNamed("QUICKSCAN_SESSION");
        WebElement question = driver.findElement(By.cssSelector("fieldset.question"));
        question.findElement(By.tagName("textarea")).sendKeys("Besproken in de stuurgroep van maart");
        driver.findElement(By.tagName("h1")).click();
        WebElement status = question.findElement(By.cssSelector(".question__status"));
        wait.until(ExpectedConditions.textToBePresentInElement(status, "niet meer ingelogd"));
        WebElement notice = driver.findElement(By.cssSelector(".session-notice"));
        assertTrue(notice.getText().contains("Log opnieuw in (opent een nieuw tabblad)"), notice.getText());
        assertTrue(notice.findElement(By.tagName("a")).getAttribute("href").contains("/login?terug="));
        assertAccessible("step page, session ended");

        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        logIn(app, started.adviser().email(), Fixtures.PASSWORD);
        driver.close();
        driver.switchTo().window(original);
        ((JavascriptExecutor) driver).executeScript("window.dispatchEvent(new Event('focus'));");
        wait.until(ExpectedConditions.textToBePresentInElement(status, "Opgeslagen"));
        assertTrue(driver.findElements(By.cssSelector(".session-notice")).isEmpty(), "the message goes once saved");
        assertEquals("Besproken in de stuurgroep van maart", answerComment(started.api(), started.scanId(), "visie-gedeelde-visie"));

        // Once more, now logging in again in this tab: the page puts the text back and saves it.
        driver.manage().deleteCookieNamed("QUICKSCAN_SESSION");
        WebElement textarea = question.findElement(By.tagName("textarea"));
        textarea.sendKeys(", en in april");
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(status, "niet meer ingelogd"));
        driver.get(page);
        wait.until(ExpectedConditions.urlContains("/login"));
        submitLogin(started.adviser().email(), Fixtures.PASSWORD);
        wait.until(ExpectedConditions.urlToBe(page));
        WebElement restored = driver.findElement(By.cssSelector("fieldset.question"));
        wait.until(ExpectedConditions.textToBePresentInElement(restored.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
        assertEquals("Besproken in de stuurgroep van maart, en in april", restored.findElement(By.tagName("textarea")).getAttribute("value"));
        assertEquals("Besproken in de stuurgroep van maart, en in april", answerComment(started.api(), started.scanId(), "visie-gedeelde-visie"));

        // The button too, after the session ended: the login keeps the form (see the test without JavaScript).
        driver.manage().deleteCookieNamed("QUICKSCAN_SESSION");
        driver.findElement(By.xpath("//button[normalize-space()='Opslaan en verder']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        checkPage("login keeping a form");
        submitLogin(started.adviser().email(), Fixtures.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Nog niet opgeslagen"));
        checkPage("kept form after the login");
        driver.findElement(By.xpath("//button[normalize-space()='Nu opslaan']")).click();
        wait.until(ExpectedConditions.urlContains("/deel/samenwerking"));
    }

    /** Without JavaScript, a step page posted after the session ended is kept through the login and then saved. */
    @Test
    void withoutJavaScriptAStepPostedAfterTheSessionEndedIsKeptThroughTheLogin() {
        TestApp app = TestApp.h2();
        Started started = startScanAndLogIn(app, "GM1895");
        WebDriverWait wait = pageWait();
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            driver.get(app.uri("/scans/" + started.scanId() + "/deel/visie").toString());
            WebElement question = driver.findElement(By.cssSelector("fieldset.question"));
            question.findElement(By.cssSelector("label[for$='-1']")).click();
            question.findElement(By.tagName("textarea")).sendKeys("Eerste regel\nTweede regel");
            driver.manage().deleteCookieNamed("QUICKSCAN_SESSION");
            driver.findElement(By.xpath("//button[normalize-space()='Opslaan en verder']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("nog niet opgeslagen, maar ook niet verloren"));
            assertFitsAt320("login keeping a form");
            submitLogin(started.adviser().email(), Fixtures.PASSWORD);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Nog niet opgeslagen"));
            assertFitsAt320("kept form after the login");
            assertTrue(((List<?>) started.api().get("/api/v1/scans/" + started.scanId()).json().get("answers")).isEmpty());
            driver.findElement(By.xpath("//button[normalize-space()='Nu opslaan']")).click();
            wait.until(ExpectedConditions.urlContains("/deel/samenwerking"));
            // Line breaks come as a browser sends them from a form (CR LF), as for any toelichting saved by a form.
            assertEquals("Eerste regel\r\nTweede regel", answerComment(started.api(), started.scanId(), "visie-gedeelde-visie"));
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** A new adviser of the gemeente with a scan in a new round of regio Groningen, and the adviser's API... */
    private record Started(Account adviser, nl.quickscan.support.Api api, long scanId) {
    }

    /** ...and logged in as the adviser in the browser. */
    private static Started startScanAndLogIn(TestApp app, String cbsCode) {
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Account adviser = Fixtures.adviseur(app, cbsCode);
        var api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        Started started = new Started(adviser, api, Scans.start(api, roundId));
        logIn(app, adviser.email(), Fixtures.PASSWORD);
        return started;
    }

    private static void logIn(TestApp app, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(app.uri("/login").toString());
        submitLogin(email, password);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    /**
     * A wait across page loads: while the page is being replaced, chromedriver may answer a look at an element of the
     * old page with an error of its own ("does not belong to the document") rather than "stale"; try again then.
     */
    private static WebDriverWait pageWait() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** Fills in the login form on the page and sends it. */
    private static void submitLogin(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** axe finds nothing serious, the policy is kept, and at 320 px the page is no wider than the window. */
    private static void checkPage(String page) {
        assertAccessible(page);
        assertNoCspViolations(page);
        assertFitsAt320(page);
    }

    private static void assertFitsAt320(String page) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(320, 900));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        driver.manage().window().setSize(before);
        assertEquals(0L, overflow, page + ": wider than the window at 320 px");
    }

    private static String answerComment(nl.quickscan.support.Api api, long scanId, String key) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(key)).map(a -> (String) a.get("comment")).findFirst().orElse(null);
    }
}
