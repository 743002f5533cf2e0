package nl.quickscan.tenancy;

import jakarta.inject.Singleton;
import nl.quickscan.web.PageLimits;

import java.util.Map;

/** The lengths of regio and gemeente names, a CBS code and the inhabitants' fields, for their maxlength. */
@Singleton
class TenancyLimits implements PageLimits {

    @Override
    public Map<String, Integer> limits() {
        return Map.of("regioNameMax", Regio.NAME_MAX, "gemeenteNameMax", Gemeente.NAME_MAX,
                "cbsCodeLength", Gemeente.CBS_CODE_LENGTH,
                // "10.000.000" with its thousands points; a year of four digits
                "inhabitantsLength", 10, "inhabitantsYearLength", 4);
    }
}
