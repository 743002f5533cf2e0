package nl.quickscan.web;

import io.micronaut.http.HttpRequest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Each request's id: the one a proxy in front sent in {@value #HEADER} when it is short and plain (letters, digits,
 * {@code - _ . :}; at most {@value #MAX_LENGTH} characters), otherwise a new one. It is in the request's log line,
 * in the response's {@value #HEADER} header, on error pages and in JSON errors, so that a user's report leads to
 * the log line.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 64;
    static final String ATTRIBUTE = "quickscan.requestId";

    private RequestIds() {
    }

    /** The id {@link RequestLog} gave the request (empty only for a request that never passed the filters). */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("");
    }

    static String assign(HttpRequest<?> request) {
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && acceptable(incoming) ? incoming : generate();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    static boolean acceptable(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** 16 hex digits: unique enough to find a line in the log, and cheap (no secure random: it guards nothing). */
    private static String generate() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }
}
