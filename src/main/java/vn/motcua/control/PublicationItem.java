package vn.motcua.control;

import vn.motcua.control.domain.PublicationTimeliness;

import java.time.LocalDate;
import java.util.List;

/**
 * One legal basis that changes procedures and its publication: what it is and which unit prepares the publication,
 * when it takes effect, the decision that published the procedures and when they were made public, and the timeliness
 * of both (indicators 1.1 and 1.2). A decision entered in the catalog without a watch has watchId null and is judged
 * on its own effective date.
 */
public record PublicationItem(Long watchId, String sourceRef, String title, long agencyId, String agencyName, LocalDate basisEffectiveOn,
                              int procedures, Long decisionId, String decisionNumber, LocalDate decisionSignedOn, LocalDate madePublicOn,
                              List<String> procedureCodes, PublicationTimeliness timeliness, PublicationTimeliness.State state, String note,
                              long rowVersion) {

    /** Indicator 1.1 for this decision, judged on {@code today} (null while it cannot be judged yet). */
    public Boolean decidedOnTime(LocalDate today) {
        return timeliness.decidedOnTime(today);
    }

    /** Indicator 1.2 for this decision, judged on {@code until} (null while it cannot be judged yet). */
    public Boolean publicOnTime(LocalDate until) {
        return timeliness.publicOnTime(until);
    }
}
