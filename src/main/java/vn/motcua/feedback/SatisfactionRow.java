package vn.motcua.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratings of one agency, procedure or officer in a period: how many of each level, and the average of each score.
 *
 * @param key   the agency id, procedure code or officer's username
 * @param name  what to show for it
 */
public record SatisfactionRow(String key, String name, long very, long satisfied, long notSatisfied, BigDecimal avgTime,
                              BigDecimal avgContacts, BigDecimal avgAgencies, BigDecimal avgAttitude, BigDecimal avgOnline) {

    /** The totals of the rows (no averages): the province's line. */
    public static SatisfactionRow sum(java.util.List<SatisfactionRow> rows) {
        return new SatisfactionRow("", "", rows.stream().mapToLong(SatisfactionRow::very).sum(), rows.stream().mapToLong(SatisfactionRow::satisfied).sum(),
                rows.stream().mapToLong(SatisfactionRow::notSatisfied).sum(), null, null, null, null, null);
    }

    public long total() {
        return very + satisfied + notSatisfied;
    }

    /** Share of ratings that "like" (very satisfied or satisfied), as a percentage with 2 decimals; null without ratings. */
    public BigDecimal likedPercent() {
        return total() == 0 ? null : BigDecimal.valueOf((very + satisfied) * 100).divide(BigDecimal.valueOf(total()), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal percent(long n) {
        return total() == 0 ? null : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total()), 2, RoundingMode.HALF_UP);
    }
}
