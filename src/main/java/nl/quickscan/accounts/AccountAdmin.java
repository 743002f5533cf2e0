package nl.quickscan.accounts;

import nl.quickscan.identity.Role;
import nl.quickscan.identity.CurrentAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.mail.MailSender;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.InvalidInput;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating and changing accounts. A beheerder manages every account; a coordinator creates and manages the
 * beleidsadviseurs of the gemeenten in their own regio, and nothing else.
 */
@Singleton
public class AccountAdmin {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository accounts;
    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final Invitations invitations;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final PasswordResets passwordResets;
    private final InvitationRepository invitationLinks;
    private final SecondFactors secondFactors;

    AccountAdmin(AccountRepository accounts, GemeenteRepository gemeenten, RegioRepository regios,
                 Invitations invitations, Sessions sessions, AuditLog auditLog, PasswordResets passwordResets,
                 InvitationRepository invitationLinks, SecondFactors secondFactors) {
        this.invitationLinks = invitationLinks;
        this.secondFactors = secondFactors;
        this.passwordResets = passwordResets;
        this.accounts = accounts;
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.invitations = invitations;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /** A new account and the token of its invitation link. */
    public record Created(Account account, String invitationToken) {
    }

    /** The account as an editor may see it, or empty when it is outside the editor's reach. */
    public Optional<AccountRow> manageable(CurrentAccount actor, TenantScope scope, long id) {
        return accounts.findVisible(scope, id)
                .filter(row -> actor.is(Role.BEHEERDER) || row.role() == Role.ADVISEUR);
    }

    @Transactional
    public Created create(CurrentAccount actor, TenantScope scope, AccountForm form, InvalidInput problems) {
        String email = Account.normalizeEmail(form.email());
        problems.require("email", form.email(), Account.MAX_EMAIL_LENGTH, "het e-mailadres");
        if (!problems.has("email") && !EMAIL.matcher(email).matches()) {
            problems.add("email", "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.");
        }
        if (!problems.has("email") && accounts.findByEmail(email).isPresent()) {
            problems.add("email", "Er is al een account met dit e-mailadres.");
        }
        problems.require("displayName", form.displayName(), Account.MAX_DISPLAY_NAME_LENGTH, "de naam");
        Placement placement = placement(actor, scope, form, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        Account account = accounts.save(Account.invited(email, form.displayName(), placement.role(),
                placement.gemeenteId(), placement.regioId(), Instant.now()));
        String token = invitations.issue(account.id(), actor.id(), Purpose.INVITATION);
        auditLog.record(actor, AuditAction.ACCOUNT_CREATED, "account " + email,
                "Rol " + placement.role().label() + placement.describe() + "; uitnodiging aangemaakt",
                placement.auditRegioId(), placement.gemeenteId());
        return new Created(account, token);
    }

    @Transactional
    public void update(CurrentAccount actor, AccountRow existing, AccountForm form, InvalidInput problems) {
        problems.require("displayName", form.displayName(), Account.MAX_DISPLAY_NAME_LENGTH, "de naam");
        Placement placement = placement(actor, TenantScope.of(actor), form, problems);
        boolean active = form.activeChecked();
        if (existing.id() == actor.id() && (placement != null && placement.role() != actor.role() || !active)) {
            problems.add("role", "U kunt uw eigen rol niet wijzigen en uw eigen account niet deactiveren.");
        }
        if (!problems.isEmpty()) {
            return;
        }
        Account before = accounts.findById(existing.id()).orElseThrow();
        accounts.updateProfile(existing.id(), form.displayName().strip(), placement.role().name(),
                placement.gemeenteId(), placement.regioId(), active);
        boolean accessChanged = before.role() != placement.role() || before.active() != active
                || !java.util.Objects.equals(before.gemeenteId(), placement.gemeenteId())
                || !java.util.Objects.equals(before.regioId(), placement.regioId());
        if (accessChanged) {
            sessions.endAllOf(existing.id());
        }
        auditLog.record(actor, AuditAction.ACCOUNT_UPDATED, "account " + existing.email(),
                "Naam " + form.displayName().strip() + "; rol " + placement.role().label() + placement.describe()
                        + "; " + (active ? "actief" : "gedeactiveerd") + (accessChanged ? "; sessies beëindigd" : ""),
                placement.auditRegioId(), placement.gemeenteId());
    }

    @Transactional
    public void unlock(CurrentAccount actor, AccountRow account) {
        accounts.clearFailedLogins(account.id());
        auditLog.record(actor, AuditAction.ACCOUNT_UNLOCKED, "account " + account.email(), "Blokkade opgeheven",
                account.regioId(), null);
    }

    /** Why the actor cannot remove the account; empty when they can. */
    public Optional<String> whyNotRemovable(CurrentAccount actor, AccountRow account) {
        return account.id() == actor.id()
                ? Optional.of("U kunt uw eigen account niet verwijderen. Vraag een andere beheerder om dat te doen.")
                : Optional.empty();
    }

    /**
     * Removes the account (AVG): the row stays, so that answers, history, plans and the audit log keep naming who
     * did what, but as {@link Account#FORMER}; its name and address are gone, also from the audit log, it cannot log
     * in (no password, no single sign-on, open links withdrawn, second factor forgotten) and every session ends.
     *
     * @throws ConflictException for the actor's own account
     */
    @Transactional
    public void remove(CurrentAccount actor, AccountRow account) {
        Optional<String> refusal = whyNotRemovable(actor, account);
        if (refusal.isPresent()) {
            throw new ConflictException(refusal.get());
        }
        Account before = accounts.findById(account.id()).orElseThrow();
        Instant now = Instant.now();
        auditLog.forget(account.id(), before.email(), before.displayName(), Account.FORMER);
        accounts.remove(account.id(), Account.formerEmail(account.id()), Account.FORMER, now);
        invitationLinks.revokeOpenOf(account.id(), now);
        secondFactors.remove(account.id());
        sessions.endAllOf(account.id());
        auditLog.record(actor, AuditAction.ACCOUNT_REMOVED, "account " + account.id(), "Rol " + account.role().label()
                        + (account.gemeenteName() != null ? ", gemeente " + account.gemeenteName()
                        : account.regioName() != null ? ", regio " + account.regioName() : "")
                        + "; naam en e-mailadres vervangen door '" + Account.FORMER + "'; sessies beëindigd",
                account.regioId(), before.gemeenteId());
    }

    /**
     * A new invitation link for an account that has not chosen a password yet; null, and nothing changes, when
     * it has one: whoever sees an invitation link could otherwise take the account over.
     */
    @Nullable
    @Transactional
    public String reinvite(CurrentAccount actor, AccountRow account) {
        if (accounts.findById(account.id()).orElseThrow().passwordHash() != null) {
            return null;
        }
        String token = invitations.issue(account.id(), actor.id(), Purpose.INVITATION);
        auditLog.record(actor, AuditAction.INVITATION_CREATED, "account " + account.email(),
                "Nieuwe uitnodigingslink; eerdere links vervallen", account.regioId(), null);
        return token;
    }

    public enum ResetOutcome { SENT, NO_PASSWORD_YET, INACTIVE, MAIL_NOT_CONFIGURED, MAIL_FAILED }

    /**
     * Mails a password reset link to the account's own address; the one who asks never sees the link. Nothing
     * changes unless the e-mail went out: without SMTP the request is refused, and a link whose e-mail failed is
     * withdrawn. Earlier open links of the account end once a new one is sent.
     */
    public ResetOutcome sendPasswordReset(CurrentAccount actor, AccountRow account) {
        Account current = accounts.findById(account.id()).orElseThrow();
        if (current.passwordHash() == null) {
            return ResetOutcome.NO_PASSWORD_YET;
        }
        if (!current.active()) {
            return ResetOutcome.INACTIVE;
        }
        if (!passwordResets.available()) {
            return ResetOutcome.MAIL_NOT_CONFIGURED;
        }
        MailSender.Outcome mailed = passwordResets.mailLink(current, account.regioId(), actor);
        return mailed == MailSender.Outcome.SENT ? ResetOutcome.SENT : ResetOutcome.MAIL_FAILED;
    }

    /** Where an account belongs: its role with the gemeente or regio that role needs. */
    private record Placement(Role role, @Nullable Long gemeenteId, @Nullable Long regioId, String where,
                             @Nullable Long auditRegioId) {
        String describe() {
            return where.isEmpty() ? "" : ", " + where;
        }
    }

    @Nullable
    private Placement placement(CurrentAccount actor, TenantScope scope, AccountForm form, InvalidInput problems) {
        Role role = actor.is(Role.BEHEERDER) ? parseRole(form.role(), problems) : Role.ADVISEUR;
        if (role == null) {
            return null;
        }
        return switch (role) {
            case BEHEERDER -> new Placement(role, null, null, "", null);
            case COORDINATOR -> {
                Optional<Regio> regio = FormValues.id(form.regio()).flatMap(id -> regios.findVisible(scope, id));
                if (regio.isEmpty()) {
                    problems.add("regio", "Kies de regio van de coördinator.");
                    yield null;
                }
                yield new Placement(role, null, regio.get().id(), "regio " + regio.get().name(), regio.get().id());
            }
            case ADVISEUR -> {
                Optional<GemeenteRow> gemeente = FormValues.id(form.gemeente()).flatMap(id -> gemeenten.findVisible(scope, id));
                if (gemeente.isEmpty()) {
                    problems.add("gemeente", "Kies de gemeente van de beleidsadviseur.");
                    yield null;
                }
                yield new Placement(role, gemeente.get().id(), null, "gemeente " + gemeente.get().name(),
                        gemeente.get().regioId());
            }
        };
    }

    @Nullable
    private static Role parseRole(@Nullable String value, InvalidInput problems) {
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("role", "Kies een rol: beheerder, regiocoördinator of beleidsadviseur.");
            return null;
        }
    }
}
