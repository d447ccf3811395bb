package vn.motcua.control.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StepTrail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mining step times from recorded history, on hand-computed trails. */
class StepTimesTest {
    static final WorkingCalendar CAL = new WorkingCalendar(OfficeHours.STANDARD, List.of());

    private static StepTrail.Line line(String at, DossierAction action, Integer step) {
        return new StepTrail.Line(LocalDateTime.parse(at), action, step, DossierStatus.values()[0]);
    }

    @Test
    void eachStepLastsFromTheLineThatEnteredItToTheLineThatLeftItInWorkingMinutesWithoutTheSupplementWait() {
        // Monday 2 Nov 2026; office hours 7:30–11:30 and 13:00–17:00
        StepTrail trail = new StepTrail(1, "X", 10, "STANDARD", 7, List.of(
                line("2026-11-02T08:00", DossierAction.SUBMIT, null),
                line("2026-11-02T09:00", DossierAction.ACCEPT, 2),          // step 1 done at intake: 60 min
                line("2026-11-02T09:30", DossierAction.ASSIGN, 2),          // does not move the dossier
                line("2026-11-02T10:00", DossierAction.PAUSE, 2),           // supplement asked…
                line("2026-11-03T10:00", DossierAction.RESUME, 2),          // …a working day later: left out
                line("2026-11-03T11:00", DossierAction.FORWARD, 3),         // step 2: 09:00→11:00 next day minus the wait = 120 min
                line("2026-11-03T14:00", DossierAction.APPROVE, 4),         // step 3: 11:00→11:30 and 13:00→14:00 = 90 min
                line("2026-11-04T08:00", DossierAction.RETURN_RESULT, 4))); // step 4: 14:00→17:00 and 7:30→8:00 = 210 min
        List<StepTimes.Span> spans = TrailWalk.spans(trail, CAL);
        assertThat(spans).extracting(StepTimes.Span::step).containsExactly(1, 2, 3, 4);
        assertThat(spans).extracting(StepTimes.Span::workingMinutes).containsExactly(60L, 120L, 90L, 210L);
        assertThat(spans).allMatch(s -> s.agencyId() == 7);
    }

    @Test
    void aStepSentBackIsCountedEachTimeItIsEntered() {
        StepTrail trail = new StepTrail(1, "X", 10, "STANDARD", 7, List.of(
                line("2026-11-02T08:00", DossierAction.ACCEPT, 1),
                line("2026-11-02T09:00", DossierAction.FORWARD, 2),
                line("2026-11-02T10:00", DossierAction.SEND_BACK, 1),
                line("2026-11-02T10:30", DossierAction.FORWARD, 2),
                line("2026-11-02T11:00", DossierAction.STOP, 2)));
        assertThat(TrailWalk.spans(trail, CAL)).extracting(s -> s.step() + ":" + s.workingMinutes())
                .containsExactly("1:60", "2:60", "1:30", "2:30");
    }

    @Test
    void mediansPercentilesAndTheShareOverTheAllottedTime() {
        List<StepTimes.Span> spans = new ArrayList<>();
        long[] minutes = {30, 40, 50, 60, 70, 80, 90, 100, 200, 300};
        for (long m : minutes) {
            spans.add(new StepTimes.Span(1, m < 100 ? 1 : 2, m));
        }
        StepTimes.Figures f = StepTimes.figures(spans, 120);
        assertThat(f.count()).isEqualTo(10);
        assertThat(f.medianMinutes()).isEqualTo(70);   // nearest rank: 5th of 10
        assertThat(f.p90Minutes()).isEqualTo(200);     // 9th of 10
        assertThat(f.lateShare()).isEqualByComparingTo("20.00");
    }

    @Test
    void stepsAreShortenedLargestCutFirstUntilTheTargetWithoutRaisingTheirShareLate() {
        // step 1: 8 h allotted, every dossier done within 2 h → can go to 2 h (cut 6 h)
        // step 2: 16 h allotted, 10 % over it today; 90 % done within 10 h → 10 h keeps 10 % late (cut 6 h)
        // step 3: 8 h allotted, dossiers take 7–8 h → nothing to cut
        List<StepTimes.Span> spans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spans.add(new StepTimes.Span(1, 1, 60 + i * 6));             // 60–114 min
            spans.add(new StepTimes.Span(2, 1, i < 9 ? 300 + i * 30 : 1200)); // 300–540, one 1,200 min (late)
            spans.add(new StepTimes.Span(3, 1, 420 + i * 6));            // 420–474 min
        }
        List<StepTimes.Allotted> process = List.of(new StepTimes.Allotted(1, "Tiếp nhận", 480), new StepTimes.Allotted(2, "Thẩm định", 960),
                new StepTimes.Allotted(3, "Phê duyệt", 480));
        StepTimes.Analysis a = StepTimes.analyse(process, spans, new BigDecimal("20"), 10);
        // total 1,920 min; 20 % = 384 min; the larger cut is step 2 (960 → 540: 420 min), enough on its own
        assertThat(a.allottedMinutes()).isEqualTo(1920);
        StepTimes.StepResult two = a.steps().get(1);
        assertThat(two.proposed()).isTrue();
        assertThat(two.proposedMinutes()).isEqualTo(540);
        assertThat(two.all().lateShare()).isEqualByComparingTo("10.00");
        assertThat(a.steps().get(0).proposed()).isFalse();
        assertThat(a.steps().get(2).proposed()).isFalse();
        assertThat(a.cutMinutes()).isEqualTo(420);
        assertThat(a.cutPercent()).isEqualByComparingTo("21.88");
        assertThat(a.reachesTarget()).isTrue();
        // a 30 % target takes step 1's cut as well (480 → 120): 420 + 360 = 780 min = 40.63 %
        StepTimes.Analysis more = StepTimes.analyse(process, spans, new BigDecimal("30"), 10);
        assertThat(more.steps().get(0).proposedMinutes()).isEqualTo(120);
        assertThat(more.cutPercent()).isEqualByComparingTo("40.63");
    }

    @Test
    void tooFewDossiersTeachNothing() {
        List<StepTimes.Span> spans = List.of(new StepTimes.Span(1, 1, 10), new StepTimes.Span(1, 1, 10));
        StepTimes.Analysis a = StepTimes.analyse(List.of(new StepTimes.Allotted(1, "A", 480)), spans, new BigDecimal("20"), 2);
        assertThat(a.cutMinutes()).isZero();
        assertThat(a.reachesTarget()).isFalse();
        assertThat(StepTimes.analyse(List.of(), List.of(), new BigDecimal("20"), 0).cutPercent()).isNull();
    }
}
