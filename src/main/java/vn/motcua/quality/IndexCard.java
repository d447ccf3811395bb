package vn.motcua.quality;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index of one unit (the province: unit 0) for one period.
 *
 * @param points      points earned over all groups
 * @param attainable  points that could be earned (N/A indicators left out)
 * @param score       points on a scale of 100 (points / attainable × 100), what the rating bands judge
 * @param judgedAt    the moment open dossiers were judged at: the period's end, or now while it runs
 * @param averageDays indicator 2.2: average handling time of the dossiers ended in the period, in working days, by procedure code
 * @param feedbackByCategory indicator 5.1: feedback received in the period by category label
 */
public record IndexCard(long unitId, String unitName, Period period, List<GroupScore> groups, BigDecimal points, BigDecimal attainable,
                        BigDecimal score, String rating, String ratingEn, LocalDateTime judgedAt, long dossiers,
                        Map<String, BigDecimal> averageDays, Map<String, Long> feedbackByCategory) {

    public static final long PROVINCE = 0;

    public Optional<IndicatorScore> indicator(String code) {
        return groups.stream().flatMap(g -> g.indicators().stream()).filter(i -> i.indicator().code().equals(code)).findFirst();
    }

    public Optional<GroupScore> group(int no) {
        return groups.stream().filter(g -> g.groupNo() == no).findFirst();
    }

    public BigDecimal lost() {
        return attainable.subtract(points);
    }
}
