package vn.motcua.dossier.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.StepResult;
import vn.motcua.dossier.StopKind;
import vn.motcua.identity.Role;
import vn.motcua.rules.DossierCodePattern;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.SupplementClock;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a dossier's transitions, in plain Java, without Spring or a database. */
class DossierAggregateTest {
    static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.STANDARD, List.of());
    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final List<ProcessStep> STEPS = List.of(
            new ProcessStep(ProcessVariant.STANDARD, 1, "Tiếp nhận", "Một cửa", Role.RECEIVING_OFFICER, new BigDecimal("8")),
            new ProcessStep(ProcessVariant.STANDARD, 2, "Thẩm định", "Phòng", Role.PROCESSING_OFFICER, new BigDecimal("48")),
            new ProcessStep(ProcessVariant.STANDARD, 3, "Ký", "Lãnh đạo", Role.LEADER, new BigDecimal("16")),
            new ProcessStep(ProcessVariant.STANDARD, 4, "Trả kết quả", "Một cửa", Role.RECEIVING_OFFICER, new BigDecimal("8")));

    static LegalRuleSet rules(SupplementClock clock, int maxExtensions) {
        return new LegalRuleSet(2, "ND118-2025", "Nghị định 118", LocalDateTime.of(2025, 7, 1, 0, 0).toLocalDate(), "NĐ 118", "TT 03",
                DossierCodePattern.DEFAULT, LocalTime.of(15, 0), 3, clock, true, maxExtensions, null, 0, List.of());
    }

    static Dossier submitted(Channel channel, BigDecimal days) {
        return new Dossier(1, "X-261123-0001", 10, "1.001078", "Cấp phiếu", channel, "STANDARD", 100, 200,
                new Applicant("A", null, "0903123456", null, null), null, null, 2, 1, Delivery.COUNTER, DossierStatus.SUBMITTED, MONDAY_9,
                null, null, days, null, null, null, null, null, null, null, null, null, null, null, null, false, null, null, null, null, null,
                0, 0, false, 0, Dossier.Stop.NONE, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The dossier as the store saves it after the change, with the history line the change writes. */
    static Dossier saved(DossierAggregate a, Change c) {
        return a.saved(new DossierHistoryEntry(a.original().history().size() + 1, MONDAY_9, "test", c.action(), c.from(), c.to(), c.step(),
                c.agencyId(), c.fromAgencyId(), c.stepDueAt(), c.note()));
    }

    static Dossier received(LocalDateTime at, LegalRuleSet rules) {
        DossierAggregate a = DossierAggregate.of(submitted(Channel.COUNTER, BigDecimal.TEN));
        return saved(a, a.receive(at, CAL, rules, STEPS, "01/2026", 1));
    }

    @Test
    void theSavedDossierHasTheNewStateTheNextRowVersionAndTheHistoryLineWithItsChildrenUnchanged() {
        Dossier d = received(MONDAY_9, rules(SupplementClock.RESTART, 1));
        DossierAggregate a = DossierAggregate.of(d);
        Change c = a.completeStep(MONDAY_9.plusHours(1), CAL, STEPS, null, null, "Đủ điều kiện");
        DossierHistoryEntry line = new DossierHistoryEntry(42, MONDAY_9.plusHours(1), "chuyenvien", c.action(), c.from(), c.to(), c.step(),
                c.agencyId(), c.fromAgencyId(), c.stepDueAt(), c.note());
        Dossier after = a.saved(line);
        assertThat(after.rowVersion()).isEqualTo(d.rowVersion() + 1);
        assertThat(after.currentStep()).isEqualTo(3);
        assertThat(after.stepStartedAt()).isEqualTo(MONDAY_9.plusHours(1));
        assertThat(after.status()).isEqualTo(a.status());
        assertThat(after.history()).hasSize(d.history().size() + 1).last().isEqualTo(line);
        assertThat(after.documents()).isSameAs(d.documents());
        assertThat(after.supplements()).isSameAs(d.supplements());
        assertThat(after.apologies()).isSameAs(d.apologies());
        assertThat(after.files()).isSameAs(d.files());
    }

    @Test
    void receiptStartsTheClockAndPublishesTheEvent() {
        DossierAggregate a = DossierAggregate.of(submitted(Channel.COUNTER, BigDecimal.TEN));
        Change c = a.receive(MONDAY_9, CAL, rules(SupplementClock.RESTART, 1), STEPS, "01/2026", 7);
        assertThat(a.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(a.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0));
        assertThat(a.currentStep()).isEqualTo(2);
        assertThat(a.stepDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0)); // 48 working hours
        assertThat(c.action()).isEqualTo(DossierAction.ACCEPT);
        assertThat(c.events()).singleElement().isInstanceOf(DossierEvents.Received.class);
        assertThat(((DossierEvents.Received) c.events().get(0)).dueAt()).isEqualTo(a.dueAt());
    }

    @Test
    void aPaperDossierAfterTheCutOffIsHandedOverAndCountedTheNextMorning() {
        DossierAggregate paper = DossierAggregate.of(submitted(Channel.POST, BigDecimal.TEN));
        paper.receive(MONDAY_9.withHour(15).withMinute(20), CAL, rules(SupplementClock.RESTART, 1), STEPS, "01/2026", 1);
        assertThat(paper.stepStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 7, 30));
        DossierAggregate online = DossierAggregate.of(submitted(Channel.ONLINE, BigDecimal.TEN));
        online.receive(MONDAY_9.withHour(15).withMinute(20), CAL, rules(SupplementClock.RESTART, 1), STEPS, "01/2026", 1);
        assertThat(online.stepStartedAt()).isEqualTo(MONDAY_9.withHour(15).withMinute(20)); // electronic: handed over at once
        assertThat(online.clockStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 7, 30));
    }

    @Test
    void theTimeLimitRestartsFromZeroOrResumesAsTheRuleSetSays() {
        for (SupplementClock clock : SupplementClock.values()) {
            LegalRuleSet rules = rules(clock, 1);
            Dossier d = received(MONDAY_9, rules);
            DossierAggregate a = DossierAggregate.of(d);
            Change request = a.requestSupplement(MONDAY_9.plusDays(1), CAL, 1, false, "- Tờ khai: thiếu");
            assertThat(a.remainingMinutes()).isEqualTo(9 * 480);
            Dossier paused = saved(a, request);
            DossierAggregate b = DossierAggregate.of(paused);
            Change c = b.supplementArrived(LocalDateTime.of(2026, 11, 30, 9, 0), CAL, rules, STEPS, 1, null);
            assertThat(b.supplementMinutes()).isEqualTo(4 * 480);
            assertThat(b.dueAt()).as(clock.name()).isEqualTo(clock == SupplementClock.RESTART
                    ? LocalDateTime.of(2026, 12, 14, 9, 0) : LocalDateTime.of(2026, 12, 11, 9, 0));
            assertThat(c.events()).singleElement().isInstanceOf(DossierEvents.SupplementReceived.class);
        }
    }

    @Test
    void aSecondOrLateSupplementRequestNeedsApprovalAndCountsAsLate() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        Dossier d = received(MONDAY_9, rules);
        DossierAggregate.SupplementDecision first = DossierAggregate.of(d).judgeSupplement(MONDAY_9.plusDays(1), CAL, rules, STEPS);
        assertThat(first.needsApproval()).isFalse();
        assertThat(first.countsLate()).isFalse();
        DossierAggregate.SupplementDecision late = DossierAggregate.of(d).judgeSupplement(LocalDateTime.of(2026, 11, 26, 9, 1), CAL, rules, STEPS);
        assertThat(late.needsApproval()).isTrue();
        assertThat(late.countsLate()).isTrue();
        DossierAggregate a = DossierAggregate.of(d);
        DossierAggregate b = DossierAggregate.of(saved(a, a.requestSupplement(MONDAY_9.plusDays(1), CAL, 1, false, "x")));
        Change arrived = b.supplementArrived(MONDAY_9.plusDays(2), CAL, rules, STEPS, 1, null);
        DossierAggregate.SupplementDecision second = DossierAggregate.of(saved(b, arrived)).judgeSupplement(MONDAY_9.plusDays(2), CAL, rules, STEPS);
        assertThat(second.needsApproval()).isTrue();
        assertThat(second.lateReason()).contains("lần 2");
    }

    @Test
    void onlyTheHandlingStepsMayAskForASupplement() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        DossierAggregate a = DossierAggregate.of(received(MONDAY_9, rules));
        Dossier atLeader = saved(a, a.completeStep(MONDAY_9.plusHours(1), CAL, STEPS, null, null, null));
        DossierAggregate b = DossierAggregate.of(atLeader);
        Dossier atReturn = saved(b, b.completeStep(MONDAY_9.plusHours(2), CAL, STEPS, Outcome.GRANTED, "Số 1", null));
        assertThatThrownBy(() -> DossierAggregate.of(atReturn).judgeSupplement(MONDAY_9.plusHours(3), CAL, rules, STEPS))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aSupplementRequestAfterTheDueTimeFindsTheDossierLate() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        DossierAggregate a = DossierAggregate.of(received(MONDAY_9, rules));
        Change c = a.requestSupplement(LocalDateTime.of(2026, 12, 8, 9, 0), CAL, 1, true, "x");
        assertThat(a.late()).isTrue();
        assertThat(c.events()).hasSize(2).last().isInstanceOf(DossierEvents.BecameLate.class);
    }

    @Test
    void anExtensionIsGivenOnceWithinOfficeHoursAfterTheDueTime() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        Dossier d = received(MONDAY_9, rules);
        LocalDateTime late = LocalDateTime.of(2026, 12, 7, 10, 0);
        LocalDateTime nearDue = LocalDateTime.of(2026, 12, 4, 15, 0);
        assertThatThrownBy(() -> DossierAggregate.of(d).apologise(nearDue, CAL, rules, 480, 1, "x", LocalDateTime.of(2026, 12, 7, 8, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sau hạn trả kết quả");
        assertThatThrownBy(() -> DossierAggregate.of(d).apologise(late, CAL, rules, 480, 1, "x", LocalDateTime.of(2026, 12, 13, 9, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("giờ hành chính");
        assertThatThrownBy(() -> DossierAggregate.of(d).apologise(late, CAL, rules, 480, 1, "x", LocalDateTime.of(2026, 12, 8, 12, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("giờ hành chính");
        assertThatThrownBy(() -> DossierAggregate.of(d).apologise(late, CAL, rules, 480, 1, "x", LocalDateTime.of(2027, 1, 29, 9, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quá xa");
        assertThatThrownBy(() -> DossierAggregate.of(d).apologise(late, CAL, rules, 480, 1, " ", LocalDateTime.of(2026, 12, 9, 9, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Lý do");
        DossierAggregate a = DossierAggregate.of(d);
        Change c = a.apologise(late, CAL, rules, 480, 1, "Chờ xác minh", LocalDateTime.of(2026, 12, 9, 9, 0));
        assertThat(a.extensionCount()).isEqualTo(1);
        assertThat(a.late()).isFalse(); // late when it ends after the due time, not because of the letter
        assertThat(c.events()).singleElement().isInstanceOf(DossierEvents.ApologyIssued.class);
        Dossier apologised = saved(a, c);
        assertThatThrownBy(() -> DossierAggregate.of(apologised).apologise(late.plusDays(3), CAL, rules, 480, 2, "Lần hai",
                LocalDateTime.of(2026, 12, 14, 9, 0))).isInstanceOf(ValidationException.class).hasMessageContaining("không được hẹn lại");
        // a province whose rules allow two extensions can give a second new date, later than the first
        LegalRuleSet twice = rules(SupplementClock.RESTART, 2);
        DossierAggregate b = DossierAggregate.of(apologised);
        assertThatThrownBy(() -> b.apologise(late.plusDays(3), CAL, twice, 480, 2, "Lần hai", LocalDateTime.of(2026, 12, 8, 9, 0)))
                .isInstanceOf(ValidationException.class);
        b.apologise(late.plusDays(3), CAL, twice, 480, 2, "Lần hai", LocalDateTime.of(2026, 12, 14, 9, 0));
        assertThat(b.extensionCount()).isEqualTo(2);
    }

    @Test
    void theResultOfEachStepIsJudgedAndALateReturnNeedsTheApology() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        DossierAggregate a = DossierAggregate.of(received(MONDAY_9, rules));
        Change step2 = a.completeStep(LocalDateTime.of(2026, 12, 2, 9, 0), CAL, STEPS, null, null, null); // step 2 was due 1 Dec 09:00
        assertThat(((DossierEvents.StepCompleted) step2.events().get(0)).result()).isEqualTo(StepResult.LATE);
        DossierAggregate b = DossierAggregate.of(saved(a, step2));
        Change step3 = b.completeStep(LocalDateTime.of(2026, 12, 2, 10, 0), CAL, STEPS, Outcome.GRANTED, "Số 9", null);
        assertThat(step3.events()).hasSize(2).last().isInstanceOf(DossierEvents.ResultApproved.class);
        assertThat(b.processedAt()).isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0));
        Dossier atReturn = saved(b, step3);
        assertThatThrownBy(() -> DossierAggregate.of(atReturn).returnResult(LocalDateTime.of(2026, 12, 8, 9, 0), STEPS, Delivery.COUNTER, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("xin lỗi");
        DossierAggregate c = DossierAggregate.of(atReturn);
        c.returnResult(LocalDateTime.of(2026, 12, 4, 9, 0), STEPS, Delivery.COUNTER, null);
        assertThat(c.late()).isFalse();
        assertThat(c.status()).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void stoppingNeedsItsGroundAndEndsTheDossier() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        Dossier d = received(MONDAY_9, rules);
        assertThatThrownBy(() -> DossierAggregate.of(d).stop(MONDAY_9.plusDays(1), StopKind.APPLICANT_REQUEST, "x", null, "y"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Chưa có đề nghị");
        assertThatThrownBy(() -> DossierAggregate.of(d).stop(MONDAY_9.plusDays(1), StopKind.LEGAL_GROUND, "Tranh chấp", null, "y"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("căn cứ pháp lý");
        DossierAggregate a = DossierAggregate.of(d);
        Change c = a.stop(MONDAY_9.plusDays(1), StopKind.LEGAL_GROUND, "Có tranh chấp", "Điều 236 Luật Đất đai 2024", "Hoàn trả phí");
        assertThat(a.status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(a.late()).isFalse();
        assertThat(c.events()).singleElement().isInstanceOf(DossierEvents.Stopped.class);
    }

    @Test
    void aDossierPastItsDueTimeBecomesLateOnce() {
        LegalRuleSet rules = rules(SupplementClock.RESTART, 1);
        Dossier d = received(MONDAY_9, rules);
        assertThatThrownBy(() -> DossierAggregate.of(d).becomeLate(MONDAY_9.plusDays(1))).isInstanceOf(ConflictException.class);
        DossierAggregate a = DossierAggregate.of(d);
        Change becameLate = a.becomeLate(LocalDateTime.of(2026, 12, 7, 9, 1));
        assertThat(a.late()).isTrue();
        Dossier late = saved(a, becameLate);
        assertThatThrownBy(() -> DossierAggregate.of(late).becomeLate(LocalDateTime.of(2026, 12, 8, 9, 0))).isInstanceOf(ConflictException.class);
    }

    @Test
    void noStepIsDueAfterTheDossier() {
        DossierAggregate a = DossierAggregate.of(submitted(Channel.COUNTER, BigDecimal.ZERO));
        a.receive(MONDAY_9.withHour(14).withMinute(41), CAL, rules(SupplementClock.RESTART, 1), STEPS, "01/2026", 1);
        assertThat(a.dueAt()).isEqualTo(MONDAY_9.withHour(17).withMinute(0));
        assertThat(a.stepDueAt()).isEqualTo(a.dueAt());
    }
}
