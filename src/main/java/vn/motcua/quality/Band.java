package vn.motcua.quality;

import java.math.BigDecimal;

/** A rating band: a score out of 100 at or above {@code minScore} earns it (the highest band reached). */
public record Band(String name, String nameEn, BigDecimal minScore) {
}
