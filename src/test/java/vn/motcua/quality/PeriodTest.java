package vn.motcua.quality;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {
    @Test
    void readsMonthsQuartersYearsAndRanges() {
        assertThat(Period.parse("2026-02").orElseThrow().to()).isEqualTo(LocalDate.of(2026, 2, 28));
        Period q = Period.parse("2026-Q3").orElseThrow();
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q.label()).isEqualTo("Quý III/2026");
        assertThat(Period.parse("2025").orElseThrow().to()).isEqualTo(LocalDate.of(2025, 12, 31));
        // the official reporting year: 15 Dec of the year before to 14 Dec
        Period r = Period.parse("2025-12-15..2026-12-14").orElseThrow();
        assertThat(r.kind()).isEqualTo(Period.Kind.RANGE);
        assertThat(r.label()).isEqualTo("15/12/2025 – 14/12/2026");
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("2026-03-01..2026-02-01")).isEmpty();
        assertThat(Period.parse("2000-01-01..2026-01-01")).isEmpty();
        assertThat(Period.parse("tháng 11")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void thePreviousPeriodHasTheSameKindAndLength() {
        assertThat(Period.parse("2026-01").orElseThrow().previous().key()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-Q1").orElseThrow().previous().key()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026").orElseThrow().previous().key()).isEqualTo("2025");
        assertThat(Period.parse("2026-03-11..2026-03-20").orElseThrow().previous().key()).isEqualTo("2026-03-01..2026-03-10");
    }
}
