package vn.motcua.dossier.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DeadlineState;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StepResult;
import vn.motcua.shared.ConflictException;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which action is allowed in which state, and how close to its deadline a dossier is. Plain Java. */
public final class DossierRules {
    private static final Set<DossierStatus> HANDLING = EnumSet.of(DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_APPROVAL, DossierStatus.PAUSED);
    private static final Map<DossierAction, Set<DossierStatus>> ALLOWED = Map.ofEntries(
            Map.entry(DossierAction.ACCEPT, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, EnumSet.of(DossierStatus.SUBMITTED)),
            Map.entry(DossierAction.SUPPLEMENT_AT_INTAKE, EnumSet.of(DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.REFUSE, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.FORWARD, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.APPROVE, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.SEND_BACK, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.PAUSE, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.PROPOSE_SUPPLEMENT, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.DECLINE_SUPPLEMENT, EnumSet.of(DossierStatus.SUPPLEMENT_APPROVAL)),
            Map.entry(DossierAction.RESUME, EnumSet.of(DossierStatus.PAUSED)),
            Map.entry(DossierAction.TRANSFER, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.ASSIGN, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.APOLOGISE, HANDLING),
            Map.entry(DossierAction.RETURN_RESULT, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.WITHDRAW, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.REQUEST_STOP, HANDLING),
            Map.entry(DossierAction.STOP, HANDLING));

    private DossierRules() {
    }

    public static boolean allowed(DossierStatus status, DossierAction action) {
        return ALLOWED.getOrDefault(action, Set.of()).contains(status);
    }

    /** Refuses an action the state does not allow, with a message for the user. */
    public static void require(DossierStatus status, DossierAction action) {
        if (!allowed(status, action)) {
            throw new ConflictException("Không thể thực hiện \"" + action.label() + "\" khi hồ sơ đang ở trạng thái \""
                    + status.label() + "\".");
        }
    }

    /**
     * On time, due soon (within {@code nearMinutes} working minutes), overdue; waiting for a supplement (the clock
     * is stopped); for finished dossiers whether they ended by their due time. Lateness is always judged against
     * the legal due time, never against a new appointment given in an apology.
     */
    public static DeadlineState deadlineState(DossierStatus status, LocalDateTime dueAt, LocalDateTime finishedAt, boolean late,
                                              LocalDateTime now, long nearMinutes, WorkingCalendar calendar) {
        if (status == DossierStatus.RETURNED) {
            return late || (finishedAt != null && dueAt != null && finishedAt.isAfter(dueAt)) ? DeadlineState.DONE_LATE : DeadlineState.DONE_ON_TIME;
        }
        if (status.terminal()) {
            return late ? DeadlineState.ENDED_LATE : DeadlineState.ENDED;
        }
        if (dueAt == null) {
            return DeadlineState.NOT_STARTED;
        }
        if (status == DossierStatus.PAUSED) {
            return late ? DeadlineState.OVERDUE : DeadlineState.WAITING;
        }
        if (late || now.isAfter(dueAt)) {
            return DeadlineState.OVERDUE;
        }
        return calendar.workingMinutesBetween(now, dueAt) <= nearMinutes ? DeadlineState.NEAR_DUE : DeadlineState.ON_TIME;
    }

    /** The result of a step completed at {@code completedAt} against its due time (see {@link StepResult}). */
    public static StepResult stepResult(LocalDateTime completedAt, LocalDateTime stepDueAt) {
        if (stepDueAt == null) {
            return StepResult.ON_TIME;
        }
        if (completedAt.isAfter(stepDueAt)) {
            return StepResult.LATE;
        }
        return completedAt.toLocalDate().isBefore(stepDueAt.toLocalDate()) ? StepResult.BEFORE_DUE : StepResult.ON_TIME;
    }
}
