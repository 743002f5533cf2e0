package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.mail.MailSender;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Password reset links by e-mail, always to the account's own address: asked for by a coordinator or beheerder
 * ({@link AccountAdmin#sendPasswordReset}) or by the holder on "Wachtwoord vergeten" ({@link #requestFor}).
 */
@Singleton
public class PasswordResets {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final AccountRepository accounts;
    private final Invitations invitations;
    private final InvitationMailer mailer;
    private final BaseUrl baseUrl;
    private final AuditLog auditLog;
    private final ExecutorService mailExecutor;

    PasswordResets(AccountRepository accounts, Invitations invitations, InvitationMailer mailer, BaseUrl baseUrl,
                   AuditLog auditLog, @Named("mail") ExecutorService mailExecutor) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.auditLog = auditLog;
        this.mailExecutor = mailExecutor;
    }

    /** Whether links can be mailed at all (an SMTP server is configured). */
    public boolean available() {
        return mailer.configured();
    }

    /**
     * Mails a new link to the account's own address, ending its earlier open links; a link whose e-mail failed is
     * withdrawn. actor: who asked, or null for the holder on "Wachtwoord vergeten"; regioId: the account's regio
     * (of its gemeente, for an adviser), for the audit log, which records who asked.
     */
    MailSender.Outcome mailLink(Account account, @Nullable Long regioId, @Nullable CurrentAccount actor) {
        String token = invitations.issue(account.id(), actor == null ? account.id() : actor.id(), Purpose.PASSWORD_RESET);
        MailSender.Outcome mailed = mailer.send(Purpose.PASSWORD_RESET, account.email(), account.displayName(),
                baseUrl.link(Purpose.PASSWORD_RESET.path() + token));
        if (mailed != MailSender.Outcome.SENT) {
            invitations.withdraw(token);
        }
        String how = actor == null ? "Zelf aangevraagd via ‘Wachtwoord vergeten’. " : "";
        auditLog.record(actor, AuditAction.PASSWORD_RESET_REQUESTED, "account " + account.email(), how
                        + (mailed == MailSender.Outcome.SENT
                        ? "Link voor een nieuw wachtwoord gemaild naar het eigen adres van het account, "
                        + Purpose.PASSWORD_RESET.validityText() + " geldig; eerdere links vervallen"
                        : "E-mail met de link voor een nieuw wachtwoord kon niet worden verstuurd; link ingetrokken"),
                regioId, account.gemeenteId());
        return mailed;
    }

    /**
     * "Wachtwoord vergeten": looks the address up and mails the link after the caller has answered, on an executor
     * of its own, so that the answer takes as long and says the same whether the address has an account or not.
     * An unknown address, an account without a password yet and a deactivated one get no e-mail.
     */
    void requestFor(String email) {
        String normalized = Account.normalizeEmail(email);
        try {
            mailExecutor.execute(() -> {
                try {
                    Optional<Account> account = accounts.findByEmail(normalized);
                    if (account.isEmpty() || account.get().passwordHash() == null) {
                        return;
                    }
                    Long regioId = accounts.findVisible(TenantScope.platform(), account.get().id())
                            .map(AccountRow::regioId).orElse(null);
                    if (!account.get().active()) {
                        auditLog.record(null, AuditAction.PASSWORD_RESET_REQUESTED, "account " + account.get().email(),
                                "Zelf aangevraagd via ‘Wachtwoord vergeten’. Geen e-mail verstuurd: het account is gedeactiveerd",
                                regioId, account.get().gemeenteId());
                        return;
                    }
                    mailLink(account.get(), regioId, null);
                } catch (RuntimeException e) {
                    LOG.warn("A password reset asked for on 'Wachtwoord vergeten' failed: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("A password reset asked for on 'Wachtwoord vergeten' was not queued: {}", e.getMessage());
        }
    }
}
