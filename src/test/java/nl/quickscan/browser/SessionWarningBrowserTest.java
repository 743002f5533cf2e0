package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.LoginSession;
import nl.quickscan.accounts.LoginSessionRepository;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warning before the session ends, in a real browser, on the scan page: with a session of 5 minutes it comes at
 * once; "Blijf ingelogd" works from the keyboard, renews the session, and the answers still save afterwards.
 */
class SessionWarningBrowserTest {

    private static ChromeDriver driver;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.shared();
        app = TestApp.withSettings(Map.of("quickscan.session-minutes", 5, "quickscan.session-max-minutes", 60));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void theWarningRenewsTheSessionAndTheScanStillSaves() throws Exception {
        long roundId = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Account adviser = Fixtures.adviseur(app, "GM1680");
        long scanId = Scans.start(app.api().login(adviser.email(), Fixtures.PASSWORD), roundId);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Chromium.width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(adviser.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(app.uri("/").toString()));
        Instant endBefore = browserSession(adviser).expiresAt();

        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alertdialog]")));
        assertTrue(dialog.getText().matches("(?s).*U wordt om \\d\\d:\\d\\d uur uitgelogd\\..*"), dialog.getText());
        assertEquals("Blijf ingelogd", driver.switchTo().activeElement().getText(), "the focus is on the choice");
        Chromium.assertAccessible(driver, "scan page with the session warning");
        String folder = System.getProperty("quickscan.screenshots");
        for (int width : new int[] {320, 1366}) {
            Chromium.width(driver, width);
            Chromium.assertNoWiderThanTheWindow(driver, "scan page with the session warning", width);
            if (folder != null) {
                Chromium.screenshot(driver, Path.of(folder, "sessie-waarschuwing-" + width + ".png"));
            }
        }

        Thread.sleep(1100); // so that the renewed end lies measurably later
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement confirmed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-session-confirmed]")));
        assertTrue(confirmed.getText().matches("U blijft ingelogd tot \\d\\d:\\d\\d uur\\."), confirmed.getText());
        assertTrue(driver.findElements(By.cssSelector("[role=alertdialog]")).stream().noneMatch(WebElement::isDisplayed));
        assertTrue(browserSession(adviser).expiresAt().isAfter(endBefore), "renewed");

        List<WebElement> questions = driver.findElements(By.cssSelector("fieldset.question"));
        questions.get(0).findElement(By.cssSelector("label[for$='-2']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(questions.get(0).findElement(By.cssSelector(".question__status")), "Opgeslagen"));

        // Closed with Escape, the warning stays away for this end of the session.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alertdialog]")));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=alertdialog]")));
    }

    private static LoginSession browserSession(Account adviser) {
        return app.bean(LoginSessionRepository.class).findAllLiveOf(adviser.id(), Instant.now()).stream()
                .filter(session -> session.kind() == LoginSession.Kind.BROWSER).findFirst().orElseThrow();
    }
}
