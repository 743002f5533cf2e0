package nl.quickscan.browser;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verbeterplan's whole loop in a real browser, on a phone (390 px) and on a desktop (1366 px): the nulmeting's
 * results page, "Zet in het verbeterplan" on a weak point, the prefilled form edited and saved, the action closed
 * (afgerond) on its page, and after the herhaling the comparison showing the action with its statement's answer then and now. Every page on the way is no
 * wider than the screen and accessible (axe).
 */
class PlanLoopBrowserTest {

    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    /** Per width the gemeente that walks the loop there. */
    private static final Map<Integer, String> GEMEENTEN = Map.of(390, "GM0037", 1366, "GM0047");

    private record Walk(int width, Account adviser, long before, String title, String key) {
    }

    @Test
    void aWeakPointBecomesAnActionThatTheHerhalingsComparisonShows() throws Exception {
        TestApp app = TestApp.h2();
        ChromeDriver driver = Chromium.shared();
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        long nulmeting = Rounds.open(app, COORDINATOR);
        List<Walk> walks = new ArrayList<>();
        for (int width : List.of(390, 1366)) {
            Account adviser = Fixtures.adviseur(app, GEMEENTEN.get(width));
            long before = Scans.submitAll(app, adviser, survey, nulmeting, "2");
            login(app, driver, adviser, width);

            open(app, driver, "/scans/" + before + "/resultaten", width, "resultaten");
            WebElement toPlan = driver.findElement(By.cssSelector("a[href^=\"/verbeterplan/nieuw?scan=\"]"));
            String key = URI.create(toPlan.getAttribute("href")).getQuery().replaceAll(".*vraag=", "");
            toPlan.click();
            wait(driver).until(ExpectedConditions.urlContains("/verbeterplan/nieuw"));
            check(driver, width, "nieuwe-actie");
            WebElement title = driver.findElement(By.id("title"));
            assertEquals(question(survey, key).text(), title.getAttribute("value"), "filled in with the statement");
            assertTrue(driver.findElement(By.id("description")).getAttribute("value").contains(question(survey, key).recommendation()));
            String ownTitle = "Aanpak " + width + ": " + question(survey, key).text();
            title.clear();
            title.sendKeys(ownTitle);
            driver.findElement(By.id("owner")).sendKeys("Beleidsadviseur zorg en veiligheid");
            driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
            wait(driver).until(ExpectedConditions.urlContains("melding="));
            check(driver, width, "verbeterplan");
            assertTrue(driver.findElement(By.cssSelector("main, body")).getText().contains("Huidig antwoord"), "the statement's current answer");
            driver.findElement(By.linkText(ownTitle)).click();
            wait(driver).until(ExpectedConditions.urlContains("/verbeterplan/acties/"));
            check(driver, width, "actie");
            new Select(driver.findElement(By.id("status"))).selectByValue("AFGEROND");
            driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
            wait(driver).until(ExpectedConditions.urlContains("melding="));
            assertEquals("AFGEROND", new Select(driver.findElement(By.id("status"))).getFirstSelectedOption().getAttribute("value"));
            walks.add(new Walk(width, adviser, before, ownTitle, key));
        }

        long herhaling = Rounds.herhaling(app, COORDINATOR, nulmeting, 1);
        for (Walk walk : walks) {
            Api api = app.api().login(walk.adviser().email(), Fixtures.PASSWORD);
            long after = Scans.start(api, herhaling);
            String better = best(question(survey, walk.key()));
            survey.questions().forEach(question -> Scans.answer(api, after, question.key(), question.key().equals(walk.key()) ? better : "2"));
            Response submitted = api.postJson("/api/v1/scans/" + after + "/submit", "");
            assertEquals(200, submitted.status(), submitted::toString);

            login(app, driver, walk.adviser(), walk.width());
            open(app, driver, "/scans/" + after + "/resultaten", walk.width(), "resultaten-herhaling");
            open(app, driver, "/scans/" + after + "/vergelijking", walk.width(), "vergelijking");
            WebElement action = driver.findElements(By.cssSelector("li.plan-action")).stream()
                    .filter(item -> item.getText().contains(walk.title())).findFirst().orElseThrow();
            Survey.Question question = question(survey, walk.key());
            assertTrue(action.getText().contains("Nulmeting: " + question.answerLabel("2") + " → herhaling: "
                    + question.answerLabel(better)), action.getText());
            assertTrue(action.getText().contains("verbeterd"), action.getText());
            assertTrue(action.getText().contains("Status: Afgerond"), action.getText());
        }
    }

    private static Survey.Question question(Survey survey, String key) {
        return survey.questions().filter(question -> question.key().equals(key)).findFirst().orElseThrow();
    }

    /** The option with the most points that needs no comment. */
    private static String best(Survey.Question question) {
        return question.options().stream().filter(option -> option.points() != null && !option.notApplicable()
                        && !option.uncertain() && !option.requiresComment())
                .max(Comparator.comparingInt(Survey.AnswerOption::points)).orElseThrow().value();
    }

    private static void login(TestApp app, ChromeDriver driver, Account adviser, int width) {
        driver.manage().deleteAllCookies();
        Chromium.width(driver, width);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(adviser.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(driver).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    private static void open(TestApp app, ChromeDriver driver, String path, int width, String name) throws Exception {
        driver.get(app.uri(path).toString());
        check(driver, width, name);
    }

    private static void check(ChromeDriver driver, int width, String name) throws Exception {
        long documentWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(documentWidth <= width, name + ": " + documentWidth + " px wide at " + width);
        Chromium.assertAccessible(driver, name + " at " + width);
        if (System.getProperty("quickscan.screenshots") != null) {
            Chromium.screenshot(driver, Path.of(System.getProperty("quickscan.screenshots"), "loop-" + name + "-" + width + ".png"));
        }
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
