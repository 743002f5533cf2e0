package nl.quickscan.accounts;

import nl.quickscan.support.Api;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiAuthTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void aScriptGetsATokenAndSeesWhoItIs(TestApp app) {
        Response token = app.api().postJson("/api/v1/auth/token",
                "{\"username\":\"adviseur.midden-groningen@quickscan.test\",\"password\":\"" + TestApp.DEMO_PASSWORD + "\"}");
        assertEquals(200, token.status(), token::toString);
        assertEquals(3600, ((Number) token.json().get("expires_in")).intValue());
        String accessToken = (String) token.json().get("access_token");

        Map<String, Object> me = app.api().withToken(accessToken).get("/api/v1/me").json();
        assertEquals("ADVISEUR", me.get("role"));
        assertEquals("adviseur.midden-groningen@quickscan.test", me.get("email"));
        assertEquals(Map.of("cbsCode", "GM1952", "name", "Midden-Groningen"), me.get("gemeente"));
        assertEquals("Groningen", ((Map<?, ?>) me.get("regio")).get("name"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void meShowsTheRegioOfACoordinatorAndNothingForTheBeheerder(TestApp app) {
        Map<String, Object> coordinator = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/api/v1/me").json();
        assertEquals("COORDINATOR", coordinator.get("role"));
        assertNull(coordinator.get("gemeente"));
        assertTrue(coordinator.containsKey("gemeente"), "absent values are null, not missing");
        assertEquals("Drenthe", ((Map<?, ?>) coordinator.get("regio")).get("name"));

        Map<String, Object> beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                .get("/api/v1/me").json();
        assertEquals("BEHEERDER", beheerder.get("role"));
        assertNull(beheerder.get("regio"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void badCredentialsAndBadInputGetDutchJsonErrors(TestApp app) {
        Api api = app.api();
        Response wrong = api.postJson("/api/v1/auth/token", "{\"username\":\"beheerder@quickscan.test\",\"password\":\"fout\"}");
        assertEquals(401, wrong.status());
        assertEquals(LoginService.WRONG_CREDENTIALS, wrong.json().get("message"));
        assertEquals(List.of(), wrong.json().get("errors"));

        Response missing = api.postJson("/api/v1/auth/token", "{\"username\":\"beheerder@quickscan.test\"}");
        assertEquals(422, missing.status(), missing::toString);
        assertEquals("Controleer de invoer.", missing.json().get("message"));
        assertEquals(List.of(Map.of("field", "password", "message", "Vul het wachtwoord in.")), missing.json().get("errors"));

        Response malformed = api.postJson("/api/v1/auth/token", "{\"username\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        assertTrue(((String) malformed.json().get("message")).startsWith("De gegevens konden niet worden gelezen"));
        assertFalse(malformed.body().contains("Exception"), "no stack trace or exception name");

        Response tooLong = api.postJson("/api/v1/auth/token",
                "{\"username\":\"" + "a".repeat(300) + "@x.nl\",\"password\":\"x\"}");
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("hoogstens 254 tekens"), tooLong::toString);
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theApiRefusesMissingAndForgedTokens(TestApp app) {
        Response none = app.api().get("/api/v1/me");
        assertEquals(401, none.status());
        assertTrue(none.contentType().startsWith("application/json"));
        assertEquals(401, app.api().withToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged").get("/api/v1/me").status());
    }
}
