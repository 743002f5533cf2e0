package nl.quickscan.privacy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditAction;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.mail.MailSender;
import nl.quickscan.time.Clocks;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.web.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The retention period at work ({@link RetentionRule}): tells the regio's coordinators of every round whose period
 * ends in 30 days, once, and deletes the rounds whose period has ended. Without a mail server the notice is logged
 * instead, and the round is deleted on the same day as with one. Safe on several instances at once: each notice is
 * claimed with a conditional UPDATE, each deletion runs with the round's row locked.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** What one run did. */
    public record Outcome(int announced, int deleted) {
    }

    @Factory
    static class Rule {
        @Singleton
        RetentionRule retentionRule(@Value("${quickscan.retention-years:" + RetentionRule.DEFAULT_YEARS + "}") int years) {
            return new RetentionRule(years);
        }
    }

    private final RetentionRule rule;
    private final RetentionRepository rounds;
    private final DataDeletion deletion;
    private final MailSender mail;
    private final BaseUrl baseUrl;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    Retention(RetentionRule rule, RetentionRepository rounds, DataDeletion deletion, MailSender mail, BaseUrl baseUrl,
              AuditLog auditLog, TransactionOperations<Connection> transactions, Clock clock) {
        this.rule = rule;
        this.rounds = rounds;
        this.deletion = deletion;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RetentionRule rule() {
        return rule;
    }

    /** Sends the notices due today and deletes the rounds due today. */
    public Outcome run() {
        LocalDate today = LocalDate.now(clock);
        int announced = 0;
        int deleted = 0;
        for (RetentionRepository.Round round : rounds.closedOnOrBefore(rule.latestClosingDue(today))) {
            LocalDate noticedOn = round.noticeAt() == null ? null : LocalDate.ofInstant(round.noticeAt(), Clocks.ZONE);
            if (rule.noticeDue(today, round.closes(), noticedOn)) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                if (rounds.claimNotice(round.id(), now) == 1) {
                    announce(round, rule.deletedOn(round.closes(), today));
                    announced++;
                }
            } else if (rule.deletionDue(today, round.closes(), noticedOn)) {
                if (delete(round)) {
                    deleted++;
                }
            }
        }
        return new Outcome(announced, deleted);
    }

    private void announce(RetentionRepository.Round round, LocalDate deletedOn) {
        List<String> coordinators = rounds.coordinatorsOf(round.regioId());
        String subject = "Meetronde " + round.name() + " wordt op " + DutchFormat.date(deletedOn) + " verwijderd";
        String how;
        if (!mail.configured() || coordinators.isEmpty()) {
            how = mail.configured() ? "de regio heeft geen actieve regiocoördinator; niemand gemaild"
                    : "geen e-mailserver ingesteld; niemand gemaild";
            LOG.warn("Round {} of regio {} will be deleted on {} (retention period); not mailed: {}", round.id(),
                    round.regioId(), deletedOn, mail.configured() ? "no active coordinator" : "no SMTP server");
        } else {
            String text = noticeText(round, deletedOn);
            int sent = mail.sendAll(coordinators.stream().map(to -> new MailSender.Mail(to, subject, text)).toList());
            how = "gemaild aan " + DutchFormat.count(sent, "regiocoördinator", "regiocoördinatoren")
                    + (sent < coordinators.size() ? " (" + (coordinators.size() - sent) + " e-mails konden niet worden verstuurd)" : "");
        }
        auditLog.record(null, AuditAction.ROUND_RETENTION_ANNOUNCED, "meetronde " + round.name(),
                "Wordt verwijderd op " + DutchFormat.date(deletedOn) + "; " + how, round.regioId(), null);
    }

    String noticeText(RetentionRepository.Round round, LocalDate deletedOn) {
        return """
                Beste regiocoördinator,

                De bewaartermijn van de meetronde %s van regio %s loopt af. De meetronde is gesloten op %s en wordt \
                %s jaar bewaard.

                Op %s verwijdert de quickscan deze meetronde, met alle scans, antwoorden en toelichtingen en hun \
                geschiedenis. Acties van het verbeterplan die uit deze meetronde komen en niet zijn meegenomen naar een \
                latere meting, worden ook verwijderd.

                Wil een gemeente haar gegevens bewaren? Dan kan een beleidsadviseur van die gemeente vóór die datum alle \
                gegevens downloaden, op de pagina van de gemeente: "Alle gegevens downloaden".

                U krijgt deze e-mail één keer.

                Met vriendelijke groet,
                Quickscan aanpak seksueel geweld
                %s
                """.formatted(round.name(), round.regioName(), DutchFormat.date(round.closes()), rule.years(),
                DutchFormat.date(deletedOn), baseUrl.link("/"));
    }

    /** Deletes the round in one transaction; false when another instance deleted it first. */
    private boolean delete(RetentionRepository.Round round) {
        DataDeletion.Deleted deleted = transactions.executeWrite(status -> {
            if (!rounds.lock(round.id())) {
                return null;
            }
            DataDeletion.Deleted done = deletion.deleteRound(round.id());
            auditLog.record(null, AuditAction.ROUND_RETENTION_DELETED, "meetronde " + round.name(),
                    round.kind().label() + ", " + DutchFormat.date(round.opens()) + " t/m " + DutchFormat.date(round.closes())
                            + "; bewaartermijn " + rule.years() + " jaar verstreken; verwijderd: "
                            + DutchFormat.count(done.scans(), "scan", "scans") + ", "
                            + DutchFormat.count(done.answers(), "antwoord", "antwoorden") + " met hun geschiedenis, "
                            + DutchFormat.count(done.actions(), "actie", "acties") + " van het verbeterplan",
                    round.regioId(), null);
            return done;
        });
        if (deleted != null) {
            LOG.info("Deleted round {} after its retention period: {} scans, {} answers, {} actions", round.id(),
                    deleted.scans(), deleted.answers(), deleted.actions());
        }
        return deleted != null;
    }
}
