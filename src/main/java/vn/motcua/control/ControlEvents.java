package vn.motcua.control;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What TTHC control tells others (past-tense records, delivered through the event publication registry). */
public final class ControlEvents {
    private ControlEvents() {
    }

    /** A control deadline is near (or was missed) and the unit's control officers were not yet told. */
    public record DeadlineWarned(String subjectType, long subjectId, long agencyId, String title, LocalDate dueOn, boolean overdue, String link,
                                 LocalDateTime at) {
    }
}
