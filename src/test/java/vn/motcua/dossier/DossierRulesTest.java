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

/** The state machine and deadline colours, in plain Java. */
class DossierRulesTest {
    private final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.STANDARD, List.of());

    @Test
    void finishedDossiersAllowNothing() {
        for (DossierStatus status : EnumSet.of(DossierStatus.RETURNED, DossierStatus.REFUSED, DossierStatus.WITHDRAWN)) {
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
                DossierAction.WITHDRAW);
        assertThat(allowedIn(DossierStatus.PROCESSING)).containsExactlyInAnyOrder(DossierAction.FORWARD, DossierAction.APPROVE,
                DossierAction.SEND_BACK, DossierAction.PAUSE, DossierAction.TRANSFER, DossierAction.ASSIGN, DossierAction.APOLOGISE,
                DossierAction.RETURN_RESULT, DossierAction.WITHDRAW);
        assertThat(allowedIn(DossierStatus.PAUSED)).containsExactlyInAnyOrder(DossierAction.RESUME, DossierAction.APOLOGISE,
                DossierAction.WITHDRAW);
        assertThatThrownBy(() -> DossierRules.require(DossierStatus.PAUSED, DossierAction.FORWARD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Tạm dừng chờ bổ sung");
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
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, due.minusDays(2), window, calendar)).isEqualTo(DeadlineState.ON_TIME);
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, due.minusHours(20), window, calendar)).isEqualTo(DeadlineState.NEAR_DUE);
        assertThat(DossierRules.deadlineState(DossierStatus.PROCESSING, due, null, due.plusMinutes(1), window, calendar)).isEqualTo(DeadlineState.OVERDUE);
        assertThat(DossierRules.deadlineState(DossierStatus.RETURNED, due, due.minusHours(1), due, window, calendar)).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(DossierRules.deadlineState(DossierStatus.RETURNED, due, due.plusHours(1), due, window, calendar)).isEqualTo(DeadlineState.DONE_LATE);
        assertThat(DossierRules.deadlineState(DossierStatus.SUBMITTED, null, null, due, window, calendar)).isEqualTo(DeadlineState.NOT_STARTED);
        // a paused dossier is not "near due": its clock stands still
        assertThat(DossierRules.deadlineState(DossierStatus.PAUSED, due, null, due.minusHours(20), window, calendar)).isEqualTo(DeadlineState.ON_TIME);
    }
}
