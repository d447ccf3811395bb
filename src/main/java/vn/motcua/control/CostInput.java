package vn.motcua.control;

import java.util.List;

/**
 * What a compliance-cost assessment is computed from, as typed: the procedure, the income figure and its source, how
 * often and by how many it is done a year, the time limit after the simplification, and the items.
 */
public record CostInput(String procedureCode, String title, String year, String monthlyIncome, String incomeSource, String timesPerYear,
                        String subjectsPerYear, String afterTimeLimitDays, String note, List<Line> lines) {

    public CostInput {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One item: its kind and what it is, the hours (work) or the quantity and unit cost now; whether the simplification
     * drops it, or new hours, quantity or unit cost after it (blank = unchanged); {@code added} marks an item that only
     * exists after the simplification (e.g. a new online step).
     */
    public record Line(String kind, String description, String hours, String quantity, String unitCost, boolean drop, String hoursAfter,
                       String quantityAfter, String unitCostAfter, boolean added) {

        public boolean blank() {
            return (description == null || description.isBlank()) && (hours == null || hours.isBlank())
                    && (unitCost == null || unitCost.isBlank()) && (hoursAfter == null || hoursAfter.isBlank())
                    && (unitCostAfter == null || unitCostAfter.isBlank());
        }
    }
}
