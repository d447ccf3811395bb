package vn.motcua.dossier.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DeadlineState;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.shared.ConflictException;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which action is allowed in which state, and how close to its deadline a dossier is. Plain Java. */
public final class DossierRules {
    private static final Map<DossierAction, Set<DossierStatus>> ALLOWED = Map.ofEntries(
            Map.entry(DossierAction.ACCEPT, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, EnumSet.of(DossierStatus.SUBMITTED)),
            Map.entry(DossierAction.REFUSE, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT)),
            Map.entry(DossierAction.FORWARD, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.APPROVE, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.SEND_BACK, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.PAUSE, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.RESUME, EnumSet.of(DossierStatus.PAUSED)),
            Map.entry(DossierAction.TRANSFER, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.ASSIGN, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.APOLOGISE, EnumSet.of(DossierStatus.PROCESSING, DossierStatus.PAUSED)),
            Map.entry(DossierAction.RETURN_RESULT, EnumSet.of(DossierStatus.PROCESSING)),
            Map.entry(DossierAction.WITHDRAW, EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.INTAKE_SUPPLEMENT,
                    DossierStatus.PROCESSING, DossierStatus.PAUSED)));

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
     * On time, due soon (within {@code nearMinutes} working minutes), overdue; for finished dossiers
     * whether they finished by their due time. Lateness is always judged against the legal due time,
     * never against a new appointment given in an apology.
     */
    public static DeadlineState deadlineState(DossierStatus status, LocalDateTime dueAt, LocalDateTime finishedAt,
                                              LocalDateTime now, long nearMinutes, WorkingCalendar calendar) {
        if (dueAt == null) {
            return DeadlineState.NOT_STARTED;
        }
        if (status == DossierStatus.RETURNED || finishedAt != null) {
            return finishedAt != null && finishedAt.isAfter(dueAt) ? DeadlineState.DONE_LATE : DeadlineState.DONE_ON_TIME;
        }
        if (status == DossierStatus.PAUSED) {
            return now.isAfter(dueAt) ? DeadlineState.OVERDUE : DeadlineState.ON_TIME;
        }
        if (now.isAfter(dueAt)) {
            return DeadlineState.OVERDUE;
        }
        return calendar.workingMinutesBetween(now, dueAt) <= nearMinutes ? DeadlineState.NEAR_DUE : DeadlineState.ON_TIME;
    }
}
