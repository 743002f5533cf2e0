package nl.quickscan.web;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the tokens of invitation and password reset links, and of a sign-in's return from the identity provider, out
 * of the logs: a logged path, or an exception whose
 * message quotes the address (a malformed one, for example), shows {@value #MASK} instead of the token. The error
 * handler masks what it logs; the converters below (used in logback.xml) mask every line written, so that the
 * framework's own request logging at DEBUG level, or an access log, do not show tokens either.
 */
public final class TokenMasking {

    static final String MASK = "[token]";
    /**
     * The pages whose last path segment is a secret token (see Invitation.Purpose), and the code and state that an
     * identity provider sends back to /sso/{provider}/callback.
     */
    private static final Pattern TOKEN_SEGMENT = Pattern.compile(
            "(/(?:uitnodiging|wachtwoord-herstellen)/|[?&](?:code|state)=)[^/?&#\\s'\"]+");

    private TokenMasking() {
    }

    static String mask(String text) {
        return text == null ? null : TOKEN_SEGMENT.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** The exception itself, or, when a message in its chain names a token, a copy with the same stack traces and masked messages. */
    static Throwable mask(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t.getMessage() != null && TOKEN_SEGMENT.matcher(t.getMessage()).find()) {
                return copy(exception, 0);
            }
        }
        return exception;
    }

    private static Throwable copy(Throwable original, int depth) {
        Throwable cause = original.getCause() == null || depth > 20 ? null : copy(original.getCause(), depth + 1);
        Throwable copy = new Masked(original.getClass().getName()
                + (original.getMessage() == null ? "" : ": " + mask(original.getMessage())), cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** Prints as the original exception did ("class: message"), with the message masked. */
    private static final class Masked extends Throwable {
        private final String description;

        Masked(String description, Throwable cause) {
            super(description, cause, false, true);
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** {@code %maskedMsg}: the message, with tokens masked. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }

    /** {@code %maskedEx}: the stack trace, with tokens masked. */
    public static final class Throwables extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return mask(super.throwableProxyToString(proxy));
        }
    }
}
