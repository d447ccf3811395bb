package vn.motcua.control.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The cost of complying with one procedure (Circular 02/2017/TT-VPCP, Art. 27): the work needed to obtain the result,
 * valued at the applicant's income per hour, plus paid services, copies, travel, and the fees and charges the law
 * sets; the yearly cost multiplies it by how often one subject does it a year and how many subjects do it a year.
 * Opportunity cost is not counted. Amounts are whole đồng, rounded half up.
 */
public final class ComplianceCost {
    /** Working days a month and hours a day of the usual derivation of an hourly income (verify: set per review). */
    public static final BigDecimal WORKING_DAYS_PER_MONTH = BigDecimal.valueOf(22);
    public static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(8);

    private ComplianceCost() {
    }

    /** What one item costs and why. */
    public enum Kind implements Labelled {
        WORK("Thời gian thực hiện công việc", "Working time"),
        SERVICE("Thuê dịch vụ", "Paid service"),
        COPY("Sao chụp, chứng thực", "Copies and certification"),
        TRAVEL("Đi lại", "Travel"),
        FEE("Phí, lệ phí", "Fees and charges");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    /**
     * One item of the cost of one compliance.
     *
     * @param hours    for WORK: the time the step takes the applicant (hours); else null
     * @param quantity how many (copies, trips, services), at least 1
     * @param unitCost đồng per unit (for WORK: ignored, the hourly income applies)
     */
    public record Item(Kind kind, String description, BigDecimal hours, int quantity, long unitCost) {
        public Item {
            Objects.requireNonNull(kind, "kind");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity >= 1");
            }
            if (kind == Kind.WORK && (hours == null || hours.signum() < 0)) {
                throw new IllegalArgumentException("work needs hours >= 0");
            }
            if (unitCost < 0) {
                throw new IllegalArgumentException("unitCost >= 0");
            }
        }

        public static Item work(String description, String hours) {
            return new Item(Kind.WORK, description, new BigDecimal(hours), 1, 0);
        }

        public static Item of(Kind kind, String description, int quantity, long unitCost) {
            return new Item(kind, description, null, quantity, unitCost);
        }

        /** The item's cost in đồng at this hourly income. */
        public BigDecimal cost(BigDecimal hourlyIncome) {
            BigDecimal c = kind == Kind.WORK ? hours.multiply(hourlyIncome).multiply(BigDecimal.valueOf(quantity))
                    : BigDecimal.valueOf(unitCost).multiply(BigDecimal.valueOf(quantity));
            return c.setScale(0, RoundingMode.HALF_UP);
        }
    }

    /** The income per hour from a monthly average income (đồng), over 22 working days of 8 hours. */
    public static BigDecimal hourlyIncome(long monthlyIncome) {
        if (monthlyIncome < 0) {
            throw new IllegalArgumentException("monthly income >= 0");
        }
        return BigDecimal.valueOf(monthlyIncome).divide(WORKING_DAYS_PER_MONTH.multiply(HOURS_PER_DAY), 2, RoundingMode.HALF_UP);
    }

    /**
     * The cost of a procedure as it is (or as proposed).
     *
     * @param timesPerYear    how many times one subject does it a year
     * @param subjectsPerYear how many subjects do it a year
     */
    public record Procedure(List<Item> items, BigDecimal hourlyIncome, BigDecimal timesPerYear, long subjectsPerYear) {
        public Procedure {
            items = List.copyOf(items);
            if (hourlyIncome.signum() < 0 || timesPerYear.signum() < 0 || subjectsPerYear < 0) {
                throw new IllegalArgumentException("income, times and subjects >= 0");
            }
        }

        /** The cost of one compliance (đồng). */
        public long perCompliance() {
            return items.stream().map(i -> i.cost(hourlyIncome)).reduce(BigDecimal.ZERO, BigDecimal::add).longValueExact();
        }

        /** The yearly cost: per compliance × times a year × subjects a year (đồng). */
        public long yearly() {
            return BigDecimal.valueOf(perCompliance()).multiply(timesPerYear).multiply(BigDecimal.valueOf(subjectsPerYear))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** A simplification: the cost now and after, the saving, and the saving's share of the cost now (percent, 2 decimals). */
    public record Saving(long before, long after, long saving, BigDecimal percent, long yearlyBefore, long yearlyAfter, long yearlySaving) {
        /** Whether the cut reaches a target share (the seeds ask for at least 20 %). */
        public boolean reaches(BigDecimal targetPercent) {
            return percent != null && percent.compareTo(targetPercent) >= 0;
        }
    }

    public static Saving simulate(Procedure now, Procedure after) {
        long before = now.perCompliance();
        long a = after.perCompliance();
        BigDecimal percent = before == 0 ? null
                : BigDecimal.valueOf(before - a).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(before), 2, RoundingMode.HALF_UP);
        return new Saving(before, a, before - a, percent, now.yearly(), after.yearly(), now.yearly() - after.yearly());
    }
}
