package vn.motcua.payment.web;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.payment.domain.FeeLines;
import vn.motcua.shared.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The procedures in force that have fees (or are paid after assessment), with when their fees are paid. */
final class FeeSettings {
    record Row(String code, String name, String agencyName, String fees, long total, PaymentTiming timing) {
    }

    private FeeSettings() {
    }

    static List<Row> procedures(PaymentService payments, CatalogService catalog) {
        Map<String, PaymentTiming> timings = payments.timings();
        List<Row> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            var result = catalog.search(SearchQuery.all(), page, 100);
            for (ProcedureSummary s : result.items()) {
                ProcedureVersion v = catalog.current(s.code());
                PaymentTiming t = timings.getOrDefault(s.code(), PaymentTiming.AT_SUBMISSION);
                if (FeeLines.payable(v.fees()).isEmpty() && t == PaymentTiming.AT_SUBMISSION) {
                    continue;
                }
                String fees = String.join("; ", v.fees().stream().map(f -> f.description() + " (" + Money.vnd(f.amountVnd()) + ")").toList());
                rows.add(new Row(s.code(), s.name(), s.agencyName(), fees, FeeLines.payable(v.fees()).stream().mapToLong(f -> f.amountVnd()).sum(), t));
            }
            if (page >= result.pages()) {
                return rows;
            }
        }
    }
}
