package nl.quickscan.web;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenMaskingTest {

    private static final String TOKEN = "Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbi0xMjM0NTY3";

    @Test
    void theTokenSegmentOfBothLinkPagesIsMasked() {
        assertEquals("/uitnodiging/[token]", TokenMasking.mask("/uitnodiging/" + TOKEN));
        assertEquals("/wachtwoord-herstellen/[token]/meer", TokenMasking.mask("/wachtwoord-herstellen/" + TOKEN + "/meer"));
        assertEquals("/accounts/12/uitnodiging", TokenMasking.mask("/accounts/12/uitnodiging"), "other paths stay as they are");
        assertEquals("/scans/3/deel/2", TokenMasking.mask("/scans/3/deel/2"));
        assertEquals("/sso/groningen/callback?state=[token]&code=[token]&session_state=x",
                TokenMasking.mask("/sso/groningen/callback?state=eyJ0eXAi.Zm9v-_x&code=Ab_12-xY.z&session_state=x"),
                "the identity provider's code and state");
    }

    @Test
    void anExceptionThatQuotesTheAddressIsCopiedWithTheMessageMaskedAndTheStackTraceKept() {
        URISyntaxException quoting = assertThrows(URISyntaxException.class, () -> new URI("/uitnodiging/" + TOKEN + "%zz"));
        IllegalStateException wrapper = new IllegalStateException("request failed", quoting);
        Throwable masked = TokenMasking.mask(wrapper);
        StringWriter printed = new StringWriter();
        masked.printStackTrace(new PrintWriter(printed));
        assertFalse(printed.toString().contains(TOKEN), printed.toString());
        assertTrue(printed.toString().contains("java.net.URISyntaxException: Malformed escape pair"), printed.toString());
        assertTrue(printed.toString().contains("/uitnodiging/[token]"), printed.toString());
        assertEquals(quoting.getStackTrace()[0], masked.getCause().getStackTrace()[0]);

        IllegalStateException harmless = new IllegalStateException("nothing secret");
        assertSame(harmless, TokenMasking.mask(harmless));
    }
}
