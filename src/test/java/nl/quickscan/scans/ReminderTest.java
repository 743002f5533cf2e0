package nl.quickscan.scans;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import nl.quickscan.accounts.Account;
import nl.quickscan.identity.Role;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.MovableClock;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.text.DutchFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders received by a real SMTP server (GreenMail): only the advisers of the gemeenten of the round's regio that
 * have not submitted, once per click, the automatic one on its day; and the e-mail after a reopened scan. On an app
 * of its own with SMTP and a movable clock, on H2 and (when configured) on MariaDB/MySQL.
 */
class ReminderTest {

    private static final String APPS = "nl.quickscan.scans.ReminderTest#apps";
    private static final String BASE_URL = "https://quickscan.herinnering.test";
    // Codes no real or synthetic gemeente has (those are GM and four digits).
    private static final AtomicInteger CBS = new AtomicInteger(1000);

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
                "quickscan.base-url", BASE_URL));
        settings.putAll(MovableClock.SETTING);
        APPS_WITH_SMTP.add(TestApp.withSettings(settings));
        // The shared MariaDB app has migrated the schema; this second instance on it has SMTP.
        TestApp.mysql().ifPresent(shared -> TestApp.MySqlSettings.configured().ifPresent(mysql -> {
            Map<String, Object> onMysql = new HashMap<>(settings);
            onMysql.put("datasources.default.url", mysql.url());
            onMysql.put("datasources.default.username", mysql.user());
            onMysql.put("datasources.default.password", mysql.password());
            APPS_WITH_SMTP.add(TestApp.withSettings(onMysql));
        }));
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

    /**
     * A regio of its own: gemeente A with two active advisers and a deactivated one, B that submitted (one adviser),
     * C without an adviser, D in progress (one adviser); and E, of another regio, with an adviser. An open round.
     */
    record Setting(TestApp app, long roundId, String roundName, LocalDate closes, String coordinator,
                   String coordinatorName, Map<String, Gemeente> gemeenten, Map<String, List<String>> advisers,
                   String deactivated, long submittedScanId) {

        Api coordinatorApi() {
            return app.api().login(coordinator, Fixtures.PASSWORD);
        }

        Browser coordinatorPages() {
            return app.browser().login(coordinator, Fixtures.PASSWORD);
        }

        Set<String> everyone() {
            Set<String> all = advisers.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            all.add(deactivated);
            return all;
        }
    }

    private static Setting setting(TestApp app) {
        long nano = System.nanoTime();
        long regioId = app.bean(RegioRepository.class).save(new Regio(null, "Herinnerregio " + nano, Instant.now())).id();
        long otherRegioId = app.bean(RegioRepository.class).save(new Regio(null, "Andere regio " + nano, Instant.now())).id();
        Map<String, Gemeente> gemeenten = new HashMap<>();
        Map<String, List<String>> advisers = new HashMap<>();
        for (String letter : List.of("A", "B", "C", "D", "E")) {
            Gemeente gemeente = app.bean(GemeenteRepository.class).save(new Gemeente(null, "HR" + CBS.getAndIncrement(),
                    "Herinner " + letter + " " + nano, letter.equals("E") ? otherRegioId : regioId, Instant.now(), null, null));
            gemeenten.put(letter, gemeente);
            int count = switch (letter) {
                case "A" -> 2;
                case "C" -> 0;
                default -> 1;
            };
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                emails.add(Fixtures.create(app, Role.ADVISEUR, gemeente.id(), null).email());
            }
            advisers.put(letter, emails);
        }
        Account deactivated = Fixtures.create(app, Role.ADVISEUR, gemeenten.get("A").id(), null);
        sql(app, "UPDATE account SET active = FALSE WHERE id = ?", deactivated.id());
        Account coordinator = Fixtures.create(app, Role.COORDINATOR, null, regioId);
        LocalDate today = LocalDate.now(app.bean(java.time.Clock.class));
        LocalDate closes = today.plusDays(10);
        String name = "Nulmeting herinnering " + nano;
        Response created = app.api().login(coordinator.email(), Fixtures.PASSWORD).postJson("/api/v1/rounds", """
                {"name": "%s", "kind": "NULMETING", "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(name, today.minusDays(1), closes));
        assertEquals(201, created.status(), created::toString);
        long roundId = ((Number) created.json().get("id")).longValue();
        long submitted = scan(app, roundId, gemeenten.get("B").id(), "SUBMITTED");
        scan(app, roundId, gemeenten.get("D").id(), "IN_PROGRESS");
        return new Setting(app, roundId, name, closes, coordinator.email(), coordinator.displayName(), gemeenten, advisers,
                deactivated.email(), submitted);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theReminderGoesToTheAdvisersOfTheGemeentenThatHaveNotSubmittedOnly(TestApp app) throws Exception {
        Setting s = setting(app);
        Response sent = s.coordinatorApi().postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "");
        assertEquals(200, sent.status(), sent::toString);
        assertEquals(3, ((Number) sent.json().get("sent")).intValue());
        assertEquals(List.of(
                        Map.of("cbsCode", s.gemeenten().get("A").cbsCode(), "name", s.gemeenten().get("A").name(), "recipients", 2),
                        Map.of("cbsCode", s.gemeenten().get("D").cbsCode(), "name", s.gemeenten().get("D").name(), "recipients", 1)),
                sent.json().get("gemeenten"));

        List<MimeMessage> mails = mailsTo(s.everyone(), 3);
        assertEquals(Set.of(s.advisers().get("A").get(0), s.advisers().get("A").get(1), s.advisers().get("D").get(0)),
                mails.stream().map(ReminderTest::recipient).collect(Collectors.toSet()),
                "not the submitted gemeente, not another regio, not a deactivated account");
        MimeMessage mail = mails.get(0);
        assertEquals("Herinnering: de quickscan van " + s.roundName() + " sluit op " + DutchFormat.date(s.closes()),
                MimeUtility.decodeText(mail.getSubject()));
        String body = body(mail);
        assertTrue(body.contains("meetronde \"" + s.roundName() + "\" nog niet ingediend"), body);
        assertTrue(body.contains("De meetronde sluit op " + DutchFormat.date(s.closes()) + "."), body);
        assertTrue(body.contains(BASE_URL + "/"), "the link from QUICKSCAN_BASE_URL: " + body);

        Response again = s.coordinatorApi().postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "");
        assertEquals(409, again.status(), "a reminder just sent is not sent again");
        assertTrue(again.body().contains("zojuist al een herinnering verstuurd"), again::toString);
        Thread.sleep(300);
        assertEquals(3, mailsTo(s.everyone(), 3).size());

        String page = s.coordinatorPages().get("/rondes/" + s.roundId() + "/herinneren").html().text();
        assertTrue(page.contains("door " + s.coordinatorName() + ", aan 3 adviseurs van 2 gemeenten"), page);
        assertEquals(1, auditCount(app, s.roundName()));
        assertEquals(204, s.coordinatorApi().send("DELETE", "/api/v1/rounds/" + s.roundId(), "application/json", "", Map.of())
                .status(), "a round nobody answered in can be removed, with its reminders");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void thePageShowsThePreviewAndConfirmsTheReminder(TestApp app) throws Exception {
        Setting s = setting(app);
        Browser pages = s.coordinatorPages();
        assertTrue(pages.get("/rondes/" + s.roundId()).html().select("a[href=/rondes/" + s.roundId() + "/herinneren]")
                .size() == 1, "the round's page links to the reminder");
        Response preview = pages.get("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(200, preview.status());
        String text = preview.html().text();
        assertTrue(text.contains("Herinnering: de quickscan van " + s.roundName()), text);
        assertTrue(text.contains("De meetronde sluit op " + DutchFormat.date(s.closes())), text);
        assertTrue(text.contains(BASE_URL + "/"), text);
        assertTrue(text.contains("3 adviseurs van 2 gemeenten"), text);
        List<String> rows = preview.html().select("tbody tr").eachText();
        assertEquals(List.of(s.gemeenten().get("A").name() + " 2", s.gemeenten().get("D").name() + " 1"), rows);
        assertTrue(preview.html().select("ul li").eachText().contains(s.gemeenten().get("C").name()),
                "the gemeente without an adviser is pointed out");
        assertFalse(text.contains(s.gemeenten().get("B").name()), "the gemeente that submitted is not listed");
        assertFalse(text.contains(s.gemeenten().get("E").name()));
        assertEquals(1, preview.html().select("button:contains(Herinnering versturen)").size());

        Response withoutToken = pages.postWithoutToken("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(403, withoutToken.status());
        assertTrue(pages.get("/rondes/" + s.roundId() + "/herinneren").html().text().contains("nog geen herinnering verstuurd"),
                "nothing sent without the CSRF token");

        for (String crafted : List.of("herinnerd", "herinnerd-999-99")) {
            assertFalse(pages.get("/rondes/" + s.roundId() + "?melding=" + crafted).html().text().contains("Herinnering verstuurd"),
                    "a link cannot make the page confirm a reminder that was not sent: " + crafted);
        }

        Response sent = pages.post("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(303, sent.status(), sent::toString);
        assertEquals("/rondes/" + s.roundId() + "?melding=herinnerd", sent.location(),
                "the numbers come from the reminder stored, not from the address");
        assertTrue(pages.get(sent.location()).html().text().contains("Herinnering verstuurd aan 3 adviseurs van 2 gemeenten."));
        assertEquals(3, mailsTo(s.everyone(), 3).size());

        Response again = pages.post("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(409, again.status());
        assertTrue(again.html().select(".utrecht-alert").text().contains("zojuist al een herinnering verstuurd"), again::toString);
        assertTrue(again.html().select("button:contains(Herinnering versturen)").isEmpty());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aDoubleSubmitSendsOnce(TestApp app) throws Exception {
        Setting s = setting(app);
        Browser pages = s.coordinatorPages();
        pages.get("/rondes/" + s.roundId() + "/herinneren");
        Api api = s.coordinatorApi();
        List<Callable<Integer>> clicks = List.of(
                () -> pages.post("/rondes/" + s.roundId() + "/herinneren").status(),
                () -> pages.post("/rondes/" + s.roundId() + "/herinneren").status(),
                () -> api.postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "").status(),
                () -> api.postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "").status());
        ExecutorService pool = Executors.newFixedThreadPool(clicks.size());
        CountDownLatch ready = new CountDownLatch(clicks.size());
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (Callable<Integer> click : clicks) {
                statuses.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return click.call();
                }));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertEquals(1, answers.stream().filter(status -> status == 200 || status == 303).count(), answers::toString);
            assertEquals(3, answers.stream().filter(status -> status == 409).count(), answers::toString);
        } finally {
            pool.shutdown();
        }
        Thread.sleep(500);
        assertEquals(3, mailsTo(s.everyone(), 3).size(), "each adviser once");
        assertEquals(1, auditCount(app, s.roundName()));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theRoundRemindsByItselfOnItsDayOnlyAndOnce(TestApp app) throws Exception {
        Setting s = setting(app);
        Api api = s.coordinatorApi();
        Response changed = api.send("PUT", "/api/v1/rounds/" + s.roundId(), "application/json", """
                {"name": "%s", "opens": "%s", "closes": "%s", "reminderDaysBefore": 3}"""
                .formatted(s.roundName(), s.closes().minusDays(11), s.closes()), Map.of());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(3, ((Number) changed.json().get("reminderDaysBefore")).intValue());
        RoundReminders reminders = app.bean(RoundReminders.class);
        MovableClock clock = app.bean(MovableClock.class);

        clock.move(Duration.ofDays(6)); // four days before closing
        assertEquals(0, remindedBy(reminders, s));
        clock.move(Duration.ofDays(1)); // three days before closing: its day
        assertEquals(1, remindedBy(reminders, s));
        assertEquals(0, remindedBy(reminders, s), "once");
        assertEquals(3, mailsTo(s.everyone(), 3).size());
        clock.move(Duration.ofDays(1));
        assertEquals(0, remindedBy(reminders, s), "not the next day either");
        Thread.sleep(300);
        assertEquals(3, mailsTo(s.everyone(), 3).size());
        String page = s.coordinatorPages().get("/rondes/" + s.roundId() + "/herinneren").html().text();
        assertTrue(page.contains(", automatisch, aan 3 adviseurs van 2 gemeenten"), page);
        assertEquals("Automatische herinnering (dagen voor sluiting)", s.coordinatorPages()
                .get("/rondes/" + s.roundId() + "/aanpassen").html().selectFirst("label[for=reminderDaysBefore]").text());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theAdvisersOfAReopenedScanAreToldWhoAndWhy(TestApp app) throws Exception {
        Setting s = setting(app);
        String reason = "Bouwsteen 3 mist nog de toelichting over de zorgroute";
        Response reopened = s.coordinatorApi().postJson("/api/v1/scans/" + s.submittedScanId() + "/reopen",
                "{\"reason\": \"" + reason + "\"}");
        assertEquals(200, reopened.status(), reopened::toString);
        List<MimeMessage> mails = mailsTo(s.everyone(), 1);
        assertEquals(s.advisers().get("B").get(0), recipient(mails.get(0)), "the advisers of that gemeente only");
        assertEquals("De quickscan van " + s.gemeenten().get("B").name() + " is heropend",
                MimeUtility.decodeText(mails.get(0).getSubject()));
        String body = body(mails.get(0));
        assertTrue(body.contains(s.coordinatorName() + " heeft de quickscan van " + s.gemeenten().get("B").name()), body);
        assertTrue(body.contains(reason), body);
        assertTrue(body.contains(BASE_URL + "/scans/" + s.submittedScanId()), body);
        Thread.sleep(300);
        assertEquals(1, mailsTo(s.everyone(), 1).size());
    }

    /** Without SMTP (the shared apps): the page says so and offers no button; the API answers 409; nothing is logged. */
    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void withoutAMailServerNoReminderIsSent(TestApp app) {
        Setting s = setting(app);
        Response page = s.coordinatorPages().get("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(200, page.status());
        assertTrue(page.html().select(".utrecht-alert").text().contains("Er is geen e-mailserver ingesteld."), page::toString);
        assertTrue(page.html().select("button:contains(Herinnering versturen)").isEmpty(), "no button");
        assertTrue(page.html().text().contains("3 adviseurs van 2 gemeenten"), "the preview is still shown");
        Response api = s.coordinatorApi().postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "");
        assertEquals(409, api.status());
        assertTrue(api.body().contains("Er is geen e-mailserver ingesteld."), api::toString);
        Response posted = s.coordinatorPages().post("/rondes/" + s.roundId() + "/herinneren");
        assertEquals(409, posted.status());
        assertEquals(0, countReminders(s));
        assertEquals(0, auditCount(app, s.roundName()));

        String reason = "Graag de kengetallen nog invullen";
        assertEquals(200, s.coordinatorApi().postJson("/api/v1/scans/" + s.submittedScanId() + "/reopen",
                "{\"reason\": \"" + reason + "\"}").status(), "reopening works without a mail server");
    }

    /** A closed or not yet open round sends nothing, on the app with SMTP too; 409 with a Dutch message. */
    @ParameterizedTest
    @MethodSource(APPS)
    void aClosedOrNotYetOpenRoundRemindsNobody(TestApp app) throws Exception {
        Setting s = setting(app);
        MovableClock clock = app.bean(MovableClock.class);
        clock.move(Duration.ofDays(-2));
        Response early = s.coordinatorApi().postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "");
        assertEquals(409, early.status());
        assertTrue(early.body().contains("Deze meetronde is nog niet open."), early::toString);
        clock.move(Duration.ofDays(14));
        Response late = s.coordinatorApi().postJson("/api/v1/rounds/" + s.roundId() + "/reminders", "");
        assertEquals(409, late.status());
        assertTrue(late.body().contains("Deze meetronde is gesloten."), late::toString);
        Response page = s.coordinatorPages().get("/rondes/" + s.roundId() + "/herinneren");
        assertTrue(page.html().select("button:contains(Herinnering versturen)").isEmpty());
        assertTrue(s.coordinatorPages().get("/rondes/" + s.roundId()).html()
                .select("a[href=/rondes/" + s.roundId() + "/herinneren]").isEmpty(), "no link on a closed round's page");
        Thread.sleep(300);
        assertEquals(0, mailsTo(s.everyone(), 0).size());
    }

    /** The number of days is 1 to 30 or empty; anything else is refused with a Dutch message and changes nothing. */
    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void theDaysBeforeClosingAreBounded(TestApp app) {
        Setting s = setting(app);
        Api api = s.coordinatorApi();
        String path = "/api/v1/rounds/" + s.roundId();
        String json = "{\"name\": \"%s\", \"opens\": \"%s\", \"closes\": \"%s\", \"reminderDaysBefore\": %s}";
        String opens = s.closes().minusDays(11).toString();
        for (String refused : List.of("0", "31", "-1")) {
            Response answer = api.send("PUT", path, "application/json", json.formatted(s.roundName(), opens, s.closes(), refused), Map.of());
            assertEquals(422, answer.status(), refused);
            assertTrue(answer.body().contains("Vul een aantal dagen in van 1 tot en met 30"), answer::toString);
        }
        assertEquals(30, ((Number) api.send("PUT", path, "application/json", json.formatted(s.roundName(), opens, s.closes(), "30"),
                Map.of()).json().get("reminderDaysBefore")).intValue());
        String withoutDays = "{\"name\": \"%s\", \"opens\": \"%s\", \"closes\": \"%s\"}";
        Response kept = api.send("PUT", path, "application/json", withoutDays.formatted(s.roundName(), opens, s.closes()), Map.of());
        assertEquals(200, kept.status(), kept::toString);
        assertEquals(30, ((Number) kept.json().get("reminderDaysBefore")).intValue(),
                "a change that leaves reminderDaysBefore out (as scripts written before it did) keeps it");
        Response off = api.send("PUT", path, "application/json", json.formatted(s.roundName(), opens, s.closes(), "null"), Map.of());
        assertEquals(200, off.status());
        assertEquals(null, off.json().get("reminderDaysBefore"), "null switches it off");

        Browser pages = s.coordinatorPages();
        Response form = pages.post(path.replace("/api/v1/rounds/", "/rondes/") + "/aanpassen", "name", s.roundName(),
                "opens", opens, "closes", s.closes().toString(), "reminderDaysBefore", "drie");
        assertEquals(422, form.status());
        assertTrue(form.html().select("#reminderDaysBefore-error").text().contains("Vul een aantal dagen in"), form::toString);
        Response saved = pages.post("/rondes/" + s.roundId() + "/aanpassen", "name", s.roundName(),
                "opens", opens, "closes", s.closes().toString(), "reminderDaysBefore", "5");
        assertEquals(303, saved.status());
        assertEquals("5", pages.get("/rondes/" + s.roundId() + "/aanpassen").html().selectFirst("#reminderDaysBefore").val());
    }

    private static int remindedBy(RoundReminders reminders, Setting s) {
        // Other tests' rounds on the same database may be due as well: count this round's reminders only.
        long before = countReminders(s);
        reminders.sendDue();
        return (int) (countReminders(s) - before);
    }

    private static long countReminders(Setting s) {
        return s.app().bean(ReminderRepository.class).sentFor(s.roundId(), 100).size();
    }

    /** The messages received for these addresses, after waiting until there are at least {@code atLeast}. */
    private static List<MimeMessage> mailsTo(Set<String> addresses, int atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        List<MimeMessage> mine;
        do {
            mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> addresses.contains(recipient(m))).toList();
            if (mine.size() >= atLeast) {
                return mine;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < until);
        return mine;
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return ((String) mail.getContent()).replace("\r\n", "\n");
    }

    @SuppressWarnings("unchecked")
    private static long auditCount(TestApp app, String roundName) {
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeRead(status -> {
            try (var select = status.getConnection().prepareStatement(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'ROUND_REMINDER_SENT' AND subject = ?")) {
                select.setString(1, "meetronde " + roundName);
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static long scan(TestApp app, long roundId, long gemeenteId, String status) {
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeWrite(transaction -> {
            try (var insert = transaction.getConnection().prepareStatement("""
                    INSERT INTO scan (round_id, gemeente_id, status, created_at, submitted_at) VALUES (?, ?, ?, ?, ?)""",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setLong(1, roundId);
                insert.setLong(2, gemeenteId);
                insert.setString(3, status);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, status.equals("SUBMITTED") ? now : null);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void sql(TestApp app, String statement, long id) {
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(transaction -> {
            try (var update = transaction.getConnection().prepareStatement(statement)) {
                update.setLong(1, id);
                return update.executeUpdate();
            }
        });
    }
}
