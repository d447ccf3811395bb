package vn.motcua.control;

import vn.motcua.control.domain.ReviewProgress;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One procedure (or group of procedures) under review: who reviews it, by when, how far, with what result. */
public record ReviewItem(long id, long planId, String procedureCode, String subject, long agencyId, String agencyName, LocalDate dueOn,
                         ReviewProgress progress, String updatedBy, LocalDateTime updatedAt, long rowVersion) {

    public boolean overdue(LocalDate today) {
        return progress.overdue(dueOn, today);
    }
}
