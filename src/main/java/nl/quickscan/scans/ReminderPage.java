package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.text.DutchFormat;

import java.util.List;

/**
 * The preview of a round's reminder: the e-mail as the advisers get it, the gemeenten it goes to (and those without
 * an adviser), the earlier reminders; {@code warning}: why it cannot be sent now, or why the last click sent
 * nothing; {@code sendable}: the button is offered.
 */
record ReminderPage(String title, RoundReminders.Preview preview, String recipientsText, List<String> earlier,
                    @Nullable String warning, boolean sendable) {

    static ReminderPage of(RoundReminders.Preview preview) {
        List<String> earlier = preview.earlier().stream().map(sent -> DutchFormat.dateTime(sent.sentAt())
                + (sent.sentByName() == null ? ", automatisch" : " door " + sent.sentByName()) + ", aan "
                + ScanMails.recipients(sent.recipients()) + " van " + ScanMails.gemeenten(sent.gemeenten())).toList();
        return new ReminderPage("Herinnering sturen voor " + preview.round().name(), preview,
                ScanMails.recipients(preview.recipients()) + " van " + ScanMails.gemeenten(preview.reminded().size()),
                earlier, preview.refusal(), preview.refusal() == null);
    }

    /** The page after a click that sent nothing, with the reason. */
    ReminderPage refusedWith(String message) {
        return new ReminderPage(title, preview, recipientsText, earlier, message, sendable);
    }
}
