package nl.quickscan.tenancy;

import jakarta.inject.Singleton;
import nl.quickscan.audit.AuditFilter;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of regio and gemeente names, a CBS code, the inhabitants' fields and the audit log's person filter, for their maxlength. */
@Singleton
class TenancyLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("regioNameMax", Regio.NAME_MAX, "gemeenteNameMax", Gemeente.NAME_MAX,
                "cbsCodeLength", Gemeente.CBS_CODE_LENGTH, "auditPersonMax", AuditFilter.PERSON_MAX,
                // "10.000.000" with its thousands points; a year of four digits
                "inhabitantsLength", 10, "inhabitantsYearLength", 4);
    }
}
