package nl.quickscan.scans;

import jakarta.inject.Singleton;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of answers, toelichtingen, reasons and round names, for the maxlength of their fields. */
@Singleton
class ScanLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("answerMax", AnswerRules.VALUE_MAX, "commentMax", AnswerRules.COMMENT_MAX,
                "reopenReasonMax", ScanService.REOPEN_REASON_MAX, "roundNameMax", Meetronde.NAME_MAX,
                "reminderDaysMax", Meetronde.REMINDER_DAYS_MAX);
    }
}
