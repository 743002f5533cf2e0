package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PageForms;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step's page post saves its changed answers in one transaction: every answer has its own outcome (a refused
 * one does not hold back the others), and what is acknowledged is stored with its history and audit rows.
 */
class StepSaveTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final Survey SURVEY = SurveyCatalog.load("").stream()
            .filter(survey -> survey.id().equals("quickscan-seksueel-geweld") && survey.version() == 1).findFirst().orElseThrow();

    @ParameterizedTest
    @MethodSource(APPS)
    void everyChangedAnswerOfTheStepIsStoredWithItsHistoryAndAuditRow(TestApp app) {
        Adviser adviser = Adviser.withScan(app, "coordinator.drenthe@quickscan.test", "GM0106");
        String path = adviser.part("borging");
        List<Survey.Question> questions = PartNavigation.questions(SURVEY, "borging");

        Map<String, String> fields = PageForms.fields(adviser.pages().get(path).html(), "form.scan-form");
        questions.forEach(q -> fields.putAll(Map.of("value." + q.key(), "2", "comment." + q.key(), "Stap " + q.key())));
        fields.put("action", "volgende");
        Response saved = adviser.pages().post(path, fields);
        assertEquals(303, saved.status(), saved::toString);
        assertTrue(saved.location().endsWith("/scans/" + adviser.scanId() + "/deel/aanpak/algemeen"), saved.location());

        Map<String, Map<?, ?>> stored = answers(adviser.api(), adviser.scanId());
        assertEquals(questions.size(), stored.size());
        questions.forEach(q -> {
            assertEquals("2", stored.get(q.key()).get("value"), q.key());
            assertEquals(1, ((Number) stored.get(q.key()).get("version")).intValue(), q.key());
        });
        List<AuditEntry> audit = app.bean(AuditLog.class).latest(500).stream()
                .filter(e -> e.action().equals("ANSWER_SAVED") && e.subject().startsWith("Scan " + adviser.scanId() + ", ")).toList();
        assertEquals(questions.size(), audit.size(), "one audit row per answer");
        // In the words of the page: the question's text, the answers' labels ("niet beantwoord → Deels / in uitvoering").
        Map<String, String> expected = questions.stream().collect(Collectors.toMap(
                q -> "Scan " + adviser.scanId() + ", vraag " + q.key() + ": " + q.text(),
                q -> "Versie 1: " + Survey.NOT_ANSWERED + " → " + q.answerLabel("2")));
        assertTrue(audit.stream().allMatch(e -> Objects.equals(e.actorId(), adviser.account().id()) && e.gemeenteId() != null
                && expected.get(e.subject()) != null && expected.get(e.subject()).equals(e.details())), audit::toString);
        assertTrue(expected.values().stream().noneMatch(details -> details.endsWith("→ 2")), "a label, not the code");
        Document log = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/beheer/audit?groep=antwoorden&wie=" + adviser.account().email()).html();
        assertEquals(questions.size(), log.select("tbody tr").size(), log::outerHtml);
        Survey.Question first = questions.get(0);
        assertTrue(log.select("tbody tr").stream().anyMatch(row -> row.text().contains("Antwoord opgeslagen")
                && row.text().contains(first.text()) && row.text().contains(first.answerLabel("2"))
                && row.text().contains("Assen")), log::outerHtml);
        Document page = adviser.pages().get(path).html();
        questions.forEach(q -> assertEquals("Geschiedenis (1 wijziging)", page.selectFirst("#" + q.key() + " .question__history summary").text()));

        // Posting the same page again changes nothing: no new versions, no audit rows.
        Map<String, String> again = PageForms.fields(page, "form.scan-form");
        assertEquals(303, adviser.pages().post(path, again).status());
        assertTrue(answers(adviser.api(), adviser.scanId()).values().stream().allMatch(a -> ((Number) a.get("version")).intValue() == 1));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aRefusedAnswerStaysInTheFormWhileTheOthersAreStoredInDutchNotation(TestApp app) {
        Adviser adviser = Adviser.withScan(app, "coordinator.drenthe@quickscan.test", "GM0106");
        String path = adviser.part("kengetallen");

        Map<String, String> fields = PageForms.fields(adviser.pages().get(path).html(), "form.scan-form");
        fields.putAll(Map.of("value.kengetal-inwoners", "230.000", "value.kengetal-fte-gemeente", "0,4",
                "value.kengetal-budget", "€ 25.000", "value.kengetal-meldingen-veilig-thuis", "1,234,567", "action", "volgende"));
        Response refused = adviser.pages().post(path, fields);
        assertEquals(422, refused.status(), refused::toString);
        Document shown = refused.html();
        assertEquals("1,234,567", shown.selectFirst("#value-kengetal-meldingen-veilig-thuis").val(), "kept as typed");
        assertEquals("Schrijf het getal op zijn Nederlands: een punt tussen de duizendtallen en een komma voor de decimalen, "
                + "zoals 1.234.567 of 3,5.", shown.selectFirst("#error-kengetal-meldingen-veilig-thuis").text());
        Map<String, Map<?, ?>> stored = answers(adviser.api(), adviser.scanId());
        assertEquals("230000", stored.get("kengetal-inwoners").get("value"), "the others are stored, as numbers");
        assertEquals("0.4", stored.get("kengetal-fte-gemeente").get("value"));
        assertEquals("25000", stored.get("kengetal-budget").get("value"));
        assertTrue(!stored.containsKey("kengetal-meldingen-veilig-thuis"));
        // ... and shown back in Dutch notation, in the form and in the history.
        assertEquals("230.000", shown.selectFirst("#value-kengetal-inwoners").val());
        assertEquals("0,4", shown.selectFirst("#value-kengetal-fte-gemeente").val());
        assertEquals("25.000", shown.selectFirst("#value-kengetal-budget").val());
        assertEquals("1", shown.selectFirst("input[name=version.kengetal-inwoners]").val(), "based on the stored version now");

        Map<String, String> fixed = PageForms.fields(shown, "form.scan-form");
        fixed.put("value.kengetal-meldingen-veilig-thuis", "1.234");
        Response saved = adviser.pages().post(path, fixed);
        assertEquals(303, saved.status(), saved::toString);
        Map<String, Map<?, ?>> after = answers(adviser.api(), adviser.scanId());
        assertEquals("1234", after.get("kengetal-meldingen-veilig-thuis").get("value"), "a point before three digits is a thousands point");
        assertEquals(1, ((Number) after.get("kengetal-inwoners").get("version")).intValue(), "230.000 is what is stored: unchanged");
        Document page = adviser.pages().get(path).html();
        assertEquals("1.234", page.selectFirst("#value-kengetal-meldingen-veilig-thuis").val());
        assertTrue(page.selectFirst("#kengetal-inwoners .question__history").text().contains("(leeg) → 230.000"));
    }

    /**
     * Two colleagues post the same step at the same moment, for every step of three scans. With one lock per step,
     * one of them saves every answer and the other gets every answer back as a conflict; per answer saved apart, the
     * steps would interleave. (On H2 this also needs its result reuse off: see database/ConnectionSettings.)
     */
    @ParameterizedTest
    @MethodSource(APPS)
    void twoStepsPostedAtOnceNeverInterleave(TestApp app) throws Exception {
        Account first = Fixtures.adviseur(app, "GM0037");
        Account second = Fixtures.adviseur(app, "GM0037");
        Api api = app.api().login(first.email(), Fixtures.PASSWORD);
        List<Browser> browsers = List.of(app.browser().login(first.email(), Fixtures.PASSWORD),
                app.browser().login(second.email(), Fixtures.PASSWORD));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long scanId = 0;
        try {
            for (int race = 0; race < 3 * SURVEY.bouwstenen().size(); race++) {
                Survey.Bouwsteen bouwsteen = SURVEY.bouwstenen().get(race % SURVEY.bouwstenen().size());
                if (bouwsteen == SURVEY.bouwstenen().get(0)) {
                    scanId = Scans.start(api, Rounds.open(app, "coordinator.groningen@quickscan.test"));
                }
                String path = "/scans/" + scanId + "/deel/" + bouwsteen.key();
                List<Map<String, String>> forms = new ArrayList<>();
                for (int b = 0; b < 2; b++) {
                    // A bouwsteen split into its themes shows its first theme; the post saves the whole bouwsteen.
                    var shown = browsers.get(b).get(path);
                    Map<String, String> fields = PageForms.fields((shown.status() == 303
                            ? browsers.get(b).get(shown.location()) : shown).html(), "form.scan-form");
                    String author = "collega " + b;
                    bouwsteen.questions().forEach(q -> fields.putAll(Map.of("value." + q.key(), "1", "comment." + q.key(), author)));
                    forms.add(fields);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> posts = new ArrayList<>();
                for (int b = 0; b < 2; b++) {
                    int n = b;
                    posts.add(() -> {
                        start.await();
                        return browsers.get(n).post(path, forms.get(n)).status();
                    });
                }
                List<Future<Integer>> results = posts.stream().map(pool::submit).toList();
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertEquals(List.of(303, 409), statuses.stream().sorted().toList(), bouwsteen.key());
                Map<String, Map<?, ?>> stored = answers(api, scanId);
                Map<Object, Long> authors = bouwsteen.questions().stream()
                        .collect(Collectors.groupingBy(q -> stored.get(q.key()).get("comment"), Collectors.counting()));
                assertEquals(1, authors.size(), () -> bouwsteen.key() + ": one step saved whole, not mixed: " + authors);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Map<?, ?>> answers(Api api, long scanId) {
        Map<String, Map<?, ?>> byKey = new HashMap<>();
        ((List<?>) api.get("/api/v1/scans/" + scanId).json().get("answers")).forEach(a -> {
            Map<?, ?> answer = (Map<?, ?>) a;
            byKey.put((String) answer.get("questionKey"), answer);
        });
        assertNotNull(byKey);
        return byKey;
    }
}
