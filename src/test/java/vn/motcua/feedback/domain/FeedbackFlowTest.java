package vn.motcua.feedback.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackStatus;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deadlines of feedback in working days, on the calendar of 2026 (Giỗ Tổ on a Sunday, 30/4 and 1/5 on Thursday and Friday). */
class FeedbackFlowTest {
    static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.STANDARD, List.of());
    final FeedbackFlow flow = new FeedbackFlow(CAL, FeedbackFlow.Days.LEGAL);

    /** Received on Friday 24/4/2026 at 15:00, before Giỗ Tổ (Sun 26/4, Monday 27/4 off in compensation) and 30/4–1/5. */
    static final LocalDateTime FRIDAY = LocalDateTime.of(2026, 4, 24, 15, 0);

    Feedback received(LocalDateTime at) {
        LocalDateTime[] d = flow.deadlines(at);
        return new Feedback(1, "PAKN-2026-000001", FeedbackCategory.PROCEDURE, "Tiêu đề", "Nội dung", null, null, null, 10,
                new Feedback.Sender("Nguyễn Văn A", "0912345678", null, null, null), FeedbackStatus.RECEIVED, at, at, d[0], d[1], d[2], null, null,
                null, null, null, null, null, null, null, null, null, null, null, false, null, 0, 0, null, 0);
    }

    @Test
    void deadlinesCountWorkingDaysByDateSkippingWeekendsAndHolidays() {
        Feedback f = received(FRIDAY);
        // 28/4 and 29/4 are the first two working days
        assertThat(f.classifyDueAt()).isEqualTo(LocalDateTime.of(2026, 4, 29, 17, 0));
        // 28, 29, (30/4, 1/5, weekend off) 4, 5, 6
        assertThat(f.infoDueAt()).isEqualTo(LocalDateTime.of(2026, 5, 6, 17, 0));
        // 28, 29, 4–8, 11–15, 18, 19, 20
        assertThat(f.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 5, 20, 17, 0));
    }

    @Test
    void aRefusalAfterTwoWorkingDaysIsLateAndStaysLate() {
        Feedback f = received(FRIDAY);
        FeedbackFlow.Result onTime = flow.refuse(f, LocalDateTime.of(2026, 4, 29, 16, 59), "Không thuộc phạm vi");
        assertThat(onTime.onTime()).isTrue();
        assertThat(onTime.feedback().late()).isFalse();
        assertThat(onTime.feedback().status()).isEqualTo(FeedbackStatus.REFUSED);
        FeedbackFlow.Result late = flow.refuse(f, LocalDateTime.of(2026, 4, 30, 8, 0), "Không thuộc phạm vi");
        assertThat(late.onTime()).isFalse();
        assertThat(late.feedback().late()).isTrue();
    }

    @Test
    void informationRestartsTheHandlingClockFromZero() {
        Feedback f = received(FRIDAY);
        Feedback asked = flow.requestInformation(f, LocalDateTime.of(2026, 5, 6, 10, 0), "Mã hồ sơ").feedback();
        assertThat(asked.status()).isEqualTo(FeedbackStatus.INFO_REQUESTED);
        assertThat(asked.currentDue()).isEmpty();
        assertThat(asked.overdue(LocalDateTime.of(2026, 7, 1, 9, 0))).isFalse();
        // a request after five working days is late
        assertThat(flow.requestInformation(f, LocalDateTime.of(2026, 5, 7, 8, 0), "Mã hồ sơ").onTime()).isFalse();
        assertThatThrownBy(() -> flow.requestInformation(asked, LocalDateTime.of(2026, 5, 6, 11, 0), "lần hai")).isInstanceOf(IllegalStateException.class);
        // the answer is due 15 working days after the information arrived on Monday 11/5: 12/5 … 1/6
        Feedback back = flow.informationReceived(asked, LocalDateTime.of(2026, 5, 11, 9, 0)).feedback();
        assertThat(back.status()).isEqualTo(FeedbackStatus.HANDLING);
        assertThat(back.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 6, 1, 17, 0));
        assertThat(flow.answer(back, LocalDateTime.of(2026, 5, 29, 9, 0), "Trả lời", "cb").onTime()).isTrue();
    }

    @Test
    void aTransferGivesTheCompetentAgencyItsOwnDeadlines() {
        Feedback f = received(FRIDAY);
        FeedbackFlow.Result t = flow.transfer(f, LocalDateTime.of(2026, 4, 28, 10, 0), 20);
        assertThat(t.onTime()).isTrue();
        assertThat(t.feedback().agencyId()).isEqualTo(20);
        assertThat(t.feedback().status()).isEqualTo(FeedbackStatus.RECEIVED);
        assertThat(t.feedback().clockStartedAt()).isEqualTo(LocalDateTime.of(2026, 4, 28, 10, 0));
        assertThat(t.feedback().classifyDueAt()).isEqualTo(LocalDateTime.of(2026, 5, 4, 17, 0));
        assertThat(t.feedback().handleDueAt()).isEqualTo(LocalDateTime.of(2026, 5, 20, 17, 0).plusDays(1));
        // transferring after the classification deadline is late for good, even if the new agency is quick
        FeedbackFlow.Result lateTransfer = flow.transfer(f, LocalDateTime.of(2026, 4, 30, 9, 0), 20);
        assertThat(lateTransfer.onTime()).isFalse();
        assertThat(flow.accept(lateTransfer.feedback(), LocalDateTime.of(2026, 5, 4, 9, 0)).feedback().late()).isTrue();
        assertThatThrownBy(() -> flow.transfer(f, LocalDateTime.of(2026, 4, 28, 10, 0), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerIsPublishedWithinTwoWorkingDaysOrCountsLate() {
        Feedback accepted = flow.accept(received(FRIDAY), LocalDateTime.of(2026, 4, 28, 8, 0)).feedback();
        FeedbackFlow.Result answered = flow.answer(accepted, LocalDateTime.of(2026, 5, 20, 16, 0), "Trả lời", "cb");
        assertThat(answered.onTime()).isTrue();
        assertThat(answered.feedback().publishDueAt()).isEqualTo(LocalDateTime.of(2026, 5, 22, 17, 0));
        assertThat(flow.publish(answered.feedback(), LocalDateTime.of(2026, 5, 22, 16, 0)).onTime()).isTrue();
        FeedbackFlow.Result late = flow.publish(answered.feedback(), LocalDateTime.of(2026, 5, 25, 8, 0));
        assertThat(late.onTime()).isFalse();
        assertThat(late.feedback().late()).isTrue();
        assertThat(late.feedback().status()).isEqualTo(FeedbackStatus.PUBLISHED);
        // an answer after the 15th working day is late
        assertThat(flow.answer(accepted, LocalDateTime.of(2026, 5, 21, 8, 0), "Trả lời", "cb").onTime()).isFalse();
    }

    @Test
    void theWarningJobMarksOverdueFeedbackLateAndSeesTheNearDeadline() {
        Feedback f = received(FRIDAY);
        assertThat(flow.lateAt(f, LocalDateTime.of(2026, 4, 29, 17, 0))).isEmpty();
        assertThat(flow.lateAt(f, LocalDateTime.of(2026, 4, 29, 17, 1))).get().extracting(Feedback::late).isEqualTo(true);
        // within one working day of the classification deadline (29/4 17:00) from 28/4 on
        assertThat(flow.dueSoon(f, LocalDateTime.of(2026, 4, 27, 9, 0), 1)).isFalse();
        assertThat(flow.dueSoon(f, LocalDateTime.of(2026, 4, 28, 9, 0), 1)).isTrue();
        Feedback warned = flow.warnAt(f, LocalDateTime.of(2026, 4, 28, 9, 0), 1).orElseThrow();
        assertThat(warned.warnedAt()).isEqualTo(LocalDateTime.of(2026, 4, 28, 9, 0));
        assertThat(flow.warnAt(warned, LocalDateTime.of(2026, 4, 28, 10, 0), 1)).isEmpty();
        assertThat(flow.warnAt(f, LocalDateTime.of(2026, 4, 27, 9, 0), 1)).isEmpty();
        assertThat(flow.lateAt(warned, LocalDateTime.of(2026, 4, 30, 9, 0)).orElseThrow().warnedAt()).isNotNull();
        // the next deadline (the answer's) is warned of again
        Feedback accepted = flow.accept(warned, LocalDateTime.of(2026, 4, 28, 9, 0)).feedback();
        assertThat(accepted.warnedAt()).isNull();
        assertThat(flow.dueSoon(accepted, LocalDateTime.of(2026, 4, 28, 9, 0), 1)).isFalse();
        assertThat(accepted.currentDue()).contains(LocalDateTime.of(2026, 5, 20, 17, 0));
    }

    @Test
    void repeatedFeedbackPointsToAnEarlierOne() {
        Feedback earlier = received(FRIDAY.minusDays(30));
        Feedback f = received(FRIDAY);
        Feedback later = new Feedback(2, "PAKN-2", f.category(), f.title(), f.content(), null, null, null, 10, f.sender(), FeedbackStatus.RECEIVED,
                FRIDAY.plusDays(3), FRIDAY.plusDays(3), f.classifyDueAt(), f.infoDueAt(), f.handleDueAt(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, false, null, 0, 0, null, 0);
        assertThat(flow.repeated(f, FRIDAY.plusHours(1), new Feedback(3, "PAKN-3", earlier.category(), "x", "y", null, null, null, 10,
                earlier.sender(), FeedbackStatus.PUBLISHED, earlier.receivedAt(), earlier.receivedAt(), earlier.classifyDueAt(), earlier.infoDueAt(),
                earlier.handleDueAt(), null, null, null, null, null, null, null, null, null, null, null, null, null, false, null, 0, 0, null, 0))
                .feedback().repeatedOf()).isEqualTo(3L);
        assertThatThrownBy(() -> flow.repeated(f, FRIDAY.plusHours(1), later)).isInstanceOf(IllegalArgumentException.class);
    }
}
