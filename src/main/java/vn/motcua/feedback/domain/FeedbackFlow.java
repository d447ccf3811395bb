package vn.motcua.feedback.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackStatus;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The rules of a feedback's handling (Decree 20/2008 as amended; index 766 indicator 5.2), in plain Java: which action is
 * allowed in which state, the deadlines in working days counted by date from the day the competent agency got it
 * (refuse or classify ≤ 2, ask for more information ≤ 5, answer ready ≤ 15, published ≤ 2 after the answer), the
 * handling clock restarting when the information asked for arrives or the feedback is transferred, and lateness that
 * stays once a deadline is missed. Each action returns the changed feedback and whether it met its deadline.
 */
public final class FeedbackFlow {

    /** Deadlines in working days. */
    public record Days(int classify, int info, int handle, int publish) {
        public static final Days LEGAL = new Days(2, 5, 15, 2);
    }

    /** The outcome of an action: the feedback after it and whether the action met its deadline (null when none applies). */
    public record Result(Feedback feedback, String action, Boolean onTime) {
    }

    private final WorkingCalendar calendar;
    private final Days days;

    public FeedbackFlow(WorkingCalendar calendar, Days days) {
        this.calendar = calendar;
        this.days = days;
    }

    /** The end of office hours on the n-th working day after the day of {@code start}. */
    public LocalDateTime dueOn(LocalDateTime start, int workingDays) {
        return calendar.plusWorkingDays(start.toLocalDate(), workingDays).atTime(calendar.hours().afternoonEnd());
    }

    /** Deadlines of a feedback the competent agency got at {@code start}: classify, ask for information, answer. */
    public LocalDateTime[] deadlines(LocalDateTime start) {
        return new LocalDateTime[]{dueOn(start, days.classify()), dueOn(start, days.info()), dueOn(start, days.handle())};
    }

    public Result accept(Feedback f, LocalDateTime now) {
        require(f, FeedbackStatus.RECEIVED);
        boolean onTime = !now.isAfter(f.classifyDueAt());
        return new Result(with(f, FeedbackStatus.HANDLING, f.late() || !onTime), "ACCEPTED", onTime);
    }

    public Result refuse(Feedback f, LocalDateTime now, String reason) {
        if (f.status() != FeedbackStatus.RECEIVED && f.status() != FeedbackStatus.INFO_REQUESTED) {
            throw new IllegalStateException("Chỉ từ chối được phản ánh mới tiếp nhận hoặc đang chờ bổ sung thông tin.");
        }
        // after an unanswered request for information, refusing is the end of the wait, not a late classification
        boolean onTime = f.status() == FeedbackStatus.INFO_REQUESTED || !now.isAfter(f.classifyDueAt());
        Feedback g = copy(f, FeedbackStatus.REFUSED, f.late() || !onTime, reason, f.infoRequestedAt(), f.infoRequest(), f.infoReceivedAt(),
                f.handleDueAt(), f.answer(), f.answeredAt(), f.answeredBy(), f.publishDueAt(), f.publishedAt(), f.repeatedOf(), now,
                f.agencyId(), f.clockStartedAt(), f.classifyDueAt(), f.infoDueAt());
        return new Result(g, "REFUSED", onTime);
    }

    public Result requestInformation(Feedback f, LocalDateTime now, String what) {
        if (f.status() != FeedbackStatus.RECEIVED && f.status() != FeedbackStatus.HANDLING) {
            throw new IllegalStateException("Không yêu cầu bổ sung được ở trạng thái này.");
        }
        if (f.infoRequestedAt() != null && f.infoReceivedAt() == null) {
            throw new IllegalStateException("Đã yêu cầu bổ sung thông tin.");
        }
        boolean onTime = !now.isAfter(f.infoDueAt());
        Feedback g = copy(f, FeedbackStatus.INFO_REQUESTED, f.late() || !onTime, null, now, what, null, f.handleDueAt(), null, null, null,
                null, null, f.repeatedOf(), null, f.agencyId(), f.clockStartedAt(), f.classifyDueAt(), f.infoDueAt());
        return new Result(g, "INFO_REQUESTED", onTime);
    }

    /** The information arrived: the answer is due {@code handle} working days from now (the clock restarts from zero). */
    public Result informationReceived(Feedback f, LocalDateTime now) {
        require(f, FeedbackStatus.INFO_REQUESTED);
        Feedback g = copy(f, FeedbackStatus.HANDLING, f.late(), null, f.infoRequestedAt(), f.infoRequest(), now, dueOn(now, days.handle()),
                null, null, null, null, null, f.repeatedOf(), null, f.agencyId(), f.clockStartedAt(), f.classifyDueAt(), f.infoDueAt());
        return new Result(g, "INFO_RECEIVED", null);
    }

    /** Handed to the competent agency: its deadlines count from now. Transferring after the classification deadline is late. */
    public Result transfer(Feedback f, LocalDateTime now, long toAgencyId) {
        if (f.status() != FeedbackStatus.RECEIVED && f.status() != FeedbackStatus.HANDLING) {
            throw new IllegalStateException("Chỉ chuyển được phản ánh đang chờ phân loại hoặc đang xử lý.");
        }
        if (toAgencyId == f.agencyId()) {
            throw new IllegalArgumentException("Phản ánh đã thuộc đơn vị này.");
        }
        boolean onTime = !now.isAfter(f.classifyDueAt());
        LocalDateTime[] d = deadlines(now);
        Feedback g = copy(f, FeedbackStatus.RECEIVED, f.late() || !onTime, null, null, null, null, d[2], null, null, null, null, null,
                f.repeatedOf(), null, toAgencyId, now, d[0], d[1]);
        return new Result(g, "TRANSFERRED", onTime);
    }

    public Result answer(Feedback f, LocalDateTime now, String text, String by) {
        if (f.status() != FeedbackStatus.RECEIVED && f.status() != FeedbackStatus.HANDLING) {
            throw new IllegalStateException("Chỉ trả lời được phản ánh đang xử lý.");
        }
        boolean onTime = !now.isAfter(f.handleDueAt());
        Feedback g = copy(f, FeedbackStatus.ANSWERED, f.late() || !onTime, null, f.infoRequestedAt(), f.infoRequest(), f.infoReceivedAt(),
                f.handleDueAt(), text, now, by, dueOn(now, days.publish()), null, f.repeatedOf(), null, f.agencyId(), f.clockStartedAt(),
                f.classifyDueAt(), f.infoDueAt());
        return new Result(g, "ANSWERED", onTime);
    }

    public Result publish(Feedback f, LocalDateTime now) {
        require(f, FeedbackStatus.ANSWERED);
        boolean onTime = !now.isAfter(f.publishDueAt());
        Feedback g = copy(f, FeedbackStatus.PUBLISHED, f.late() || !onTime, null, f.infoRequestedAt(), f.infoRequest(), f.infoReceivedAt(),
                f.handleDueAt(), f.answer(), f.answeredAt(), f.answeredBy(), f.publishDueAt(), now, f.repeatedOf(), now, f.agencyId(),
                f.clockStartedAt(), f.classifyDueAt(), f.infoDueAt());
        return new Result(g, "PUBLISHED", onTime);
    }

    /** The same matter as an earlier feedback: closed with a link to it (counted as repeated, not answered again). */
    public Result repeated(Feedback f, LocalDateTime now, Feedback earlier) {
        if (f.status() != FeedbackStatus.RECEIVED && f.status() != FeedbackStatus.HANDLING) {
            throw new IllegalStateException("Chỉ đánh dấu trùng được phản ánh đang chờ xử lý.");
        }
        if (earlier.id() == f.id() || earlier.receivedAt().isAfter(f.receivedAt())) {
            throw new IllegalArgumentException("Phản ánh trùng phải gửi sau phản ánh đã có.");
        }
        boolean onTime = !now.isAfter(f.handleDueAt());
        Feedback g = copy(f, FeedbackStatus.REPEATED, f.late() || !onTime, null, f.infoRequestedAt(), f.infoRequest(), f.infoReceivedAt(),
                f.handleDueAt(), null, null, null, null, null, earlier.id(), now, f.agencyId(), f.clockStartedAt(), f.classifyDueAt(),
                f.infoDueAt());
        return new Result(g, "REPEATED", onTime);
    }

    /** Marks a feedback whose current deadline passed as late (the warning job); empty when nothing changes. */
    public Optional<Feedback> lateAt(Feedback f, LocalDateTime now) {
        if (f.late() || !f.overdue(now)) {
            return Optional.empty();
        }
        return Optional.of(with(f, f.status(), true));
    }

    /** Notes the warning of a current deadline within the window (the warning job); empty when not near or warned already. */
    public Optional<Feedback> warnAt(Feedback f, LocalDateTime now, int warnDays) {
        return f.warnedAt() == null && dueSoon(f, now, warnDays) ? Optional.of(f.withWarning(now)) : Optional.empty();
    }

    /** Whether the current deadline is within the warning window (and not passed). */
    public boolean dueSoon(Feedback f, LocalDateTime now, int warnDays) {
        return f.currentDue().filter(due -> !now.isAfter(due) && !dueOn(now, warnDays).isBefore(due)).isPresent();
    }

    private static void require(Feedback f, FeedbackStatus s) {
        if (f.status() != s) {
            throw new IllegalStateException("Phản ánh đang ở trạng thái \"" + f.status().label() + "\".");
        }
    }

    private static Feedback with(Feedback f, FeedbackStatus status, boolean late) {
        return copy(f, status, late, f.refusedReason(), f.infoRequestedAt(), f.infoRequest(), f.infoReceivedAt(), f.handleDueAt(), f.answer(),
                f.answeredAt(), f.answeredBy(), f.publishDueAt(), f.publishedAt(), f.repeatedOf(), f.closedAt(), f.agencyId(),
                f.clockStartedAt(), f.classifyDueAt(), f.infoDueAt());
    }

    private static Feedback copy(Feedback f, FeedbackStatus status, boolean late, String refusedReason, LocalDateTime infoRequestedAt,
                                 String infoRequest, LocalDateTime infoReceivedAt, LocalDateTime handleDueAt, String answer,
                                 LocalDateTime answeredAt, String answeredBy, LocalDateTime publishDueAt, LocalDateTime publishedAt,
                                 Long repeatedOf, LocalDateTime closedAt, long agencyId, LocalDateTime clockStartedAt,
                                 LocalDateTime classifyDueAt, LocalDateTime infoDueAt) {
        return new Feedback(f.id(), f.code(), f.category(), f.title(), f.content(), f.procedureCode(), f.dossierCode(), f.dossierId(), agencyId,
                f.sender(), status, f.receivedAt(), clockStartedAt, classifyDueAt, infoDueAt, handleDueAt, infoRequestedAt, infoRequest,
                infoReceivedAt, refusedReason, answer, answeredAt, answeredBy, publishDueAt, f.publicTitle(), f.publicContent(),
                f.publicAnswer(), publishedAt, repeatedOf, late,
                // a new state or agency has a new deadline, to be warned of again
                status == f.status() && agencyId == f.agencyId() ? f.warnedAt() : null, f.likes(), f.dislikes(), closedAt, f.rowVersion());
    }
}
