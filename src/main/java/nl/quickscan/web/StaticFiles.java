package nl.quickscan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of the files under {@code public/} (served at /static/) with a version taken from their content,
 * such as {@code /static/app.css?v=3f2a9c41d0}: a changed file gets a new address, so browsers may keep each
 * version for a year. The version of a file is computed once, the first time a page names it.
 */
public final class StaticFiles {

    public static final String PREFIX = "/static/";
    private static final Map<String, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

    private StaticFiles() {
    }

    /** The versioned address of a file under public/, e.g. "app.css"; unversioned if there is no such file. */
    public static String url(String file) {
        return version(file).map(v -> PREFIX + file + "?v=" + v).orElse(PREFIX + file);
    }

    /** Whether a request for /static/{file} asks for the file's current version. */
    static boolean isCurrent(String path, String requestedVersion) {
        if (requestedVersion == null || !path.startsWith(PREFIX) || path.contains("..")) {
            return false;
        }
        return version(path.substring(PREFIX.length())).map(requestedVersion::equals).orElse(false);
    }

    private static Optional<String> version(String file) {
        return VERSIONS.computeIfAbsent(file, StaticFiles::hash);
    }

    private static Optional<String> hash(String file) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("public/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return Optional.of(HexFormat.of().formatHex(digest, 0, 5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
