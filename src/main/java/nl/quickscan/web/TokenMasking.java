package nl.quickscan.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the tokens of invitation and password reset links out of the logs: a logged path, or an exception whose
 * message quotes the address (a malformed one, for example), shows {@value #MASK} instead of the token.
 */
final class TokenMasking {

    static final String MASK = "[token]";
    /** The pages whose last path segment is a secret token (see Invitation.Purpose). */
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("(/(?:uitnodiging|wachtwoord-herstellen)/)[^/?#\\s'\"]+");

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
}
