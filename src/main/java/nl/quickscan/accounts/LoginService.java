package nl.quickscan.accounts;

import nl.quickscan.text.DutchFormat;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Checks a password, counts failures and locks an account after {@value #MAX_FAILURES} of them. Each attempt first
 * reserves its place in the database ({@link AccountRepository#reserveAttempt}), so that parallel attempts get at
 * most {@value #MAX_FAILURES} passwords compared before the lock; a locked account compares none. An unknown address,
 * a wrong password and a locked account get the same answer and take as long (one hash either way).
 */
@Singleton
public class LoginService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    /** Also for a locked account, so that the answer does not tell whether an address has an account. */
    public static final String WRONG_CREDENTIALS = "Het e-mailadres of het wachtwoord klopt niet. Na " + MAX_FAILURES
            + " mislukte pogingen wordt een account " + DutchFormat.duration(LOCK_DURATION) + " geblokkeerd: probeer het dan later opnieuw, of vraag de beheerder om het te deblokkeren.";

    /** Rounds of reservation before an attempt counts as refused; each failed round means another attempt got a place. */
    private static final int RESERVATION_ROUNDS = MAX_FAILURES + 1;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final SecondFactorRepository secondFactors;

    LoginService(AccountRepository accounts, PasswordHasher hasher, AuditLog auditLog,
                 SecondFactorRepository secondFactors) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.secondFactors = secondFactors;
    }

    /** Why a login was refused, so that the controllers can answer with the right status. */
    public enum Refusal { NONE, WRONG_CREDENTIALS, TOO_MANY_ATTEMPTS, BUSY }

    /** The outcome: the account when the password was right, otherwise the Dutch reason (and seconds to wait). */
    public record Outcome(Optional<Account> account, String message, Refusal refusal, long retryAfterSeconds) {
        static Outcome success(Account account) {
            return new Outcome(Optional.of(account), "", Refusal.NONE, 0);
        }

        static Outcome failure(String message) {
            return new Outcome(Optional.empty(), message, Refusal.WRONG_CREDENTIALS, 0);
        }

        static Outcome refused(Refusal refusal, String message, long retryAfterSeconds) {
            return new Outcome(Optional.empty(), message, refusal, retryAfterSeconds);
        }
    }

    private enum Place { NONE, COUNTED, LAST }

    /** Not one transaction: the reservation is committed before the hash is compared, and holds no lock meanwhile. */
    public Outcome authenticate(String email, String password) {
        Instant now = Instant.now();
        Optional<Account> found = accounts.findByEmail(Account.normalizeEmail(email))
                .filter(account -> account.active() && account.passwordHash() != null);
        if (found.isEmpty()) {
            hasher.matchNothing(password);
            return Outcome.failure(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        // With a second factor the failures are forgotten only after it: a right password alone gives no fresh
        // tries at the code.
        boolean complete = !secondFactors.isConfirmed(account.id());
        return counted(account, now, () -> hasher.matches(password, account.passwordHash()),
                () -> hasher.matchNothing(password), complete, WRONG_CREDENTIALS);
    }

    /**
     * The second step of a login (a code, {@link SecondFactors#verify}), counted towards the same lock as the
     * passwords; {@code refusal} is the answer to a wrong code and to a locked account.
     */
    public Outcome secondStep(long accountId, BooleanSupplier check, String refusal) {
        return accounts.findById(accountId).filter(Account::active)
                .map(account -> counted(account, Instant.now(), check, () -> { }, true, refusal))
                .orElseGet(() -> Outcome.failure(refusal));
    }

    /** One attempt: a place first, then the check; {@code complete}: a right answer ends the login's steps. */
    private Outcome counted(Account account, Instant now, BooleanSupplier check, Runnable whenLocked, boolean complete,
                            String refusal) {
        Instant until = now.plus(LOCK_DURATION);
        Place place = reserve(account.id(), now, until);
        if (place == Place.NONE) {
            whenLocked.run();
            return Outcome.failure(refusal);
        }
        if (check.getAsBoolean()) {
            if (complete) {
                accounts.loggedIn(account.id(), now);
            }
            return Outcome.success(account);
        }
        if (place == Place.LAST) {
            auditLog.record(null, AuditAction.ACCOUNT_LOCKED, "account " + account.email(),
                    MAX_FAILURES + " mislukte inlogpogingen; geblokkeerd tot " + until,
                    account.regioId(), account.gemeenteId());
        }
        return Outcome.failure(refusal);
    }

    /** One place among the {@value #MAX_FAILURES} attempts before the lock; NONE when the account is locked. */
    private Place reserve(long accountId, Instant now, Instant until) {
        for (int round = 0; round < RESERVATION_ROUNDS; round++) {
            if (accounts.reserveAttempt(accountId, MAX_FAILURES, now) == 1) {
                return Place.COUNTED;
            }
            if (accounts.lockAtLastAttempt(accountId, MAX_FAILURES, now, until) == 1) {
                return Place.LAST;
            }
            // Neither: locked, or another attempt changed the count between the two statements.
            if (accounts.findById(accountId).map(account -> account.lockedAt(now)).orElse(true)) {
                return Place.NONE;
            }
        }
        return Place.NONE;
    }
}
