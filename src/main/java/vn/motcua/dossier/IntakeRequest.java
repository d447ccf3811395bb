package vn.motcua.dossier;

import java.util.Map;
import java.util.Set;

/**
 * A dossier brought to any one-stop unit of the province or arriving by public post, entered by a receiving
 * officer with the decision taken.
 *
 * @param applicantCommuneId   the applicant's commune: a commune-level procedure goes to its committee
 * @param handlingAgencyId     the competent agency chosen by the officer (null: routed by level and commune)
 * @param presentComponentIds  the published components handed in (or shown, for those only to be shown)
 * @param defects              published components that are missing or defective, with what is wrong (supplement request)
 * @param reason               the reason for a refusal
 */
public record IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant, Long applicantCommuneId,
                            Long handlingAgencyId, Integer sets, Delivery resultPlace, Set<Long> presentComponentIds, Map<Long, String> defects,
                            IntakeDecision decision, String reason) {

    /** A dossier without routing choices, one set, result at the counter. */
    public IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant, Set<Long> presentComponentIds,
                         IntakeDecision decision, String reason) {
        this(procedureCode, receivingAgencyId, channel, applicant, null, null, 1, null, presentComponentIds, Map.of(), decision, reason);
    }
}
