package nl.quickscan.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DevicesTest {

    @Test
    void browsersAndSystemsInAFewDutchWords() {
        assertEquals("Firefox op Windows", Devices.describe(LoginSession.Kind.BROWSER,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals("Edge op Windows", Devices.describe(LoginSession.Kind.BROWSER,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"));
        assertEquals("Chrome op Android", Devices.describe(LoginSession.Kind.BROWSER,
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertEquals("Safari op iPhone", Devices.describe(LoginSession.Kind.BROWSER,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Safari op Mac", Devices.describe(LoginSession.Kind.BROWSER,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"));
        assertEquals("Onbekende browser", Devices.describe(LoginSession.Kind.BROWSER, null));
        assertEquals("Onbekende browser", Devices.describe(LoginSession.Kind.BROWSER, "Java-http-client/17.0.13"));
    }

    @Test
    void anApiTokenNamesTheProgramWhenItSaysOne() {
        assertEquals("API-token (curl)", Devices.describe(LoginSession.Kind.API, "curl/8.5.0"));
        assertEquals("API-token", Devices.describe(LoginSession.Kind.API, null));
        assertEquals("API-token", Devices.describe(LoginSession.Kind.API, "<script>/1"));
    }
}
