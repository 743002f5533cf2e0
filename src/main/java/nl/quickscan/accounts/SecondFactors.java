package nl.quickscan.accounts;

import nl.quickscan.text.DutchFormat;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The second factor of password logins: a TOTP secret per account ({@link Totp}), set up and confirmed with a code,
 * and ten single-use recovery codes. Required for the roles in {@code quickscan.totp.required-roles}. Every
 * change ends the account's other sessions.
 */
@Singleton
public class SecondFactors {

    /** What the authenticator app shows as the service. */
    static final String ISSUER = "Quickscan seksueel geweld";
    static final int RECOVERY_CODES = 10;
    /** The longest code field taken: a recovery code typed with spaces or dashes fits well within it. */
    public static final int MAX_CODE_LENGTH = 32;
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    static final String WRONG_CODE = "De code klopt niet. Vul de code in die de app nu toont (de code verandert elke"
            + " 30 seconden), of een herstelcode. Na " + LoginService.MAX_FAILURES + " mislukte pogingen wordt het"
            + " account " + DutchFormat.duration(LoginService.LOCK_DURATION) + " geblokkeerd.";
    static final String WRONG_SETUP_CODE = "De code klopt niet. Vul de code in die de app nu toont. Controleer ook of"
            + " de tijd op uw telefoon goed staat.";
    static final String ALREADY_ON = "Tweestapsverificatie staat al aan voor uw account. Er is niets veranderd.";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int RECOVERY_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorRepository secondFactors;
    private final RecoveryCodeRepository recoveryCodes;
    private final LoginChallengeRepository challenges;
    private final SecretSeal seal;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final Set<Role> requiredRoles;
    private final AccountRepository accounts;

    SecondFactors(SecondFactorRepository secondFactors, RecoveryCodeRepository recoveryCodes,
                  LoginChallengeRepository challenges, SecretSeal seal, Sessions sessions, AuditLog auditLog,
                  AccountRepository accounts,
                  @Value("${quickscan.totp.required-roles:BEHEERDER,COORDINATOR}") String requiredRoles) {
        this.secondFactors = secondFactors;
        this.recoveryCodes = recoveryCodes;
        this.challenges = challenges;
        this.seal = seal;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.requiredRoles = roles(requiredRoles);
        this.accounts = accounts;
    }

    /** "BEHEERDER,COORDINATOR" to roles; a name that is no role stops the app rather than require less than meant. */
    static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.split(",")) {
            String role = name.strip().toUpperCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            roles.add(Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("quickscan.totp.required-roles (QUICKSCAN_TOTP_REQUIRED_ROLES): '"
                            + name.strip() + "' is no role; use BEHEERDER, COORDINATOR and/or ADVISEUR, comma-separated")));
        }
        return roles;
    }

    /** Why a typed code is not even worth checking (empty, too long), or null. */
    @Nullable
    static String codeProblem(String code) {
        if (code.isEmpty()) {
            return "Vul de code in die de app toont.";
        }
        if (code.length() > MAX_CODE_LENGTH) {
            return "Een code is hoogstens " + MAX_CODE_LENGTH + " tekens lang. Vul de code in die de app toont.";
        }
        return null;
    }

    public boolean requiredFor(Role role) {
        return requiredRoles.contains(role);
    }

    public boolean enrolled(long accountId) {
        return secondFactors.isConfirmed(accountId);
    }

    /** The secret being set up, a new one when there is none yet; a conflict when the second factor is on already. */
    @Transactional
    public String pendingSecret(long accountId) {
        Optional<SecondFactor> existing = secondFactors.findById(accountId);
        if (existing.isPresent() && existing.get().confirmed()) {
            throw new ConflictException(ALREADY_ON);
        }
        Optional<String> secret = existing.flatMap(factor -> seal.open(factor.secretSealed()));
        return secret.isPresent() ? secret.get() : newSecret(accountId);
    }

    /** A new secret to set up, in place of one being set up; a conflict when the second factor is on already. */
    @Transactional
    public String restart(long accountId) {
        if (enrolled(accountId)) {
            throw new ConflictException(ALREADY_ON);
        }
        return newSecret(accountId);
    }

    private String newSecret(long accountId) {
        String secret = Totp.newSecret();
        secondFactors.remove(accountId);
        secondFactors.save(new SecondFactor(accountId, seal.seal(secret), Instant.now(), null, Long.MIN_VALUE));
        return secret;
    }

    /**
     * Switches the second factor on when the code fits the secret being set up; returns the new recovery codes (the
     * only time they are shown), or empty when the code is wrong. Ends the account's other sessions.
     */
    @Transactional
    public Optional<List<String>> confirm(CurrentAccount account, String code) {
        Instant now = Instant.now();
        Optional<SecondFactor> pending = secondFactors.findById(account.id());
        if (pending.isPresent() && pending.get().confirmed()) {
            throw new ConflictException(ALREADY_ON);
        }
        OptionalLong step = pending.flatMap(factor -> seal.open(factor.secretSealed()))
                .map(secret -> Totp.matchingStep(secret, normalized(code), now)).orElse(OptionalLong.empty());
        if (step.isEmpty() || secondFactors.confirm(account.id(), now, step.getAsLong()) == 0) {
            return Optional.empty();
        }
        List<String> codes = newRecoveryCodes(account.id());
        sessions.endAllOthersOf(account);
        auditLog.record(account, AuditAction.SECOND_FACTOR_ENABLED, "account " + account.email(),
                "Tweestapsverificatie aangezet; " + RECOVERY_CODES + " herstelcodes gemaakt; andere sessies beëindigd",
                account.regioId(), account.gemeenteId());
        return Optional.of(codes);
    }

    private List<String> newRecoveryCodes(long accountId) {
        recoveryCodes.removeAllOf(accountId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            code.insert(RECOVERY_LENGTH / 2, '-');
            codes.add(code.toString());
            recoveryCodes.save(new RecoveryCode(null, accountId, Invitations.hash(normalized(code.toString())), null));
        }
        return codes;
    }

    /**
     * A code of the account's app or one of its recovery codes, each taken once: a code of a time step at or
     * before the last accepted one is refused, a recovery code is used up.
     */
    public boolean verify(long accountId, String input) {
        String code = normalized(input);
        if (code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
            return false;
        }
        if (Totp.looksLikeCode(code)) {
            OptionalLong step = secondFactors.findById(accountId).filter(SecondFactor::confirmed)
                    .flatMap(factor -> seal.open(factor.secretSealed()))
                    .map(secret -> Totp.matchingStep(secret, code, Instant.now())).orElse(OptionalLong.empty());
            return step.isPresent() && secondFactors.useStep(accountId, step.getAsLong()) == 1;
        }
        return recoveryCodes.use(accountId, Invitations.hash(code), Instant.now()) == 1;
    }

    public int unusedRecoveryCodes(long accountId) {
        return recoveryCodes.countUnused(accountId);
    }

    /** The beheerder switches an account's second factor off (it lost its phone): audited, all its sessions ended. */
    @Transactional
    public void reset(CurrentAccount actor, AccountRow account) {
        remove(account.id());
        sessions.endAllOf(account.id());
        auditLog.record(actor, AuditAction.SECOND_FACTOR_RESET, "account " + account.email(),
                "Tweestapsverificatie uitgezet door de beheerder; alle sessies beëindigd", account.regioId(),
                accounts.findById(account.id()).map(Account::gemeenteId).orElse(null));
    }

    /**
     * The holder switches it off, with a current code, where the role does not require it; false for a wrong code.
     * Ends the account's other sessions.
     */
    @Transactional
    public boolean switchOff(CurrentAccount account, String code) {
        if (requiredFor(account.role())) {
            throw new ConflictException("Voor uw rol is tweestapsverificatie verplicht. Er is niets veranderd.");
        }
        if (!verify(account.id(), code)) {
            return false;
        }
        remove(account.id());
        sessions.endAllOthersOf(account);
        auditLog.record(account, AuditAction.SECOND_FACTOR_DISABLED, "account " + account.email(),
                "Tweestapsverificatie uitgezet door de gebruiker; andere sessies beëindigd", account.regioId(),
                account.gemeenteId());
        return true;
    }

    /** Forgets the account's second factor, recovery codes and open login steps (also when it is removed). */
    void remove(long accountId) {
        secondFactors.remove(accountId);
        recoveryCodes.removeAllOf(accountId);
        challenges.removeAllOf(accountId);
    }

    /** The step after a right password: a token for the code form, valid for a few minutes and once. */
    public String openChallenge(long accountId) {
        Instant now = Instant.now();
        challenges.deleteExpired(now);
        return challenge(accountId, now.plus(CHALLENGE_LIFETIME));
    }

    /**
     * The next try after a refused code: a new token that ends when the first one would have, so that wrong codes
     * never stretch the step beyond a few minutes after the password; empty once that moment has passed.
     */
    public Optional<String> retryChallenge(LoginChallenge taken) {
        return taken.expiresAt().isAfter(Instant.now())
                ? Optional.of(challenge(taken.accountId(), taken.expiresAt())) : Optional.empty();
    }

    private String challenge(long accountId, Instant expiresAt) {
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        challenges.save(new LoginChallenge(Invitations.hash(token), accountId, expiresAt));
        return token;
    }

    /** The login step of the token, using the token up; empty when it expired or was used. */
    public Optional<LoginChallenge> takeChallenge(String token) {
        String hash = Invitations.hash(token);
        return challenges.findLive(hash, Instant.now()).filter(challenge -> challenges.use(hash) == 1);
    }

    /** Without spaces and dashes, in lower case: codes may be typed as the app or the list shows them. */
    private static String normalized(String code) {
        return code == null ? "" : code.replace(" ", "").replace("-", "").strip().toLowerCase(Locale.ROOT);
    }
}
