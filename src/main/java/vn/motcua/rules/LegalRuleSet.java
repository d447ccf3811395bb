package vn.motcua.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the one-stop mechanism from {@code effectiveFrom} until the next rule set starts.
 *
 * @param cutoff                    a paper dossier received at or after this time is handed over, and its
 *                                  time limit counted, from the next working day; a same-day procedure is then
 *                                  due the next working day
 * @param specialistSupplementDays  working days, from the handling agency's receipt, within which it may send
 *                                  a dossier back for a supplement without a leader's approval
 * @param supplementClock           what the time limit does when the complete supplement arrives
 * @param secondSupplementApproval  whether a second (or late) supplement request needs a leader's approval
 * @param maxExtensions             how many new appointments an apology may give a late dossier
 * @param extensionMaxDays          how far after the due time a new appointment may be, in working days
 *                                  (null: as long as the procedure's own time limit)
 */
public record LegalRuleSet(long id, String code, String name, LocalDate effectiveFrom, String mechanismBasis, String formsBasis,
                           String codePattern, LocalTime cutoff, int specialistSupplementDays, SupplementClock supplementClock,
                           boolean secondSupplementApproval, int maxExtensions, BigDecimal extensionMaxDays, long rowVersion,
                           List<LegalForm> forms) {

    public Optional<LegalForm> form(FormKind kind) {
        return forms.stream().filter(f -> f.kind() == kind).findFirst();
    }

    public DossierCodePattern dossierCodes() {
        return DossierCodePattern.parse(codePattern);
    }
}
