package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of issue 20 in Chromium at 320, 390 and 1366 px: the privacy and accessibility statements (without a
 * login), "Account verwijderen" and the beheerder's "Alle gegevens verwijderen", also with its refusal. Each fits the
 * window and axe-core finds no serious violation; EveryPageTest reaches them through their links as well. With
 * -Dquickscan.screenshots=DIR each is saved at every width.
 */
class PrivacyPagesBrowserTest {

    private static final int[] WIDTHS = {320, 390, 1366};

    @Test
    void theStatementsAndTheConfirmationStepsFitEveryWidthAndAreAccessible() throws Exception {
        TestApp app = TestApp.h2();
        ChromeDriver driver = Chromium.shared();
        driver.manage().deleteAllCookies();
        check(app, driver, "/privacy", "privacy");
        check(app, driver, "/toegankelijkheid", "toegankelijkheid");

        Account leaving = Fixtures.adviseur(app, "GM0014");
        Chromium.login(driver, app, "beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        check(app, driver, "/accounts/" + leaving.id() + "/verwijderen", "account-verwijderen");
        long gemeente = Fixtures.gemeenteId(app, "GM0014");
        check(app, driver, "/beheer/gemeenten/" + gemeente + "/gegevens-verwijderen", "gegevens-verwijderen");
        driver.findElement(By.id("bevestiging")).sendKeys("Niet Groningen");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertTrue(driver.findElement(By.id("bevestiging")).getAttribute("aria-invalid").equals("true"));
        checkCurrent(driver, "gegevens-verwijderen-geweigerd");
        driver.manage().deleteAllCookies();
    }

    private static void check(TestApp app, ChromeDriver driver, String path, String name) throws Exception {
        driver.get(app.uri(path).toString());
        assertEquals(1, driver.findElements(By.cssSelector("footer a[href='/privacy']")).size(), "footer of " + path);
        checkCurrent(driver, name);
    }

    private static void checkCurrent(ChromeDriver driver, String name) throws Exception {
        for (int width : WIDTHS) {
            Chromium.width(driver, width);
            Chromium.assertNoWiderThanTheWindow(driver, name, width);
            Chromium.assertAccessible(driver, name + " at " + width + " px");
            String folder = System.getProperty("quickscan.screenshots");
            if (folder != null) {
                Chromium.screenshot(driver, Path.of(folder, name + "-" + width + ".png"));
            }
        }
    }
}
