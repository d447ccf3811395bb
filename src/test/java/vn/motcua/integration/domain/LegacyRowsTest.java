package vn.motcua.integration.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyRowsTest {
    static Map<String, String> row() {
        Map<String, String> r = new HashMap<>();
        r.put("ma_ho_so", "CU-1");
        r.put("ma_thu_tuc", "1.001078");
        r.put("ma_don_vi_tiep_nhan", "AG.TTPVHCC");
        r.put("ho_ten", "Nguyễn Văn A");
        r.put("ngay_nop", "03/03/2025 08:00");
        r.put("ngay_tiep_nhan", "2025-03-03 08:10");
        r.put("ngay_hen_tra", "2025-03-13");
        r.put("trang_thai", "Đã trả kết quả");
        r.put("ngay_ket_thuc", "2025-03-14T09:00");
        r.put("kenh", "Trực tuyến");
        return r;
    }

    @Test
    void readsDatesInEitherFormStatusesByNameOrLabelAndChannels() {
        LegacyRows.Read read = LegacyRows.read(row());
        assertThat(read.ok()).isTrue();
        var x = read.dossier();
        assertThat(x.submittedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 8, 0));
        assertThat(x.receivedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 8, 10));
        assertThat(x.dueAt()).as("a due day means the end of that working day").isEqualTo(LocalDateTime.of(2025, 3, 13, 17, 0));
        assertThat(x.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(x.channel()).isEqualTo(Channel.ONLINE);
        assertThat(x.at()).isEqualTo(x.finishedAt());
        assertThat(LegacyRows.status("PROCESSING")).isEqualTo(DossierStatus.PROCESSING);
        assertThat(LegacyRows.status("dang xu ly")).isEqualTo(DossierStatus.PROCESSING);
        assertThat(LegacyRows.channel("3")).isEqualTo(Channel.POST);
        assertThat(LegacyRows.channel(null)).isEqualTo(Channel.COUNTER);
    }

    @Test
    void saysEverythingThatIsWrongWithARow() {
        Map<String, String> r = row();
        r.remove("ma_ho_so");
        r.put("trang_thai", "xong");
        r.put("kenh", "fax");
        r.put("ngay_nop", "31/02/2025 25:00");
        LegacyRows.Read read = LegacyRows.read(r);
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).hasSize(5).anyMatch(p -> p.contains("ma_ho_so")).anyMatch(p -> p.contains("Trạng thái"))
                .anyMatch(p -> p.contains("Kênh")).anyMatch(p -> p.contains("ngay_nop"));
        Map<String, String> unfinished = row();
        unfinished.remove("ngay_ket_thuc");
        assertThat(LegacyRows.read(unfinished).problems()).containsExactly("Hồ sơ đã kết thúc phải có ngày kết thúc (ngay_ket_thuc).");
    }
}
