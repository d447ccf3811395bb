package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import vn.motcua.catalog.domain.VersionTimeline;
import vn.motcua.shared.Problems;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTimelineTest {
    private static final LocalDate CURRENT = LocalDate.of(2025, 3, 10);

    private Problems next(LocalDate latest, LocalDate abolished, LocalDate effective) {
        Problems p = new Problems();
        VersionTimeline.checkNext(latest, abolished, effective, p);
        return p;
    }

    @Test
    void firstVersionMayStartAnyDay() {
        assertThat(next(null, null, LocalDate.of(2020, 1, 1)).isEmpty()).isTrue();
    }

    @Test
    void newVersionMustStartAfterTheCurrentOne() {
        assertThat(next(CURRENT, null, CURRENT.plusDays(1)).isEmpty()).isTrue();
        assertThat(next(CURRENT, null, CURRENT).list()).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("chồng lấn").contains("10/03/2025"));
        assertThat(next(CURRENT, null, CURRENT.minusYears(1)).isEmpty()).isFalse();
    }

    @Test
    void abolishedProcedureGetsNoNewVersion() {
        assertThat(next(CURRENT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1)).list())
                .anyMatch(x -> x.message().contains("bãi bỏ"));
    }

    @Test
    void missingDatesAreReported() {
        assertThat(next(CURRENT, null, null).list()).singleElement().satisfies(x -> assertThat(x.field()).isEqualTo("effectiveOn"));
        Problems p = new Problems();
        VersionTimeline.checkDecision(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1), p);
        assertThat(p.list()).singleElement().satisfies(x -> assertThat(x.message()).contains("trước ngày ký"));
    }

    @Test
    void abolitionMustComeAfterTheVersionInForce() {
        Problems p = new Problems();
        VersionTimeline.checkEnd(CURRENT, null, CURRENT, p);
        assertThat(p.isEmpty()).isFalse();
        Problems ok = new Problems();
        VersionTimeline.checkEnd(CURRENT, null, CURRENT.plusDays(1), ok);
        assertThat(ok.isEmpty()).isTrue();
        Problems never = new Problems();
        VersionTimeline.checkEnd(null, null, CURRENT, never);
        assertThat(never.list()).anyMatch(x -> x.message().contains("chưa được công bố"));
    }
}
