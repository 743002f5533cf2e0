package nl.quickscan.tenancy;

import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditFilter;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of regio and gemeente names, of a CBS code and of the audit log's person filter, for the maxlength of their fields. */
@Singleton
class TenancyLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("regioNameMax", Regio.NAME_MAX, "gemeenteNameMax", Gemeente.NAME_MAX,
                "cbsCodeLength", Gemeente.CBS_CODE_LENGTH, "auditPersonMax", AuditFilter.PERSON_MAX);
    }
}
