package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adviser's journey over HTTP, as a browser without JavaScript walks it: the start page, the steps with their
 * state, the check page with its open points, submitting from there and the confirmation, a reopened scan, and a
 * form posted after the session ended.
 */
class JourneyTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    private static Survey survey(TestApp app) {
        return app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
    }

    /** A fresh scan of a new adviser of the gemeente in a new round: the adviser's pages and API, and the scan. */
    private record Fresh(Account account, Browser pages, Api api, long scanId) {
        String path() {
            return "/scans/" + scanId;
        }
    }

    private static Fresh fresh(TestApp app, String cbsCode) {
        long roundId = Rounds.open(app, COORDINATOR);
        Account adviser = Fixtures.adviseur(app, cbsCode);
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        return new Fresh(adviser, app.browser().login(adviser.email(), Fixtures.PASSWORD), api, scanId);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theStartPageIntroducesTheScanAndLeadsToTheFirstOpenStatement(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM0037");
        Document start = scan.pages().get(scan.path()).html();
        List<String> paragraphs = start.select(".start-introduction p, h2:contains(Over deze quickscan) ~ p").eachText();
        for (String paragraph : survey.introduction().split("\n")) {
            assertTrue(paragraphs.contains(paragraph), () -> "the survey's introduction, a paragraph each: " + paragraphs);
        }
        assertTrue(survey.introduction().split("\n").length >= 3, "short paragraphs");
        assertTrue(start.text().contains("Open tot en met " + nl.quickscan.text.DutchFormat.date(LocalDate.now().plusDays(30))
                + " (nog "), start::text);
        List<Element> primary = start.select("main .utrecht-button-link--primary-action, main .utrecht-button--primary-action");
        assertEquals(1, primary.size(), "one primary action");
        assertEquals("Begin met de quickscan", primary.get(0).text());
        assertEquals(scan.path() + "/deel/" + survey.bouwstenen().get(0).key(), primary.get(0).attr("href"));
        assertTrue(start.select("form[action$=/indienen]").isEmpty(), "submitting happens from the check page");
        assertNull(start.selectFirst(".start-facts dt:contains(Laatst gewijzigd)"), "nobody worked on it yet");

        List<Survey.Question> first = survey.bouwstenen().get(0).questions();
        Scans.answer(scan.api(), scan.scanId(), first.get(0).key(), "2");
        Document resumed = scan.pages().get(scan.path()).html();
        Element action = resumed.selectFirst("main .utrecht-button-link--primary-action");
        assertEquals("Ga verder waar u was", action.text());
        assertEquals(scan.path() + "/deel/" + survey.bouwstenen().get(0).key() + "#" + first.get(1).key(), action.attr("href"));
        assertTrue(resumed.selectFirst(".start-facts").text().contains("Laatst gewijzigd door " + scan.account().displayName()),
                resumed.selectFirst(".start-facts")::text);
        assertEquals(List.of("Bezig", "Niet begonnen", "Niet begonnen", "Niet begonnen", "Niet begonnen"),
                resumed.select(".task-list .utrecht-status-badge").eachText().subList(0, 5));

        survey.questions().skip(1).forEach(question -> Scans.answer(scan.api(), scan.scanId(), question.key(), "3"));
        assertTrue(scan.pages().get(scan.path()).html().selectFirst(".task-list").text().contains("Klaar om in te dienen"));
        Element done = scan.pages().get(scan.path()).html().selectFirst("main .utrecht-button-link--primary-action");
        assertEquals("Ga verder waar u was", done.text(), "the kengetallen are still empty");
        assertTrue(done.attr("href").contains("/deel/kengetallen#"), done.attr("href"));
        survey.kengetallen().forEach(question -> Scans.answer(scan.api(), scan.scanId(), question.key(), "12"));
        Element check = scan.pages().get(scan.path()).html().selectFirst("main .utrecht-button-link--primary-action");
        assertEquals("Controleer en dien in", check.text());
        assertEquals(scan.path() + "/controleren", check.attr("href"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theStepsSplitTheLongBouwsteenIntoItsThemesAndWalkToTheCheckPage(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1969");
        Survey.Bouwsteen aanpak = survey.bouwstenen().get(3);
        assertTrue(aanpak.questions().size() > PartNavigation.PAGE_MAX);
        for (PartNavigation.Page page : PartNavigation.pages(survey)) {
            assertTrue(page.questions().size() <= PartNavigation.PAGE_MAX, page.path());
            Document shown = scan.pages().get(scan.path() + "/deel/" + page.path()).html();
            assertEquals(page.questions().size(), shown.select("fieldset.question").size(), page.path());
        }

        // An old link to the whole bouwsteen leads to its first theme, and keeps its query.
        Response old = scan.pages().get(scan.path() + "/deel/" + aanpak.key() + "?opgeslagen=1");
        assertEquals(303, old.status());
        assertEquals(scan.path() + "/deel/aanpak/algemeen?opgeslagen=1", old.location());
        assertEquals(404, scan.pages().get(scan.path() + "/deel/aanpak/bestaat-niet").status());
        assertEquals(404, scan.pages().get(scan.path() + "/deel/bestaat-niet").status());

        Document preventie = scan.pages().get(scan.path() + "/deel/aanpak/preventie").html();
        assertEquals("Stap 4 van 5 – " + aanpak.title() + ", onderdeel 2 van 6", preventie.selectFirst(".utrecht-pre-heading").text());
        assertEquals("Preventie", preventie.selectFirst("h1").text());
        assertEquals("Preventie", preventie.selectFirst(".steps a[aria-current=page]").text());
        assertEquals(List.of("Opslaan en verder", "Vorige", "Opslaan"), preventie.select(".scan-form__actions button").eachText());
        // "Weet ik niet" and "Niet van toepassing" are set apart from the scale, the scale's steps are not.
        org.jsoup.nodes.Element options = preventie.selectFirst(".question__options");
        assertEquals(options.select("input[type=radio]").stream().map(radio -> List.of("WEET_NIET", "NVT").contains(radio.val())).toList(),
                options.select("input[type=radio]").stream().map(radio -> radio.parent().hasClass("question__option--apart")).toList(),
                options::html);
        assertTrue(options.select(".question__option--apart").size() >= 1);

        // "Opslaan en verder" and "Vorige" save and walk the pages; after the last comes the check page.
        String key = aanpak.questions().stream().filter(q -> "preventie".equals(q.theme())).findFirst().orElseThrow().key();
        Response next = scan.pages().post(scan.path() + "/deel/aanpak/preventie", "value." + key, "2", "version." + key, "0",
                "action", "volgende");
        assertEquals(303, next.status(), next::toString);
        assertEquals(scan.path() + "/deel/aanpak/signalering", next.location());
        assertEquals(scan.path() + "/deel/aanpak/algemeen", press(scan, "/deel/aanpak/preventie", "vorige").location());
        assertEquals(scan.path() + "/deel/borging", press(scan, "/deel/aanpak/algemeen", "vorige").location());
        assertEquals(scan.path(), press(scan, "/deel/visie", "vorige").location(), "before the first step: the start page");
        assertEquals(scan.path() + "/controleren", press(scan, "/deel/kengetallen", "volgende").location(),
                "after the last step: the check page");
        // A form of the whole bouwsteen from before the split still saves, and goes on after the bouwsteen.
        String last = aanpak.questions().get(aanpak.questions().size() - 1).key();
        Response whole = scan.pages().post(scan.path() + "/deel/aanpak", "value." + last, "1", "version." + last, "0",
                "value." + key, "2", "version." + key, "1", "action", "volgende");
        assertEquals(scan.path() + "/deel/kengetallen", whole.location());
        assertEquals(2, ((List<?>) scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("answers")).size());

        // Without JavaScript the page after a save shows the new progress.
        Response saved = scan.pages().post(scan.path() + "/deel/aanpak/signalering", fieldsFor(aanpak, "signalering", "3"));
        assertEquals(scan.path() + "/deel/aanpak/signalering?opgeslagen=1", saved.location());
        Document after = scan.pages().get(saved.location()).html();
        assertEquals("Klaar", after.selectFirst(".step-status [data-step-state]").text());
        assertEquals("3", after.selectFirst(".step-status [data-step-answered]").text());
        assertEquals("5", after.selectFirst("[data-scan-progress] [data-answered]").text());
        assertEquals("Klaar", after.selectFirst(".steps [data-step=aanpak/signalering] [data-step-state]").text());
        assertEquals("Bezig", after.selectFirst(".steps [data-step=aanpak] > [data-step-state]").text());
        assertTrue(after.text().contains("Uw antwoorden zijn opgeslagen."));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSaveAnswersWithTheProgressAndTheStatesOfTheSteps(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1950");
        String nvt = survey.bouwstenen().get(1).questions().get(0).key();
        Response saved = scan.api().send("PUT", "/api/v1/scans/" + scan.scanId() + "/answers/" + nvt, "application/json",
                "{\"value\":\"NVT\",\"version\":0}", Map.of());
        assertEquals(200, saved.status(), saved::toString);
        Map<?, ?> progress = (Map<?, ?>) saved.json().get("progress");
        assertEquals(0, ((Number) progress.get("answered")).intValue(), "n.v.t. without toelichting counts as open");
        assertEquals(survey.questions().count() + survey.kengetallen().size(), ((Number) progress.get("total")).intValue());
        Map<String, Map<?, ?>> steps = new java.util.HashMap<>();
        ((List<?>) progress.get("steps")).forEach(step -> steps.put((String) ((Map<?, ?>) step).get("key"), (Map<?, ?>) step));
        assertEquals("ATTENTION", steps.get("samenwerking").get("state"), "n.v.t. without toelichting needs attention");
        assertEquals("Aandacht nodig", steps.get("samenwerking").get("stateLabel"));
        assertEquals("NOT_STARTED", steps.get("visie").get("state"));
        assertTrue(steps.containsKey("aanpak") && steps.containsKey("aanpak/zorg-en-ondersteuning"), steps::toString);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theCheckPageShowsEveryAnswerWithAChangeLinkAndCountsTheOpenPointsPerStep(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1895");
        List<Survey.Question> statements = survey.questions().toList();
        Survey.Question nvt = statements.get(0);
        Survey.Question preventie = statements.stream().filter(q -> "preventie".equals(q.theme())).findFirst().orElseThrow();
        Scans.answer(scan.api(), scan.scanId(), nvt.key(), "NVT");
        Scans.answer(scan.api(), scan.scanId(), preventie.key(), "3");
        scan.api().send("PUT", "/api/v1/scans/" + scan.scanId() + "/answers/kengetal-fte-gemeente", "application/json",
                "{\"value\":\"0,4\",\"comment\":\"Geschat\",\"version\":0}", Map.of());

        Document check = scan.pages().get(scan.path() + "/controleren").html();
        assertEquals("Controleer uw antwoorden", check.selectFirst("h1").text());
        assertEquals(statements.size() + survey.kengetallen().size(), check.select(".check-answers__row").size(), "every answer");
        assertEquals(survey.bouwstenen().size() + 1, check.select("h2.utrecht-heading-2").stream()
                .filter(h -> h.parent().hasClass("check-section")).count(), "per bouwsteen, and the kengetallen");
        Element nvtRow = check.selectFirst(".check-answers__row:has(a[href$=#" + nvt.key() + "])");
        assertTrue(nvtRow.hasClass("check-answers__row--open"));
        assertTrue(nvtRow.text().contains("Toelichting ontbreekt") && nvtRow.text().contains("Niet van toepassing"), nvtRow::text);
        assertEquals(scan.path() + "/deel/visie?controle=1#" + nvt.key(), nvtRow.selectFirst("a").attr("href"));
        Element preventieRow = check.selectFirst(".check-answers__row:has(a[href$=#" + preventie.key() + "])");
        assertFalse(preventieRow.hasClass("check-answers__row--open"));
        assertEquals(scan.path() + "/deel/aanpak/preventie#" + preventie.key(), preventieRow.selectFirst("a").attr("href"),
                "Wijzigen goes to the statement on its step page");
        assertTrue(preventieRow.text().contains("Ja, volledig en geborgd"));
        Element fte = check.selectFirst(".check-answers__row:has(a[href$=#kengetal-fte-gemeente])");
        assertTrue(fte.text().contains("0,4 fte") && fte.text().contains("Toelichting: Geschat"), fte::text);
        assertTrue(check.selectFirst(".check-answers__row:has(a[href$=#kengetal-budget])").text().contains("Niet ingevuld"));

        // Before a submit the open points are a warning, counted per step, each a link to the step.
        assertNull(check.selectFirst(".error-summary"));
        List<Element> points = check.select(".utrecht-alert--warning li a");
        assertEquals(survey.bouwstenen().size(), points.size(), "a line per bouwsteen, not per statement");
        assertEquals(survey.bouwstenen().get(0).title() + ": " + (survey.bouwstenen().get(0).questions().size() - 1)
                + " stellingen nog niet beantwoord en 1 toelichting ontbreekt", points.get(0).text());
        assertEquals(scan.path() + "/deel/visie?controle=1#open-punten", points.get(0).attr("href"));
        assertEquals(scan.path() + "/deel/aanpak/algemeen?controle=1#open-punten", points.get(3).attr("href"));
        assertNotNull(check.selectFirst("form[action=" + scan.path() + "/indienen] input[name=_csrf]"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aStepReachedFromTheCheckPageMarksEveryOpenStatementAtTheStatement(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM0765");
        List<Survey.Question> visie = survey.bouwstenen().get(0).questions();
        Scans.answer(scan.api(), scan.scanId(), visie.get(0).key(), "NVT");
        Scans.answer(scan.api(), scan.scanId(), visie.get(1).key(), "2");

        Document plain = scan.pages().get(scan.path() + "/deel/visie").html();
        assertNull(plain.selectFirst(".error-summary"), "no errors on a normal visit");
        // Only the n.v.t. without toelichting is marked, as it is the moment it is saved (issue 14, item 5).
        assertEquals(List.of("comment." + visie.get(0).key()), plain.select("[aria-invalid]").eachAttr("name"));

        Document marked = scan.pages().get(scan.path() + "/deel/visie?controle=1").html();
        Element summary = marked.selectFirst(".error-summary");
        assertEquals("open-punten", summary.id());
        assertEquals("-1", summary.attr("tabindex"), "focusable, for error-summary.js");
        assertNotNull(marked.selectFirst("script[src^=/static/error-summary.js]"));
        assertEquals("Op deze pagina staan nog " + (visie.size() - 1) + " open punten", summary.selectFirst("h2").text());
        assertEquals(visie.size() - 1, summary.select("li a").size());
        assertEquals("#" + visie.get(0).key(), summary.selectFirst("li a").attr("href"));
        assertTrue(summary.selectFirst("li a").text().endsWith("– toelichting ontbreekt"));

        // The n.v.t. without toelichting: marked at the toelichting, not at the choice.
        Element nvt = marked.selectFirst("fieldset#" + visie.get(0).key());
        assertTrue(nvt.hasClass("question--invalid"));
        assertEquals("Bij 'Niet van toepassing' hoort een toelichting. Schrijf kort waarom.", nvt.selectFirst("#error-" + visie.get(0).key()).text());
        assertEquals("true", nvt.selectFirst("textarea").attr("aria-invalid"));
        assertTrue(nvt.selectFirst("textarea").attr("aria-describedby").contains("error-" + visie.get(0).key()),
                nvt.selectFirst("textarea").attr("aria-describedby"));
        assertTrue(nvt.select("input[type=radio][aria-invalid]").isEmpty());
        // An unanswered statement: marked at the choice.
        Element open = marked.selectFirst("fieldset#" + visie.get(2).key());
        assertEquals("Kies een antwoord bij deze stelling.", open.selectFirst("#error-" + visie.get(2).key()).text());
        for (Element radio : open.select("input[type=radio]")) {
            assertEquals("true", radio.attr("aria-invalid"));
            assertEquals("help-" + visie.get(2).key() + " error-" + visie.get(2).key(), radio.attr("aria-describedby"));
        }
        assertFalse(open.selectFirst("textarea").hasAttr("aria-invalid"));
        assertFalse(marked.selectFirst("fieldset#" + visie.get(1).key()).hasClass("question--invalid"), "the answered one is fine");

        // "Opslaan en verder" keeps marking the open points on the next page.
        assertEquals("1", marked.selectFirst("form.scan-form input[name=controle]").val());
        assertEquals(scan.path() + "/deel/samenwerking?controle=1", press(scan, "/deel/visie?controle=1", "volgende").location());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void submittingHappensFromTheCheckPageAndTheConfirmationSaysWhatHappensNext(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1952");
        List<Survey.Question> statements = survey.questions().toList();
        statements.subList(1, statements.size()).forEach(q -> Scans.answer(scan.api(), scan.scanId(), q.key(), "2"));
        assertEquals(303, scan.pages().get(scan.path() + "/ingediend").status(), "no confirmation before submitting");

        // Incomplete: refused with the open points as an error summary, and nothing changes.
        Response refused = scan.pages().post(scan.path() + "/indienen");
        assertEquals(422, refused.status());
        Element summary = refused.html().selectFirst(".error-summary");
        assertEquals("U kunt de quickscan nog niet indienen", summary.selectFirst("h2").text());
        assertEquals(List.of(survey.bouwstenen().get(0).title() + ": 1 stelling nog niet beantwoord"), summary.select("li").eachText());
        assertEquals("IN_PROGRESS", scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("status"));
        // Without the CSRF token: refused, and nothing changes.
        Scans.answer(scan.api(), scan.scanId(), statements.get(0).key(), "2");
        assertEquals(403, scan.pages().postWithoutToken(scan.path() + "/indienen").status());
        assertEquals(403, scan.pages().postWithoutToken(scan.path() + "/indienen", "_csrf", "x".repeat(43)).status());
        assertEquals("IN_PROGRESS", scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("status"));

        Response submitted = scan.pages().post(scan.path() + "/indienen");
        assertEquals(303, submitted.status(), submitted::toString);
        assertEquals(scan.path() + "/ingediend", submitted.location());
        Document confirmation = scan.pages().get(submitted.location()).html();
        assertEquals("Quickscan ingediend", confirmation.selectFirst("h1").text());
        String next = confirmation.selectFirst(".next-steps").text();
        assertTrue(next.contains("regiocoördinator") && next.contains("regiorapport"), "who sees it: " + next);
        assertTrue(next.contains("gemeenterapport (PDF)"), "where the reports are: " + next);
        assertTrue(next.contains("heropenen"), "that the coordinator can reopen it: " + next);
        assertNotNull(confirmation.selectFirst("a[href=" + scan.path() + "/resultaten]"));
        assertEquals(409, scan.pages().post(scan.path() + "/indienen").status(), "submitted once");

        // Afterwards the check page only shows the answers.
        Document answers = scan.pages().get(scan.path() + "/controleren").html();
        assertEquals("Antwoorden van de quickscan", answers.selectFirst("h1").text());
        assertTrue(answers.select("form[action$=/indienen]").isEmpty());
        assertTrue(answers.select("a:contains(Wijzigen)").isEmpty());
        Document coordinatorView = app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).get(scan.path() + "/controleren").html();
        assertTrue(coordinatorView.select("form[action$=/indienen]").isEmpty(), "the coordinator looks, never submits");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aReopenedScanSaysWhoReopenedItWhenAndWhy(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1966");
        survey.questions().forEach(q -> Scans.answer(scan.api(), scan.scanId(), q.key(), "1"));
        assertEquals(303, scan.pages().post(scan.path() + "/indienen").status());
        assertEquals(303, app.browser().login(COORDINATOR, TestApp.DEMO_PASSWORD).post(scan.path() + "/heropenen",
                "reason", "Bouwsteen 3 <b>opnieuw</b> bekijken met de wethouder").status());

        Document start = scan.pages().get(scan.path()).html();
        String banner = start.selectFirst(".utrecht-alert--info").text();
        assertTrue(banner.startsWith("Heropend door Coördinator regio Groningen op "), banner);
        assertTrue(banner.contains("Reden: Bouwsteen 3 <b>opnieuw</b> bekijken met de wethouder"), banner);
        assertTrue(start.select(".utrecht-alert--info b").isEmpty(), "the reason is text, never markup");
        String dashboard = scan.pages().get("/scans").html().selectFirst(".reopened-note").text();
        assertTrue(dashboard.startsWith("Heropend door Coördinator regio Groningen op ") && dashboard.contains("Reden: Bouwsteen 3"), dashboard);

        assertEquals(303, scan.pages().post(scan.path() + "/indienen").status());
        assertNull(scan.pages().get(scan.path()).html().selectFirst(".utrecht-alert--info"), "submitted again: no longer reopened");
        assertNull(scan.pages().get("/scans").html().selectFirst(".reopened-note"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aFormPostedAfterTheSessionEndedIsKeptThroughTheLogin(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1979");
        String key = survey.bouwstenen().get(0).questions().get(0).key();
        Map<String, String> typed = Browser.fieldsOf(scan.pages().get(scan.path() + "/deel/visie").html().selectFirst("form.scan-form"));
        typed.put("value." + key, "3");
        typed.put("comment." + key, "Vastgesteld in de raad\nvan maart");
        typed.put("action", "volgende");

        // The browser has forgotten the session (it expired): the form goes on to the login that keeps it.
        scan.pages().dropCookie("QUICKSCAN_SESSION");
        Response posted = scan.pages().postFromPage(scan.path() + "/deel/visie", typed);
        assertEquals(307, posted.status(), posted::toString);
        assertEquals("/login/concept?terug=" + java.net.URLEncoder.encode(scan.path() + "/deel/visie", java.nio.charset.StandardCharsets.UTF_8),
                posted.location());
        Response login = scan.pages().postFromPage(posted.location(), typed);
        assertEquals(200, login.status(), login::toString);
        Document loginPage = login.html();
        assertTrue(loginPage.text().contains("Wat u invulde, is nog niet opgeslagen, maar ook niet verloren."), loginPage::text);
        assertEquals("Vastgesteld in de raad\nvan maart", loginPage.selectFirst("input[name=bewaard.comment." + key + "]").val());
        assertNull(loginPage.selectFirst("input[name=bewaard._csrf]"), "the old token is not kept");
        assertTrue(((List<?>) scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("answers")).isEmpty(), "nothing saved yet");

        // A wrong password keeps it too; then the login shows it, to be saved with the new session's token.
        Map<String, String> form = Browser.fieldsOf(loginPage.selectFirst("form[action=/login]"));
        form.put("email", scan.account().email());
        form.put("password", "verkeerd-wachtwoord-123");
        Response wrong = scan.pages().postFromPage("/login", form);
        assertEquals(401, wrong.status());
        form = Browser.fieldsOf(wrong.html().selectFirst("form[action=/login]"));
        assertEquals("3", form.get("bewaard.value." + key));
        form.put("email", scan.account().email());
        form.put("password", Fixtures.PASSWORD);
        Response loggedIn = scan.pages().postFromPage("/login", form);
        assertEquals(200, loggedIn.status(), loggedIn::toString);
        Element kept = loggedIn.html().selectFirst("form[action=" + scan.path() + "/deel/visie]");
        Map<String, String> again = Browser.fieldsOf(kept);
        assertEquals(scan.pages().csrfToken(), again.get("_csrf"), "the new session's token");
        assertEquals("Vastgesteld in de raad\nvan maart", again.get("comment." + key));
        Response saved = scan.pages().postFromPage(scan.path() + "/deel/visie", again);
        assertEquals(303, saved.status(), saved::toString);
        assertEquals(scan.path() + "/deel/samenwerking", saved.location(), "and on, as the button said");
        Map<?, ?> answer = (Map<?, ?>) ((List<?>) scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("answers")).get(0);
        assertEquals("3", answer.get("value"));
        assertEquals("Vastgesteld in de raad\nvan maart", answer.get("comment"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aFormPostedAfterTheSessionWasEndedElsewhereIsKeptToo(TestApp app) {
        Fresh scan = fresh(app, "GM0047");
        String session = scan.pages().cookie("QUICKSCAN_SESSION");
        Browser elsewhere = app.browser();
        elsewhere.setCookie("QUICKSCAN_SESSION", session);
        assertEquals(303, elsewhere.post("/logout").status());

        Response posted = scan.pages().postFromPage(scan.path() + "/deel/visie?controle=1",
                Map.of("_csrf", "oud", "value.visie-gedeelde-visie", "2", "version.visie-gedeelde-visie", "0"));
        assertEquals(307, posted.status(), posted::toString);
        assertTrue(posted.location().endsWith("&verlopen=1"), posted.location());
        assertTrue(posted.setCookies().stream().anyMatch(c -> c.startsWith("QUICKSCAN_SESSION=;")), "the ended session is cleared");
        Response login = scan.pages().postFromPage(posted.location(),
                Map.of("_csrf", "oud", "value.visie-gedeelde-visie", "2", "version.visie-gedeelde-visie", "0"));
        assertTrue(login.html().text().contains("Uw sessie is verlopen of beëindigd."));
        assertEquals(scan.path() + "/deel/visie?controle=1", login.html().selectFirst("input[name=terug]").val());
        assertEquals("2", login.html().selectFirst("input[name=bewaard.value.visie-gedeelde-visie]").val());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aSubmitAfterTheSessionEndedIsKeptThroughTheLoginToo(TestApp app) {
        Survey survey = survey(app);
        Fresh scan = fresh(app, "GM1969");
        survey.questions().forEach(q -> Scans.answer(scan.api(), scan.scanId(), q.key(), "1"));
        Map<String, String> form = Browser.fieldsOf(scan.pages().get(scan.path() + "/controleren").html()
                .selectFirst("form[action$=/indienen]"));
        scan.pages().dropCookie("QUICKSCAN_SESSION");
        Response posted = scan.pages().postFromPage(scan.path() + "/indienen", form);
        assertEquals(307, posted.status());
        Map<String, String> login = Browser.fieldsOf(scan.pages().postFromPage(posted.location(), form).html()
                .selectFirst("form[action=/login]"));
        assertEquals("1", login.get("bewaren"), "a form without fields of its own is kept too");
        login.put("email", scan.account().email());
        login.put("password", Fixtures.PASSWORD);
        Element kept = scan.pages().postFromPage("/login", login).html().selectFirst("form[action=" + scan.path() + "/indienen]");
        assertEquals("IN_PROGRESS", scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("status"), "not before the user says so");
        assertEquals(scan.path() + "/ingediend", scan.pages().postFromPage(scan.path() + "/indienen", Browser.fieldsOf(kept)).location());
        assertEquals("SUBMITTED", scan.api().get("/api/v1/scans/" + scan.scanId()).json().get("status"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theLoginThatKeepsAFormTakesItOnlyFromThisSite(TestApp app) {
        Browser anonymous = app.browser();
        anonymous.get("/login");
        Map<String, String> planted = Map.of("value.visie-gedeelde-visie", "0", "password", "geheim");
        assertEquals(403, anonymous.postWithoutToken("/login/concept?terug=/scans/1/deel/visie", "value.visie-gedeelde-visie", "0").status(),
                "no sign that this site posted it");
        Response fromThisSite = anonymous.postFromPage("/login/concept?terug=/scans/1/deel/visie", planted);
        assertEquals(200, fromThisSite.status());
        assertNull(fromThisSite.html().selectFirst("input[name=bewaard.password]"), "a password is never kept");
        assertEquals("/", anonymous.postFromPage("/login/concept?terug=https://elders.example/x", planted).html()
                .selectFirst("input[name=terug]").val(), "only a path on this site");
        Response crossSite = app.browser().postWithoutToken("/login/concept", "value.x", "1");
        assertEquals(403, crossSite.status());
        // A page's own form from another site, sent on by the 307, is refused there as well.
        Response otherSite = rawPost(app, "/login/concept?terug=/scans/1/deel/visie", Map.of("Origin", "https://elders.example",
                "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, otherSite.status());
    }

    /** Posts a step page's form as it is shown, with the button {@code action} pressed. */
    private static Response press(Fresh scan, String page, String action) {
        Map<String, String> fields = Browser.fieldsOf(scan.pages().get(scan.path() + page).html().selectFirst("form.scan-form"));
        fields.put("action", action);
        return scan.pages().postFromPage(scan.path() + page.replaceAll("\\?.*$", ""), fields);
    }

    private static Response rawPost(TestApp app, String path, Map<String, String> headers) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("value.x=1"));
        headers.forEach(request::header);
        return Response.send(java.net.http.HttpClient.newHttpClient(), request.build());
    }

    /** The fields of a form that answers every statement of one theme with the value, as the page posts it. */
    private static String[] fieldsFor(Survey.Bouwsteen bouwsteen, String theme, String value) {
        List<String> fields = new java.util.ArrayList<>(List.of("action", "opslaan"));
        bouwsteen.questions().stream().filter(q -> theme.equals(q.theme())).forEach(q -> fields.addAll(List.of(
                "value." + q.key(), value, "version." + q.key(), "0")));
        return fields.toArray(String[]::new);
    }
}
