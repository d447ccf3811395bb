package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of a search result. */
public record ProcedureSummary(String code, int versionNo, String name, String fieldName, ProcedureLevel level,
                               String agencyName, OnlineLevel onlineLevel, BigDecimal timeLimitDays,
                               BigDecimal onlineTimeLimitDays, LocalDate validFrom, String implementingAgency) {
}
