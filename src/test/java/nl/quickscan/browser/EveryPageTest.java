package nl.quickscan.browser;

import nl.quickscan.support.Chromium;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.Invitation;
import nl.quickscan.accounts.Invitations;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.bench.SyntheticData;
import nl.quickscan.scans.ScanRepository;
import java.util.Comparator;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.ActionRepository;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of every role in a real Chromium at 320, 390 and 1366 CSS px: no page is wider than the window
 * (WCAG 1.4.10, reflow), the header stays one short bar on a phone, the Content-Security-Policy is kept, no id
 * is used twice (table regions are labelled by their caption's id), and axe-core finds no serious or critical WCAG 2.1 AA violation at 320 and at 1366 px. The pages are found as a user
 * finds them: from a few pages with data of their own, following every link of each page shown (one page per kind
 * of address, such as /accounts/{id}). With -Dquickscan.screenshots=DIR every page is saved at every width.
 */
class EveryPageTest {

    private static final int[] WIDTHS = {320, 390, 1366};
    /** Of a 320 × 568 px phone screen the header may take one bar, not a third (it took 194 px). */
    private static final int PHONE_HEADER_MAX_HEIGHT = 80;
    private static final int MAX_PAGES_PER_ROLE = 45;
    private static ChromeDriver driver;

    @BeforeAll
    static void browser() throws Exception {
        driver = Chromium.shared();
    }

    @Test
    void everyPageOfAdviserCoordinatorAndBeheerderFitsEveryWidthAndIsAccessible() throws Exception {
        TestApp app = TestApp.h2();
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String coordinator = "coordinator.groningen@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator);
        long neighbourScan = 0;
        Account neighbour = null;
        for (String cbsCode : List.of("GM1979", "GM0014", "GM1966")) {
            neighbour = Fixtures.adviseur(app, cbsCode);
            neighbourScan = answerAll(app, neighbour, survey, nulmeting, true);
        }
        Account adviser = Fixtures.adviseur(app, "GM1952");
        long baselineScan = answerAll(app, adviser, survey, nulmeting, true);
        long herhaling = herhaling(app, coordinator, nulmeting);
        long repeatScan = answerAll(app, adviser, survey, herhaling, false);
        String invitation = Fixtures.invite(app, coordinator, "nieuw-" + System.nanoTime() + "@example.nl", "GM0765");
        Account resetting = Fixtures.adviseur(app, "GM0765");
        String reset = Invitation.Purpose.PASSWORD_RESET.path() + app.bean(Invitations.class).issue(resetting.id(),
                resetting.id(), Invitation.Purpose.PASSWORD_RESET);
        List<String> keys = survey.questions().map(Survey.Question::key).toList();
        long action = planAction(app, adviser, "GM1952", baselineScan, "<script>x</script> De sociale kaart van de regio bijwerken "
                + "met het aanbod voor slachtoffers en plegers, samen met het Centrum Seksueel Geweld",
                "\"" + keys.get(10) + "\"", LocalDate.now().minusDays(3), "BEZIG", false);
        planAction(app, neighbour, "GM1966", neighbourScan, "Aandachtsfunctionarissen op alle scholen", "\"" + keys.get(40) + "\"",
                LocalDate.now().plusMonths(6), "BEZIG", true);
        planAction(app, adviser, "GM1952", baselineScan, "Visie vastleggen", "\"" + keys.get(0) + "\", \"" + keys.get(20) + "\"",
                LocalDate.now().plusMonths(3), "AFGEROND", false);

        List<String> problems = new ArrayList<>();
        Tour anonymous = new Tour(app, "anoniem", problems);
        driver.manage().deleteAllCookies();
        anonymous.seed("/login", invitation, reset, "/wachtwoord-vergeten", "/bestaat-niet", "/api/v1/docs");
        anonymous.run();
        loginFailing(app);
        anonymous.check("anoniem-inloggen-mislukt");

        Tour advisers = new Tour(app, "adviseur", problems);
        login(app, adviser.email(), Fixtures.PASSWORD);
        advisers.seed("/", "/scans", "/scans/" + repeatScan, "/scans/" + repeatScan + "/deel/visie",
                "/scans/" + repeatScan + "/deel/aanpak", "/scans/" + baselineScan + "/deel/aanpak",
                "/scans/" + repeatScan + "/vergelijking", "/scans/" + repeatScan + "/resultaten",
                "/scans/" + repeatScan + "/resultaten?melding=meegenomen",
                "/scans/" + baselineScan, "/scans/" + baselineScan + "/resultaten", "/bestaat-niet",
                "/verbeterplan", "/verbeterplan/acties/" + action, "/verbeterplan/nieuw?scan=" + baselineScan + "&vraag=" + keys.get(3),
                "/verbeterplan?status=BEZIG&melding=toegevoegd", "/account/sessies?melding=beeindigd");
        advisers.run();

        long unused = Rounds.open(app, coordinator);
        long closed = Rounds.open(app, coordinator);
        Rounds.close(app, closed);
        Tour coordinators = new Tour(app, "coordinator", problems);
        login(app, coordinator, TestApp.DEMO_PASSWORD);
        coordinators.seed("/", "/rondes/" + nulmeting, "/rondes/" + herhaling, "/scans/" + baselineScan, "/benchmark",
                "/rondes/" + unused + "/aanpassen", "/rondes/" + unused + "/verwijderen", "/rondes/" + nulmeting + "/verwijderen",
                "/rondes/" + closed + "/aanpassen", "/rondes/" + unused + "?melding=aangepast", "/rondes?melding=verwijderd",
                "/rondes/" + nulmeting + "/herinneren", "/rondes/" + nulmeting + "?melding=herinnerd",
                "/gemeenten/GM0014", "/accounts?zoek=groningen",
                "/accounts/nieuw?rol=ADVISEUR&gemeente=" + Fixtures.gemeenteId(app, "GM0014"),
                "/verbeterplan?gemeente=GM1952", "/verbeterplan/acties/" + action,
                "/rondes/" + nulmeting + "/verbeterplannen?status=BEZIG&bouwsteen=samenwerking");
        coordinators.run();
        // The page with a new invitation link: shown in full, and "Kopieer link" copies it.
        driver.get(app.uri("/accounts/nieuw").toString());
        driver.findElement(By.id("email")).sendKeys("kopie-" + System.nanoTime() + "@example.nl");
        driver.findElement(By.id("displayName")).sendKeys("Nieuwe adviseur");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("gemeente"))).selectByVisibleText("Groningen");
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("button[data-copy-target]")));
        coordinators.check("coordinator-uitgenodigd");
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        driver.findElement(By.cssSelector("button[data-copy-target]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("link-copied"), "Link gekopieerd"));
        assertEquals(driver.findElement(By.id("link")).getText().strip(),
                String.valueOf(driver.executeAsyncScript("navigator.clipboard.readText().then(arguments[arguments.length - 1]);")),
                "the whole link is on the clipboard");
        driver.get(app.uri("/rondes/" + unused + "/aanpassen").toString());
        driver.executeScript("document.getElementById('closes').value = '2020-01-01';");
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        coordinators.check("coordinator-aanpassen-mislukt");
        // The round form asks for the nulmeting to compare with only for a herhaling (public/choice-fields.js).
        driver.get(app.uri("/rondes").toString());
        org.openqa.selenium.support.ui.Select kind = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind")));
        kind.selectByValue("NULMETING");
        assertFalse(driver.findElement(By.id("baselineRoundId")).isDisplayed(), "a nulmeting is compared with nothing");
        kind.selectByValue("HERHALING");
        assertTrue(driver.findElement(By.id("baselineRoundId")).isDisplayed());

        Tour beheerder = new Tour(app, "beheerder", problems);
        login(app, "beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String concept = surveyVersions(app);
        beheerder.seed("/", "/rondes/" + nulmeting, "/benchmark", "/accounts?pagina=0", "/beheer/gemeenten?zoek=gron",
                "/beheer/regios?melding=regio-toegevoegd", "/accounts/nieuw", "/beheer/vragenlijsten?melding=gepubliceerd",
                concept + "?melding=geupload", concept + "/voorbeeld", concept + "/publiceren");
        beheerder.run();
        // An upload with problems: every one in the table, with its line and key.
        driver.get(app.uri("/beheer/vragenlijsten/nieuw").toString());
        driver.executeScript("document.getElementById('yaml').value = arguments[0];", shippedSurvey("proef-fouten", 1)
                .replace("    weight: 1\n    questions:", "    weight: -1\n    questions:").replaceFirst("scale: ontwikkeling", "scale: ontwikkelen")
                .replace("title: \"Quickscan aanpak seksueel geweld\"\n", ""));
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("problemen")));
        beheerder.check("beheerder-upload-mislukt");
        // The account form shows only the field the chosen role needs (public/choice-fields.js).
        driver.get(app.uri("/accounts/nieuw").toString());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("COORDINATOR");
        assertTrue(driver.findElement(By.id("regio")).isDisplayed() && !driver.findElement(By.id("gemeente")).isDisplayed());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("BEHEERDER");
        assertTrue(!driver.findElement(By.id("regio")).isDisplayed() && !driver.findElement(By.id("gemeente")).isDisplayed());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("ADVISEUR");
        assertTrue(!driver.findElement(By.id("regio")).isDisplayed() && driver.findElement(By.id("gemeente")).isDisplayed());
        secondFactorPages(app, beheerder, Fixtures.adviseur(app, "GM1952"));

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
        assertTrue(advisers.visited() >= 10 && coordinators.visited() >= 8 && beheerder.visited() >= 12,
                "the tours found the pages: " + advisers.visited() + ", " + coordinators.visited() + ", " + beheerder.visited());
    }

    /** The login page with identity providers connected, and a refused sign-in there (nothing is reached: seeds only). */
    @Test
    void theLoginPageWithSingleSignOnFitsEveryWidthAndIsAccessible() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>();
        for (String[] provider : List.of(new String[] {"proef", "Gemeente Proefstad-Noordwijkerhout"},
                new String[] {"regio", "Veiligheidsregio Proef"})) {
            String key = "quickscan.oidc." + provider[0] + ".";
            settings.putAll(Map.of(key + "issuer", "https://idp.proef.invalid/" + provider[0], key + "client-id", "quickscan",
                    key + "client-secret", "geheim", key + "domains", provider[0] + ".test", key + "display-name", provider[1]));
        }
        TestApp app = TestApp.withSettings(settings);
        try {
            List<String> problems = new ArrayList<>();
            Tour anonymous = new Tour(app, "anoniem-sso", problems);
            driver.manage().deleteAllCookies();
            anonymous.seed("/login", "/sso/proef/callback?state=vervalst&code=x");
            anonymous.visitSeeds();
            assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
        } finally {
            app.stop();
        }
    }

    /**
     * The pages with the longest lists, with synthetic data: the national overview, the rounds of a regio of 40
     * gemeenten (also the development since the nulmeting), all accounts and gemeenten, the audit log.
     */
    @Test
    void thePagesWithManyRowsFitEveryWidthWithSyntheticData() throws Exception {
        // A mail server is configured (and never reached: nothing is posted), so that the reminder page offers its button.
        TestApp app = TestApp.withSettings(Map.of("quickscan.demo", false, "quickscan.smtp.host", "127.0.0.1",
                "quickscan.smtp.port", 1));
        try {
            long seed = 2026;
            SyntheticData.generate(app.bean(ApplicationContext.class), new SyntheticData.Settings(4, 70, seed));
            List<String> problems = new ArrayList<>();
            // With a mail server the reset page has its form (the demo app's tour sees the page without one).
            driver.manage().deleteAllCookies();
            Tour anonymous = new Tour(app, "synthetisch-anoniem", problems);
            anonymous.seed("/wachtwoord-vergeten");
            anonymous.visitSeeds();
            assertEquals(1, driver.findElements(By.cssSelector("form[action='/wachtwoord-vergeten'] input[name=email]")).size());
            Tour beheerder = new Tour(app, "synthetisch-beheerder", problems);
            login(app, SyntheticData.BEHEERDER, SyntheticData.PASSWORD);
            long gemeenteId = auditEntries(app);
            beheerder.seed("/benchmark", "/accounts", "/beheer/gemeenten", "/beheer/regios", "/beheer/audit",
                    "/beheer/audit?groep=antwoorden&pagina=2",
                    "/beheer/audit?groep=antwoorden&gemeente=" + gemeenteId + "&van=2025-01-01&tot=2099-12-31&wie=adviseur",
                    "/accounts?pagina=2", "/beheer/gemeenten?pagina=3", "/beheer/regios/" + app.bean(GemeenteRepository.class)
                            .findVisible(TenantScope.platform(), gemeenteId).orElseThrow().regioId(),
                    "/gemeenten/" + app.bean(GemeenteRepository.class).findVisible(TenantScope.platform(), gemeenteId)
                            .orElseThrow().cbsCode(), "/accounts/nieuw");
            beheerder.visitSeeds();
            String coordinatorEmail = SyntheticData.coordinator(seed, 1);
            Tour coordinator = new Tour(app, "synthetisch-coordinator", problems);
            login(app, coordinatorEmail, SyntheticData.PASSWORD);
            Response rounds = app.api().login(coordinatorEmail, SyntheticData.PASSWORD).get("/api/v1/rounds");
            rounds.jsonList().forEach(round -> coordinator.seed("/rondes/" + round.get("id"), "/rondes/" + round.get("id") + "/herinneren",
                    "/rondes/" + round.get("id") + "/verbeterplannen"));
            Response fresh = app.api().login(coordinatorEmail, SyntheticData.PASSWORD).postJson("/api/v1/rounds", """
                    {"name": "Herinneringsronde", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                     "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(LocalDate.now().minusDays(1),
                    LocalDate.now().plusDays(20)));
            coordinator.seed("/rondes/" + fresh.json().get("id") + "/herinneren"); // a whole regio not yet submitted
            coordinator.visitSeeds();

            // An adviser of the gemeente with the longest plan: the plan, its action with the most notes, and its scans' results and comparison.
            GemeenteRow withPlan = app.bean(GemeenteRepository.class).listVisible(TenantScope.platform()).stream()
                    .max(Comparator.comparingInt(gemeente -> app.bean(ActionRepository.class).ofGemeente(TenantScope.platform(), gemeente.id()).size()))
                    .orElseThrow();
            PlanAction longest = app.bean(ActionRepository.class).ofGemeente(TenantScope.platform(), withPlan.id()).stream()
                    .max(Comparator.comparingInt(action -> action.notes().size())).orElseThrow();
            Tour adviser = new Tour(app, "synthetisch-adviseur", problems);
            login(app, SyntheticData.adviser(withPlan.cbsCode()), SyntheticData.PASSWORD);
            adviser.seed("/verbeterplan", "/verbeterplan?status=BEZIG", "/verbeterplan/acties/" + longest.id());
            app.bean(ScanRepository.class).listVisible(TenantScope.platform()).stream().filter(scan -> scan.gemeenteId() == withPlan.id())
                    .forEach(scan -> {
                        adviser.seed("/scans/" + scan.id() + "/resultaten");
                        if (scan.baselineRoundId() != null) {
                            adviser.seed("/scans/" + scan.id() + "/vergelijking");
                        }
                    });
            adviser.visitSeeds();
            assertEquals(26, anonymous.visited() + beheerder.visited() + coordinator.visited() + adviser.visited(),
                    "the reset form, the beheer lists, a nulmeting and a herhaling of the regio, with their reminders and verbeterplannen, "
                            + "a new round's reminder, and a gemeente's plan (also filtered), an action, and the results of both rounds with the comparison");
            assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
        } finally {
            app.stop();
        }
    }

    /**
     * The synthetic data writes no audit entries; these fill the log as a busy platform would: answer saves with the
     * questions' texts, account changes with long addresses. Returns the gemeente most of them belong to.
     */
    private static long auditEntries(TestApp app) {
        List<GemeenteRow> gemeenten = app.bean(GemeenteRepository.class).listVisible(TenantScope.platform());
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        List<Survey.Question> questions = survey.questions().toList();
        AuditLog log = app.bean(AuditLog.class);
        Instant start = Instant.now().minusSeconds(86_400);
        for (int i = 0; i < 400; i++) {
            GemeenteRow gemeente = gemeenten.get(i % 3);
            Survey.Question question = questions.get(i % questions.size());
            String adviser = SyntheticData.adviser(gemeente.cbsCode());
            log.save(i % 4 == 0
                    ? new AuditEntry(null, start.plusSeconds(i), null, SyntheticData.BEHEERDER, "ACCOUNT_UPDATED",
                    "account " + adviser, "Rol Adviseur, gemeente " + gemeente.name() + ", actief", null, gemeente.id())
                    : new AuditEntry(null, start.plusSeconds(i), null, adviser, "ANSWER_SAVED", ("Scan " + i
                    + ", vraag " + question.key() + ": " + question.text()).substring(0, Math.min(AuditLog.SUBJECT_MAX,
                    16 + question.key().length() + question.text().length())), "Versie 2: " + question.answerLabel("1")
                    + " → " + question.answerLabel("2"), gemeente.regioId(), gemeente.id()));
        }
        return gemeenten.get(0).id();
    }

    /**
     * On a phone the menu is folded into "Menu" and opens with the keyboard; on a wide screen it is always shown.
     * Tabbing through pages of links, buttons, fields and tables, every element that gets focus shows it.
     */
    @Test
    void theMenuFoldsOnAPhoneAndFocusIsAlwaysVisible() throws Exception {
        TestApp app = TestApp.h2();
        long round = Rounds.open(app, "coordinator.drenthe@quickscan.test");
        Account adviser = Fixtures.adviseur(app, "GM0106");
        long scanId = Scans.start(app.api().login(adviser.email(), Fixtures.PASSWORD), round);
        login(app, "coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);

        driver.get(app.uri("/accounts").toString());
        Chromium.width(driver, 320);
        WebElement rounds = driver.findElement(By.cssSelector(".site-nav a[href='/rondes']"));
        assertFalse(visible(rounds), "folded on a phone");
        for (int i = 0; i < 3; i++) { // the skip link, the service name, the menu button
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals("summary", driver.switchTo().activeElement().getTagName(), "the menu button after the skip link and the name");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertTrue(visible(rounds), "opened with Enter");
        if (System.getProperty("quickscan.screenshots") != null) {
            Chromium.screenshot(driver, Path.of(System.getProperty("quickscan.screenshots"), "menu-open-320.png"));
        }
        assertEquals("page", driver.findElement(By.cssSelector(".site-nav a[href='/accounts']")).getAttribute("aria-current"));
        Chromium.width(driver, 1366);
        driver.navigate().refresh();
        assertTrue(visible(driver.findElement(By.cssSelector(".site-nav a[href='/rondes']"))), "always shown when wide");
        assertFalse(visible(driver.findElement(By.cssSelector(".site-menu__toggle"))));

        List<String> unmarked = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (String path : List.of("/accounts", "/accounts/nieuw", "/rondes")) {
            driver.get(app.uri(path).toString());
            tabThrough(path, unmarked, kinds);
        }
        login(app, adviser.email(), Fixtures.PASSWORD);
        driver.get(app.uri("/scans/" + scanId + "/deel/visie").toString());
        tabThrough("bouwsteen", unmarked, kinds);
        assertEquals(List.of(), unmarked, "focused without a visible focus style");
        assertTrue(kinds.containsAll(List.of("a", "button", "input", "select", "textarea", "div")),
                "tabbed through links, buttons, fields and table regions: " + kinds);
    }

    /** Whether the element is drawn (Selenium's isDisplayed takes any closed details element as hidden). */
    private static boolean visible(WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].checkVisibility({contentVisibilityAuto: true, visibilityProperty: true});", element));
    }

    /**
     * Presses Tab from the top of a freshly loaded page until focus leaves it, noting every focused element without
     * an outline of 2 px or more.
     */
    private static void tabThrough(String page, List<String> unmarked, Set<String> kinds) {
        for (int i = 0; i < 150; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) driver.executeScript("""
                    const e = document.activeElement, s = getComputedStyle(e);
                    return {tag: e.tagName.toLowerCase(), name: (e.id || e.getAttribute('href') || e.name || e.className || '') + '',
                            body: e === document.body, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};""");
            if (Boolean.TRUE.equals(focused.get("body"))) {
                return;
            }
            kinds.add((String) focused.get("tag"));
            if (!Boolean.TRUE.equals(focused.get("outline"))) {
                unmarked.add(page + ": " + focused.get("tag") + " " + focused.get("name"));
            }
        }
    }

    /** Visits pages at every width and collects what is wrong, following links to pages of kinds not seen yet. */
    private static final class Tour {

        private final TestApp app;
        private final String role;
        private final List<String> problems;
        private final Deque<String> queue = new ArrayDeque<>();
        private final Set<String> kinds = new HashSet<>();
        private final Set<String> seeds = new LinkedHashSet<>();
        private int visited;

        Tour(TestApp app, String role, List<String> problems) {
            this.app = app;
            this.role = role;
            this.problems = problems;
        }

        void seed(String... paths) {
            for (String path : paths) {
                seeds.add(path);
                queue.add(path);
                kinds.add(kind(path));
            }
        }

        /** The seeds, then every page they lead to. */
        void run() throws Exception {
            while (!queue.isEmpty() && visited < MAX_PAGES_PER_ROLE) {
                String path = queue.poll();
                driver.get(app.uri(path).toString());
                check(role + path);
                follow();
            }
        }

        /** Only the seeds. */
        void visitSeeds() throws Exception {
            for (String path : seeds) {
                driver.get(app.uri(path).toString());
                check(role + path);
            }
        }

        int visited() {
            return visited;
        }

        /** The page shown now, at every width. */
        void check(String name) throws Exception {
            visited++;
            String page = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            for (int width : WIDTHS) {
                Chromium.width(driver, width);
                long documentWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
                if (documentWidth > width) {
                    problems.add(page + " (" + role + ") is " + documentWidth + " px wide at " + width + " px: "
                            + driver.executeScript(WIDEST));
                }
                if (width == 320) {
                    Number header = (Number) driver.executeScript(
                            "const h = document.querySelector('.site-header'); return h ? h.getBoundingClientRect().height : 0;");
                    if (header.doubleValue() > PHONE_HEADER_MAX_HEIGHT) {
                        problems.add(page + " (" + role + "): the header is " + header + " px high at 320 px");
                    }
                }
                if (width != 390) {
                    Chromium.seriousViolations(driver).forEach(v -> problems.add(page + " (" + role + ") at " + width + " px: " + v));
                }
                String folder = System.getProperty("quickscan.screenshots");
                if (folder != null) {
                    Chromium.screenshot(driver, Path.of(folder, name.replaceAll("[^\\w-]+", "_") + "-" + width + ".png"));
                }
            }
            Object duplicateIds = driver.executeScript("""
                    const ids = Array.from(document.querySelectorAll('[id]'), e => e.id);
                    return ids.filter((id, i) => ids.indexOf(id) !== i);""");
            if (duplicateIds instanceof List<?> list && !list.isEmpty()) {
                problems.add(page + " (" + role + "): ids used twice " + list);
            }
            Object csp = driver.executeScript("return window.__cspViolations;");
            if (csp instanceof List<?> list && !list.isEmpty()) {
                problems.add(page + " (" + role + "): CSP violations " + list);
            }
        }

        private void follow() {
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) driver.executeScript(
                    "return Array.from(document.querySelectorAll('a[href]:not([download])'), a => a.href);");
            String origin = app.uri("/").toString();
            for (String link : links) {
                if (!link.startsWith(origin)) {
                    continue;
                }
                String path = URI.create(link).getPath();
                if (path.startsWith("/api/") || path.startsWith("/static/") || !kinds.add(kind(path))) {
                    continue;
                }
                queue.add(path);
            }
        }

        /**
         * Pages of one kind differ only in their numbers (/accounts/12 and /accounts/13, /gemeenten/GM0014), are
         * versions of surveys (/vragenlijsten/proef/2), or are steps of a scan (/scans/7/deel/visie): the tours seed
         * the steps they look at.
         */
        private static String kind(String path) {
            return path.replaceFirst("/vragenlijsten/[a-z0-9-]+/", "/vragenlijsten/*/").replaceAll("\\d+", "#")
                    .replaceFirst("/deel/[^/]+$", "/deel/*");
        }
    }

    /** Names the elements that stick out furthest on the right, to say what makes a page too wide. */
    private static final String WIDEST = """
            const w = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-region'))
              .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > w + 1))
              .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                + ' (' + Math.round(e.getBoundingClientRect().right) + ')');""";

    /**
     * The second factor's pages (issue 18): set-up with the QR code, the recovery codes, the page once it is on,
     * the login's code step (also refused) and the beheerder's reset page.
     */
    private static void secondFactorPages(TestApp app, Tour tour, Account adviser) throws Exception {
        login(app, adviser.email(), Fixtures.PASSWORD);
        driver.get(app.uri("/account/tweestapsverificatie").toString());
        tour.check("adviseur-tweestap-instellen");
        String secret = driver.findElement(By.id("sleutel")).getText().replace(" ", "");
        driver.findElement(By.id("code")).sendKeys(nl.quickscan.accounts.Totp.code(secret,
                nl.quickscan.accounts.Totp.stepAt(java.time.Instant.now())));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("herstelcodes")));
        tour.check("adviseur-herstelcodes");
        driver.get(app.uri("/account/tweestapsverificatie").toString());
        tour.check("adviseur-tweestap-aan");

        driver.manage().deleteAllCookies();
        Chromium.width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys(adviser.email());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        tour.check("anoniem-code-invullen");
        driver.findElement(By.id("code")).sendKeys("12345x");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
        tour.check("anoniem-code-mislukt");

        login(app, "beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        driver.get(app.uri("/accounts/" + adviser.id() + "/tweestapsverificatie").toString());
        tour.check("beheerder-tweestap-uitzetten");
    }

    /** The shipped survey's text under another id and version. */
    private static String shippedSurvey(String id, int version) throws java.io.IOException {
        return java.nio.file.Files.readString(Path.of("surveys/quickscan-seksueel-geweld/v1.yaml"))
                .replace("id: quickscan-seksueel-geweld", "id: " + id).replace("version: 1", "version: " + version);
    }

    /**
     * A survey of its own with a published version 1 and a concept version 2 that changes, replaces, adds and drops
     * statements and raises a level; returns the concept's page.
     */
    private static String surveyVersions(TestApp app) throws java.io.IOException {
        String id = "rondgang-" + System.nanoTime();
        Api beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(201, beheerder.send("POST", "/api/v1/surveys", "text/yaml", shippedSurvey(id, 1), Map.of()).status());
        assertEquals(200, beheerder.postJson("/api/v1/surveys/" + id + "/1/publish", "{}").status());
        String v2 = shippedSurvey(id, 2)
                .replace("      - key: visie-gedeelde-visie\n", "      - key: visie-gedeelde-visie-partners\n        replaces: visie-gedeelde-visie\n")
                .replace("een gedeelde visie en gezamenlijke ambities voor de aanpak van seksueel geweld vastgelegd.",
                        "een gedeelde visie op de aanpak van seksueel geweld vastgelegd.")
                .replace("hebben een gemeenschappelijk beeld van het probleem seksueel geweld.",
                        "hebben samen één beeld van seksueel geweld in de regio.")
                .replace("- key: visie-gefaseerd-samenwerken\n", "- key: visie-samen-veilig\n")
                .replace("    min: 75\n", "    min: 85\n");
        Response uploaded = beheerder.send("POST", "/api/v1/surveys", "text/yaml", v2, Map.of());
        assertEquals(201, uploaded.status(), uploaded::toString);
        return "/beheer/vragenlijsten/" + id + "/2";
    }

    private static void login(TestApp app, String email, String password) {
        Chromium.login(driver, app, email, password);
    }

    private static void loginFailing(TestApp app) {
        driver.manage().deleteAllCookies();
        Chromium.width(driver, 1366);
        driver.get(app.uri("/login").toString());
        driver.findElement(By.id("email")).sendKeys("niemand@example.nl");
        driver.findElement(By.id("password")).sendKeys("fout-wachtwoord");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
    }

    /** Answers every statement with a different option (no "Niet van toepassing"), and submits when asked. */
    private static long answerAll(TestApp app, Account adviser, Survey survey, long roundId, boolean submit) {
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        List<Survey.Question> questions = survey.questions().toList();
        for (int i = 0; i < questions.size(); i++) {
            List<String> values = questions.get(i).options().stream().filter(option -> !option.requiresComment())
                    .map(Survey.AnswerOption::value).toList();
            if (!values.isEmpty() && (submit || i % 3 == 0)) {
                Scans.answer(api, scanId, questions.get(i).key(), values.get(Math.floorMod(i + adviser.email().hashCode(), values.size())));
            }
        }
        if (submit) {
            Response submitted = api.postJson("/api/v1/scans/" + scanId + "/submit", "");
            assertEquals(200, submitted.status(), submitted::toString);
        }
        return scanId;
    }

    /** An action in the adviser's verbeterplan, with a progress note; returns its id. */
    private static long planAction(TestApp app, Account adviser, String cbsCode, long scanId, String title, String keys,
                                   LocalDate due, String status, boolean shared) {
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        Response created = api.postJson("/api/v1/gemeenten/" + cbsCode + "/actions", """
                {"title": "%s", "description": "Eerst het aanbod in kaart brengen.\\nDan de contactpersonen.", "questionKeys": [%s],
                 "sourceScanId": %d, "owner": "Beleidsadviseur zorg en veiligheid", "partners": "Veilig Thuis, CSG, politie",
                 "due": "%s", "status": "%s", "shared": %s}""".formatted(title, keys, scanId, due, status, shared));
        assertEquals(201, created.status(), created::toString);
        long id = ((Number) created.json().get("id")).longValue();
        assertEquals(201, api.postJson("/api/v1/actions/" + id + "/notes", "{\"text\": \"Eerste overleg met het CSG gevoerd.\"}").status());
        return id;
    }

    private static long herhaling(TestApp app, String coordinator, long baselineRoundId) {
        Response created = app.api().login(coordinator, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), baselineRoundId,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, created.status(), created::toString);
        return ((Number) created.json().get("id")).longValue();
    }
}
