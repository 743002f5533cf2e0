package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Chromium;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.time.Clocks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multiple choice (the follow-ups of questionnaire v2 that ask for a list) is a checkbox per option: saved as the
 * boxes change in the browser, and read from the ticked boxes when the page is posted without its script.
 */
class MultipleChoiceBrowserTest {

    @Test
    void severalOptionsAreTickedAndSavedWithAndWithoutTheScript() throws Exception {
        TestApp app = TestApp.h2();
        Survey v2 = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 2).orElseThrow();
        Survey.Question list = v2.questions().filter(q -> q.type() == Survey.QuestionType.MULTIPLE_CHOICE
                && q.scope() == Survey.Scope.GEMEENTE).findFirst().orElseThrow();
        String page = PartNavigation.pages(v2).stream().filter(p -> p.questions().contains(list)).findFirst().orElseThrow().path();
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        LocalDate today = LocalDate.now(Clocks.ZONE);
        Response round = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Meerkeuze %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 2, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), today.minusDays(1),
                today.plusDays(30)));
        assertEquals(201, round.status(), round::toString);
        Account adviser = Fixtures.adviseur(app, regio.codes().get(0));
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, ((Number) round.json().get("id")).longValue());
        String first = list.options().get(0).value();
        String second = list.options().get(1).value();
        String third = list.options().get(2).value();

        ChromeDriver driver = Chromium.shared();
        try {
            Chromium.width(driver, 1366);
            driver.get(app.uri("/login").toString());
            driver.findElement(By.id("email")).sendKeys(adviser.email());
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.urlToBe(app.uri("/").toString()));
            driver.get(app.uri("/scans/" + scanId + "/deel/" + page).toString());
            WebElement question = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(list.key())));
            assertEquals(list.options().size(), question.findElements(By.cssSelector("input[type=checkbox]")).size());
            question.findElement(By.cssSelector("label[for='" + list.key() + "-" + first + "']")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(question.findElement(By.cssSelector(".question__status")), "Opgeslagen"));
            question.findElement(By.cssSelector("label[for='" + list.key() + "-" + third + "']")).click();
            wait.until(driver1 -> stored(api, scanId, list.key()).equals(first + "," + third));
            for (int width : new int[] {320, 390, 1366}) {
                Chromium.width(driver, width);
                Chromium.assertNoWiderThanTheWindow(driver, "multiple choice", width);
                assertEquals(List.of(), Chromium.seriousViolations(driver), "at " + width);
                if (System.getProperty("quickscan.screenshots") != null) {
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", question);
                    Chromium.screenshot(driver, java.nio.file.Path.of(System.getProperty("quickscan.screenshots"),
                            "multiple-choice-" + width + ".png"));
                }
            }
        } finally {
            driver.manage().deleteAllCookies();
        }

        Browser browser = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Document shown = browser.get("/scans/" + scanId + "/deel/" + page).html();
        assertEquals(List.of(first, third), shown.select("#" + list.key() + " input[type=checkbox][checked]").eachAttr("value"),
                "the stored options are ticked");
        assertEquals("Toelichting (niet verplicht)", shown.selectFirst("label[for=comment-" + list.key() + "]").text(),
                "no 'Niet van toepassing' where it is not offered");
        Map<String, String> fields = Browser.fieldsOf(shown.selectFirst("form.scan-form"));
        fields.remove(PartForm.optionField(list.key(), first));
        fields.put(PartForm.optionField(list.key(), second), second);
        Response posted = browser.post("/scans/" + scanId + "/deel/" + page, fields);
        assertEquals(303, posted.status(), posted::toString);
        assertEquals(second + "," + third, stored(api, scanId, list.key()), "without the script: the ticked boxes");
    }

    private static String stored(Api api, long scanId, String key) {
        List<Map<String, Object>> answers = cast(api.get("/api/v1/scans/" + scanId).json().get("answers"));
        return answers.stream().filter(answer -> key.equals(answer.get("questionKey"))).map(answer -> String.valueOf(answer.get("value")))
                .findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
