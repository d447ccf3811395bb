package vn.motcua.feedback.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.feedback.Feedback;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    static final Feedback.Sender SENDER = new Feedback.Sender("Trần Văn Bình", "0912345678", "tranbinh@example.vn", "12 Lê Lợi, Long Xuyên", null);

    @Test
    void suggestsATextWithoutPhonesMailsIdNumbersOrTheSendersOwnData() {
        String text = "Tôi là Trần Văn Bình, CCCD 089190001111, gọi 0912 345 678 hoặc 0987654321, thư tranbinh@example.vn, ở 12 Lê Lợi, Long Xuyên. "
                + "Hồ sơ nộp ngày 12/5/2026, lệ phí 200.000 đồng.";
        String s = Redaction.suggest(text, SENDER);
        assertThat(s).doesNotContain("Trần Văn Bình").doesNotContain("089190001111").doesNotContain("0912 345 678").doesNotContain("0987654321")
                .doesNotContain("tranbinh@example.vn").doesNotContain("12 Lê Lợi").contains(Redaction.MASK)
                // dates and amounts are not personal data
                .contains("12/5/2026").contains("200.000 đồng");
        assertThat(Redaction.leaks(s, SENDER)).isEmpty();
    }

    @Test
    void listsWhatIsLeftEvenWithoutAccentsOrInAnotherCase() {
        assertThat(Redaction.leaks("Ông TRAN VAN BINH đã gửi", SENDER)).containsExactly("Trần Văn Bình");
        assertThat(Redaction.leaks("Liên hệ +84912345678", SENDER)).hasSize(1);
        assertThat(Redaction.leaks("Đã trả lời ông Bình theo quy định", SENDER)).isEmpty();
    }
}
