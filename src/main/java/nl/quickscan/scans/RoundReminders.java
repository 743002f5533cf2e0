package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.errors.ConflictException;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.mail.MailSender;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.text.NaturalOrder;
import nl.quickscan.web.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reminders to the advisers of the gemeenten of a round's regio that have not submitted their scan in it: sent by
 * the coordinator (own regio) or beheerder, or by the round itself some days before it closes. One click sends once:
 * a reminder of the same round is refused for {@link #INTERVAL} after the previous one, decided by one conditional
 * UPDATE in the database.
 */
@Singleton
public class RoundReminders {

    private static final Logger LOG = LoggerFactory.getLogger(RoundReminders.class);

    /** How long after a reminder another of the same round is refused. */
    static final Duration INTERVAL = Duration.ofMinutes(5);
    /** How many earlier reminders the page lists. */
    static final int EARLIER_SHOWN = 20;

    /** A gemeente and how many of its advisers get the reminder (0: it has none, and cannot be reminded). */
    @Serdeable
    public record Gemeente(String cbsCode, String name, int recipients) {
    }

    /**
     * What a reminder of the round would be now: the e-mail, the gemeenten that would get it and those that cannot,
     * the earlier reminders, and why it cannot be sent now (null: it can); {@code open}: the round is open today.
     */
    public record Preview(Meetronde round, boolean open, ScanMails.Message message, List<Gemeente> reminded,
                          List<Gemeente> withoutAdviser, List<ReminderRepository.Sent> earlier,
                          @Nullable String refusal) {
        public int recipients() {
            return reminded.stream().mapToInt(Gemeente::recipients).sum();
        }
    }

    /** A reminder sent: how many e-mails went out, to the advisers of which gemeenten. */
    @Serdeable
    public record Sent(int sent, List<Gemeente> gemeenten) {
    }

    private final RoundRepository rounds;
    private final ReminderRepository reminders;
    private final MailSender mail;
    private final BaseUrl baseUrl;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    RoundReminders(RoundRepository rounds, ReminderRepository reminders, MailSender mail, BaseUrl baseUrl,
                   AuditLog auditLog, TransactionOperations<Connection> transactions, Clock clock) {
        this.rounds = rounds;
        this.reminders = reminders;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws NotFoundException when the round is not in scope */
    public Preview preview(TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
        List<ReminderRepository.Recipient> recipients = reminders.notSubmitted(scope, roundId);
        List<ReminderRepository.Sent> earlier = reminders.sentFor(roundId, EARLIER_SHOWN);
        List<Gemeente> gemeenten = perGemeente(recipients);
        List<Gemeente> reminded = gemeenten.stream().filter(g -> g.recipients() > 0).toList();
        String refusal = refusal(round, gemeenten, reminded)
                .or(() -> earlier.stream().findFirst().filter(last -> justSent(last.sentAt())).map(RoundReminders::justSentText))
                .orElse(null);
        return new Preview(round, round.openOn(LocalDate.now(clock)), message(round), reminded,
                gemeenten.stream().filter(g -> g.recipients() == 0).toList(), earlier, refusal);
    }

    /**
     * The confirmation of the round's latest reminder ("Herinnering verstuurd aan 14 adviseurs van 6 gemeenten."), as
     * the round's page shows it after a reminder; empty when it has none.
     *
     * @throws NotFoundException when the round is not in scope
     */
    public Optional<String> latestSent(TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
        return reminders.sentFor(round.id(), 1).stream().findFirst()
                .map(last -> ScanMails.reminderSent(last.recipients(), last.gemeenten()));
    }

    /**
     * Sends the reminder now, for the actor.
     *
     * @throws NotFoundException when the round is not in scope
     * @throws ConflictException when it cannot be sent: the round is not open, there is no mail server, nobody to
     *                           remind, a reminder was just sent, or no e-mail could be delivered; nothing is sent
     */
    public Sent send(CurrentAccount actor, TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId).orElseThrow(() -> new NotFoundException("meetronde"));
        List<ReminderRepository.Recipient> recipients = reminders.notSubmitted(scope, roundId);
        List<Gemeente> gemeenten = perGemeente(recipients);
        List<Gemeente> reminded = gemeenten.stream().filter(g -> g.recipients() > 0).toList();
        Optional<String> refusal = refusal(round, gemeenten, reminded);
        if (refusal.isPresent()) {
            throw new ConflictException(refusal.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (reminders.claim(roundId, now, now.minus(INTERVAL)) == 0) {
            throw new ConflictException(JUST_SENT);
        }
        return deliver(actor, round, recipients, reminded, now, "door " + actor.displayName());
    }

    /**
     * Sends the automatic reminders due today: of every open round whose closing date is its number of days away,
     * once per round (claimed in the database, so that of several instances one sends).
     *
     * @return how many rounds reminded
     */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock);
        int reminded = 0;
        for (Meetronde round : rounds.openWithAutomaticReminder(today)) {
            if (!round.closes().minusDays(round.reminderDaysBefore()).equals(today)) {
                continue;
            }
            List<ReminderRepository.Recipient> recipients = reminders.notSubmitted(TenantScope.platform(), round.id());
            List<Gemeente> gemeenten = perGemeente(recipients).stream().filter(g -> g.recipients() > 0).toList();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (!mail.configured() || gemeenten.isEmpty() || reminders.claimAutomatic(round.id(), now) == 0) {
                continue;
            }
            try {
                deliver(null, round, recipients, gemeenten, now, "automatisch, "
                        + ScanMails.daysBeforeClosing(round.reminderDaysBefore()));
                reminded++;
            } catch (ConflictException e) {
                LOG.warn("The automatic reminder of round {} was not sent: {}", round.id(), e.getMessage());
            }
        }
        return reminded;
    }

    /** Mails every adviser, then logs the reminder on the round and in the audit log. */
    private Sent deliver(@Nullable CurrentAccount actor, Meetronde round, List<ReminderRepository.Recipient> recipients,
                         List<Gemeente> reminded, Instant now, String how) {
        ScanMails.Message message = message(round);
        List<MailSender.Mail> mails = recipients.stream().filter(r -> r.email() != null).map(r -> message.to(r.email())).toList();
        int sent = mail.sendAll(mails);
        if (sent == 0) {
            reminders.release(round.id(), now);
            throw new ConflictException("De herinnering kon niet worden verstuurd: de e-mailserver nam geen e-mail aan. "
                    + "Probeer het later opnieuw.");
        }
        String details = how + ", aan " + ScanMails.recipients(sent) + " van " + ScanMails.gemeenten(reminded.size())
                + (sent < mails.size() ? " (" + (mails.size() - sent) + " e-mails konden niet worden verstuurd)" : "")
                + ": " + String.join(", ", reminded.stream().map(Gemeente::name).toList());
        transactions.executeWrite(status -> {
            reminders.save(new RoundReminder(null, round.id(), now, actor == null ? null : actor.id(), sent, reminded.size()));
            auditLog.record(actor, AuditAction.ROUND_REMINDER_SENT, "meetronde " + round.name(), details, round.regioId(), null);
            return null;
        });
        return new Sent(sent, reminded);
    }

    private ScanMails.Message message(Meetronde round) {
        return ScanMails.reminder(round, baseUrl.link("/"));
    }

    private Optional<String> refusal(Meetronde round, List<Gemeente> notSubmitted, List<Gemeente> reminded) {
        LocalDate today = LocalDate.now(clock);
        if (today.isAfter(round.closes())) {
            return Optional.of("Deze meetronde is gesloten. Er kan geen herinnering meer worden verstuurd.");
        }
        if (today.isBefore(round.opens())) {
            return Optional.of("Deze meetronde is nog niet open. U kunt een herinnering sturen vanaf "
                    + DutchFormat.date(round.opens()) + ".");
        }
        if (!mail.configured()) {
            return Optional.of(ScanMails.NO_MAIL_SERVER);
        }
        if (notSubmitted.isEmpty()) {
            return Optional.of("Alle gemeenten hebben de scan ingediend. Er is niemand om te herinneren.");
        }
        if (reminded.isEmpty()) {
            return Optional.of("Geen van de gemeenten die nog niet hebben ingediend heeft een adviseur met een "
                    + "e-mailadres. Nodig eerst een adviseur uit.");
        }
        return Optional.empty();
    }

    private boolean justSent(Instant sentAt) {
        return sentAt.isAfter(clock.instant().minus(INTERVAL));
    }

    private static final String JUST_SENT = "Er is zojuist al een herinnering verstuurd. Er is niet nog een verstuurd.";

    private static String justSentText(ReminderRepository.Sent last) {
        return "Er is zojuist al een herinnering verstuurd (" + DutchFormat.dateTime(last.sentAt()) + "). Er is niet nog een "
                + "verstuurd. Een nieuwe herinnering kan " + DutchFormat.duration(INTERVAL) + " na de vorige.";
    }

    /** The gemeenten with their number of advisers, in natural order of name. */
    private static List<Gemeente> perGemeente(List<ReminderRepository.Recipient> recipients) {
        Map<Long, Gemeente> byId = new LinkedHashMap<>();
        for (ReminderRepository.Recipient r : recipients) {
            Gemeente before = byId.get(r.gemeenteId());
            int count = (before == null ? 0 : before.recipients()) + (r.email() == null ? 0 : 1);
            byId.put(r.gemeenteId(), new Gemeente(r.cbsCode(), r.gemeenteName(), count));
        }
        List<Gemeente> gemeenten = new ArrayList<>(byId.values());
        gemeenten.sort(Comparator.comparing(Gemeente::name, NaturalOrder.INSTANCE));
        return gemeenten;
    }
}
