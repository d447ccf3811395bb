package vn.motcua.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dossier-code pattern, in plain Java. */
class DossierCodePatternTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    @Test
    void theDefaultIsTheReceivingAgencysIdentifierTheDateAndAFourDigitDailySequence() {
        DossierCodePattern p = DossierCodePattern.parse(DossierCodePattern.DEFAULT);
        assertThat(p.format("000.00.12.H55", "AG.STP", DAY, 1)).isEqualTo("000.00.12.H55-240315-0001");
        assertThat(p.format("000.00.12.H55", "AG.STP", DAY, 12345)).isEqualTo("000.00.12.H55-240315-12345");
        assertThat(p.daily()).isTrue();
        assertThat(p.sequenceScope(DAY)).isEqualTo("2024-03-15");
    }

    @Test
    void withoutAnIdentifierTheUnitCodeServes() {
        assertThat(DossierCodePattern.parse(DossierCodePattern.DEFAULT).format(null, "AG.P.LX.BPMC", DAY, 7)).isEqualTo("AG.P.LX.BPMC-240315-0007");
    }

    @Test
    void aProvinceMayChooseItsOwnPattern() {
        DossierCodePattern p = DossierCodePattern.parse("AG/{ma-don-vi}/{yyyy}/{stt:6}");
        assertThat(p.format("x", "STP", DAY, 42)).isEqualTo("AG/STP/2024/000042");
        assertThat(p.daily()).isFalse();
        assertThat(p.sequenceScope(DAY)).isEqualTo("2024");
    }

    @Test
    void patternsThatCannotGiveUniqueCodesAreRefused() {
        assertThatThrownBy(() -> DossierCodePattern.parse("{ma-dinh-danh}-{yyMMdd}")).hasMessageContaining("số thứ tự");
        assertThatThrownBy(() -> DossierCodePattern.parse("{ma-dinh-danh}-{stt:4}")).hasMessageContaining("ngày");
        assertThatThrownBy(() -> DossierCodePattern.parse("{yyMMdd}-{stt:2}")).hasMessageContaining("ít nhất 3");
        assertThatThrownBy(() -> DossierCodePattern.parse("{yyMMdd} {stt:4}")).hasMessageContaining("chỉ được có");
        assertThatThrownBy(() -> DossierCodePattern.parse("{ngay}-{stt:4}")).hasMessageContaining("{ngay}");
        assertThatThrownBy(() -> DossierCodePattern.parse(" ")).hasMessageContaining("trống");
    }
}
