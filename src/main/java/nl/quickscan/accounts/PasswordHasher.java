package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.concurrent.atomic.AtomicLong;

@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = PasswordRules.MIN_LENGTH;
    /**
     * In bytes of UTF-8, not characters: BCrypt reads only the first 72 bytes and the hashing library refuses
     * longer passwords, so they are refused before they get there ({@link PasswordRules#tooLong}).
     */
    public static final int MAX_LENGTH = PasswordRules.MAX_BYTES;

    private final BCryptPasswordEncoder encoder;
    /** Compared against when the account does not exist, so that unknown and known users take equally long. */
    private final String dummyHash;
    /** Passwords compared with an account's real hash, for tests and diagnostics. */
    private final AtomicLong comparisons = new AtomicLong();

    public PasswordHasher(@Value("${quickscan.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummyHash = encoder.encode("no-such-account-password");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.isEmpty() || PasswordRules.tooLong(password)) {
            return false;
        }
        if (hash == null) {
            return encoder.matches(password, dummyHash);
        }
        comparisons.incrementAndGet();
        return encoder.matches(password, hash);
    }

    /** How many passwords were compared with a real hash (not the dummy) since the start. */
    long comparisons() {
        return comparisons.get();
    }

    /** Takes as long as {@link #matches} but compares against nothing: for attempts that must not be evaluated. */
    public void matchNothing(String password) {
        matches(password, null);
    }

    /** Dutch reason why a new password is not acceptable, or null when it is; see {@link PasswordRules}. */
    public static String problemWith(String password) {
        return PasswordRules.problemWith(password, null);
    }

    /** As {@link #problemWith(String)}, and the password may not contain the account's e-mail address. */
    public static String problemWith(String password, String email) {
        return PasswordRules.problemWith(password, email);
    }
}
