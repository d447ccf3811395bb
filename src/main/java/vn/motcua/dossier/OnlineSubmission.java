package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

/**
 * A dossier submitted online by a citizen or business.
 *
 * @param files   uploaded files per component (several per component allowed)
 * @param eforms  components declared with the online form instead of a file: component id → what the applicant declares
 * @param reuse   component id → a document of the applicant's own data store that stands for it
 */
public record OnlineSubmission(String procedureCode, Long receivingAgencyId, Applicant applicant, Long applicantCommuneId, Delivery resultPlace,
                               List<UploadedDocument> files, Map<Long, String> eforms, Map<Long, Long> reuse) {

    public OnlineSubmission {
        reuse = reuse == null ? Map.of() : reuse;
    }

    public OnlineSubmission(String procedureCode, Long receivingAgencyId, Applicant applicant, Long applicantCommuneId, Delivery resultPlace,
                            List<UploadedDocument> files, Map<Long, String> eforms) {
        this(procedureCode, receivingAgencyId, applicant, applicantCommuneId, resultPlace, files, eforms, Map.of());
    }
}
