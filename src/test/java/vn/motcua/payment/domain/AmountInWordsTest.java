package vn.motcua.payment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AmountInWordsTest {
    @Test
    void amountsAsReceiptsWriteThem() {
        assertThat(AmountInWords.of(0)).isEqualTo("Không đồng");
        assertThat(AmountInWords.of(8000)).isEqualTo("Tám nghìn đồng");
        assertThat(AmountInWords.of(15_000)).isEqualTo("Mười lăm nghìn đồng");
        assertThat(AmountInWords.of(21_000)).isEqualTo("Hai mươi mốt nghìn đồng");
        assertThat(AmountInWords.of(105_000)).isEqualTo("Một trăm linh năm nghìn đồng");
        assertThat(AmountInWords.of(1_025_000)).isEqualTo("Một triệu không trăm hai mươi lăm nghìn đồng");
        assertThat(AmountInWords.of(30_000_000)).isEqualTo("Ba mươi triệu đồng");
        assertThat(AmountInWords.of(2_001_010)).isEqualTo("Hai triệu không trăm linh một nghìn không trăm mười đồng");
        assertThat(AmountInWords.of(1_000_000_000L)).isEqualTo("Một tỷ đồng");
    }
}
