package vn.motcua.notification.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.Problems;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTest {
    @Test
    void placeholdersAreFilledAndUnknownOnesRefused() {
        assertThat(TemplateText.fill("Hồ sơ {maHoSo} của {nguoiNop}: {soTien}", Map.of("maHoSo", "H01-0001", "nguoiNop", "An")))
                .isEqualTo("Hồ sơ H01-0001 của An: ");
        assertThat(TemplateText.fill("{khac} giữ nguyên", Map.of())).isEqualTo("{khac} giữ nguyên");
        assertThat(TemplateText.unknown("{maHoSo} {maHoSO} {x}")).containsExactly("{maHoSO}", "{x}");
        Problems p = new Problems();
        TemplateText.check("Hồ sơ {maHoSO}", "Nội dung", "Tin", p);
        assertThat(p.list()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("subject");
            assertThat(f.message()).contains("{maHoSO}").contains("{maHoSo}");
        });
        Problems empty = new Problems();
        TemplateText.check("", "", "x".repeat(301), empty);
        assertThat(empty.list()).hasSize(3);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheMaximumAndStopAtExpiry() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 24, 9, 0);
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(30);
        LocalDateTime expires = now.plusHours(48);
        assertThat(Backoff.next(now, 1, base, max, expires)).contains(now.plusSeconds(30));
        assertThat(Backoff.next(now, 2, base, max, expires)).contains(now.plusSeconds(60));
        assertThat(Backoff.next(now, 3, base, max, expires)).contains(now.plusSeconds(120));
        assertThat(Backoff.next(now, 12, base, max, expires)).contains(now.plusMinutes(30));
        assertThat(Backoff.next(now, 40, base, max, expires)).contains(now.plusMinutes(30));
        assertThat(Backoff.next(now, 1, base, max, now.plusSeconds(10))).isEmpty();
    }
}
