package nl.quickscan.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Single-use links by which an account holder chooses a password: the invitation of a new account, or a password
 * reset for an account that has one. Each {@link Invitation.Purpose} has its own page and validity.
 */
@Singleton
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final AuditLog auditLog;
    /** The app's clock, by which links expire (a test moves it past the validity). */
    private final Clock clock;

    Invitations(InvitationRepository invitations, AccountRepository accounts, PasswordHasher hasher,
                Sessions sessions, AuditLog auditLog, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates a link for the account, ending its earlier open links of any purpose; returns the token to put in the
     * link. issuedBy: the account that asked for it (the holder's own for "Wachtwoord vergeten").
     */
    @Transactional
    public String issue(long accountId, long issuedBy, Purpose purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        invitations.revokeOpenOf(accountId, now);
        invitations.save(new Invitation(hash(token), accountId, issuedBy, now, now.plus(purpose.validity()), null,
                purpose));
        return token;
    }

    /** Ends a link that was issued but could not be delivered. */
    public void withdraw(String token) {
        invitations.markUsed(hash(token), clock.instant());
    }

    /**
     * The account the link is for, while the link is unused, not expired and of this purpose. An invitation works
     * only while the account has no password: whoever saw the link can never replace a password the holder chose.
     */
    public Optional<Account> accountFor(String token, Purpose purpose) {
        return invitations.findUsable(hash(token), clock.instant())
                .filter(invitation -> invitation.purpose() == purpose)
                .flatMap(invitation -> accounts.findById(invitation.accountId()))
                .filter(Account::active)
                .filter(account -> purpose != Purpose.INVITATION || account.passwordHash() == null);
    }

    /**
     * Sets the password, uses up the link and ends every session of the account; false when the link is no longer
     * usable. A reset also lifts a lock after failed logins: whoever holds the link has shown they own the mailbox.
     */
    @Transactional
    public boolean accept(String token, Purpose purpose, String password) {
        Optional<Account> account = accountFor(token, purpose);
        if (account.isEmpty() || invitations.markUsed(hash(token), clock.instant()) == 0) {
            return false;
        }
        accounts.setPassword(account.get().id(), hasher.hash(password));
        sessions.endAllOf(account.get().id());
        if (purpose == Purpose.PASSWORD_RESET) {
            accounts.clearFailedLogins(account.get().id());
        }
        if (purpose == Purpose.INVITATION) {
            auditLog.record(null, AuditAction.INVITATION_ACCEPTED, "account " + account.get().email(),
                    "Wachtwoord ingesteld via uitnodiging", account.get().regioId(), account.get().gemeenteId());
        } else {
            auditLog.record(null, AuditAction.PASSWORD_RESET_COMPLETED, "account " + account.get().email(),
                    "Nieuw wachtwoord ingesteld via herstellink; alle sessies beëindigd", account.get().regioId(),
                    account.get().gemeenteId());
        }
        return true;
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
