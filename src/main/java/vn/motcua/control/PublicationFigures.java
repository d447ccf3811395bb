package vn.motcua.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Group 1 of the 766 index as this system can compute it for a period: 1.1 procedures whose publication decision was
 * signed on time (a procedure in several decisions counts once; one late makes it late), 1.2 procedures made public on
 * time, 1.3 procedures in force with every required part (a point-in-time rate). Rates in percent with 2 decimals,
 * null when nothing was published (N/A).
 */
public record PublicationFigures(LocalDate from, LocalDate to, int published, int decidedOnTime, BigDecimal decidedRate, int madePublic,
                                 int publicOnTime, BigDecimal publicRate, int inForce, int complete, BigDecimal completeRate,
                                 List<Incomplete> incomplete) {

    /** A procedure in force with parts missing. */
    public record Incomplete(String code, String name, long agencyId, String agencyName, List<String> missing) {
    }
}
