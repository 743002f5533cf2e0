package nl.quickscan.web;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.AnswerRules;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.Regio;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every field's maxlength is the limit its feature checks, read from the one constant. */
class PageLimitsTest {

    @Test
    void fieldsAllowWhatTheServerAccepts() {
        TestApp app = TestApp.h2();
        String coordinator = "coordinator.drenthe@quickscan.test";
        long roundId = Rounds.open(app, coordinator);
        Account adviser = Fixtures.adviseur(app, "GM0109");
        long scanId = Scans.start(app.api().login(adviser.email(), Fixtures.PASSWORD), roundId);
        Browser adviserPages = app.browser().login(adviser.email(), Fixtures.PASSWORD);

        Document part = adviserPages.get("/scans/" + scanId + "/deel/kengetallen").html();
        assertEquals(String.valueOf(AnswerRules.VALUE_MAX), part.selectFirst("input[name=value.kengetal-inwoners]").attr("maxlength"));
        assertEquals(String.valueOf(AnswerRules.COMMENT_MAX), part.selectFirst("textarea[name^=comment.]").attr("maxlength"));

        Browser coordinatorPages = app.browser().login(coordinator, TestApp.DEMO_PASSWORD);
        assertEquals(String.valueOf(Meetronde.NAME_MAX), coordinatorPages.get("/rondes").html().selectFirst("#name").attr("maxlength"));
        Document account = coordinatorPages.get("/accounts/nieuw").html();
        assertEquals(String.valueOf(Account.MAX_EMAIL_LENGTH), account.selectFirst("#email").attr("maxlength"));
        assertEquals(String.valueOf(Account.MAX_DISPLAY_NAME_LENGTH), account.selectFirst("#displayName").attr("maxlength"));

        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(String.valueOf(Regio.NAME_MAX), beheerder.get("/beheer/regios").html().selectFirst("#name").attr("maxlength"));
        Document gemeenten = beheerder.get("/beheer/gemeenten").html();
        assertEquals(String.valueOf(Gemeente.CBS_CODE_LENGTH), gemeenten.selectFirst("#cbsCode").attr("maxlength"));
        assertEquals(String.valueOf(Gemeente.NAME_MAX), gemeenten.selectFirst("#name").attr("maxlength"));
    }
}
