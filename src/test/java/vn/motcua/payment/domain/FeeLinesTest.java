package vn.motcua.payment.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeKind;
import vn.motcua.payment.PaymentItem;
import vn.motcua.shared.Problems;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeeLinesTest {
    static final Fee BIRTH_ON_TIME = new Fee(FeeKind.CHARGE, "Miễn lệ phí đăng ký khai sinh đúng hạn", 0);
    static final Fee BIRTH_LATE = new Fee(FeeKind.CHARGE, "Đăng ký khai sinh quá hạn", 8000);
    static final Fee COPY = new Fee(FeeKind.FEE, "Phí cấp bản sao trích lục", 8000);
    static final Fee PER_PAGE = new Fee(FeeKind.FEE, "Phí chứng thực bản sao từ bản chính (mỗi trang)", 2000);

    @Test
    void oneFixedLineIsRequestedByItselfAndAlwaysDue() {
        assertThat(FeeLines.automatic(List.of(COPY))).isTrue();
        assertThat(FeeLines.alwaysDue(List.of(COPY))).isTrue();
        assertThat(FeeLines.automaticItems(List.of(COPY))).containsExactly(new PaymentItem(FeeKind.FEE, COPY.description(), 8000, 1, 8000));
    }

    @Test
    void aFreeAlternativeMeansNothingIsDueUntilSomeoneSaysSo() {
        List<Fee> birth = List.of(BIRTH_ON_TIME, BIRTH_LATE);
        assertThat(FeeLines.automatic(birth)).isFalse();
        assertThat(FeeLines.alwaysDue(birth)).isFalse();
        assertThat(FeeLines.payable(birth)).containsExactly(BIRTH_LATE);
        assertThat(FeeLines.automatic(List.of(BIRTH_ON_TIME))).as("fees of 0 are not payments").isFalse();
    }

    @Test
    void aFeePerPageAsksForTheQuantityAndAmountsComeFromTheVersion() {
        assertThat(FeeLines.automatic(List.of(PER_PAGE))).isFalse();
        Problems p = new Problems();
        List<PaymentItem> items = FeeLines.choose(List.of(PER_PAGE), Map.of(1, 7), p);
        assertThat(p.isEmpty()).isTrue();
        assertThat(items).containsExactly(new PaymentItem(FeeKind.FEE, PER_PAGE.description(), 2000, 7, 14000));
        assertThat(FeeLines.total(items)).isEqualTo(14000);
    }

    @Test
    void badChoicesAreRefused() {
        Problems unknown = new Problems();
        FeeLines.choose(List.of(COPY), Map.of(3, 1), unknown);
        assertThat(unknown.list()).extracting(x -> x.message()).anyMatch(m -> m.contains("không có trong thủ tục"));
        Problems none = new Problems();
        FeeLines.choose(List.of(COPY), Map.of(1, 0), none);
        assertThat(none.list()).extracting(x -> x.message()).anyMatch(m -> m.contains("Chưa chọn"));
        Problems tooMany = new Problems();
        FeeLines.choose(List.of(COPY), Map.of(1, 5000), tooMany);
        assertThat(tooMany.isEmpty()).isFalse();
        Problems assessed = new Problems();
        FeeLines.assessed(List.of(COPY), 1, 0, assessed);
        assertThat(assessed.isEmpty()).isFalse();
    }
}
