package nl.quickscan.browser;

import nl.quickscan.support.Api;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.time.Clocks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round's dashboard in a real browser, before and after the first submitted scan, with gemeenten to invite an
 * adviser for (which the demo regio's do not have): no wider than the window from 320 px up, and accessible (axe).
 * The status column and the gemeente's name stay in view while the matrix scrolls sideways.
 */
class RoundDashboardBrowserTest {

    private static final int[] WIDTHS = {320, 390, 1366};

    @Test
    void theDashboardFitsEveryWidthBeforeAndAfterTheFirstSubmittedScan() throws Exception {
        TestApp app = TestApp.h2();
        ChromeDriver driver = Chromium.shared();
        Fixtures.Regio regio = Fixtures.regio(app, 4);
        LocalDate today = LocalDate.now(Clocks.ZONE);
        long roundId = regio.openRound(app, today.minusDays(1), today.plusDays(12));
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Api busy = app.api().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD);
        Scans.answer(busy, Scans.start(busy, roundId), survey.questions().findFirst().orElseThrow().key(), "2");

        driver.manage().deleteAllCookies();
        Chromium.width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(regio.coordinator().email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));

        look(app, driver, roundId, "fresh");
        assertEquals(3, driver.findElements(By.cssSelector(".next-actions__gemeenten a")).size());
        Scans.submitAll(app, survey, roundId, regio.codes().get(0), "2");
        look(app, driver, roundId, "submitted");
        assertEquals(1, driver.findElements(By.cssSelector(".benchmark-matrix tfoot")).size());
    }

    private static void look(TestApp app, ChromeDriver driver, long roundId, String state) throws Exception {
        Chromium.width(driver, 1366);
        driver.get(app.uri("/rondes/" + roundId).toString());
        for (int width : WIDTHS) {
            // As a phone lays it out (EveryPageTest does the same): the page's own width, not the window's.
            Chromium.width(driver, width);
            long documentWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertTrue(documentWidth <= width, "round dashboard, " + state + ": " + documentWidth + " px wide at " + width);
            assertEquals(List.of(), Chromium.seriousViolations(driver), state + " at " + width);
            if (System.getProperty("quickscan.screenshots") != null) {
                Chromium.screenshot(driver, Path.of(System.getProperty("quickscan.screenshots"),
                        "dashboard-" + state + "-" + width + ".png"));
            }
        }
    }
}
