package vn.motcua.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporting periods with the data cut-off of Decree 09/2019: the 15th of the month before to the 14th. */
class ReportingPeriodTest {
    @Test
    void quartersHalvesAndYearsRunFromTheFifteenthToTheFourteenth() {
        assertThat(ReportingPeriod.quarter(2026, 1).from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(ReportingPeriod.quarter(2026, 1).to()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(ReportingPeriod.quarter(2026, 3).from()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(ReportingPeriod.quarter(2026, 4).to()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(ReportingPeriod.half(2026, 1).from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(ReportingPeriod.half(2026, 2).to()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(ReportingPeriod.year(2026).from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(ReportingPeriod.parse("2026-q3")).contains(ReportingPeriod.quarter(2026, 3));
        assertThat(ReportingPeriod.parse("2026")).contains(ReportingPeriod.year(2026));
        assertThat(ReportingPeriod.parse("2026-H3")).isEmpty();
        assertThat(ReportingPeriod.parse("x")).isEmpty();
        assertThat(ReportingPeriod.quarter(2026, 3).label()).isEqualTo("Quý III/2026");
    }

    @Test
    void theFifteenthBelongsToTheNextPeriod() {
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2026, 12, 14)).key()).isEqualTo("2026-Q4");
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2026, 12, 15)).key()).isEqualTo("2027-Q1");
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2026, 3, 14)).key()).isEqualTo("2026-Q1");
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2026, 3, 15)).key()).isEqualTo("2026-Q2");
        assertThat(ReportingPeriod.recent(LocalDate.of(2026, 12, 6), 1)).extracting(ReportingPeriod::key)
                .startsWith("2026-Q4", "2026", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4", "2025");
    }
}
