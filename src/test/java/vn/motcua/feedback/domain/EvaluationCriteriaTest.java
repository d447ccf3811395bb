package vn.motcua.feedback.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.FinishedDossier;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The nine criteria scored on hand-made slips, and an agency's points as their averages. */
class EvaluationCriteriaTest {
    static final LocalDateTime DUE = LocalDateTime.of(2026, 8, 14, 17, 0);
    static final EvaluationCriteria.Publication FULL = new EvaluationCriteria.Publication(true, true, OnlineLevel.FULL);

    static FinishedDossier dossier(LocalDateTime processed, boolean late, int supplements, int lateUnits, Channel channel, long receiving, long handling) {
        return new FinishedDossier(1, "X", 1, "1.001022", "LLTP", channel, receiving, handling, DUE.minusDays(10), DUE, processed, processed.plusHours(1),
                late, false, supplements, Delivery.COUNTER, lateUnits);
    }

    @Test
    void anEarlyDossierWithoutSupplementsRatedWellScoresEighteen() {
        Integer[] p = EvaluationCriteria.points(new EvaluationCriteria.Slip(dossier(DUE.minusDays(2), false, 0, 0, Channel.ONLINE, 5, 7), true, FULL, 2,
                EvaluationCriteria.FeedbackState.NONE));
        assertThat(p).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2);
    }

    @Test
    void eachCriterionLosesPointsForItsOwnReason() {
        // processed on the due day: on time (1); one unit late at its step (1); one supplement (1)
        Integer[] p = EvaluationCriteria.points(new EvaluationCriteria.Slip(dossier(DUE.minusHours(1), false, 1, 1, Channel.COUNTER, 5, 5), true,
                new EvaluationCriteria.Publication(true, false, OnlineLevel.PARTIAL), 1, EvaluationCriteria.FeedbackState.ANSWERED_LATE_OR_DISLIKED));
        assertThat(p).containsExactly(1, 1, 1, 2, 2, 1, 1, 1, 1);
        // late, two supplements, two late units, received at a counter that is not a one-stop unit and handled elsewhere,
        // not published, no rating, feedback overdue, not online
        Integer[] q = EvaluationCriteria.points(new EvaluationCriteria.Slip(dossier(DUE.plusDays(1), true, 2, 2, Channel.COUNTER, 5, 7), false,
                new EvaluationCriteria.Publication(false, false, OnlineLevel.NONE), null, EvaluationCriteria.FeedbackState.UNANSWERED_OVERDUE));
        assertThat(q).containsExactly(0, 0, 0, 1, 1, 0, null, 0, 0);
        // a supplement request counted late makes the total time 0 even when processed before the due day
        FinishedDossier supplementLate = new FinishedDossier(1, "X", 1, "c", "n", Channel.ONLINE, 5, 5, DUE.minusDays(10), DUE, DUE.minusDays(3),
                DUE.minusDays(3), false, true, 2, Delivery.ONLINE, 0);
        assertThat(EvaluationCriteria.points(new EvaluationCriteria.Slip(supplementLate, true, FULL, 2, null))[0]).isZero();
    }

    @Test
    void theAgencysPointsAreTheAveragesOverTheSlipsWithData() {
        Integer[] a = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        Integer[] b = {1, 2, 1, 2, 2, 2, null, 2, 1};
        Integer[] c = {0, 2, 2, 2, 2, 2, 0, 2, 1};
        EvaluationCriteria.Score s = EvaluationCriteria.score(List.of(a, b, c));
        assertThat(s.slips()).isEqualTo(3);
        assertThat(s.average()[0]).isEqualByComparingTo("1.00");
        assertThat(s.average()[2]).isEqualByComparingTo("1.67");
        assertThat(s.average()[6]).isEqualByComparingTo("1.00");
        assertThat(s.counted()[6]).isEqualTo(2);
        assertThat(s.average()[8]).isEqualByComparingTo("1.33");
        // 1 + 2 + 1.67 + 2 + 2 + 2 + 1 + 2 + 1.33
        assertThat(s.total()).isEqualByComparingTo("15.00");
        assertThat(EvaluationCriteria.satisfiedPercent(new BigDecimal("1.67"))).isEqualByComparingTo("83.50");
        assertThat(EvaluationCriteria.score(List.of()).average()[0]).isNull();
    }

    @Test
    void theBandIsTheFirstWhoseMinimumTheTotalReaches() {
        record Band(BigDecimal min, String label) {
        }
        List<Band> bands = List.of(new Band(new BigDecimal("15.01"), "Xuất sắc"), new Band(new BigDecimal("12"), "Tốt"),
                new Band(new BigDecimal("9"), "Khá"), new Band(new BigDecimal("6"), "Trung bình"), new Band(BigDecimal.ZERO, "Yếu"));
        assertThat(EvaluationCriteria.band(new BigDecimal("15.00"), bands, Band::min).label()).isEqualTo("Tốt");
        assertThat(EvaluationCriteria.band(new BigDecimal("15.01"), bands, Band::min).label()).isEqualTo("Xuất sắc");
        assertThat(EvaluationCriteria.band(new BigDecimal("5.99"), bands, Band::min).label()).isEqualTo("Yếu");
        assertThat(EvaluationCriteria.band(new BigDecimal("12"), bands, Band::min).label()).isEqualTo("Tốt");
    }
}
