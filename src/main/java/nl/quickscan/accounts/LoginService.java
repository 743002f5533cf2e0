package nl.quickscan.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks a password, counts failures and locks an account after {@value #MAX_FAILURES} of them. */
@Singleton
public class LoginService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    public static final String WRONG_CREDENTIALS = "Het e-mailadres of het wachtwoord klopt niet.";
    public static final String LOCKED = "Dit account is tijdelijk geblokkeerd na " + MAX_FAILURES
            + " mislukte pogingen om in te loggen. Probeer het over 15 minuten opnieuw, of vraag de beheerder om het account te deblokkeren.";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;

    LoginService(AccountRepository accounts, PasswordHasher hasher, AuditLog auditLog) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.auditLog = auditLog;
    }

    /** The outcome: the account when the password was right, otherwise the Dutch reason. */
    public record Outcome(Optional<Account> account, String message) {
        static Outcome success(Account account) {
            return new Outcome(Optional.of(account), "");
        }

        static Outcome failure(String message) {
            return new Outcome(Optional.empty(), message);
        }
    }

    @Transactional
    public Outcome authenticate(String email, String password) {
        Instant now = Instant.now();
        Optional<Account> found = accounts.findByEmail(Account.normalizeEmail(email))
                .filter(account -> account.active() && account.passwordHash() != null);
        // Always compare a hash, so that an unknown address takes as long as a wrong password.
        boolean matches = hasher.matches(password, found.map(Account::passwordHash).orElse(null));
        if (found.isEmpty()) {
            return Outcome.failure(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        if (account.lockedAt(now)) {
            return Outcome.failure(LOCKED);
        }
        if (matches) {
            if (account.failedLogins() > 0 || account.lockedUntil() != null) {
                accounts.clearFailedLogins(account.id());
            }
            return Outcome.success(account);
        }
        accounts.countFailedLogin(account.id());
        if (accounts.lockWhenFailuresReach(account.id(), MAX_FAILURES, now.plus(LOCK_DURATION)) > 0) {
            auditLog.record(null, "ACCOUNT_LOCKED", "account " + account.email(),
                    MAX_FAILURES + " mislukte inlogpogingen; geblokkeerd tot " + now.plus(LOCK_DURATION),
                    account.regioId(), account.gemeenteId());
            return Outcome.failure(LOCKED);
        }
        return Outcome.failure(WRONG_CREDENTIALS);
    }
}
