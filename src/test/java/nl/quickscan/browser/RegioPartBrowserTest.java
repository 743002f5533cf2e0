package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.RegioSurvey;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.time.Clocks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: the coordinator starts the regio's part from the round's dashboard and answers a regio statement
 * (saved as it changes, as advisers' answers are); an adviser then sees it read-only in the gemeente's scan. Both
 * pages accessible (axe) and no wider than the window at 320, 390 and 1366 px.
 */
class RegioPartBrowserTest {

    private static final String VISIE = "visie-gedeelde-visie";
    private static final int[] WIDTHS = {320, 390, 1366};

    @Test
    void theCoordinatorFillsInTheRegioPartAndTheAdviserSeesItReadOnly() throws Exception {
        Path surveys = RegioSurvey.folder();
        TestApp app = TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString()));
        ChromeDriver driver = Chromium.shared();
        try {
            Fixtures.Regio regio = Fixtures.regio(app, 2);
            LocalDate today = LocalDate.now(Clocks.ZONE);
            Response round = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                    {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                     "surveyVersion": %d, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), RegioSurvey.VERSION,
                    today.minusDays(1), today.plusDays(30)));
            long roundId = ((Number) round.json().get("id")).longValue();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

            logIn(app, driver, regio.coordinator().email());
            driver.get(app.uri("/rondes/" + roundId).toString());
            look(driver, "dashboard");
            driver.findElement(By.xpath("//section[contains(@class,'regio-part')]//button[normalize-space()='Regionaal deel invullen']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/deel/visie']")));
            assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Regionaal deel "));
            look(driver, "start");
            driver.findElement(By.cssSelector("a[href$='/deel/visie']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("fieldset.question")));
            List<WebElement> questions = driver.findElements(By.cssSelector("fieldset.question"));
            assertEquals(2, questions.size(), "only the regio's statements of bouwsteen 1");
            WebElement question = driver.findElement(By.id(VISIE));
            question.findElement(By.cssSelector("label[for='" + VISIE + "-3']")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
            question.findElement(By.cssSelector("textarea")).sendKeys("Regionaal plan 2025-2028 vastgesteld");
            driver.findElement(By.tagName("h1")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
            look(driver, "coordinator");

            Account adviser = Fixtures.adviseur(app, regio.codes().get(0));
            Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
            long scanId = Scans.start(api, roundId);
            driver.manage().deleteAllCookies();
            logIn(app, driver, adviser.email());
            driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
            WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.question--regio#" + VISIE)));
            assertTrue(shown.getText().contains("Beantwoord door de regio"), shown.getText());
            assertTrue(shown.getText().contains("Antwoord van de regio: Ja, volledig en geborgd"), shown.getText());
            assertTrue(shown.getText().contains("Toelichting van de regio: Regionaal plan 2025-2028 vastgesteld"), shown.getText());
            assertTrue(shown.findElements(By.cssSelector("input, textarea")).isEmpty(), "read-only");
            assertEquals(8, driver.findElements(By.cssSelector("fieldset.question")).size(), "the gemeente's own eight");
            look(driver, "adviser");
        } finally {
            driver.manage().deleteAllCookies();
            RegioSurvey.stop(List.of(app), surveys);
        }
    }

    private static void logIn(TestApp app, ChromeDriver driver, String email) {
        Chromium.width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    private static void look(ChromeDriver driver, String who) throws Exception {
        for (int width : WIDTHS) {
            Chromium.width(driver, width);
            Chromium.assertNoWiderThanTheWindow(driver, "regio part, " + who, width);
            assertEquals(List.of(), Chromium.seriousViolations(driver), who + " at " + width);
            if (System.getProperty("quickscan.screenshots") != null) {
                Chromium.screenshot(driver, Path.of(System.getProperty("quickscan.screenshots"), "regio-part-" + who + "-" + width + ".png"));
            }
        }
        Chromium.width(driver, 1366);
    }
}
