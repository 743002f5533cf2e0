package nl.quickscan.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Single-use links by which a new account holder chooses a password; valid for {@link #VALIDITY}. */
@Singleton
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final AuditLog auditLog;

    Invitations(InvitationRepository invitations, AccountRepository accounts, PasswordHasher hasher,
                Sessions sessions, AuditLog auditLog) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /** Creates a link for the account, ending earlier open links; returns the token to put in the link. */
    public String issue(long accountId, CurrentAccount issuer) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        invitations.revokeOpenOf(accountId, now);
        invitations.save(new Invitation(hash(token), accountId, issuer.id(), now, now.plus(VALIDITY), null));
        return token;
    }

    /** The account the link is for, while the link is unused and not expired. */
    public Optional<Account> accountFor(String token) {
        return invitations.findUsable(hash(token), Instant.now())
                .flatMap(invitation -> accounts.findById(invitation.accountId()))
                .filter(Account::active);
    }

    /** Sets the password and uses up the link; false when the link is no longer usable. */
    @Transactional
    public boolean accept(String token, String password) {
        Optional<Account> account = accountFor(token);
        if (account.isEmpty() || invitations.markUsed(hash(token), Instant.now()) == 0) {
            return false;
        }
        accounts.setPassword(account.get().id(), hasher.hash(password));
        sessions.endAllOf(account.get().id());
        auditLog.record(null, "INVITATION_ACCEPTED", "account " + account.get().email(),
                "Wachtwoord ingesteld via uitnodiging", account.get().regioId(), account.get().gemeenteId());
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
