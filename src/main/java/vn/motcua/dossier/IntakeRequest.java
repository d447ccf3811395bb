package vn.motcua.dossier;

import java.util.Set;

/**
 * A dossier brought to the counter or arriving by public post, entered by a receiving officer:
 * {@code presentComponentIds} are the published components the applicant handed in.
 */
public record IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant,
                            Set<Long> presentComponentIds, IntakeDecision decision, String reason) {
}
