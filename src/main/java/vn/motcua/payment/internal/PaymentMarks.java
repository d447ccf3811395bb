package vn.motcua.payment.internal;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierMarks;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentTiming;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In the officers' queues: an online dossier that cannot be received until its fees are paid is marked "Chờ thanh toán"
 * (once paid, "Đã nộp phí"); a dossier whose assessed fee is still due is marked "Chờ nộp phí thẩm định".
 */
@Component
class PaymentMarks implements DossierMarks {
    private static final Mark WAITING = new Mark("mark.payment.waiting", "warn");
    private static final Mark PAID = new Mark("mark.payment.paid", "ok");
    private static final Mark ASSESSED_DUE = new Mark("mark.payment.assessedDue", "warn");

    private final PaymentService payments;

    PaymentMarks(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public Map<Long, List<Mark>> marks(Collection<Dossier> dossiers) {
        Map<Long, List<Mark>> marks = new HashMap<>();
        Map<Long, List<Payment>> byDossier = payments.ofDossiers(dossiers.stream().map(Dossier::id).toList());
        Map<String, PaymentTiming> timings = new HashMap<>(); // a query per procedure of the page, not per row
        for (Dossier d : dossiers) {
            List<Payment> list = byDossier.getOrDefault(d.id(), List.of());
            if (d.status() == DossierStatus.SUBMITTED && d.channel() == Channel.ONLINE) {
                if (PaymentService.paidIn(list, PaymentTiming.AT_SUBMISSION)) {
                    marks.put(d.id(), List.of(PAID));
                } else if (PaymentChecks.waitsBeforeReceipt(d, timings.computeIfAbsent(d.procedureCode(), payments::timing), payments.fees(d), list)) {
                    marks.put(d.id(), List.of(WAITING));
                }
            } else if (list.stream().anyMatch(p -> p.timing() == PaymentTiming.AFTER_ASSESSMENT && p.status().open())) {
                marks.put(d.id(), List.of(ASSESSED_DUE));
            }
        }
        return marks;
    }
}
