package vn.motcua.payment.internal;

import org.springframework.stereotype.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.HandOverCheck;
import vn.motcua.dossier.Outcome;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.payment.domain.FeeLines;
import vn.motcua.shared.Money;

import java.util.List;
import java.util.Optional;

/**
 * The waiting rule for payment (documented in docs/payment.md): an online dossier of a procedure whose fees are due at
 * submission is received once paid — its time limit starts at receipt, so the wait for payment is not counted against
 * the agency; a dossier whose fees are set by assessment has its (granted) result handed over once paid — its processing
 * ended when the result was approved, so that wait is not counted either. At the counter and by post the fees are
 * taken when the dossier is handed in (cash, or the applicant pays online), so receipt does not wait.
 */
@Component
class PaymentChecks implements HandOverCheck {
    private final PaymentService payments;

    PaymentChecks(PaymentService payments) {
        this.payments = payments;
    }

    /**
     * Whether an online dossier must wait for its fees before it is received, from its procedure's timing and fees and
     * the dossier's payments: fees due at submission, none paid, and a request open or a fee always due (where a free
     * alternative exists, e.g. registration on time, a fee is due only once somebody made a request).
     */
    static boolean waitsBeforeReceipt(Dossier d, PaymentTiming timing, List<Fee> fees, List<Payment> list) {
        return d.channel() == Channel.ONLINE && timing == PaymentTiming.AT_SUBMISSION && !FeeLines.payable(fees).isEmpty()
                && !PaymentService.paidIn(list, PaymentTiming.AT_SUBMISSION)
                && (PaymentService.activeIn(list, PaymentTiming.AT_SUBMISSION).isPresent() || FeeLines.alwaysDue(fees));
    }

    @Override
    public Optional<String> beforeReceipt(Dossier d) {
        if (d.channel() != Channel.ONLINE) {
            return Optional.empty();
        }
        List<Payment> list = payments.ofDossier(d.id());
        if (!waitsBeforeReceipt(d, payments.timing(d.procedureCode()), payments.fees(d), list)) {
            return Optional.empty();
        }
        String amount = PaymentService.activeIn(list, PaymentTiming.AT_SUBMISSION).map(p -> " (" + Money.vnd(p.amount()) + ")").orElse("");
        return Optional.of("Hồ sơ chưa nộp phí, lệ phí" + amount + ". Hồ sơ trực tuyến của thủ tục này được tiếp nhận sau khi người nộp "
                + "thanh toán; thời gian chờ thanh toán không tính vào thời hạn giải quyết. Có thể yêu cầu bổ sung hoặc từ chối nếu hồ sơ "
                + "không hợp lệ.");
    }

    @Override
    public Optional<String> beforeReturn(Dossier d) {
        if (payments.timing(d.procedureCode()) != PaymentTiming.AFTER_ASSESSMENT || d.outcome() != Outcome.GRANTED) {
            return Optional.empty();
        }
        List<Payment> assessed = payments.ofDossier(d.id()).stream().filter(p -> p.timing() == PaymentTiming.AFTER_ASSESSMENT).toList();
        if (assessed.stream().anyMatch(p -> p.status() == PaymentStatus.PAID)) {
            return Optional.empty();
        }
        if (assessed.isEmpty() && !FeeLines.alwaysDue(payments.fees(d))) {
            return Optional.empty();
        }
        return Optional.of(assessed.stream().anyMatch(p -> p.status().open())
                ? "Người nộp chưa thanh toán phí, lệ phí theo kết quả thẩm định; kết quả được trao sau khi thanh toán."
                : "Chưa lập yêu cầu thanh toán phí, lệ phí theo kết quả thẩm định (mục “Phí, lệ phí” của hồ sơ).");
    }
}
