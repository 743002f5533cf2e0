package nl.quickscan.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The e-mails a test's SMTP server (GreenMail) received, by address and subject. */
public final class Mailbox {

    public static final String RESET_SUBJECT = "Nieuw wachtwoord voor de Quickscan aanpak seksueel geweld";

    private Mailbox() {
    }

    /** The mails with this subject to the address (compared case-insensitively), in the order they came. */
    public static List<MimeMessage> to(GreenMail smtp, String email, String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equalsIgnoreCase(email) && mail.getSubject().equals(subject);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decoded text of the {@code count}th such mail, waiting up to 10 s for it; exactly {@code count} must have come. */
    public static String text(GreenMail smtp, String email, String subject, int count)
            throws InterruptedException, IOException, MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (to(smtp, email, subject).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<MimeMessage> mails = to(smtp, email, subject);
        assertEquals(count, mails.size(), "mails to " + email);
        return mails.get(count - 1).getContent().toString();
    }
}
