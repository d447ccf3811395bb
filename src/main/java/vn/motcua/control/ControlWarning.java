package vn.motcua.control;

import java.time.LocalDate;

/** A control deadline that is near or missed: what, which unit, by when, where to see it. */
public record ControlWarning(String subjectType, long subjectId, long agencyId, String agencyName, String title, LocalDate dueOn, boolean overdue,
                             String link) {

    /** The key the warning is sent once under (per subject, deadline and stage). */
    public String key() {
        return subjectType + ":" + subjectId + ":" + dueOn + ":" + (overdue ? "LATE" : "SOON");
    }
}
