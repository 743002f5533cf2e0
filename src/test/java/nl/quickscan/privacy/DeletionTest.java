package nl.quickscan.privacy;

import io.micronaut.transaction.TransactionOperations;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.audit.AuditEntry;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing an account ("voormalig account" in history, plans and the audit log; no login) and deleting all data of a
 * gemeente after typing its name (issue 20). On H2 and MariaDB.
 */
class DeletionTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void aRemovedAccountIsAFormerAccountEverywhereAndCannotLogIn(TestApp app) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String key = survey.questions().toList().get(0).key();
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        String cbs = regio.codes().get(0);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        // Invited by the coordinator on the page, so that the audit log names the address and the name.
        String email = "vertrekt-" + System.nanoTime() + "@example.nl";
        Browser coordinator = regio.coordinatorPages(app);
        assertEquals(200, coordinator.post("/accounts", "email", email, "displayName", "Vera Vertrekkend",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, cbs))).status());
        AccountRepository accounts = app.bean(AccountRepository.class);
        long id = accounts.findByEmail(email).orElseThrow().id();
        accounts.setPassword(id, app.bean(nl.quickscan.accounts.PasswordHasher.class).hash(Fixtures.PASSWORD));
        Api leaving = app.api().login(email, Fixtures.PASSWORD);
        long scan = Scans.start(leaving, round);
        Scans.answer(leaving, scan, key, survey.questions().toList().get(0).options().get(0).value());
        Response action = leaving.postJson("/api/v1/gemeenten/" + cbs + "/actions", """
                {"title": "Actie van Vera", "questionKeys": ["%s"], "sourceScanId": %d}""".formatted(key, scan));
        long actionId = ((Number) action.json().get("id")).longValue();
        assertEquals(201, leaving.postJson("/api/v1/actions/" + actionId + "/notes", "{\"text\": \"Gebeld\"}").status());

        Response confirm = coordinator.get("/accounts/" + id + "/verwijderen");
        assertEquals(200, confirm.status());
        assertTrue(confirm.html().text().contains("Weet u zeker dat u het account van Vera Vertrekkend"));
        assertEquals(303, coordinator.post("/accounts/" + id + "/verwijderen").status());

        Account removed = accounts.findById(id).orElseThrow();
        assertEquals(Account.FORMER, removed.displayName());
        assertEquals(Account.formerEmail(id), removed.email());
        assertFalse(removed.active());
        assertEquals(401, leaving.get("/api/v1/me").status(), "its sessions ended");
        assertEquals(401, app.browser().tryLogin(email, Fixtures.PASSWORD).status(), "it cannot log in");
        assertFalse(coordinator.get("/accounts").body().contains(Account.formerEmail(id)), "gone from the list");

        Api colleague = app.api().login(Fixtures.create(app, Role.ADVISEUR, Fixtures.gemeenteId(app, cbs), null).email(),
                Fixtures.PASSWORD);
        String scanJson = colleague.get("/api/v1/scans/" + scan).body();
        assertTrue(scanJson.contains("\"updatedBy\":\"" + Account.FORMER + "\""), scanJson);
        String plan = colleague.get("/api/v1/gemeenten/" + cbs + "/actions").body();
        assertTrue(plan.contains("\"by\":\"" + Account.FORMER + "\""), plan);
        assertFalse(plan.contains("Vera Vertrekkend") || scanJson.contains("Vera Vertrekkend"));
        List<AuditEntry> audit = app.bean(AuditLog.class).latest(500);
        assertTrue(audit.stream().noneMatch(e -> (e.subject() + e.details() + e.actorEmail()).contains(email)
                || (e.subject() + e.details()).contains("Vera Vertrekkend")), "neither address nor name in the audit log");
        assertTrue(audit.stream().anyMatch(e -> Account.FORMER.equals(e.actorEmail()) && e.action().equals("ANSWER_SAVED")));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ACCOUNT_CREATED") && e.subject().equals("account " + Account.FORMER)));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ACCOUNT_REMOVED") && e.subject().equals("account " + id)
                && e.actorEmail().equals(regio.coordinator().email())));
        // The address is free again.
        assertEquals(200, coordinator.post("/accounts", "email", email, "displayName", "Vera terug",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, cbs))).status());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theBeheerderDeletesAllOfAGemeentesDataAfterTypingItsName(TestApp app) {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String key = survey.questions().toList().get(0).key();
        String value = survey.questions().toList().get(0).options().get(0).value();
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        long round = regio.openRound(app, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        long[] scans = new long[2];
        for (int i = 0; i < 2; i++) {
            long gemeenteId = Fixtures.gemeenteId(app, regio.codes().get(i));
            Api adviser = app.api().login(Fixtures.create(app, Role.ADVISEUR, gemeenteId, null).email(), Fixtures.PASSWORD);
            scans[i] = Scans.start(adviser, round);
            Scans.answer(adviser, scans[i], key, value);
            assertEquals(201, adviser.postJson("/api/v1/gemeenten/" + regio.codes().get(i) + "/actions", """
                    {"title": "Actie %d", "questionKeys": ["%s"], "sourceScanId": %d}""".formatted(i, key, scans[i])).status());
        }
        long gone = Fixtures.gemeenteId(app, regio.codes().get(0));
        // The coordinator's import file, checked and waiting for its confirmation (ImportTest stages one), holds the regio's answers.
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (var insert = status.getConnection().prepareStatement("INSERT INTO import_upload (round_id, account_id, "
                    + "file_name, content, created_at) VALUES (?, ?, 'meting.xlsx', ?, CURRENT_TIMESTAMP)")) {
                insert.setLong(1, round);
                insert.setLong(2, regio.coordinator().id());
                insert.setBytes(3, new byte[] {'P', 'K'});
                return insert.executeUpdate();
            }
        });
        assertEquals(1, count(app, "SELECT COUNT(*) FROM import_upload WHERE round_id = ?", round));
        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String path = "/beheer/gemeenten/" + gone + "/gegevens-verwijderen";
        assertTrue(beheerder.get("/beheer/gemeenten/" + gone).html().select("a[href=" + path + "]").size() == 1);
        String confirm = beheerder.get(path).html().text();
        assertTrue(confirm.contains("1 scan, met 1 antwoord en toelichtingen"), confirm);
        assertEquals(422, beheerder.post(path, "bevestiging", regio.names().get(1)).status(), "another gemeente's name");
        assertEquals(1, count(app, "SELECT COUNT(*) FROM scan WHERE gemeente_id = ?", gone), "nothing deleted");

        Response deleted = beheerder.post(path, "bevestiging", "  " + regio.names().get(0).toUpperCase() + " ");
        assertEquals(200, deleted.status(), deleted::toString);
        assertTrue(deleted.html().text().contains("Verwijderd: 1 scan, 1 antwoord met hun geschiedenis en 1 actie"));
        assertEquals(0, count(app, "SELECT COUNT(*) FROM scan WHERE gemeente_id = ?", gone));
        assertEquals(0, count(app, "SELECT COUNT(*) FROM answer WHERE scan_id = ?", scans[0]));
        assertEquals(0, count(app, "SELECT COUNT(*) FROM answer_change WHERE scan_id = ?", scans[0]));
        assertEquals(0, count(app, "SELECT COUNT(*) FROM plan_action WHERE gemeente_id = ?", gone));
        assertEquals(0, count(app, "SELECT COUNT(*) FROM import_upload WHERE round_id = ?", round), "the waiting import file");
        assertTrue(app.bean(GemeenteRepository.class).findByCbsCode(regio.codes().get(0)).isPresent(), "the gemeente stays");
        long other = Fixtures.gemeenteId(app, regio.codes().get(1));
        assertEquals(1, count(app, "SELECT COUNT(*) FROM answer WHERE scan_id = ?", scans[1]), "the other gemeente's stays");
        assertEquals(1, count(app, "SELECT COUNT(*) FROM plan_action WHERE gemeente_id = ?", other));
        assertTrue(app.bean(AuditLog.class).latest(100).stream().anyMatch(e -> e.action().equals("GEMEENTE_DATA_DELETED")
                && e.subject().equals("gemeente " + regio.names().get(0)) && e.details().contains("1 scan,")));
    }

    static long count(TestApp app, String sql, long id) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeRead(status -> {
            try (var select = status.getConnection().prepareStatement(sql)) {
                select.setLong(1, id);
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
