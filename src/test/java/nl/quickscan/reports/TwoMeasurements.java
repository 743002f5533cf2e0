package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;

/**
 * A gemeente's nulmeting and herhaling, in new rounds of the coordinator's regio, with one statement that went up
 * ({@link #IMPROVED}: 1 → 3) and one that went down ({@link #DECLINED}: 2 → 1): what the verbeterplan's check reports.
 */
record TwoMeasurements(Api api, long before, long after) {

    static final String IMPROVED = "samenwerking-sociale-kaart";
    static final String DECLINED = "visie-gender";

    static TwoMeasurements of(TestApp app, String coordinator, String cbsCode) {
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);
        Api api = app.api().login(Fixtures.adviseur(app, cbsCode).email(), Fixtures.PASSWORD);
        long before = Scans.start(api, nulmeting);
        long after = Scans.start(api, herhaling);
        Scans.answer(api, before, IMPROVED, "1");
        Scans.answer(api, after, IMPROVED, "3");
        Scans.answer(api, before, DECLINED, "2");
        Scans.answer(api, after, DECLINED, "1");
        return new TwoMeasurements(api, before, after);
    }
}
