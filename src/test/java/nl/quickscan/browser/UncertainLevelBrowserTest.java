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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results page of a survey with {@code uncertainShare} and a bouwsteen's own level description: the uncertain
 * level on the page and in the API, the theme percentages under bouwsteen 4, in a real browser accessible and no
 * wider than the window (screenshots in target/screenshots).
 */
class UncertainLevelBrowserTest {

    private static final String OWN_DESCRIPTION = "Bij de visie betekent dit: de visie is er, maar nog niet van iedereen.";
    private static TestApp app;
    private static Path surveys;

    private static final String NVT_HELP = "Kies dit niet als de regio of de centrumgemeente dit regelt.";
    private static final String CENTRUMGEMEENTE = "Is uw gemeente centrumgemeente voor vrouwenopvang?";

    /**
     * The shipped v1 with "onzeker" from 30 % "Weet ik niet", the visie's own description of Gevorderd, help on
     * "Niet van toepassing", a reference year on a kengetal and a choice kengetal.
     */
    @BeforeAll
    static void startApp() throws IOException {
        surveys = Files.createTempDirectory("surveys");
        String v1 = Files.readString(Path.of("surveys", "quickscan-seksueel-geweld", "v1.yaml"))
                .replace("\nbouwstenen:\n", "\nuncertainShare: 30\nbouwstenen:\n")
                .replace("  - key: visie\n", "  - key: visie\n    levelDescriptions: {Gevorderd: \"" + OWN_DESCRIPTION + "\"}\n")
                .replace("notApplicable: true, requiresComment: true}", "notApplicable: true, requiresComment: true, help: \"" + NVT_HELP + "\"}")
                .replace("  - key: kengetal-meldingen-veilig-thuis\n", "  - key: kengetal-meldingen-veilig-thuis\n    referenceYear: previous\n")
                + """

                  - key: kengetal-centrumgemeente
                    type: single-choice
                    options:
                      - {value: "JA", label: "Ja"}
                      - {value: "NEE", label: "Nee"}
                    text: "%s"
                    help: "Een centrumgemeente regelt de vrouwenopvang voor de gemeenten in haar regio."
                    source: {document: "landelijke-bouwstenen-regionale-aanpak-seksueel-geweld.txt", section: "Bouwsteen 3: Organiseren en borgen"}
                """.formatted(CENTRUMGEMEENTE);
        Files.writeString(Files.createDirectories(surveys.resolve("quickscan-seksueel-geweld")).resolve("v1.yaml"), v1);
        app = TestApp.withSettings(Map.of("quickscan.surveys-dir", surveys.toString()));
    }

    @AfterAll
    static void stopApp() throws IOException {
        if (app != null) {
            app.stop();
        }
        try (var files = Files.walk(surveys)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Bouwsteen 1: six times the maximum and four "Weet ik niet" (60 %, Gevorderd, 4 of 10 uncertain); the rest without. */
    private static long scan(Account adviser) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        assertEquals(30, survey.uncertainShare());
        long round = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, round);
        List<Survey.Question> visie = survey.bouwstenen().get(0).questions();
        for (int i = 0; i < visie.size(); i++) {
            Scans.answer(api, scanId, visie.get(i).key(), i < 6 ? "3" : "WEET_NIET");
        }
        String[] others = {"3", "2", "1", "0", "2"};
        List<Survey.Question> rest = survey.bouwstenen().stream().skip(1).flatMap(b -> b.questions().stream()).toList();
        for (int i = 0; i < rest.size(); i++) {
            Scans.answer(api, scanId, rest.get(i).key(), others[i % others.length]);
        }
        return scanId;
    }

    @Test
    void anUncertainLevelAndThemePercentagesOnThePageInTheApiAndInTheBrowser() throws IOException {
        Account adviser = Fixtures.adviseur(app, "GM0118");
        long scanId = scan(adviser);

        Map<String, Object> scores = app.api().login(adviser.email(), Fixtures.PASSWORD).get("/api/v1/scans/" + scanId + "/scores").json();
        List<?> bouwstenen = (List<?>) scores.get("bouwstenen");
        assertEquals(true, ((Map<?, ?>) bouwstenen.get(0)).get("uncertain"));
        assertEquals("Gevorderd", ((Map<?, ?>) bouwstenen.get(0)).get("level"));
        assertEquals(false, ((Map<?, ?>) bouwstenen.get(1)).get("uncertain"));

        Document page = app.browser().login(adviser.email(), Fixtures.PASSWORD).get("/scans/" + scanId + "/resultaten").html();
        List<Element> bars = page.select(".score-bars__item");
        assertEquals("60% – Gevorderd (onzeker: 4 van 10 antwoorden zijn 'Weet ik niet')", bars.get(0).selectFirst(".score-bars__value").text());
        assertEquals("Gevorderd betekent bij deze bouwsteen: " + OWN_DESCRIPTION, bars.get(0).selectFirst(".score-bars__level").text());
        assertEquals(null, bars.get(1).selectFirst(".score-bars__uncertain"));
        assertEquals(6, bars.get(3).select(".score-themes__item").size(), "bouwsteen 4's six themes, each with its percentage");
        assertTrue(bars.get(3).selectFirst(".score-themes__item").text().matches("Algemeen \\d+% – .+"),
                bars.get(3).selectFirst(".score-themes__item").text());
        assertEquals(0, bars.get(0).select(".score-themes__item").size(), "a bouwsteen without themes lists none");

        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        String uncertain = "Gevorderd (onzeker: 4 van 10 antwoorden zijn 'Weet ik niet')";
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                api.download("/api/v1/scans/" + scanId + "/report.pdf").body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Score: 60%, niveau " + uncertain), "the gemeenterapport says it too");
            assertTrue(text.contains(OWN_DESCRIPTION), "with the bouwsteen's own description of its level");
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(api.download("/api/v1/scans/" + scanId + "/report.xlsx").body()))) {
            var summary = workbook.getSheet("Samenvatting");
            boolean found = false;
            for (var row : summary) {
                for (var cell : row) {
                    found |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals(uncertain);
                }
            }
            assertTrue(found, "the workbook's summary has the level with its uncertainty");
        }

        ChromeDriver driver = Chromium.start();
        try {
            driver.get(app.uri("/login").toString());
            driver.findElement(By.id("email")).sendKeys(adviser.email());
            driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.uri("/").toString()));
            driver.get(app.uri("/scans/" + scanId + "/resultaten").toString());
            Chromium.assertAccessible(driver, "results page with an uncertain level");
            for (int width : new int[] {320, 390, 1366}) {
                Chromium.width(driver, width);
                Chromium.assertNoWiderThanTheWindow(driver, "results page with an uncertain level", width);
                Chromium.screenshot(driver, Path.of("target", "screenshots", "results-uncertain-" + width + ".png"));
                // The bars alone, cut from the whole page, to read them at their real size.
                org.openqa.selenium.Rectangle barsRect = driver.findElement(By.cssSelector(".score-bars")).getRect();
                java.awt.image.BufferedImage whole = javax.imageio.ImageIO.read(
                        Path.of("target", "screenshots", "results-uncertain-" + width + ".png").toFile());
                javax.imageio.ImageIO.write(whole.getSubimage(0, barsRect.getY(), whole.getWidth(),
                                Math.min(barsRect.getHeight(), whole.getHeight() - barsRect.getY())), "png",
                        Path.of("target", "screenshots", "results-uncertain-bars-" + width + ".png").toFile());
            }
        } finally {
            driver.quit();
        }
    }

    @Test
    void optionHelpAndKengetallenWithTheirYearInTheFormTheSurveyPageAndTheReport() throws IOException {
        Account adviser = Fixtures.adviseur(app, "GM0118");
        long round = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        int year = java.time.LocalDate.now().minusDays(1).getYear() - 1; // the round opens yesterday; "previous"
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, round);
        Scans.answer(api, scanId, "kengetal-centrumgemeente", "JA");
        Scans.answer(api, scanId, "kengetal-meldingen-veilig-thuis", "12");
        assertEquals(422, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/kengetal-inwoners", "application/json",
                "{\"value\":\"JA\",\"version\":0}", Map.of()).status(), "a number kengetal takes no choice");

        var browser = app.browser().login(adviser.email(), Fixtures.PASSWORD);
        Document visie = browser.get("/scans/" + scanId + "/deel/visie").html();
        Element nvt = visie.selectFirst("input[type=radio][value=NVT]");
        Element help = visie.getElementById("help-" + nvt.id());
        assertEquals(NVT_HELP, help.text());
        assertTrue(nvt.attr("aria-describedby").contains(help.id()), "the help belongs to its choice");
        assertEquals(null, visie.getElementById("help-" + visie.selectFirst("input[type=radio][value=3]").id()));

        Document kengetallen = browser.get("/scans/" + scanId + "/deel/kengetallen").html();
        assertTrue(kengetallen.select("legend").eachText().stream().anyMatch(text -> text.startsWith("Aantal meldingen bij Veilig Thuis")
                && text.contains("(over " + year + ")")), kengetallen.select("legend").eachText()::toString);
        assertEquals("JA", kengetallen.selectFirst("input[name=value.kengetal-centrumgemeente][checked]").val());

        Document survey = browser.get("/vragenlijsten/quickscan-seksueel-geweld/1").html();
        assertTrue(survey.text().contains("over het kalenderjaar voor de meetronde"));
        assertTrue(survey.text().contains(NVT_HELP));

        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                api.download("/api/v1/scans/" + scanId + "/report.pdf").body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("(over " + year + ")"), "the kengetal's year in the report");
            assertTrue(text.contains(CENTRUMGEMEENTE), "the choice kengetal in the report");
        }
    }
}
