package nl.quickscan.accounts;

import jakarta.inject.Singleton;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.mail.MailSender;

/**
 * Sends a link to choose a password by e-mail when an SMTP server is configured (QUICKSCAN_SMTP_HOST). An
 * invitation link is also shown on screen for the inviter to pass on; a password reset link only goes out by e-mail.
 */
@Singleton
public class InvitationMailer {

    private final MailSender mail;

    InvitationMailer(MailSender mail) {
        this.mail = mail;
    }

    /** Whether an SMTP server is configured; without one nothing is sent. */
    public boolean configured() {
        return mail.configured();
    }

    public MailSender.Outcome send(Purpose purpose, String email, String name, String link) {
        return mail.send(new MailSender.Mail(email, subject(purpose),
                text(purpose).formatted(name, link, purpose.validityText())));
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
}
