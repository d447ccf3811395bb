package vn.motcua.control;

import vn.motcua.control.domain.ComplianceCost;

import java.math.BigDecimal;

/** One item of a compliance-cost assessment and what it costs (đồng). */
public record CostLine(ComplianceCost.Kind kind, String description, BigDecimal hours, int quantity, long unitCost, long cost) {
}
