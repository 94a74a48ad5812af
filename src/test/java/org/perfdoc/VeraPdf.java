package org.perfdoc;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/** veraPDF, the PDF/A reference validator (greenfield parser, validation-model 1.26.2), as a library. */
public final class VeraPdf {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /**
     * One validation.
     *
     * @param compliant    whether the file meets the flavour
     * @param profileRules rules in the flavour's profile
     * @param rulesApplied rules that had something to check in this file
     * @param checks       checks run
     * @param failedRules  each failed rule ("ISO 19005-2:2011 6.2.4.3-2") with a failure's message
     */
    public record Report(boolean compliant, int profileRules, int rulesApplied, int checks,
                         Map<String, String> failedRules) {
        @Override
        public String toString() {
            return (compliant ? "compliant" : "NOT compliant") + ": " + profileRules + " rules in the profile, "
                    + rulesApplied + " applied, " + checks + " checks, failed rules " + failedRules.size()
                    + (failedRules.isEmpty() ? "" : " " + failedRules);
        }
    }

    private VeraPdf() {
    }

    /** Validates {@code pdf} as {@code flavour}. */
    public static Report validate(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, true)) {
            ValidationResult r = validator.validate(parser);
            Set<String> applied = new TreeSet<>();
            Map<String, String> failed = new TreeMap<>();
            for (TestAssertion a : r.getTestAssertions()) {
                applied.add(id(a.getRuleId()));
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.putIfAbsent(id(a.getRuleId()), a.getMessage());
                }
            }
            for (RuleId rule : r.getFailedChecks().keySet()) {
                failed.putIfAbsent(id(rule), "failed");
            }
            return new Report(r.isCompliant(), validator.getProfile().getRules().size(), applied.size(),
                    r.getTotalAssertions(), failed);
        }
    }

    private static String id(RuleId id) {
        return id.getSpecification().getId() + " " + id.getClause() + "-" + id.getTestNumber();
    }
}
