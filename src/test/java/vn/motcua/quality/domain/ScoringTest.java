package vn.motcua.quality.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.quality.Band;
import vn.motcua.quality.GroupScore;
import vn.motcua.quality.Indicator;
import vn.motcua.quality.IndicatorScore;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring rules, computed by hand (docs/service-index.md). */
class ScoringTest {
    static Indicator indicator(String code, int group, String max, String threshold, Indicator.WhenEmpty empty) {
        return new Indicator(code, group, 1, code, code, new BigDecimal(max), threshold == null ? null : new BigDecimal(threshold), empty, null, 0);
    }

    static IndicatorScore score(Indicator i, long num, long den) {
        return Scoring.score(i, new Measure(num, den), IndicatorScore.DrillDown.DOSSIERS);
    }

    @Test
    void withoutThresholdPointsGrowWithTheRate() {
        // 2.1: 20 points, 163 of 200 on time: 81.50 % → 16.30 points, 3.70 lost
        IndicatorScore s = score(indicator("2.1", 2, "20", null, Indicator.WhenEmpty.NA), 163, 200);
        assertThat(s.rate()).isEqualByComparingTo("81.50");
        assertThat(s.points()).isEqualByComparingTo("16.30");
        assertThat(s.lost()).isEqualByComparingTo("3.70");
        assertThat(s.missing()).isEqualTo(37);
    }

    @Test
    void aThresholdGivesFullPointsAtItAndAProportionBelow() {
        Indicator i33 = indicator("3.3", 3, "4", "50", Indicator.WhenEmpty.NA);
        assertThat(score(i33, 50, 100).points()).isEqualByComparingTo("4.00");
        assertThat(score(i33, 70, 100).points()).isEqualByComparingTo("4.00");
        // 30 % of a 50 % threshold: 0.6 × 4 = 2.40
        assertThat(score(i33, 30, 100).points()).isEqualByComparingTo("2.40");
        // 5.4 with its 90 % threshold: 85 % → 85/90 × 6 = 5.666… → 5.67
        assertThat(score(indicator("5.4", 6, "6", "90", Indicator.WhenEmpty.NA), 85, 100).points()).isEqualByComparingTo("5.67");
    }

    @Test
    void paymentMatchesThePublishedFormula() {
        // 6·A + min(2, 2.5·B) + min(2, 2.5·C) with A = 40 %, B = 60 %, C = 90 %: 2.4 + 1.5 + 2 = 5.9
        BigDecimal a = score(indicator("3.6", 4, "6", null, Indicator.WhenEmpty.NA), 40, 100).points();
        BigDecimal b = score(indicator("3.5a", 4, "2", "80", Indicator.WhenEmpty.NA), 60, 100).points();
        BigDecimal c = score(indicator("3.5b", 4, "2", "80", Indicator.WhenEmpty.NA), 90, 100).points();
        assertThat(a.add(b).add(c)).isEqualByComparingTo("5.90");
    }

    @Test
    void ratesAreRoundedToTwoDecimals() {
        // 2 of 3 = 66.666… % → 66.67 %; 6 points × 66.67 % = 4.0002 → 4.00
        IndicatorScore s = score(indicator("1.4", 1, "6", null, Indicator.WhenEmpty.NA), 2, 3);
        assertThat(s.rate()).isEqualByComparingTo("66.67");
        assertThat(s.points()).isEqualByComparingTo("4.00");
    }

    @Test
    void aZeroDenominatorIsNotApplicableOrFullAsTheIndicatorSays() {
        IndicatorScore na = score(indicator("4.2c", 5, "2", null, Indicator.WhenEmpty.NA), 0, 0);
        assertThat(na.notApplicable()).isTrue();
        assertThat(na.rate()).isNull();
        assertThat(na.lost()).isEqualByComparingTo("0");
        IndicatorScore full = score(indicator("5.2", 6, "6", null, Indicator.WhenEmpty.FULL), 0, 0);
        assertThat(full.points()).isEqualByComparingTo("6.00");
        assertThat(full.rate()).isNull();
    }

    @Test
    void aSubtractedShareBelowZeroScoresNothing() {
        // 5.4 = 100 % − (late share + unhappy share): 10 dossiers, 7 late, 6 unhappy → below zero → 0
        IndicatorScore s = score(indicator("5.4", 6, "6", "90", Indicator.WhenEmpty.NA), 10 - 7 - 6, 10);
        assertThat(s.rate()).isEqualByComparingTo("0");
        assertThat(s.points()).isEqualByComparingTo("0");
    }

    @Test
    void groupsLeaveNotApplicableIndicatorsOutOfTheAttainablePoints() {
        Indicator i41 = indicator("4.1", 5, "6", null, Indicator.WhenEmpty.NA);
        Indicator i42c = indicator("4.2c", 5, "2", null, Indicator.WhenEmpty.NA);
        List<GroupScore> groups = Scoring.groups(List.of(score(i41, 1, 2), score(i42c, 0, 0)), Map.of(5, new String[]{"Số hóa", "Digitisation"}));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).maxPoints()).isEqualByComparingTo("8");
        assertThat(groups.get(0).attainable()).isEqualByComparingTo("6");
        assertThat(groups.get(0).points()).isEqualByComparingTo("3");
        assertThat(groups.get(0).lost()).isEqualByComparingTo("3");
        assertThat(Scoring.outOf100(new BigDecimal("45"), new BigDecimal("60"))).isEqualByComparingTo("75.00");
        assertThat(Scoring.outOf100(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void theHighestBandReachedRates() {
        List<Band> bands = List.of(new Band("Xuất sắc", "Excellent", new BigDecimal("90")), new Band("Tốt", "Good", new BigDecimal("80")),
                new Band("Khá", "Fair", new BigDecimal("70")), new Band("Trung bình", "Average", new BigDecimal("50")),
                new Band("Yếu", "Weak", BigDecimal.ZERO));
        assertThat(Scoring.band(new BigDecimal("90.00"), bands).name()).isEqualTo("Xuất sắc");
        assertThat(Scoring.band(new BigDecimal("89.99"), bands).name()).isEqualTo("Tốt");
        assertThat(Scoring.band(new BigDecimal("49.99"), bands).name()).isEqualTo("Yếu");
    }
}
