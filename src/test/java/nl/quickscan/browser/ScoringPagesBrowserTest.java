package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results and the comparison in a real browser, after a round in which six gemeenten submitted: accessible
 * (axe), no wider than the window from a small phone to a laptop, bars drawn at every width, and the
 * "alleen gewijzigd" filter applied at once by the script.
 */
class ScoringPagesBrowserTest {

    private static final int[] WIDTHS = {320, 390, 1366};
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A nulmeting in which five other gemeenten and then the adviser's submitted, closed; and its herhaling. */
    record Journey(Account adviser, long nulmeting, long herhaling) {
    }

    static Journey journey(TestApp app) {
        String coordinator = "coordinator.groningen@quickscan.test";
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        long round = Rounds.open(app, coordinator);
        String[][] others = {{"GM1966", "3"}, {"GM1969", "2"}, {"GM1979", "1"}, {"GM1952", "0"}, {"GM0037", "2"}};
        for (String[] other : others) {
            Scans.submitAll(app, survey, round, other[0], other[1]);
        }
        Account adviser = Fixtures.adviseur(app, "GM0014");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long nulmeting = Scans.start(api, round);
        answerAll(api, survey, nulmeting, new String[] {"0", "1", "WEET_NIET", "2", "1", "3"});
        assertEquals(200, api.postJson("/api/v1/scans/" + nulmeting + "/submit", "").status());
        Rounds.close(app, round);
        long herhaling = Scans.start(api, Rounds.openHerhaling(app, coordinator, round));
        answerAll(api, survey, herhaling, new String[] {"1", "1", "3", "WEET_NIET", "2", "3", "2"});
        return new Journey(adviser, nulmeting, herhaling);
    }

    /** Every statement (all on the scale 0–3 with "Weet ik niet"), with the values in turn. */
    static void answerAll(Api api, Survey survey, long scanId, String[] values) {
        List<Survey.Question> questions = survey.questions().toList();
        for (int i = 0; i < questions.size(); i++) {
            Scans.answer(api, scanId, questions.get(i).key(), values[i % values.length]);
        }
    }

    static void login(TestApp app, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    @Test
    void theResultsAndTheComparisonReadAtEveryWidthAndTheFilterWorksAtOnce() {
        TestApp app = TestApp.h2();
        Journey journey = journey(app);
        login(app, journey.adviser().email(), Fixtures.PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        driver.get(app.uri("/scans/" + journey.nulmeting() + "/resultaten").toString());
        assertEquals(4, driver.findElements(By.cssSelector(".score-bars__item .score-chart__marker")).size(),
                "the regio's median on every bar: the round is closed and five others submitted");
        Chromium.assertAccessible(driver, "results page");
        for (int width : WIDTHS) {
            Chromium.assertNoWiderThanTheWindow(driver, "results page", width);
            for (WebElement band : driver.findElements(By.cssSelector(".score-bars__item .score-chart__band--3"))) {
                assertTrue(band.getSize().getWidth() > width / 8, "the bars stay visible at " + width + " px: " + band.getSize());
            }
        }
        assertRegionsCanBeReachedByKeyboard();

        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(app.uri("/scans/" + journey.herhaling() + "/vergelijking").toString());
        Chromium.assertAccessible(driver, "comparison page");
        for (int width : WIDTHS) {
            Chromium.assertNoWiderThanTheWindow(driver, "comparison page", width);
        }
        assertRegionsCanBeReachedByKeyboard();

        List<WebElement> rows = driver.findElements(By.cssSelector("[data-comparison-group] tbody tr"));
        long changed = rows.stream().filter(row -> "true".equals(row.getAttribute("data-changed"))).count();
        assertTrue(changed > 0 && changed < rows.size(), changed + " of " + rows.size());
        assertFalse(driver.findElement(By.cssSelector("[data-filter-apply]")).isDisplayed(), "the script filters at once");
        driver.findElement(By.cssSelector("label[for=alleen]")).click();
        wait.until(ExpectedConditions.urlContains("?alleen=gewijzigd"));
        assertEquals(changed, rows.stream().filter(WebElement::isDisplayed).count());
        assertTrue(driver.findElement(By.id("filter-status")).getText().startsWith("U ziet alleen de gewijzigde stellingen"));
        Chromium.assertAccessible(driver, "comparison page, filtered");

        driver.navigate().refresh();
        assertEquals(changed, driver.findElements(By.cssSelector("[data-comparison-group] tbody tr")).stream()
                .filter(WebElement::isDisplayed).count(), "the server filters the same way from the address");
        driver.findElement(By.cssSelector("label[for=alleen]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("alleen")));
        assertEquals(rows.size(), driver.findElements(By.cssSelector("[data-comparison-group] tbody tr")).stream()
                .filter(WebElement::isDisplayed).count());
    }

    /** Each table that may scroll sideways sits in a region named by its caption, which Tab reaches. */
    private static void assertRegionsCanBeReachedByKeyboard() {
        List<WebElement> regions = driver.findElements(By.cssSelector("[role=region]"));
        assertFalse(regions.isEmpty());
        for (WebElement region : regions) {
            assertEquals("0", region.getAttribute("tabindex"));
            WebElement caption = driver.findElement(By.id(region.getAttribute("aria-labelledby")));
            assertNotNull(caption.getAttribute("textContent"));
            assertEquals("caption", caption.getTagName());
        }
    }
}
