package nl.quickscan.scans;

import nl.quickscan.mail.MailSender;
import nl.quickscan.text.DutchFormat;

import java.time.Duration;

/**
 * The texts of the e-mails about rounds and scans, in plain Dutch, defined once: the reminder the advisers of a
 * gemeente that has not submitted get (its preview on the page is the same text), and the message that a
 * coordinator reopened their gemeente's scan. Links come from the app's public address, never from a request.
 */
public final class ScanMails {

    private ScanMails() {
    }

    /** A subject and text, before it is addressed to anyone. */
    public record Message(String subject, String text) {
        MailSender.Mail to(String email) {
            return new MailSender.Mail(email, subject, text);
        }
    }

    /** The reminder of the round; {@code appLink}: the address of the app. */
    static Message reminder(Meetronde round, String appLink) {
        String closes = DutchFormat.date(round.closes());
        return new Message("Herinnering: de quickscan van " + round.name() + " sluit op " + closes, """
                Beste collega,

                Uw gemeente heeft de quickscan aanpak seksueel geweld van de meetronde "%s" nog niet ingediend.
                De meetronde sluit op %s. Tot en met die dag kunt u de scan invullen en indienen.

                Ga naar de quickscan:
                %s

                U logt in met uw e-mailadres en uw wachtwoord. Heeft u vragen? Neem dan contact op met de coördinator van uw regio.
                Heeft uw gemeente de scan al ingediend? Dan kunt u deze e-mail negeren.
                """.formatted(round.name(), closes, appLink));
    }

    /** The message that {@code reopenedBy} reopened the gemeente's scan, with the reason; {@code scanLink}: the scan. */
    static Message reopened(ScanRow scan, String reopenedBy, String reason, String scanLink) {
        return new Message("De quickscan van " + scan.gemeenteName() + " is heropend", """
                Beste collega,

                %s heeft de quickscan van %s in de meetronde "%s" heropend. De reden:

                %s

                U kunt de scan nu weer aanpassen en daarna opnieuw indienen, tot en met %s.

                Ga naar de scan:
                %s
                """.formatted(reopenedBy, scan.gemeenteName(), scan.roundName(), reason,
                DutchFormat.date(scan.closes()), scanLink));
    }

    /** The confirmation after a reminder: "Herinnering verstuurd aan 14 adviseurs van 6 gemeenten." */
    static String reminderSent(int advisers, int gemeenten) {
        return "Herinnering verstuurd aan " + recipients(advisers) + " van " + gemeenten(gemeenten) + ".";
    }

    /** "1 adviseur", "14 adviseurs". */
    static String recipients(int advisers) {
        return advisers + (advisers == 1 ? " adviseur" : " adviseurs");
    }

    /** "3 dagen voor sluiting": when a round reminds by itself. */
    static String daysBeforeClosing(int days) {
        return DutchFormat.duration(Duration.ofDays(days)) + " voor sluiting";
    }

    /** "1 gemeente", "6 gemeenten". */
    static String gemeenten(int gemeenten) {
        return gemeenten + (gemeenten == 1 ? " gemeente" : " gemeenten");
    }

    static final String NO_MAIL_SERVER = "Er is geen e-mailserver ingesteld. Daarom kan de quickscan geen e-mail versturen. "
            + "Vraag de beheerder van de quickscan om de e-mail in te stellen (QUICKSCAN_SMTP_HOST).";
}
