package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.documents.DocumentDetails;

import java.util.List;
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
 * @param scans                the components scanned at intake (several files per component; PDF, JPEG or PNG); through the
 *                             API they are attached afterwards ({@code POST /api/v1/dossiers/{id}/files})
 * @param reuse                component id → the applicant's stored document that stands for it (not asked again; 0 = none)
 * @param details              component id → what the officer read off the document (number, issuer, dates), for the data store
 */
public record IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant, Long applicantCommuneId,
                            Long handlingAgencyId, Integer sets, Delivery resultPlace, Set<Long> presentComponentIds, Map<Long, String> defects,
                            IntakeDecision decision, String reason, @JsonIgnore List<UploadedDocument> scans, Map<Long, Long> reuse,
                            Map<Long, DocumentDetails> details) {

    public IntakeRequest {
        scans = scans == null ? List.of() : scans;
        reuse = reuse == null ? Map.of() : reuse;
        details = details == null ? Map.of() : details;
    }

    /** A dossier without scans or reuse. */
    public IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant, Long applicantCommuneId,
                         Long handlingAgencyId, Integer sets, Delivery resultPlace, Set<Long> presentComponentIds, Map<Long, String> defects,
                         IntakeDecision decision, String reason) {
        this(procedureCode, receivingAgencyId, channel, applicant, applicantCommuneId, handlingAgencyId, sets, resultPlace, presentComponentIds,
                defects, decision, reason, List.of(), Map.of(), Map.of());
    }

    /** A dossier without routing choices, one set, result at the counter. */
    public IntakeRequest(String procedureCode, Long receivingAgencyId, Channel channel, Applicant applicant, Set<Long> presentComponentIds,
                         IntakeDecision decision, String reason) {
        this(procedureCode, receivingAgencyId, channel, applicant, null, null, 1, null, presentComponentIds, Map.of(), decision, reason);
    }
}
