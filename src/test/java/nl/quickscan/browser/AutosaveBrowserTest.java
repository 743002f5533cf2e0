package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan page's autosave in a real Chromium: the arrow keys through a statement's options save the last choice
 * once, a toelichting being typed says it is not saved yet, and a save says when it happened.
 */
class AutosaveBrowserTest {

    private static final String KEY = "visie-gedeelde-visie";
    private static final Pattern SAVED_AT = Pattern.compile("Opgeslagen om \\d{2}:\\d{2}");

    @Test
    void theArrowKeysSaveTheLastChoiceOnceAndTypingShowsItIsNotSavedYet() throws Exception {
        TestApp app = TestApp.h2();
        ChromeDriver driver = Chromium.shared();
        long roundId = Rounds.open(app, "coordinator.groningen@quickscan.test");
        Account adviser = Fixtures.adviseur(app, "GM1950");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        Chromium.login(driver, app, adviser.email(), Fixtures.PASSWORD);
        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement question = driver.findElement(By.id(KEY));
        WebElement status = question.findElement(By.cssSelector(".question__status"));
        List<WebElement> radios = question.findElements(By.cssSelector("input[type=radio]"));
        assertTrue(radios.size() >= 4, "a statement with at least four options");

        // Focus on the first option without choosing it, then three arrow presses: three options chosen in turn.
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", radios.get(0));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
        String last = question.findElement(By.cssSelector("input[type=radio]:checked")).getAttribute("value");
        assertEquals(radios.get(3).getAttribute("value"), last, "the arrow keys passed three options");
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#" + KEY + " .question__status"), SAVED_AT));
        Map<?, ?> stored = storedAnswer(api, scanId);
        assertEquals(last, stored.get("value"), "the last choice is stored");
        assertEquals(1, ((Number) stored.get("version")).intValue(), "one save for the three options passed");

        // Typing a toelichting: not saved yet, until the typing pauses.
        question.findElement(By.tagName("textarea")).sendKeys("Besproken in de stuurgroep");
        assertEquals("Nog niet opgeslagen", status.getText(), "no stale 'Opgeslagen' while typing");
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#" + KEY + " .question__status"), SAVED_AT));
        assertEquals("Besproken in de stuurgroep", storedAnswer(api, scanId).get("comment"));
        assertEquals(2, ((Number) storedAnswer(api, scanId).get("version")).intValue());
        // Leaving the field saved already: not once more.
        driver.findElement(By.tagName("h1")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#" + KEY + " .question__status"), SAVED_AT));

        // A choice with the mouse, then at once "Opslaan en verder": the post carries it, no conflict with a save.
        WebElement second = driver.findElement(By.id("visie-gemeenschappelijk-beeld"));
        second.findElement(By.cssSelector("label[for$='-1']")).click();
        second.findElement(By.cssSelector("label[for$='-2']")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Opslaan en verder']")).click();
        // By the address, not the old page's staleness: this Chromium answers an element of a page being left with
        // an unknown error rather than a stale element.
        wait.until(page -> page.getCurrentUrl().contains("/deel/") && !page.getCurrentUrl().endsWith("/deel/visie"));
        assertTrue(!driver.getCurrentUrl().endsWith("/deel/visie"), "on to the next step: " + driver.getCurrentUrl());
        Map<?, ?> posted = ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream()
                .map(a -> (Map<?, ?>) a).filter(a -> a.get("questionKey").equals("visie-gemeenschappelijk-beeld"))
                .findFirst().orElseThrow();
        assertEquals("2", posted.get("value"), "the last choice is stored");

        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        assertEquals(2, ((Number) storedAnswer(api, scanId).get("version")).intValue(), "no save after leaving the field");
        assertTrue(driver.findElement(By.cssSelector("#" + KEY + " .question__history")).getText().contains("Geschiedenis (2"),
                "two changes in the history");
    }

    private static Map<?, ?> storedAnswer(Api api, long scanId) {
        return ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> a.get("questionKey").equals(KEY)).findFirst().orElseThrow();
    }
}
