package nl.quickscan.support;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks a PDF against PDF/UA-1 with veraPDF, the validator the PDF Association maintains. */
public final class PdfUa {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /**
     * The failed rules, each as "clause-test: description (how often; first message at location)", sorted; empty
     * when the document passes.
     */
    public static List<String> failedRules(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> failed = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() != TestAssertion.Status.FAILED) {
                    continue;
                }
                RuleId id = assertion.getRuleId();
                String key = id.getClause() + "-" + id.getTestNumber();
                counts.merge(key, 1, Integer::sum);
                Rule rule = result.getValidationProfile().getRuleByRuleId(id);
                failed.putIfAbsent(key, (rule == null ? "" : rule.getDescription()) + " — " + assertion.getErrorMessage()
                        + " at " + assertion.getLocation().getContext());
            }
            return failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + " (" + counts.get(e.getKey()) + "×)").toList();
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not check the document", e);
        }
    }

    /** Fails the test with every failed rule listed when the document does not pass PDF/UA-1. */
    public static void assertCompliant(byte[] pdf) {
        List<String> failed = failedRules(pdf);
        assertEquals(List.of(), failed, "PDF/UA-1 rules failed:\n" + String.join("\n", failed));
    }
}
