package vn.motcua.quality.domain;

import vn.motcua.quality.Band;
import vn.motcua.quality.GroupScore;
import vn.motcua.quality.Indicator;
import vn.motcua.quality.IndicatorScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules of the 766 index (see {@code docs/service-index.md}): a rate R in percent rounded to 2 decimals; with
 * a threshold T the points are the maximum when R ≥ T, else R / T × maximum; without one, R / 100 × maximum; a zero
 * denominator gives N/A (left out of the attainable points) or full points as the indicator says. Points are rounded to
 * 2 decimals. Plain Java, no Spring.
 */
public final class Scoring {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    public static BigDecimal rate(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        BigDecimal r = BigDecimal.valueOf(Math.max(0, numerator)).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return r.min(HUNDRED);
    }

    public static IndicatorScore score(Indicator indicator, Measure m, IndicatorScore.DrillDown drillDown) {
        BigDecimal max = indicator.maxPoints();
        BigDecimal rate = rate(m.numerator(), m.denominator());
        if (rate == null) {
            BigDecimal points = indicator.whenEmpty() == Indicator.WhenEmpty.FULL ? scale(max) : null;
            return new IndicatorScore(indicator, m.numerator(), m.denominator(), null, points, BigDecimal.ZERO.setScale(2), drillDown);
        }
        BigDecimal points;
        BigDecimal t = indicator.threshold();
        if (t != null && t.signum() > 0) {
            points = rate.compareTo(t) >= 0 ? max : max.multiply(rate).divide(t, 6, RoundingMode.HALF_UP);
        } else {
            points = max.multiply(rate).divide(HUNDRED, 6, RoundingMode.HALF_UP);
        }
        points = scale(points.min(max));
        return new IndicatorScore(indicator, m.numerator(), m.denominator(), rate, points, scale(max).subtract(points), drillDown);
    }

    /** Groups the scores in the indicators' order; each group's attainable points leave N/A indicators out. */
    public static List<GroupScore> groups(List<IndicatorScore> scores, Map<Integer, String[]> groupNames) {
        List<GroupScore> groups = new ArrayList<>();
        scores.stream().map(s -> s.indicator().groupNo()).distinct().sorted().forEach(no -> {
            List<IndicatorScore> of = scores.stream().filter(s -> s.indicator().groupNo() == no)
                    .sorted(Comparator.comparingInt(s -> s.indicator().position())).toList();
            BigDecimal max = scale(of.stream().map(s -> s.indicator().maxPoints()).reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal attainable = scale(of.stream().filter(s -> !s.notApplicable()).map(s -> s.indicator().maxPoints())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal points = scale(of.stream().filter(s -> !s.notApplicable()).map(IndicatorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add));
            String[] names = groupNames.getOrDefault(no, new String[]{"Nhóm " + no, "Group " + no});
            groups.add(new GroupScore(no, names[0], names[1], max, attainable, points, of));
        });
        return groups;
    }

    /** Points on a scale of 100: points / attainable × 100 (0 when nothing is attainable). */
    public static BigDecimal outOf100(BigDecimal points, BigDecimal attainable) {
        if (attainable.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return points.multiply(HUNDRED).divide(attainable, 2, RoundingMode.HALF_UP);
    }

    /** The highest band whose minimum the score reaches (the last band when none). */
    public static Band band(BigDecimal score, List<Band> bands) {
        List<Band> sorted = bands.stream().sorted(Comparator.comparing(Band::minScore).reversed()).toList();
        return sorted.stream().filter(b -> score.compareTo(b.minScore()) >= 0).findFirst().orElse(sorted.get(sorted.size() - 1));
    }

    static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
