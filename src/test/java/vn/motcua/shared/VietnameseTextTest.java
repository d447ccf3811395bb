package vn.motcua.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTest {

    @Test
    void foldsDiacriticsCaseAndDStroke() {
        assertThat(VietnameseText.fold("Hộ tịch")).isEqualTo("ho tich");
        assertThat(VietnameseText.fold("ĐĂNG KÝ KHAI SINH")).isEqualTo("dang ky khai sinh");
        assertThat(VietnameseText.fold("Sở Nông nghiệp và Môi trường")).isEqualTo("so nong nghiep va moi truong");
        assertThat(VietnameseText.fold("Quyết định số 1001/QĐ-UBND")).isEqualTo("quyet dinh so 1001 qd ubnd");
    }

    @Test
    void foldsComposedAndDecomposedFormsAlike() {
        String composed = "Tiếng Việt";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed)).isEqualTo("tieng viet");
    }

    @Test
    void keepsProcedureCodesWhole() {
        assertThat(VietnameseText.terms("  thủ tục 1.001193 ")).containsExactly("thu", "tuc", "1.001193");
        assertThat(VietnameseText.terms("   ")).isEmpty();
        assertThat(VietnameseText.terms(null)).isEmpty();
    }

    @Test
    void searchKeyStartsEveryWordAfterASpace() {
        String key = VietnameseText.searchKey("1.001193", "Đăng ký khai sinh", "Hộ tịch");
        assertThat(key).isEqualTo(" 1.001193 dang ky khai sinh ho tich ");
        for (String term : VietnameseText.terms("ho TICH khai")) {
            assertThat(key).contains(" " + term);
        }
    }
}
