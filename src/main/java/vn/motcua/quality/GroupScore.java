package vn.motcua.quality;

import java.math.BigDecimal;
import java.util.List;

/** A group of the index: its points, the points it could earn (N/A indicators left out) and its indicators. */
public record GroupScore(int groupNo, String name, String nameEn, BigDecimal maxPoints, BigDecimal attainable, BigDecimal points,
                         List<IndicatorScore> indicators) {

    public BigDecimal lost() {
        return attainable.subtract(points);
    }
}
