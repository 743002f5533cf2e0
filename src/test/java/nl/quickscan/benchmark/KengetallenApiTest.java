package nl.quickscan.benchmark;

import nl.quickscan.accounts.Account;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kengetallen in context: the gemeenten's inhabitants, the benchmark's kengetallen per 10,000 and the beheerder's edit. */
class KengetallenApiTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String BEHEERDER = "beheerder@quickscan.test";
    private static final String MELDINGEN = "kengetal-meldingen-veilig-thuis";
    private static final String FTE = "kengetal-fte-gemeente";

    /** A regio of this test's own with four gemeenten made on the beheerder's form; the codes in order A, B, C, D, E. */
    private record Regio(long id, List<String> codes, Account coordinator) {
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBenchmarkShowsEachSubmittedKengetalPerTenThousandInhabitantsWithTheRegiosMedians(TestApp app) {
        // A: 20,000 inhabitants, B: 50,000, C: unknown, D: 12,500, E: 40,000 (scan not submitted).
        Regio regio = regio(app, "20000", "50000", "", "12.500", "40000");
        long roundId = openRound(app, regio.coordinator());
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        // Meldingen: A 30, B 10, C 8, D none, E 100 (busy, not counted).
        // Per 10,000: A 30 × 10,000 / 20,000 = 15, B 10 × 10,000 / 50,000 = 2, C none (inhabitants unknown), D none.
        // Median of 8, 10, 30 (odd n) = 10; of the per-10,000 figures 2 and 15 (even n) = 8.5.
        // Fte: A 0.5 → 0.25 per 10,000, B 1.5 → 0.3; medians (0.5 + 1.5) / 2 = 1 and (0.25 + 0.3) / 2 = 0.275.
        submit(app, survey, roundId, regio.codes().get(0), Map.of(MELDINGEN, "30", FTE, "0.5"));
        submit(app, survey, roundId, regio.codes().get(1), Map.of(MELDINGEN, "10", FTE, "1.5"));
        submit(app, survey, roundId, regio.codes().get(2), Map.of(MELDINGEN, "8"));
        submit(app, survey, roundId, regio.codes().get(3), Map.of());
        Api busy = app.api().login(Fixtures.adviseur(app, regio.codes().get(4)).email(), Fixtures.PASSWORD);
        Scans.answer(busy, Scans.start(busy, roundId), MELDINGEN, "100");

        Api coordinator = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Map<String, Object> benchmark = coordinator.get("/api/v1/rounds/" + roundId + "/benchmark").json();
        List<?> kengetallen = (List<?>) benchmark.get("kengetallen");
        assertEquals(survey.kengetallen().stream().map(Survey.Question::key).toList(),
                kengetallen.stream().map(k -> ((Map<?, ?>) k).get("key")).toList());
        Map<?, ?> meldingen = kengetal(kengetallen, MELDINGEN);
        Survey.Question question = survey.kengetallen().stream().filter(q -> q.key().equals(MELDINGEN)).findFirst().orElseThrow();
        assertEquals(question.text(), meldingen.get("title"));
        assertEquals("meldingen per jaar", meldingen.get("unit"));
        List<?> perGemeente = (List<?>) meldingen.get("gemeenten");
        assertEquals(regio.codes().subList(0, 4), perGemeente.stream().map(g -> ((Map<?, ?>) g).get("cbsCode")).toList(),
                "submitted scans only");
        assertEquals(Arrays.asList(30.0, 10.0, 8.0, null), numbers(perGemeente, "value"));
        assertEquals(Arrays.asList(15.0, 2.0, null, null), numbers(perGemeente, "per10000"));
        assertEquals(10.0, ((Number) meldingen.get("median")).doubleValue(), 1e-9);
        assertEquals(8.5, ((Number) meldingen.get("medianPer10000")).doubleValue(), 1e-9);
        Map<?, ?> fte = kengetal(kengetallen, FTE);
        assertEquals(Arrays.asList(0.5, 1.5, null, null), numbers((List<?>) fte.get("gemeenten"), "value"));
        assertEquals(0.25, numbers((List<?>) fte.get("gemeenten"), "per10000").get(0), 1e-9);
        assertEquals(0.3, numbers((List<?>) fte.get("gemeenten"), "per10000").get(1), 1e-9);
        assertEquals(1.0, ((Number) fte.get("median")).doubleValue(), 1e-9);
        assertEquals(0.275, ((Number) fte.get("medianPer10000")).doubleValue(), 1e-9);
        Map<?, ?> budget = kengetal(kengetallen, "kengetal-budget");
        assertNull(budget.get("median"), "nobody gave a budget");
        assertNull(budget.get("medianPer10000"));
        assertTrue(((List<?>) benchmark.get("bouwstenen")).stream()
                .allMatch(b -> ((Number) ((Map<?, ?>) b).get("n")).intValue() == 4), "the scores are as before");

        Map<String, Object> gemeenteA = coordinator.get("/api/v1/gemeenten/" + regio.codes().get(0)).json();
        assertEquals(20000, ((Number) gemeenteA.get("inhabitants")).intValue());
        assertEquals(2024, ((Number) gemeenteA.get("inhabitantsYear")).intValue());
        Map<String, Object> gemeenteC = coordinator.get("/api/v1/gemeenten/" + regio.codes().get(2)).json();
        assertTrue(gemeenteC.containsKey("inhabitants") && gemeenteC.get("inhabitants") == null, gemeenteC::toString);
        assertTrue(gemeenteC.containsKey("inhabitantsYear") && gemeenteC.get("inhabitantsYear") == null);

        Document page = app.browser().login(regio.coordinator().email(), Fixtures.PASSWORD).get("/rondes/" + roundId).html();
        Element table = page.selectFirst("h2:contains(Kengetallen) ~ .table-region table:has(caption:contains(Veilig Thuis))");
        assertEquals(question.text(), table.selectFirst("caption").text());
        assertEquals(List.of("Gemeente", "Waarde (meldingen per jaar)", "Per 10.000 inwoners"), table.select("thead th").eachText());
        List<String> rows = table.select("tbody tr").eachText();
        assertEquals(List.of("Gemeente " + regio.codes().get(0) + " 30 15", "Gemeente " + regio.codes().get(1) + " 10 2",
                "Gemeente " + regio.codes().get(2) + " 8 –", "Gemeente " + regio.codes().get(3) + " – –",
                "Mediaan van de regio 10 8,5"), rows);
        Element fteTable = page.selectFirst(".table-region table:has(caption:contains(Formatie))");
        assertEquals("Mediaan van de regio 1 0,3", fteTable.select("tbody tr").last().text(), "0,275 rounded to one decimal");

        Api otherCoordinator = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, otherCoordinator.get("/api/v1/rounds/" + roundId + "/benchmark").status());
        assertEquals(404, app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/rondes/" + roundId).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aFreshRoundSaysThatTheKengetallenComeWithTheFirstSubmittedScan(TestApp app) {
        Regio regio = regio(app, "20000");
        long roundId = openRound(app, regio.coordinator());
        Document page = app.browser().login(regio.coordinator().email(), Fixtures.PASSWORD).get("/rondes/" + roundId).html();
        assertNull(page.selectFirst("h2:contains(Kengetallen)"), "no table of dashes");
        assertTrue(page.selectFirst("h2:contains(Status per gemeente) + p").text()
                .contains("de kengetallen en de rapporten verschijnen hier zodra de eerste gemeente de scan heeft ingediend"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBeheerderEditsTheInhabitantsAndABadValueChangesNothing(TestApp app) {
        Regio regio = regio(app, "20000");
        String code = regio.codes().get(0);
        GemeenteRow gemeente = row(app, code);
        Browser beheerder = app.browser().login(BEHEERDER, TestApp.DEMO_PASSWORD);
        String path = "/beheer/gemeenten/" + gemeente.id();
        Document form = beheerder.get(path).html();
        assertEquals("20000", form.selectFirst("input[name=inhabitants]").val());
        assertEquals("2024", form.selectFirst("input[name=inhabitantsYear]").val());

        int nextYear = LocalDate.now(app.bean(Clock.class)).getYear() + 1;
        String[][] refused = {
                {"0", "2024", "inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met 10.000.000, zoals 234950."},
                {"10000001", "2024", "inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met 10.000.000, zoals 234950."},
                {"12,5", "2024", "inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met 10.000.000, zoals 234950."},
                {"-5", "2024", "inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met 10.000.000, zoals 234950."},
                {"veel", "2024", "inhabitants", "Het aantal inwoners is een heel getal van 1 tot en met 10.000.000, zoals 234950."},
                {"21000", "1899", "inhabitantsYear", "Het jaar is een jaartal van 1900 tot en met " + nextYear + "."},
                {"21000", String.valueOf(nextYear + 1), "inhabitantsYear", "Het jaar is een jaartal van 1900 tot en met " + nextYear + "."},
                {"21000", "twintig", "inhabitantsYear", "Het jaar is een jaartal van 1900 tot en met " + nextYear + "."},
                {"21000", "", "inhabitantsYear", "Vul het jaar van het aantal inwoners in, zoals " + (nextYear - 1) + "."},
                {"", "2025", "inhabitants", "Vul het aantal inwoners in, of maak ook het jaar leeg."},
        };
        long auditBefore = audited(app, code);
        for (String[] bad : refused) {
            Response response = beheerder.post(path, fields(gemeente, bad[0], bad[1]));
            assertEquals(422, response.status(), () -> String.join(" ", bad) + " " + response);
            Document page = response.html();
            assertEquals(bad[3], page.selectFirst("#" + bad[2] + "-error").text(), String.join(" ", bad));
            assertEquals(bad[0], page.selectFirst("input[name=inhabitants]").val(), "what was typed stays");
            assertTrue(page.selectFirst(".error-summary a[href=#" + bad[2] + "]") != null);
            assertEquals(20000, row(app, code).inhabitants(), "nothing changed: " + String.join(" ", bad));
            assertEquals(2024, row(app, code).inhabitantsYear());
        }
        assertEquals(auditBefore, audited(app, code), "a refused change is not audited");

        Response withoutToken = beheerder.postWithoutToken(path, "cbsCode", gemeente.cbsCode(), "name", gemeente.name(),
                "regio", String.valueOf(gemeente.regioId()), "inhabitants", "99000", "inhabitantsYear", "2025");
        assertEquals(403, withoutToken.status());
        assertEquals(20000, row(app, code).inhabitants());

        assertEquals(303, beheerder.post(path, fields(gemeente, "21.000", String.valueOf(nextYear))).status(),
                "thousands points as the CBS writes them; next year's first figure");
        assertEquals(21000, row(app, code).inhabitants());
        assertEquals(nextYear, row(app, code).inhabitantsYear());
        assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("GEMEENTE_UPDATED")
                && e.details().contains("20.000 inwoners (2024)") && e.details().contains("21.000 inwoners (" + nextYear + ")")));
        Map<String, Object> json = app.api().login(BEHEERDER, TestApp.DEMO_PASSWORD).get("/api/v1/gemeenten/" + code).json();
        assertEquals(21000, ((Number) json.get("inhabitants")).intValue());

        assertEquals(303, beheerder.post(path, fields(gemeente, " ", "")).status(), "unknown again: both empty");
        assertNull(row(app, code).inhabitants());
        assertNull(row(app, code).inhabitantsYear());
    }

    /** The regio, a coordinator of it and its gemeenten, made as the beheerder does, with these inhabitants (2024). */
    private static Regio regio(TestApp app, String... inhabitants) {
        Browser beheerder = app.browser().login(BEHEERDER, TestApp.DEMO_PASSWORD);
        String name = "Regio kengetallen " + System.nanoTime();
        assertEquals(303, beheerder.post("/beheer/regios", "name", name).status());
        long regioId = app.bean(RegioRepository.class).findByName(name).orElseThrow().id();
        // In the order of their names, as the benchmark lists them.
        List<String> codes = new ArrayList<>();
        while (codes.size() < inhabitants.length) {
            String code = unusedCode(app);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        codes.sort(null);
        for (int i = 0; i < inhabitants.length; i++) {
            String code = codes.get(i);
            String count = inhabitants[i];
            Response created = beheerder.post("/beheer/gemeenten", "cbsCode", code, "name", "Gemeente " + code,
                    "regio", String.valueOf(regioId), "inhabitants", count, "inhabitantsYear", count.isEmpty() ? "" : "2024");
            assertEquals(303, created.status(), created::toString);
        }
        return new Regio(regioId, codes, Fixtures.create(app, Role.COORDINATOR, null, regioId));
    }

    /** A free code of GM7000 to GM7999: the demo uses real codes, the synthetic data GM9000 and up. */
    private static String unusedCode(TestApp app) {
        GemeenteRepository gemeenten = app.bean(GemeenteRepository.class);
        while (true) {
            String code = "GM7" + (100 + ThreadLocalRandom.current().nextInt(900));
            if (gemeenten.findByCbsCode(code).isEmpty()) {
                return code;
            }
        }
    }

    private static long openRound(TestApp app, Account coordinator) {
        Response created = app.api().login(coordinator.email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Nulmeting %s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)));
        assertEquals(201, created.status(), created::toString);
        return ((Number) created.json().get("id")).longValue();
    }

    /** A new adviser answers every statement "2", the given kengetallen, and submits. */
    private static void submit(TestApp app, Survey survey, long roundId, String cbsCode, Map<String, String> kengetallen) {
        Api adviser = app.api().login(Fixtures.adviseur(app, cbsCode).email(), Fixtures.PASSWORD);
        long scanId = Scans.start(adviser, roundId);
        survey.questions().forEach(question -> Scans.answer(adviser, scanId, question.key(), "2"));
        kengetallen.forEach((key, value) -> Scans.answer(adviser, scanId, key, value));
        Response submitted = adviser.postJson("/api/v1/scans/" + scanId + "/submit", "");
        assertEquals(200, submitted.status(), submitted::toString);
    }

    private static Map<String, String> fields(GemeenteRow gemeente, String inhabitants, String year) {
        return Map.of("cbsCode", gemeente.cbsCode(), "name", gemeente.name(), "regio", String.valueOf(gemeente.regioId()),
                "inhabitants", inhabitants, "inhabitantsYear", year);
    }

    private static GemeenteRow row(TestApp app, String code) {
        return app.bean(GemeenteRepository.class).findVisibleByCbsCode(TenantScope.platform(), code).orElseThrow();
    }

    private static long audited(TestApp app, String code) {
        return app.bean(AuditLog.class).latest(500).stream().filter(e -> e.action().equals("GEMEENTE_UPDATED")
                && e.subject().equals("gemeente Gemeente " + code)).count();
    }

    private static Map<?, ?> kengetal(List<?> kengetallen, String key) {
        return kengetallen.stream().map(k -> (Map<?, ?>) k).filter(k -> k.get("key").equals(key)).findFirst().orElseThrow();
    }

    private static List<Double> numbers(List<?> gemeenten, String field) {
        return gemeenten.stream().map(g -> (Number) ((Map<?, ?>) g).get(field))
                .map(n -> n == null ? null : n.doubleValue()).toList();
    }
}
