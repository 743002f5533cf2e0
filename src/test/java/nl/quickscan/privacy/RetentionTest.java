package nl.quickscan.privacy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.transaction.TransactionOperations;
import nl.quickscan.accounts.Account;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.Role;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Mailbox;
import nl.quickscan.support.MovableClock;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.DutchFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention job (issue 20) on apps of their own with a movable clock: a round whose period ends in 20 days is
 * announced to the regio's coordinators once (GreenMail) and deleted 30 days later with its scans, answers, history
 * and the actions made from it; a round of the same regio that closed later, a round not yet due, and the actions of
 * another round stay. Rounds are made open (the API refuses past dates), answered, then given past dates in the
 * database. On H2 and (when configured) on MariaDB; without SMTP on H2.
 */
class RetentionTest {

    private static final String APPS = "nl.quickscan.privacy.RetentionTest#apps";

    private static GreenMail smtp;
    private static final List<TestApp> APPS_WITH_SMTP = new ArrayList<>();

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> settings = new HashMap<>(Map.of(
                "quickscan.smtp.host", "127.0.0.1",
                "quickscan.smtp.port", smtp.getSmtp().getPort(),
                "quickscan.smtp.starttls", false,
                "quickscan.smtp.from", "quickscan@example.nl",
                "quickscan.base-url", "https://quickscan.bewaren.test"));
        settings.putAll(MovableClock.SETTING);
        APPS_WITH_SMTP.add(TestApp.withSettings(settings));
        TestApp.mysql().ifPresent(shared -> APPS_WITH_SMTP.add(TestApp.onMysqlWithSettings(settings)));
    }

    @AfterAll
    static void stop() {
        APPS_WITH_SMTP.forEach(TestApp::stop);
        smtp.stop();
    }

    @AfterEach
    void resetClocks() {
        APPS_WITH_SMTP.forEach(app -> app.bean(MovableClock.class).reset());
    }

    static Stream<TestApp> apps() {
        return APPS_WITH_SMTP.stream();
    }

    /** A regio's round with an answered scan of gemeente A (changed once) and an action made from it. */
    private record Answered(long round, long scan, long action) {
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aRoundIsAnnouncedOnceAndDeletedAfterItsPeriodWithNothingElse(TestApp app) throws Exception {
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        Account adviser = Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, regio.codes().get(0)), null);
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        RetentionRule rule = app.bean(Retention.class).rule();
        LocalDate today = LocalDate.now(app.bean(MovableClock.class));
        Answered due = answered(app, regio, api);
        Answered later = answered(app, regio, api);
        Answered notYet = answered(app, regio, api);
        Response herhaling = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), due.round(),
                today.minusDays(1), today.plusDays(30)));
        assertEquals(201, herhaling.status(), herhaling::toString);
        long herhalingId = ((Number) herhaling.json().get("id")).longValue();
        // Its period ends in 20 days; the next in 45 (not yet announced today); the last long after.
        backdate(app, due.round(), today.minusYears(rule.years()).plusDays(20));
        backdate(app, notYet.round(), today.minusYears(rule.years()).plusDays(45));
        backdate(app, later.round(), today.minusYears(rule.years()).plusDays(400));
        String roundName = app.bean(RoundRepository.class).findVisible(TenantScope.platform(), due.round()).orElseThrow().name();
        String subject = "Meetronde " + roundName + " wordt op " + DutchFormat.date(today.plusDays(30)) + " verwijderd";

        Retention retention = app.bean(Retention.class);
        retention.run();
        String mail = Mailbox.text(smtp, regio.coordinator().email(), subject, 1);
        assertTrue(mail.contains("Alle gegevens downloaden"), mail);
        assertTrue(mail.contains("https://quickscan.bewaren.test/"), mail);
        assertTrue(exists(app, due), "announced, not deleted");
        retention.run();
        assertEquals(1, Mailbox.to(smtp, regio.coordinator().email(), subject).size(), "once");

        MovableClock clock = app.bean(MovableClock.class);
        clock.move(Duration.ofDays(29));
        retention.run();
        assertTrue(exists(app, due), "not before the day");
        clock.move(Duration.ofDays(1));
        retention.run();
        assertFalse(exists(app, due), "deleted on the day");
        assertEquals(0, DeletionTest.count(app, "SELECT COUNT(*) FROM answer_change WHERE scan_id = ?", due.scan()));
        assertEquals(0, DeletionTest.count(app, "SELECT COUNT(*) FROM plan_action_note WHERE action_id = ?", due.action()));
        assertEquals(0, DeletionTest.count(app, "SELECT COUNT(*) FROM plan_action_change WHERE action_id = ?", due.action()));
        assertTrue(exists(app, later) && exists(app, notYet), "nothing else");
        assertTrue(app.bean(RoundRepository.class).findVisible(TenantScope.platform(), herhalingId).orElseThrow()
                .baselineRoundId() == null, "the herhaling stays, without its nulmeting");
        assertTrue(app.bean(AuditLog.class).latest(200).stream().anyMatch(e -> e.action().equals("ROUND_RETENTION_DELETED")
                && e.subject().equals("meetronde " + roundName) && e.details().contains("1 scan, 2 antwoorden")));
        assertTrue(app.bean(AuditLog.class).latest(200).stream().anyMatch(e -> e.action().equals("ROUND_RETENTION_ANNOUNCED")
                && e.subject().equals("meetronde " + roundName)));
    }

    /** Without a mail server the notice is only logged, and the round is deleted on the same day. */
    @Test
    void withoutAMailServerTheRoundIsStillDeletedOnTime() {
        TestApp app = TestApp.withSettings(MovableClock.SETTING);
        try {
            Fixtures.Regio regio = Fixtures.regio(app, 1);
            Account adviser = Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, regio.codes().get(0)), null);
            Answered due = answered(app, regio, app.api().login(adviser.email(), Fixtures.PASSWORD));
            MovableClock clock = app.bean(MovableClock.class);
            LocalDate today = LocalDate.now(clock);
            backdate(app, due.round(), today.minusYears(5).plusDays(30));
            Retention retention = app.bean(Retention.class);
            assertEquals(new Retention.Outcome(1, 0), retention.run());
            assertTrue(app.bean(AuditLog.class).latest(50).stream().anyMatch(e -> e.action().equals("ROUND_RETENTION_ANNOUNCED")
                    && e.details().contains("geen e-mailserver ingesteld")));
            clock.move(Duration.ofDays(30));
            assertEquals(new Retention.Outcome(0, 1), retention.run());
            assertFalse(exists(app, due));
        } finally {
            app.stop();
        }
    }

    private static Answered answered(TestApp app, Fixtures.Regio regio, Api adviser) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Survey.Question question = survey.questions().toList().get(0);
        LocalDate today = LocalDate.now(app.bean(java.time.Clock.class));
        long round = regio.openRound(app, today.minusDays(1), today.plusDays(30));
        long scan = Scans.start(adviser, round);
        Scans.answer(adviser, scan, question.key(), question.options().get(0).value());
        Response changed = adviser.send("PUT", "/api/v1/scans/" + scan + "/answers/" + question.key(), "application/json",
                "{\"value\": \"" + question.options().get(1).value() + "\", \"version\": 1}", Map.of());
        assertEquals(200, changed.status(), changed::toString);
        Scans.answer(adviser, scan, survey.questions().toList().get(1).key(), question.options().get(0).value());
        Response action = adviser.postJson("/api/v1/gemeenten/" + regio.codes().get(0) + "/actions", """
                {"title": "Actie", "questionKeys": ["%s"], "sourceScanId": %d}""".formatted(question.key(), scan));
        assertEquals(201, action.status(), action::toString);
        long actionId = ((Number) action.json().get("id")).longValue();
        assertEquals(201, adviser.postJson("/api/v1/actions/" + actionId + "/notes", "{\"text\": \"Notitie\"}").status());
        return new Answered(round, scan, actionId);
    }

    /** Gives the round dates in the past: open for a month until {@code closes}. */
    private static void backdate(TestApp app, long roundId, LocalDate closes) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (var update = status.getConnection().prepareStatement("UPDATE meetronde SET opens = ?, closes = ? WHERE id = ?")) {
                update.setDate(1, java.sql.Date.valueOf(closes.minusMonths(1)));
                update.setDate(2, java.sql.Date.valueOf(closes));
                update.setLong(3, roundId);
                return update.executeUpdate();
            }
        });
    }

    /** Whether the round, its scan, its answers and the action made from it are all still there. */
    private static boolean exists(TestApp app, Answered answered) {
        long rounds = DeletionTest.count(app, "SELECT COUNT(*) FROM meetronde WHERE id = ?", answered.round());
        long scans = DeletionTest.count(app, "SELECT COUNT(*) FROM scan WHERE id = ?", answered.scan());
        long answers = DeletionTest.count(app, "SELECT COUNT(*) FROM answer WHERE scan_id = ?", answered.scan());
        long actions = DeletionTest.count(app, "SELECT COUNT(*) FROM plan_action WHERE id = ?", answered.action());
        if (rounds == 1 && scans == 1 && answers == 2 && actions == 1) {
            return true;
        }
        assertEquals(0, rounds + scans + answers + actions, "all or nothing");
        return false;
    }
}
