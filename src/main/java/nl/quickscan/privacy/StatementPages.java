package nl.quickscan.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.Sessions;

/**
 * The privacy statement ({@code /privacy}) and the accessibility statement ({@code /toegankelijkheid}): public, linked
 * from every page's footer. The figures they name (how long what is kept) come from the settings in force. On the
 * event loop: nothing here waits for the database.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class StatementPages {

    /** {@code contactEmail}: where to send questions (QUICKSCAN_CONTACT_EMAIL); null: ask the coordinator or beheerder. */
    record StatementPage(String title, @Nullable String contactEmail, int retentionYears, int noticeDays,
                         long sessionHours, String formerAccount) {
    }

    private final StatementPage privacy;
    private final StatementPage accessibility;

    StatementPages(RetentionRule retention, Sessions sessions, @Value("${quickscan.contact-email:}") String contactEmail) {
        String contact = contactEmail.isBlank() ? null : contactEmail.strip();
        long hours = (sessions.maxLifetime().toMinutes() + 59) / 60;
        this.privacy = new StatementPage("Privacyverklaring", contact, retention.years(), RetentionRule.NOTICE_DAYS,
                hours, Account.FORMER);
        this.accessibility = new StatementPage("Toegankelijkheidsverklaring", contact, retention.years(),
                RetentionRule.NOTICE_DAYS, hours, Account.FORMER);
    }

    @Get("/privacy")
    ModelAndView<StatementPage> privacy() {
        return new ModelAndView<>("privacy/privacy", privacy);
    }

    @Get("/toegankelijkheid")
    ModelAndView<StatementPage> accessibility() {
        return new ModelAndView<>("privacy/toegankelijkheid", accessibility);
    }
}
