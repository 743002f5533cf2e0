package nl.quickscan.demo;

import io.micronaut.transaction.TransactionOperations;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.support.Api;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's measurements: regio Groningen's nulmeting on survey v1 and herhaling on v2, with the regio part, and
 * the comparison across the versions that an adviser then sees; written once.
 */
class DemoDataTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSettings(Map.of("quickscan.demo-measurements", true));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static List<Meetronde> groningenRounds() {
        long groningen = app.bean(RegioRepository.class).findByName("Groningen").orElseThrow().id();
        return app.bean(RoundRepository.class).listVisible(TenantScope.platform()).stream()
                .filter(round -> round.regioId() == groningen).toList();
    }

    @Test
    void groningenHasANulmetingOnV1AndAHerhalingOnV2WithTheRegioPart() {
        List<Meetronde> rounds = groningenRounds();
        assertEquals(2, rounds.size(), rounds::toString);
        Meetronde nulmeting = rounds.stream().filter(round -> round.kind() == Meetronde.Kind.NULMETING).findFirst().orElseThrow();
        Meetronde herhaling = rounds.stream().filter(round -> round.kind() == Meetronde.Kind.HERHALING).findFirst().orElseThrow();
        assertEquals(1, nulmeting.surveyVersion());
        assertEquals(2, herhaling.surveyVersion());
        assertEquals(nulmeting.id(), herhaling.baselineRoundId());
        LocalDate today = LocalDate.now(nl.quickscan.time.Clocks.ZONE);
        assertTrue(nulmeting.closes().isBefore(today), "the nulmeting has closed, so its shared figures show");
        assertTrue(!herhaling.opens().isAfter(today) && herhaling.closes().isAfter(today), "the herhaling is open");

        ScanRepository scans = app.bean(ScanRepository.class);
        Map<String, Long> nulmetingStatus = scans.listVisibleOfRound(TenantScope.platform(), nulmeting.id()).stream()
                .collect(Collectors.groupingBy(row -> row.status().name(), Collectors.counting()));
        assertEquals(Map.of("SUBMITTED", 9L), nulmetingStatus);
        Map<String, Long> herhalingStatus = scans.listVisibleOfRound(TenantScope.platform(), herhaling.id()).stream()
                .collect(Collectors.groupingBy(row -> row.status().name(), Collectors.counting()));
        assertEquals(Map.of("SUBMITTED", 6L, "IN_PROGRESS", 3L), herhalingStatus, "one gemeente has not started");
        assertTrue(scans.findRegioPartOfRound(herhaling.id()).isPresent(), "the regio part exists");
    }

    @Test
    void anAdviserComparesTheHerhalingOnV2WithTheNulmetingOnV1() {
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Meetronde herhaling = groningenRounds().stream().filter(round -> round.kind() == Meetronde.Kind.HERHALING)
                .findFirst().orElseThrow();
        Map<String, Object> scan = adviser.get("/api/v1/scans").jsonList().stream()
                .filter(s -> ((Number) s.get("roundId")).longValue() == herhaling.id()).findFirst().orElseThrow();
        assertEquals("SUBMITTED", scan.get("status"));
        long id = ((Number) scan.get("id")).longValue();

        Response detail = adviser.get("/api/v1/scans/" + id);
        assertEquals(200, detail.status(), detail::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) detail.json().get("answers");
        assertTrue(answers.stream().filter(answer -> "REGIO".equals(answer.get("answeredBy"))).count() >= 36,
                "the regio's 36 statements answered, shown in the gemeente's scan");
        assertTrue(answers.stream().anyMatch(answer -> "GEMEENTE".equals(answer.get("answeredBy"))));

        Response comparison = adviser.get("/api/v1/scans/" + id + "/comparison");
        assertEquals(200, comparison.status(), comparison::toString);
        assertNotNull(comparison.json().get("totalDifference"), "both totals are known");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) comparison.json().get("questions");
        Map<Object, Long> directions = questions.stream().collect(Collectors.groupingBy(q -> q.get("direction"), Collectors.counting()));
        assertTrue(directions.getOrDefault("NEW", 0L) > 0, "v2 asks statements v1 did not: " + directions);
        assertTrue(directions.getOrDefault("DROPPED", 0L) > 0, "v1 asked statements v2 dropped: " + directions);
        assertTrue(questions.stream().anyMatch(q -> q.get("beforeKey") != null && !q.get("beforeKey").equals(q.get("key"))
                        && q.get("before") != null && q.get("after") != null),
                "a v2 statement that replaces a v1 statement is compared with its answer");
        assertTrue(directions.getOrDefault("IMPROVED", 0L) + directions.getOrDefault("DECLINED", 0L)
                + directions.getOrDefault("UNCHANGED", 0L) > 20, "most statements continue: " + directions);

        Response page = app.browser().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/scans/" + id + "/vergelijking");
        assertEquals(200, page.status());
        assertFalse(page.html().select("table").isEmpty(), "the comparison page has its tables");
    }

    @Test
    void theCoordinatorSeesTheRegioPartCompleteWithoutItsOptionalLists() {
        Meetronde herhaling = groningenRounds().stream().filter(round -> round.kind() == Meetronde.Kind.HERHALING)
                .findFirst().orElseThrow();
        Response page = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/rondes/" + herhaling.id());
        assertEquals(200, page.status());
        String text = page.html().text();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) van (\\d+) stellingen zijn beantwoord").matcher(text);
        assertTrue(count.find(), text);
        assertEquals(count.group(2), count.group(1), "every regio statement answered; an empty follow-up list is not open");
        assertTrue(Integer.parseInt(count.group(2)) >= 36);
        assertTrue(text.contains("6 van 10 gemeenten hebben ingediend"), text);
    }

    @Test
    void anActionFromAPartlyMetStatementSuggestsTheNextStep() {
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        Meetronde herhaling = groningenRounds().stream().filter(round -> round.kind() == Meetronde.Kind.HERHALING)
                .findFirst().orElseThrow();
        long id = adviser.get("/api/v1/scans").jsonList().stream()
                .filter(s -> ((Number) s.get("roundId")).longValue() == herhaling.id())
                .map(s -> ((Number) s.get("id")).longValue()).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) adviser.get("/api/v1/scans/" + id).json().get("answers");
        Map<String, String> values = answers.stream().filter(answer -> answer.get("value") != null)
                .collect(Collectors.toMap(answer -> (String) answer.get("questionKey"), answer -> (String) answer.get("value")));
        Survey v2 = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 2).orElseThrow();
        Survey.Question partly = v2.questions().filter(q -> q.recommendationNext() != null && q.scope() == Survey.Scope.GEMEENTE)
                .filter(q -> List.of("1", "2").contains(values.get(q.key()))).findFirst().orElseThrow();
        Survey.Question none = v2.questions().filter(q -> q.recommendationNext() != null)
                .filter(q -> List.of("0", "NEE", "WEET_NIET").contains(values.get(q.key()))).findFirst().orElseThrow();

        nl.quickscan.support.Browser browser = app.browser().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(partly.recommendationNext(), browser.get("/verbeterplan/nieuw?scan=" + id + "&vraag=" + partly.key())
                .html().getElementById("description").text(), "partly met: the next step");
        assertEquals(none.recommendation(), browser.get("/verbeterplan/nieuw?scan=" + id + "&vraag=" + none.key())
                .html().getElementById("description").text(), "not yet, or not known: the one to start with");
    }

    @Test
    void theMeasurementsAreWrittenOnce() {
        DemoMeasurements measurements = app.bean(DemoMeasurements.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = app.bean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            measurements.writeUnlessPresent();
            return null;
        });
        assertEquals(2, groningenRounds().size(), "a restart adds nothing");
    }
}
