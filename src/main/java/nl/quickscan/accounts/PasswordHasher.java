package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes; refusing longer passwords keeps that from surprising anyone. */
    public static final int MAX_LENGTH = 72;

    private final BCryptPasswordEncoder encoder;
    /** Compared against when the account does not exist, so that unknown and known users take equally long. */
    private final String dummyHash;

    public PasswordHasher(@Value("${quickscan.bcrypt-strength:12}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummyHash = encoder.encode("no-such-account-password");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.isEmpty() || password.length() > MAX_LENGTH) {
            return false;
        }
        return encoder.matches(password, hash == null ? dummyHash : hash);
    }

    /** Dutch reason why a new password is not acceptable, or null when it is. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Kies een wachtwoord van minstens " + MIN_LENGTH + " tekens.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Kies een wachtwoord van hoogstens " + MAX_LENGTH + " tekens.";
        }
        if (password.isBlank()) {
            return "Een wachtwoord van alleen spaties kan niet.";
        }
        return null;
    }
}
