package nl.quickscan.scans;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import nl.quickscan.mail.MailSender;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.BaseUrl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the advisers of a gemeente by e-mail that a coordinator reopened its scan, with the reason. Sent once the
 * reopening is committed, so that a slow mail server holds no lock and a refused reopening mails nobody; without a
 * mail server nothing is sent and the reopening stands.
 */
@Singleton
class ReopenMail {

    private static final Logger LOG = LoggerFactory.getLogger(ReopenMail.class);

    /** A scan reopened by {@code reopenedBy}, for the reason given: published inside the reopening's transaction. */
    record Reopened(ScanRow scan, String reopenedBy, String reason) {
    }

    private final ReminderRepository recipients;
    private final MailSender mail;
    private final BaseUrl baseUrl;

    ReopenMail(ReminderRepository recipients, MailSender mail, BaseUrl baseUrl) {
        this.recipients = recipients;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void send(Reopened reopened) {
        if (!mail.configured()) {
            return;
        }
        ScanMails.Message message = ScanMails.reopened(reopened.scan(), reopened.reopenedBy(), reopened.reason(),
                baseUrl.link("/scans/" + reopened.scan().id()));
        try {
            mail.sendAll(recipients.advisersOf(TenantScope.platform(), reopened.scan().gemeenteId()).stream()
                    .map(adviser -> message.to(adviser.email())).toList());
        } catch (RuntimeException e) {
            // The reopening is committed; a failing e-mail must not turn its answer into an error.
            LOG.warn("The e-mail about reopened scan {} was not sent: {}", reopened.scan().id(), e.getMessage());
        }
    }
}
