package nl.quickscan.accounts;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.ListAppender;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.RawHttp;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tokens of invitation and password reset links never reach the log: not for an unknown, an expired or a
 * valid token, not when the request fails or its address is malformed, and not in Micronaut's own request
 * logging when an operator turns it on (DEBUG), which the shipped log layout masks.
 */
class TokensNotLoggedTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    @ParameterizedTest
    @MethodSource(APPS)
    void invalidExpiredAndFailingTokenRequestsLeaveNoTokenInTheLog(TestApp app) {
        String email = "log-" + System.nanoTime() + "@veendam.nl";
        String valid = token(Fixtures.invite(app, "coordinator.groningen@quickscan.test", email, "GM0047"));
        long accountId = Fixtures.accountId(app, email);
        String expired = "verlopen" + Long.toString(System.nanoTime(), 36) + "x".repeat(20);
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        for (Invitation.Purpose purpose : Invitation.Purpose.values()) {
            app.bean(InvitationRepository.class).save(new Invitation(Invitations.hash(expired + purpose.ordinal()),
                    accountId, Fixtures.accountId(app, "coordinator.groningen@quickscan.test"), longAgo,
                    longAgo.plus(purpose.validity()), null, purpose));
        }
        String unknown = "onbekend" + Long.toString(System.nanoTime(), 36) + "y".repeat(20);

        List<String> secrets = new ArrayList<>(List.of(valid, unknown));
        List<ILoggingEvent> logged;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        Logger http = (Logger) LoggerFactory.getLogger("io.micronaut.http");
        Level configured = http.getLevel();
        http.setLevel(Level.DEBUG);
        try {
            for (Invitation.Purpose purpose : Invitation.Purpose.values()) {
                secrets.add(expired + purpose.ordinal());
                for (String token : List.of(unknown, expired + purpose.ordinal(), valid)) {
                    String path = purpose.path() + token;
                    Browser anonymous = app.browser();
                    anonymous.get(path);
                    anonymous.get(path + "/meer");
                    anonymous.post(path, "password", "een-goed-wachtwoord", "passwordRepeat", "anders-dan-het-eerste");
                    // More than 72 bytes in at most 72 characters; and a form body that is not valid %-encoding.
                    anonymous.post(path, "password", "€".repeat(30), "passwordRepeat", "€".repeat(30));
                    RawHttp.postForm(app, anonymous, "localhost", path, "password", "%zz");
                    RawHttp.send(app, "GET " + path + "%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html", "");
                }
            }
        } finally {
            http.setLevel(configured);
            root.detachAppender(appender);
            logged = List.copyOf(appender.list);
        }

        assertEquals(200, app.browser().get(Invitation.Purpose.INVITATION.path() + valid).status(),
                "the valid link still works: none of the failed requests used it up");
        Layout<ILoggingEvent> shipped = ((LayoutWrappingEncoder<ILoggingEvent>) ((OutputStreamAppender<ILoggingEvent>)
                ((AsyncAppender) root.getAppender("ASYNC")).getAppender("console")).getEncoder()).getLayout();
        boolean debugNamedAToken = false;
        for (ILoggingEvent event : logged) {
            String raw = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            String written = shipped.doLayout(event);
            for (String secret : secrets) {
                assertFalse(written.contains(secret), () -> "a token in the log: " + written);
                if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                    assertFalse(raw.contains(secret), () -> "a token in what the app logs: " + raw);
                }
                debugNamedAToken |= raw.contains(secret);
            }
        }
        assertTrue(debugNamedAToken, "Micronaut's DEBUG lines name the path, so the layout had something to mask");
    }

    private static String token(String path) {
        assertTrue(path.startsWith("/uitnodiging/"), path);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
