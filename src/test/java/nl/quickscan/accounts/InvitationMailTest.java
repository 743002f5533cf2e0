package nl.quickscan.accounts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.quickscan.mail.MailSender;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With SMTP configured, the invitation link also goes out by e-mail (to a real SMTP server, GreenMail). */
class InvitationMailTest {

    @Test
    void theInvitationIsMailedWhenSmtpIsConfigured() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        TestApp app = TestApp.withSettings(Map.of(
                "quickscan.smtp.host", "127.0.0.1",
                "quickscan.smtp.port", smtp.getSmtp().getPort(),
                "quickscan.smtp.starttls", false,
                "quickscan.smtp.from", "quickscan@example.nl"));
        try {
            Browser coordinator = app.browser().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
            Response created = coordinator.post("/accounts", "email", "nieuw@emmen.nl", "displayName", "Nieuwe Collega",
                    "gemeente", String.valueOf(Fixtures.gemeenteId(app, "GM0114")));
            assertEquals(200, created.status(), created::toString);
            assertTrue(created.html().text().contains("De uitnodiging is per e-mail verstuurd naar nieuw@emmen.nl"));
            String link = nl.quickscan.support.Fixtures.invitationLink(created.html());

            assertTrue(smtp.waitForIncomingEmail(5000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("nieuw@emmen.nl", mail.getAllRecipients()[0].toString());
            assertEquals("Uitnodiging voor de Quickscan aanpak seksueel geweld", mail.getSubject());
            String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
            assertTrue(body.contains(link), body);
        } finally {
            app.stop();
            smtp.stop();
        }
    }

    @Test
    void withoutSmtpTheLinkIsOnlyShown() {
        assertEquals(MailSender.Outcome.NOT_CONFIGURED,
                new InvitationMailer(new MailSender("", 25, "", "", "x@y.nl", false)).send(Invitation.Purpose.INVITATION, "a@b.nl", "A", "http://x/uitnodiging/t"));
    }

    @Test
    void anUnreachableServerIsReportedNotThrown() {
        assertEquals(MailSender.Outcome.FAILED,
                new InvitationMailer(new MailSender("127.0.0.1", 1, "", "", "x@y.nl", false)).send(Invitation.Purpose.INVITATION, "a@b.nl", "A", "http://x/uitnodiging/t"));
    }
}
