package vn.motcua.dossier;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.domain.DossierRules;
import vn.motcua.shared.ConflictException;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine, deadline colours and step results, in plain Java. */
class DossierRulesTest {
    private final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.STANDARD, List.of());

    @Test
    void finishedDossiersAllowNothing() {
        for (DossierStatus status : EnumSet.of(DossierStatus.RETURNED, DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED)) {
            for (DossierAction action : DossierAction.values()) {
                assertThat(DossierRules.allowed(status, action)).as(status + " / " + action).isFalse();
            }
        }
    }

    @Test
    void everyStateAllowsExactlyItsActions() {
        assertThat(allowedIn(DossierStatus.SUBMITTED)).containsExactlyInAnyOrder(DossierAction.ACCEPT,
                DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierAction.REFUSE, DossierAction.WITHDRAW);
        assertThat(allowedIn(DossierStatus.INTAKE_SUPPLEMENT)).containsExactlyInAnyOrder(DossierAction.ACCEPT, DossierAction.REFUSE,
                DossierAction.SUPPLEMENT_AT_INTAKE, DossierAction.WITHDRAW);
        assertThat(allowedIn(DossierStatus.PROCESSING)).containsExactlyInAnyOrder(DossierAction.FORWARD, DossierAction.APPROVE,
                DossierAction.SEND_BACK, DossierAction.PAUSE, DossierAction.PROPOSE_SUPPLEMENT, DossierAction.TRANSFER, DossierAction.ASSIGN,
                DossierAction.APOLOGISE, DossierAction.RETURN_RESULT, DossierAction.REQUEST_STOP, DossierAction.STOP);
        assertThat(allowedIn(DossierStatus.SUPPLEMENT_APPROVAL)).containsExactlyInAnyOrder(DossierAction.DECLINE_SUPPLEMENT,
                DossierAction.APOLOGISE, DossierAction.REQUEST_STOP, DossierAction.STOP);
        assertThat(allowedIn(DossierStatus.PAUSED)).containsExactlyInAnyOrder(DossierAction.RESUME, DossierAction.APOLOGISE,
                DossierAction.REQUEST_STOP, DossierAction.STOP);
        assertThatThrownBy(() -> DossierRules.require(DossierStatus.PAUSED, DossierAction.FORWARD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Chờ bổ sung");
    }

    private static Set<DossierAction> allowedIn(DossierStatus status) {
        Set<DossierAction> set = EnumSet.noneOf(DossierAction.class);
        for (DossierAction a : DossierAction.values()) {
            if (DossierRules.allowed(status, a)) {
                set.add(a);
            }
        }
        return set;
    }

    @Test
    void deadlineColours() {
        LocalDateTime due = LocalDateTime.of(2026, 11, 26, 9, 0);
        long window = 8 * 60;
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, false, due.minusDays(2), window, calendar)).isEqualTo(DeadlineState.ON_TIME);
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, false, due.minusHours(20), window, calendar)).isEqualTo(DeadlineState.NEAR_DUE);
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, false, due.plusMinutes(1), window, calendar)).isEqualTo(DeadlineState.OVERDUE);
        assertThat(DossierRules.deadlineState(DossierStatus.RETURNED, due, due.minusHours(1), false, due, window, calendar)).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(DossierRules.deadlineState(DossierStatus.RETURNED, due, due.plusHours(1), true, due, window, calendar)).isEqualTo(DeadlineState.DONE_LATE);
        assertThat(DossierRules.deadlineState(DossierStatus.SUBMITTED, null, null, false, due, window, calendar)).isEqualTo(DeadlineState.NOT_STARTED);
        // waiting for the applicant's supplement: the clock stands still, so it is neither near due nor overdue
        assertThat(DossierRules.deadlineState(DossierStatus.PAUSED, due, null, false, due.plusDays(5), window, calendar)).isEqualTo(DeadlineState.WAITING);
    }

    @Test
    void aWithdrawnOrStoppedDossierShowsNoOverdueBadge() {
        LocalDateTime due = LocalDateTime.of(2026, 11, 26, 9, 0);
        LocalDateTime muchLater = due.plusMonths(2);
        assertThat(DossierRules.deadlineState(DossierStatus.WITHDRAWN, due, due.minusDays(1), false, muchLater, 480, calendar)).isEqualTo(DeadlineState.ENDED);
        assertThat(DossierRules.deadlineState(DossierStatus.REFUSED, null, due, false, muchLater, 480, calendar)).isEqualTo(DeadlineState.ENDED);
        assertThat(DossierRules.deadlineState(DossierStatus.STOPPED, due, due.minusDays(1), false, muchLater, 480, calendar)).isEqualTo(DeadlineState.ENDED);
        assertThat(DossierRules.deadlineState(DossierStatus.STOPPED, due, due.plusDays(1), true, muchLater, 480, calendar)).isEqualTo(DeadlineState.ENDED_LATE);
    }

    @Test
    void aStepIsBeforeDueOnTimeOrLate() {
        LocalDateTime stepDue = LocalDateTime.of(2026, 11, 26, 15, 0);
        assertThat(DossierRules.stepResult(stepDue.minusDays(1), stepDue)).isEqualTo(StepResult.BEFORE_DUE);
        assertThat(DossierRules.stepResult(stepDue.minusHours(3), stepDue)).isEqualTo(StepResult.ON_TIME);
        assertThat(DossierRules.stepResult(stepDue, stepDue)).isEqualTo(StepResult.ON_TIME);
        assertThat(DossierRules.stepResult(stepDue.plusMinutes(1), stepDue)).isEqualTo(StepResult.LATE);
    }
}
