package nl.quickscan.mail;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Sends plain-text e-mail through the SMTP server of the settings (QUICKSCAN_SMTP_HOST and the rest); without a host
 * nothing is sent. The one place that knows the settings: invitations, password resets and reminders all go through it.
 */
@Singleton
public class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    public enum Outcome { NOT_CONFIGURED, SENT, FAILED }

    /** One e-mail to one address. */
    public record Mail(String to, String subject, String text) {
    }

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String from;
    private final boolean startTls;

    public MailSender(@Value("${quickscan.smtp.host:}") String host,
                      @Value("${quickscan.smtp.port:587}") int port,
                      @Value("${quickscan.smtp.username:}") String username,
                      @Value("${quickscan.smtp.password:}") String password,
                      @Value("${quickscan.smtp.from:noreply@quickscan.local}") String from,
                      @Value("${quickscan.smtp.starttls:true}") boolean startTls) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
        this.startTls = startTls;
    }

    /** Whether an SMTP server is configured; without one nothing is sent. */
    public boolean configured() {
        return !host.isBlank();
    }

    /** Sends the e-mail; a failure is reported (and logged without the address), not thrown. */
    public Outcome send(Mail mail) {
        if (!configured()) {
            return Outcome.NOT_CONFIGURED;
        }
        return sendAll(List.of(mail)) == 1 ? Outcome.SENT : Outcome.FAILED;
    }

    /**
     * Sends the e-mails over one connection to the server; an address the server refuses does not stop the others.
     *
     * @return how many were sent (0 without a server)
     */
    public int sendAll(List<Mail> mails) {
        if (!configured() || mails.isEmpty()) {
            return 0;
        }
        Session session = session();
        int sent = 0;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Mail mail : mails) {
                try {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress(from));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
                    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
                    message.setText(mail.text(), StandardCharsets.UTF_8.name());
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                    sent++;
                } catch (MessagingException e) {
                    // The address is not logged: the log is read more widely than the account list.
                    LOG.warn("Sending an e-mail ({}) via {}:{} failed: {}", mail.subject(), host, port, e.getMessage());
                }
            }
        } catch (MessagingException e) {
            LOG.warn("Sending {} e-mail(s) via {}:{} failed: {}", mails.size() - sent, host, port, e.getMessage());
        }
        return sent;
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        if (username.isBlank()) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.user", username);
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
    }
}
