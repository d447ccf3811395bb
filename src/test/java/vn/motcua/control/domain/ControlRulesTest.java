package vn.motcua.control.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of TTHC control in plain Java: proposal and draft life cycles, review progress, publication deadlines, required parts. */
class ControlRulesTest {
    static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.STANDARD, List.of());

    @Test
    void aProposalGoesFromDraftToImplementedAndRefusesEveryStepOutOfOrder() {
        Simplification s = Simplification.drafted();
        assertThatThrownBy(() -> s.approve(LocalDate.of(2026, 3, 1), "1/QĐ")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> s.implement(LocalDate.of(2026, 3, 1), "2/QĐ")).isInstanceOf(ConflictException.class);
        Simplification submitted = s.submit(LocalDate.of(2026, 3, 2));
        assertThat(submitted.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(submitted.editable()).isFalse();
        // approval needs the approving document and cannot come before the submission
        assertThatThrownBy(() -> submitted.approve(LocalDate.of(2026, 3, 5), " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> submitted.approve(LocalDate.of(2026, 3, 1), "1/QĐ")).isInstanceOf(ValidationException.class);
        Simplification approved = submitted.approve(LocalDate.of(2026, 3, 20), " 1785/QĐ-UBND ");
        assertThat(approved.approvalRef()).isEqualTo("1785/QĐ-UBND");
        assertThat(approved.status().counts()).isTrue();
        assertThatThrownBy(() -> approved.submit(LocalDate.of(2026, 3, 21))).isInstanceOf(ConflictException.class);
        Simplification done = approved.implement(LocalDate.of(2026, 10, 5), "2890/QĐ-UBND");
        assertThat(done.status()).isEqualTo(ProposalStatus.IMPLEMENTED);
        assertThat(done.submittedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(done.decisionNumber()).isEqualTo("2890/QĐ-UBND");
        // a rejected proposal can be reworked and submitted again; it does not count
        Simplification rejected = Simplification.drafted().submit(LocalDate.of(2026, 1, 1)).reject(LocalDate.of(2026, 2, 1));
        assertThat(rejected.status().counts()).isFalse();
        assertThat(rejected.submit(LocalDate.of(2026, 2, 10)).status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void reviewProgressIsDoneOnlyWithAResultAndIsOverdueAfterItsDay() {
        LocalDate due = LocalDate.of(2026, 6, 30);
        ReviewProgress p = ReviewProgress.planned();
        assertThat(p.dueSoon(due, LocalDate.of(2026, 6, 25), 7)).isTrue();
        assertThat(p.dueSoon(due, LocalDate.of(2026, 6, 1), 7)).isFalse();
        assertThat(p.overdue(due, LocalDate.of(2026, 7, 1))).isTrue();
        assertThatThrownBy(() -> p.report(100, " ", LocalDate.of(2026, 6, 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> p.report(101, "x", LocalDate.of(2026, 6, 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> p.report(null, "x", LocalDate.of(2026, 6, 1))).isInstanceOf(ValidationException.class);
        ReviewProgress half = p.report(50, "Đang lấy ý kiến", LocalDate.of(2026, 6, 1));
        assertThat(half.status()).isEqualTo(ReviewProgress.Status.IN_PROGRESS);
        ReviewProgress done = half.report(100, "Đề xuất bỏ 2 thành phần hồ sơ", LocalDate.of(2026, 7, 3));
        assertThat(done.status()).isEqualTo(ReviewProgress.Status.DONE);
        assertThat(done.finishedOn()).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(done.overdue(due, LocalDate.of(2026, 8, 1))).isFalse();
    }

    @Test
    void aProvinceSignsFiveWorkingDaysBeforeTheLegalBasisTakesEffectAndPublishesWithinFive() {
        // effective Sunday 1 Nov 2026: five working days before is Monday 26 Oct
        PublicationTimeliness waiting = PublicationTimeliness.of(LocalDate.of(2026, 11, 1), null, null, CAL, 5, 5);
        assertThat(waiting.decideBy()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(waiting.decidedOnTime(LocalDate.of(2026, 10, 1))).isNull();
        assertThat(waiting.state(LocalDate.of(2026, 10, 1), 7)).isEqualTo(PublicationTimeliness.State.WAITING_DECISION);
        assertThat(waiting.state(LocalDate.of(2026, 10, 20), 7)).isEqualTo(PublicationTimeliness.State.DECISION_DUE_SOON);
        assertThat(waiting.state(LocalDate.of(2026, 10, 27), 7)).isEqualTo(PublicationTimeliness.State.DECISION_LATE);
        assertThat(waiting.decidedOnTime(LocalDate.of(2026, 10, 27))).isFalse();
        // signed on the deadline (on time); public by Monday 2 Nov (5 working days after 26 Oct)
        PublicationTimeliness signed = PublicationTimeliness.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 26), null, CAL, 5, 5);
        assertThat(signed.decidedOnTime(LocalDate.of(2026, 10, 27))).isTrue();
        assertThat(signed.publishBy()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(signed.state(LocalDate.of(2026, 10, 27), 7)).isEqualTo(PublicationTimeliness.State.PUBLIC_DUE_SOON);
        assertThat(signed.state(LocalDate.of(2026, 11, 3), 7)).isEqualTo(PublicationTimeliness.State.PUBLIC_LATE);
        PublicationTimeliness published = PublicationTimeliness.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2),
                CAL, 5, 5);
        assertThat(published.publicOnTime(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(published.state(LocalDate.of(2026, 12, 1), 7)).isEqualTo(PublicationTimeliness.State.ON_TIME);
        assertThat(published.nextDeadline()).isNull();
        // a ministry: 20 working days before
        assertThat(PublicationTimeliness.of(LocalDate.of(2026, 11, 2), null, null, CAL, 20, 10).decideBy()).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void aHolidayIsNotAWorkingDayWhenCountingBack() {
        // effective Thursday 3 Sep 2026: 1 and 2 Sep are National Day holidays; five working days before is 26 Aug
        PublicationTimeliness t = PublicationTimeliness.of(LocalDate.of(2026, 9, 3), null, null, CAL, 5, 5);
        assertThat(t.decideBy()).isEqualTo(LocalDate.of(2026, 8, 26));
    }

    @Test
    void everyRequiredPartOfAPublishedProcedureIsChecked() {
        assertThat(RequiredParts.missing("Tên", "Bước 1", true, 2, BigDecimal.ONE, "Công dân", "UBND xã")).isEmpty();
        assertThat(RequiredParts.missing(" ", null, false, 0, null, "", null)).containsExactly("Tên thủ tục", "Trình tự thực hiện",
                "Cách thức thực hiện", "Thành phần, số lượng hồ sơ", "Thời hạn giải quyết", "Đối tượng thực hiện", "Cơ quan thực hiện");
        // 0 days (within the day) is a time limit
        assertThat(RequiredParts.missing("Tên", "Bước 1", true, 1, BigDecimal.ZERO, "Công dân", "UBND xã")).isEmpty();
    }

    @Test
    void aDraftRegulationIsAppraisedOnlyAfterTheOfficesOpinionAndIssuedOnlyAfterTheAppraisal() {
        assertThatThrownBy(DraftStatus.REGISTERED::appraise).isInstanceOf(ConflictException.class);
        assertThatThrownBy(DraftStatus.OPINION_GIVEN::issue).isInstanceOf(ConflictException.class);
        assertThat(DraftStatus.REGISTERED.giveOpinion().appraise().issue()).isEqualTo(DraftStatus.ISSUED);
        assertThat(DraftStatus.OPINION_GIVEN.withdraw()).isEqualTo(DraftStatus.WITHDRAWN);
        assertThatThrownBy(DraftStatus.ISSUED::withdraw).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInspectionClosesOnlyWhenEveryFindingIsRemedied() {
        assertThatThrownBy(() -> InspectionStatus.PLANNED.close(0)).isInstanceOf(ConflictException.class);
        InspectionStatus held = InspectionStatus.PLANNED.hold();
        assertThatThrownBy(held::hold).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> held.close(2)).isInstanceOf(ConflictException.class).hasMessageContaining("2");
        assertThat(held.close(0)).isEqualTo(InspectionStatus.CLOSED);
    }
}
