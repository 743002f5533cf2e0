package nl.quickscan.web;

import nl.quickscan.support.Browser;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A form body with broken %-encoding is unreadable input: 400 with the Dutch page, on every kind of form. */
class FormEncodingTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void invalidPercentEncodingIsABadRequest(TestApp app) {
        Browser anonymous = app.browser();
        assertUnreadable(anonymous.postEncoded("/login", "email=%zz&password=x"));
        assertUnreadable(anonymous.postEncoded("/login", "email=a%&password=x"));

        Browser beheerder = app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        assertUnreadable(beheerder.postEncoded("/beheer/regios", "name=Regio%2"));
        assertUnreadable(beheerder.postEncoded("/accounts", "email=%zz&name=x&role=ADVISEUR"));

        Browser coordinator = app.browser().login("coordinator.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertUnreadable(coordinator.postEncoded("/rondes", "name=%G1&kind=NULMETING"));
    }

    private static void assertUnreadable(Response response) {
        assertEquals(400, response.status(), response::toString);
        assertEquals("Dat ging niet goed", response.html().selectFirst("h1").text(), response::toString);
        assertFalse(response.body().contains("Exception"));
    }
}
