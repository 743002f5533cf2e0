package nl.quickscan.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a newly chosen password must meet, in one place: 12 characters or more, at most 72 bytes (what BCrypt
 * reads), not in the shipped list of common passwords (resources/passwords, see the README there) and no obvious
 * pattern: one character or block repeated, a run such as "abcdefghijkl", the e-mail address or the name of the
 * site. Passwords that are set directly (the demo and test passwords) do not pass through here.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** In bytes of UTF-8: BCrypt reads no more, and the hashing library refuses longer passwords. */
    public static final int MAX_BYTES = 72;

    static final String TOO_SHORT = "Kies een wachtwoord van minstens " + MIN_LENGTH + " tekens.";
    static final String TOO_LONG = "Dit wachtwoord is te lang. Kies een wachtwoord van hoogstens " + MAX_BYTES
            + " tekens. Letters met een accent en andere bijzondere tekens tellen voor twee of meer.";
    /** At login: the password cannot be anyone's, since none that long can be chosen. */
    static final String TOO_LONG_AT_LOGIN = "Dit wachtwoord is te lang: een wachtwoord heeft hoogstens " + MAX_BYTES
            + " tekens, en letters met een accent en andere bijzondere tekens tellen voor twee of meer. Controleer wat u heeft ingevuld.";
    static final String ONLY_SPACES = "Een wachtwoord van alleen spaties kan niet.";
    static final String COMMON = "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. "
            + "Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden.";
    static final String PATTERN = "Dit wachtwoord is makkelijk te raden, omdat het een eenvoudig patroon volgt "
            + "(steeds hetzelfde teken of stukje, of een reeks zoals abcdef of 123456). Kies een ander wachtwoord.";
    static final String EMAIL = "Gebruik uw e-mailadres niet in uw wachtwoord. Kies een ander wachtwoord.";
    static final String SITE_NAME = "Gebruik de naam Quickscan niet in uw wachtwoord. Kies een ander wachtwoord.";

    private static final String LIST = "/passwords/common-passwords.txt";

    private PasswordRules() {
    }

    /** True when BCrypt could not take the password whole (more than {@value #MAX_BYTES} bytes of UTF-8). */
    public static boolean tooLong(String password) {
        // A character is at most 3 bytes per UTF-16 unit, so short strings need no encoding.
        return password.length() * 3 > MAX_BYTES && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** Dutch reason why the password may not be chosen, or null when it may; {@code email} may be null. */
    public static String problemWith(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return TOO_SHORT;
        }
        if (tooLong(password)) {
            return TOO_LONG;
        }
        if (password.isBlank()) {
            return ONLY_SPACES;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isRepetition(lower) || isRun(lower)) {
            return PATTERN;
        }
        if (mentionsEmail(lower, email)) {
            return EMAIL;
        }
        if (lettersOnly(lower).contains("quickscan")) {
            return SITE_NAME;
        }
        String core = stripEnds(lower);
        if (Common.PASSWORDS.contains(lower) || core.length() >= 4 && Common.PASSWORDS.contains(core)) {
            return COMMON;
        }
        return null;
    }

    /** The whole password is one block typed two or more times: "aaaaaaaaaaaa", "abcabcabcabc", "wortelwortel". */
    private static boolean isRepetition(String password) {
        int length = password.length();
        for (int block = 1; block <= length / 2; block++) {
            if (length % block == 0 && password.substring(0, block).repeat(length / block).equals(password)) {
                return true;
            }
        }
        return false;
    }

    /** Every character one up (or one down) from the one before: "abcdefghijkl", "987654321098" is not. */
    private static boolean isRun(String password) {
        int[] codePoints = password.codePoints().toArray();
        int step = codePoints[1] - codePoints[0];
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < codePoints.length; i++) {
            if (codePoints[i] - codePoints[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsEmail(String password, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String address = Account.normalizeEmail(email);
        int at = address.indexOf('@');
        String localPart = at < 0 ? address : address.substring(0, at);
        return password.contains(address) || localPart.length() >= 4 && password.contains(localPart)
                || lettersOnly(localPart).length() >= 4 && lettersOnly(password).contains(lettersOnly(localPart));
    }

    private static String lettersOnly(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    /** Without digits, punctuation and spaces at the start and the end: "password2024!" gives "password". */
    private static String stripEnds(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    /** The shipped list, read once when it is first needed. */
    private static final class Common {
        static final Set<String> PASSWORDS = read();

        private static Set<String> read() {
            Set<String> passwords = new HashSet<>(8192);
            try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("The list of common passwords is missing: " + LIST);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String password = line.strip();
                    if (!password.isEmpty() && !password.startsWith("#")) {
                        passwords.add(password.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return passwords;
        }
    }
}
