package nl.quickscan.plans;

import jakarta.inject.Singleton;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of an action's fields and of a progress note, for the maxlength of their fields. */
@Singleton
class PlanLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("actionTitleMax", ActionRules.TITLE_MAX, "actionDescriptionMax", ActionRules.DESCRIPTION_MAX,
                "actionOwnerMax", ActionRules.OWNER_MAX, "actionPartnersMax", ActionRules.PARTNERS_MAX,
                "actionNoteMax", ActionRules.NOTE_MAX);
    }
}
