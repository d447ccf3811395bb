package vn.motcua.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What an administrator enters for a new rule set (or a change to one not yet in force). */
public record RuleSetDraft(String code, String name, LocalDate effectiveFrom, String mechanismBasis, String formsBasis,
                           String codePattern, LocalTime cutoff, Integer specialistSupplementDays, SupplementClock supplementClock,
                           boolean secondSupplementApproval, Integer maxExtensions, BigDecimal extensionMaxDays, List<LegalForm> forms) {

    public static RuleSetDraft copyOf(LegalRuleSet r) {
        return new RuleSetDraft(r.code(), r.name(), r.effectiveFrom(), r.mechanismBasis(), r.formsBasis(), r.codePattern(), r.cutoff(),
                r.specialistSupplementDays(), r.supplementClock(), r.secondSupplementApproval(), r.maxExtensions(), r.extensionMaxDays(),
                r.forms());
    }
}
