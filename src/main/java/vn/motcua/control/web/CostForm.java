package vn.motcua.control.web;

import org.springframework.util.MultiValueMap;
import vn.motcua.control.CostInput;

import java.util.ArrayList;
import java.util.List;

/** Reads the calculator form: the head fields and the rows {@code kind_0, description_0, hours_0, …} in order. */
final class CostForm {
    private static final int MAX_ROWS = 60;

    private CostForm() {
    }

    static CostInput read(MultiValueMap<String, String> p) {
        List<CostInput.Line> lines = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS + 1; i++) {
            String kind = p.getFirst("kind_" + i);
            if (kind == null) {
                break;
            }
            lines.add(new CostInput.Line(kind, p.getFirst("description_" + i), p.getFirst("hours_" + i), p.getFirst("quantity_" + i),
                    p.getFirst("unitCost_" + i), p.containsKey("drop_" + i), p.getFirst("hoursAfter_" + i), p.getFirst("quantityAfter_" + i),
                    p.getFirst("unitCostAfter_" + i), p.containsKey("added_" + i)));
        }
        return new CostInput(p.getFirst("procedureCode"), p.getFirst("title"), p.getFirst("year"), p.getFirst("monthlyIncome"),
                p.getFirst("incomeSource"), p.getFirst("timesPerYear"), p.getFirst("subjectsPerYear"), p.getFirst("afterTimeLimitDays"),
                p.getFirst("note"), lines);
    }
}
