package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's data: the same seed gives the same data, and the data is what the issue asks for. */
class SyntheticDataTest {

    private static final String ANSWERS = """
            SELECT g.cbs_code, r.name, m.name, x.question_key, x.answer_value, x.comment, x.version, s.status, g.inhabitants
            FROM answer x JOIN scan s ON s.id = x.scan_id JOIN gemeente g ON g.id = s.gemeente_id
            JOIN meetronde m ON m.id = s.round_id JOIN regio r ON r.id = m.regio_id
            ORDER BY g.cbs_code, m.name, x.question_key""";
    private static final String V1_ANSWERS = """
            SELECT COUNT(*) FROM answer x JOIN scan s ON s.id = x.scan_id JOIN meetronde m ON m.id = s.round_id
            WHERE m.survey_version = 1""";
    private static final String V2_GEMEENTE_SCANS = """
            SELECT COUNT(*) FROM (SELECT s.id, COUNT(*) n FROM scan s JOIN meetronde m ON m.id = s.round_id
            JOIN answer x ON x.scan_id = s.id WHERE m.survey_version = 2 AND s.gemeente_id IS NOT NULL
            AND s.status = 'SUBMITTED' GROUP BY s.id) t WHERE %s""";
    private static final String PLANS = """
            SELECT g.cbs_code, p.title, p.question_keys, p.owner, p.partners, p.due, p.status, p.shared,
                   (SELECT COUNT(*) FROM plan_action_note n WHERE n.action_id = p.id)
            FROM plan_action p JOIN gemeente g ON g.id = p.gemeente_id ORDER BY g.cbs_code, p.id""";

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws Exception {
        List<String> first = generate(7);
        List<String> again = generate(7);
        List<String> other = generate(8);
        assertEquals(first, again);
        assertNotEquals(first.stream().map(row -> row.split("\\|", 4)[3]).toList(),
                other.stream().map(row -> row.split("\\|", 4)[3]).toList(), "other answers for another seed");
        assertNotEquals(first.stream().filter(row -> row.startsWith("plan|")).toList(),
                other.stream().filter(row -> row.startsWith("plan|")).toList(), "other plans for another seed");
        assertTrue(first.stream().anyMatch(row -> row.startsWith("plan|")), "the data has plans");
    }

    @Test
    void regiosGemeentenSubmittedScansAnswersToelichtingenAndHistory() throws Exception {
        TestApp app = TestApp.withSettings(Map.of("quickscan.demo", false));
        try {
            ApplicationContext context = app.bean(ApplicationContext.class);
            assertFalse(SyntheticData.present(context));
            SyntheticData.generate(context, new SyntheticData.Settings(3, 50, 11));
            assertTrue(SyntheticData.present(context));
            assertFalse(SyntheticData.hasRealAccounts(context));
            context.getBean(AccountRepository.class).save(Account.invited("j.jansen@gemeente.example", "J. Jansen",
                    Role.BEHEERDER, null, null, Instant.now()));
            assertTrue(SyntheticData.hasRealAccounts(context), "a real person's account marks a database to keep out of");
            try (Connection connection = connection(context)) {
                assertEquals(3, count(connection, "SELECT COUNT(*) FROM regio"));
                assertEquals(40, count(connection, """
                        SELECT COUNT(*) FROM gemeente g JOIN regio r ON r.id = g.regio_id WHERE r.name = 'Synthetische regio 1 (11)'"""),
                        "the first regio has 40 gemeenten");
                assertEquals(50, count(connection, "SELECT COUNT(*) FROM gemeente"));
                assertEquals(6, count(connection, "SELECT COUNT(*) FROM meetronde"));
                assertEquals(3, count(connection, "SELECT COUNT(*) FROM meetronde WHERE kind = 'HERHALING' AND baseline_round_id IS NOT NULL"));
                assertEquals(100, count(connection, "SELECT COUNT(*) FROM scan WHERE status = 'SUBMITTED'"));
                assertEquals(95 * (54 + 7), count(connection, V1_ANSWERS), "every v1 scan answers its 54 statements and 7 kengetallen");
                assertEquals(1, count(connection, "SELECT COUNT(*) FROM meetronde WHERE survey_version = 2 AND kind = 'HERHALING'"));
                assertEquals(0, count(connection, "SELECT COUNT(*) FROM meetronde WHERE survey_version = 2 AND kind = 'NULMETING'"),
                        "the nulmetingen are on v1");
                // Regio 2's herhaling on v2: each gemeente its 37 statements and 11 kengetallen, some of its 4
                // follow-up lists; the regio part (not submitted) its 36 statements and some of its 3 follow-ups.
                assertEquals(5, count(connection, V2_GEMEENTE_SCANS.formatted("n BETWEEN 37 + 11 AND 37 + 11 + 4")));
                assertEquals(1, count(connection, """
                        SELECT COUNT(*) FROM (SELECT s.id, s.status, COUNT(*) n FROM scan s JOIN answer x ON x.scan_id = s.id
                        WHERE s.regio_id IS NOT NULL GROUP BY s.id, s.status) t
                        WHERE n BETWEEN 36 AND 36 + 3 AND status = 'IN_PROGRESS'"""), "one regio part, answered");
                Survey v2 = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 2).orElseThrow();
                String followUps = v2.questions().filter(question -> question.followUpOf() != null)
                        .map(question -> "'" + question.key() + "'").collect(Collectors.joining(", "));
                assertTrue(count(connection, "SELECT COUNT(*) FROM answer WHERE question_key IN (" + followUps + ")") > 0,
                        "follow-up lists are answered");
                for (Survey.Question followUp : v2.questions().filter(question -> question.followUpOf() != null).toList()) {
                    assertEquals(0, count(connection, """
                            SELECT COUNT(*) FROM answer x JOIN answer y ON y.scan_id = x.scan_id
                            WHERE x.question_key = '%s' AND y.question_key = '%s' AND y.answer_value IN ('0', 'NEE', 'WEET_NIET')"""
                            .formatted(followUp.key(), followUp.followUpOf())), "a follow-up list only where its statement found something");
                }
                assertEquals(count(connection, "SELECT COUNT(*) FROM answer"),
                        count(connection, "SELECT COUNT(*) FROM answer_change WHERE version = 1"),
                        "every answer has the history a first save leaves");
                assertEquals(0, count(connection, "SELECT COUNT(*) FROM answer WHERE answer_value = 'NVT' AND comment IS NULL"),
                        "niet van toepassing always has its toelichting");
                long withComment = count(connection, "SELECT COUNT(*) FROM answer WHERE comment IS NOT NULL");
                assertTrue(withComment > 100 * 54 / 3 && withComment < 100 * 54 * 2 / 3, withComment + " toelichtingen");
                assertEquals(0, count(connection, """
                        SELECT COUNT(*) FROM gemeente WHERE inhabitants IS NULL OR inhabitants < 5000 OR inhabitants > 250000
                           OR inhabitants_year <> 2025"""), "every gemeente has a plausible number of inhabitants");
                assertEquals(0, count(connection, """
                        SELECT COUNT(*) FROM answer x JOIN scan s ON s.id = x.scan_id JOIN gemeente g ON g.id = s.gemeente_id
                        WHERE x.question_key = 'kengetal-inwoners' AND x.answer_value <> CAST(g.inhabitants AS VARCHAR(20))"""),
                        "the advisers give the gemeente's CBS figure");
                assertEquals(50 + 3 + 1, count(connection, "SELECT COUNT(*) FROM account WHERE email LIKE '%@quickscan.test'"),
                    "an adviser per gemeente, a coordinator per regio, a beheerder");

                // The verbeterplannen: zero to five actions per gemeente from its nulmeting, at its weaker statements.
                long actions = count(connection, "SELECT COUNT(*) FROM plan_action");
                assertTrue(actions > 50 && actions < 50 * 4, actions + " actions");
                assertEquals(0, count(connection, """
                        SELECT COUNT(*) FROM (SELECT gemeente_id FROM plan_action GROUP BY gemeente_id HAVING COUNT(*) > 5) t"""));
                assertTrue(count(connection, "SELECT COUNT(DISTINCT gemeente_id) FROM plan_action") < 50, "some gemeenten have no plan");
                assertEquals(0, count(connection, """
                        SELECT COUNT(*) FROM plan_action p JOIN scan s ON s.id = p.source_scan_id JOIN meetronde m ON m.id = s.round_id
                        WHERE m.kind <> 'NULMETING' OR s.gemeente_id <> p.gemeente_id"""), "made from the gemeente's own nulmeting");
                assertEquals(0, count(connection, """
                        SELECT COUNT(*) FROM plan_action p JOIN answer x ON x.scan_id = p.source_scan_id
                        WHERE x.question_key = p.question_keys AND x.answer_value NOT IN ('0', '1', '2', '3')"""),
                        "aimed at statements with a scored answer");
                assertTrue(count(connection, """
                        SELECT COUNT(*) FROM plan_action p JOIN answer x ON x.scan_id = p.source_scan_id
                        WHERE x.question_key = p.question_keys AND x.answer_value IN ('0', '1')""") > actions / 2,
                        "mostly at the weak ones");
                for (String status : List.of("GEPLAND", "BEZIG", "AFGEROND", "GESTOPT")) {
                    assertTrue(count(connection, "SELECT COUNT(*) FROM plan_action WHERE status = '" + status + "'") > 0, status);
                }
                assertTrue(count(connection, """
                        SELECT COUNT(*) FROM plan_action WHERE due < CURRENT_DATE AND status IN ('GEPLAND', 'BEZIG')""") > 0, "some overdue");
                long shared = count(connection, "SELECT COUNT(*) FROM plan_action WHERE shared = TRUE");
                assertTrue(shared > 0 && shared < actions / 4, shared + " shared");
                long withNotes = count(connection, "SELECT COUNT(DISTINCT action_id) FROM plan_action_note");
                assertTrue(withNotes > actions / 4 && withNotes < actions * 3 / 4, withNotes + " with notes");
                assertEquals(actions, count(connection, "SELECT COUNT(*) FROM plan_action_change WHERE version = 1"),
                        "every action has the history a first save leaves");
                assertEquals(0, count(connection, "SELECT COUNT(*) FROM plan_action WHERE CHAR_LENGTH(title) > 200"));
            }
        } finally {
            app.stop();
        }
    }

    private static List<String> generate(long seed) throws Exception {
        TestApp app = TestApp.withSettings(Map.of("quickscan.demo", false));
        try {
            ApplicationContext context = app.bean(ApplicationContext.class);
            SyntheticData.generate(context, new SyntheticData.Settings(2, 45, seed));
            List<String> rows = new ArrayList<>();
            try (Connection connection = connection(context); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(ANSWERS)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(3).replace(Long.toString(seed), "") + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getInt(7) + "|" + rs.getString(8)
                            + "|" + rs.getInt(9));
                }
            }
            assertEquals(85 * (54 + 7), rows.stream().filter(row -> !row.contains("|Herhaling -2|")).count(),
                    "the 85 scans on v1 answer every statement and kengetal");
            try (Connection connection = connection(context); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(PLANS)) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder("plan");
                    for (int column = 1; column <= 9; column++) {
                        row.append('|').append(rs.getString(column));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } finally {
            app.stop();
        }
    }

    private static Connection connection(ApplicationContext context) throws SQLException {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
