package nl.quickscan.scans;

import nl.quickscan.accounts.Account;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;

/** A new adviser of a gemeente with a started scan of a fresh round, through the API and a browser without JavaScript. */
record Adviser(Account account, Api api, Browser pages, long scanId) {

    static Adviser withScan(TestApp app, String coordinatorEmail, String cbsCode) {
        long roundId = Rounds.open(app, coordinatorEmail);
        Account account = Fixtures.adviseur(app, cbsCode);
        Api api = app.api().login(account.email(), Fixtures.PASSWORD);
        return new Adviser(account, api, app.browser().login(account.email(), Fixtures.PASSWORD), Scans.start(api, roundId));
    }

    /** The page of one part of the scan. */
    String part(String key) {
        return "/scans/" + scanId + "/deel/" + key;
    }
}
