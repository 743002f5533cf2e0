package nl.quickscan.accounts;

import jakarta.inject.Singleton;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of an account's e-mail address and name, for the maxlength of their fields. */
@Singleton
class AccountLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("emailMax", Account.MAX_EMAIL_LENGTH, "displayNameMax", Account.MAX_DISPLAY_NAME_LENGTH,
                "accountSearchMax", AccountSearch.TEXT_MAX);
    }
}
