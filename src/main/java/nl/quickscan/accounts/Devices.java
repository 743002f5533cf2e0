package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Where a login came from, in a few Dutch words read from its User-Agent ("Firefox op Windows"), so that the
 * holder recognises their own devices on "Mijn sessies". Only a hint: any client can send any User-Agent.
 */
final class Devices {

    /** Checked in this order: Edge and Opera also name Chrome, Chrome also names Safari. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS/", "Firefox"), Map.entry("CriOS/", "Chrome"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"));
    /** iPhone and iPad before Mac, Android before Linux: their User-Agents name both. */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("iPhone", "iPhone"), Map.entry("iPad", "iPad"), Map.entry("Android", "Android"),
            Map.entry("Windows", "Windows"), Map.entry("Macintosh", "Mac"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private Devices() {
    }

    static String describe(LoginSession.Kind kind, @Nullable String userAgent) {
        if (kind == LoginSession.Kind.API) {
            String program = program(userAgent);
            return program == null ? "API-token" : "API-token (" + program + ")";
        }
        if (userAgent == null) {
            return "Onbekende browser";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? "Onbekende browser" : "Browser op " + system;
        }
        return system == null ? browser : browser + " op " + system;
    }

    @Nullable
    private static String first(List<Map.Entry<String, String>> known, String userAgent) {
        return known.stream().filter(entry -> userAgent.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The program's name of a User-Agent such as "curl/8.5.0" or "Java-http-client/17": the part before the slash. */
    @Nullable
    private static String program(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.matches("[A-Za-z0-9._-]{1,30}") ? first : null;
    }
}
