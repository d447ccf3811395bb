package vn.motcua.control.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.control.domain.ComplianceCost.Item;
import static vn.motcua.control.domain.ComplianceCost.Kind;

/** The arithmetic of Circular 02/2017 Art. 27 on hand-computed examples. */
class ComplianceCostTest {

    @Test
    void thePublishedCityExampleCutsTheCostBySeventySevenPointFourFourPercent() {
        // a published plan: 1,024,000 đ per dossier now, 231,000 đ after simplification, 3,228 subjects a year
        var now = new ComplianceCost.Procedure(List.of(Item.of(Kind.SERVICE, "chi phí hiện tại", 1, 1_024_000)), BigDecimal.ZERO, BigDecimal.ONE, 3_228);
        var after = new ComplianceCost.Procedure(List.of(Item.of(Kind.SERVICE, "chi phí sau đơn giản hóa", 1, 231_000)), BigDecimal.ZERO, BigDecimal.ONE,
                3_228);
        ComplianceCost.Saving s = ComplianceCost.simulate(now, after);
        assertThat(s.saving()).isEqualTo(793_000);
        assertThat(s.percent()).isEqualByComparingTo("77.44");
        assertThat(s.yearlyBefore()).isEqualTo(3_305_472_000L);
        assertThat(s.yearlyAfter()).isEqualTo(745_668_000L);
        assertThat(s.yearlySaving()).isEqualTo(2_559_804_000L);
        assertThat(s.reaches(new BigDecimal("20"))).isTrue();
    }

    @Test
    void workIsValuedAtTheHourlyIncomeAndTheOtherItemsAtTheirPrice() {
        // 7,040,000 đ a month / 22 days / 8 hours = 40,000 đ an hour
        BigDecimal hourly = ComplianceCost.hourlyIncome(7_040_000);
        assertThat(hourly).isEqualByComparingTo("40000");
        var now = new ComplianceCost.Procedure(List.of(
                Item.work("Chuẩn bị hồ sơ", "2"),              //  80,000
                Item.work("Nộp hồ sơ, nhận kết quả", "1.5"),    //  60,000
                Item.of(Kind.COPY, "Bản sao chứng thực", 3, 2_000), //   6,000
                Item.of(Kind.TRAVEL, "Đi lại", 2, 30_000),      //  60,000
                Item.of(Kind.FEE, "Lệ phí", 1, 100_000)),       // 100,000
                hourly, new BigDecimal("2"), 1_000);
        assertThat(now.perCompliance()).isEqualTo(306_000);
        assertThat(now.yearly()).isEqualTo(612_000_000L);
        // online: no copies, no travel, half the time to prepare, the same fee
        var after = new ComplianceCost.Procedure(List.of(Item.work("Khai trực tuyến", "1"), Item.of(Kind.FEE, "Lệ phí", 1, 100_000)),
                hourly, new BigDecimal("2"), 1_000);
        var s = ComplianceCost.simulate(now, after);
        assertThat(s.after()).isEqualTo(140_000);
        assertThat(s.percent()).isEqualByComparingTo("54.25");
        assertThat(s.yearlySaving()).isEqualTo(332_000_000L);
    }

    @Test
    void amountsAreWholeDongAndNothingToCutHasNoPercentage() {
        assertThat(ComplianceCost.hourlyIncome(5_000_000)).isEqualByComparingTo("28409.09");
        assertThat(Item.work("x", "0.5").cost(new BigDecimal("28409.09"))).isEqualByComparingTo("14205");
        var free = new ComplianceCost.Procedure(List.of(), BigDecimal.TEN, BigDecimal.ONE, 10);
        assertThat(ComplianceCost.simulate(free, free).percent()).isNull();
        assertThat(ComplianceCost.simulate(free, free).reaches(new BigDecimal("20"))).isFalse();
        assertThatThrownBy(() -> Item.of(Kind.COPY, "x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Item(Kind.WORK, "x", null, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
