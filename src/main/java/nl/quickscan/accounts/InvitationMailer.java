package nl.quickscan.accounts;

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
import nl.quickscan.accounts.Invitation.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends a link to choose a password by e-mail when an SMTP server is configured (QUICKSCAN_SMTP_HOST). An
 * invitation link is also shown on screen for the inviter to pass on; a password reset link only goes out by e-mail.
 */
@Singleton
public class InvitationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationMailer.class);

    public enum Outcome { NOT_CONFIGURED, SENT, FAILED }

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String from;
    private final boolean startTls;

    InvitationMailer(@Value("${quickscan.smtp.host:}") String host,
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

    public Outcome send(Purpose purpose, String email, String name, String link) {
        if (!configured()) {
            return Outcome.NOT_CONFIGURED;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email));
            message.setSubject(subject(purpose), StandardCharsets.UTF_8.name());
            message.setText(text(purpose).formatted(name, link, purpose.validityText()), StandardCharsets.UTF_8.name());
            Transport.send(message);
            return Outcome.SENT;
        } catch (MessagingException e) {
            // The address is not logged in full: the log is read more widely than the account list.
            LOG.warn("Sending an e-mail ({}) via {}:{} failed: {}", purpose, host, port, e.getMessage());
            return Outcome.FAILED;
        }
    }

    static String subject(Purpose purpose) {
        return switch (purpose) {
            case INVITATION -> "Uitnodiging voor de Quickscan aanpak seksueel geweld";
            case PASSWORD_RESET -> "Nieuw wachtwoord voor de Quickscan aanpak seksueel geweld";
        };
    }

    /** The text with the name, the link and the validity to fill in. */
    private static String text(Purpose purpose) {
        return switch (purpose) {
            case INVITATION -> """
                    Beste %s,

                    Er is een account voor u aangemaakt voor de Quickscan aanpak seksueel geweld.
                    Kies uw wachtwoord via deze link:

                    %s

                    De link werkt één keer en is %s geldig. Verwacht u deze e-mail niet? Dan kunt u hem negeren.
                    """;
            case PASSWORD_RESET -> """
                    Beste %s,

                    Er is gevraagd om een nieuw wachtwoord voor uw account bij de Quickscan aanpak seksueel geweld.
                    Kies uw nieuwe wachtwoord via deze link:

                    %s

                    De link werkt één keer en is %s geldig. Daarna logt u overal opnieuw in, met het nieuwe wachtwoord.
                    Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft dan hetzelfde.
                    """;
        };
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
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
    }
}
