package vn.motcua.payment.domain;

import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.shared.ConflictException;

import java.time.LocalDateTime;

/**
 * A payment while it changes, in plain Java. Every transition checks the state and returns a {@link Change}; a report
 * from the gateway that changes nothing (a repeated callback, a "failed" arriving after "paid") is {@link Change#none}
 * and is handled as such, so that callbacks can arrive any number of times and in any order. Money that arrives after
 * a request ended, or an amount that does not match the request, is accepted (the money is real) and flagged for an officer.
 */
public final class PaymentAggregate {
    private final Payment original;
    private PaymentStatus status;
    private PaymentMethod method;
    private String instrument;
    private String gatewayTxn;
    private String paymentUrl;
    private LocalDateTime paidAt;
    private LocalDateTime endedAt;
    private Long settledAmount;
    private String flag;
    private String flagResolvedBy;
    private LocalDateTime flagResolvedAt;
    private String refundReason;
    private String refundedBy;

    /** What a transition did: the history line, and whether the status changed or a flag was raised. */
    public record Change(boolean changed, PaymentStatus before, PaymentStatus after, String what, String detail, String raisedFlag) {
        public static Change none(PaymentStatus status, String detail) {
            return new Change(false, status, status, "IGNORED", detail, null);
        }

        public boolean statusChanged() {
            return before != after;
        }
    }

    private PaymentAggregate(Payment p) {
        original = p;
        status = p.status();
        method = p.method();
        instrument = p.instrument();
        gatewayTxn = p.gatewayTxn();
        paymentUrl = p.paymentUrl();
        paidAt = p.paidAt();
        endedAt = p.endedAt();
        settledAmount = p.settledAmount();
        flag = p.flag();
        flagResolvedBy = p.flagResolvedBy();
        flagResolvedAt = p.flagResolvedAt();
        refundReason = p.refundReason();
        refundedBy = p.refundedBy();
    }

    public static PaymentAggregate of(Payment p) {
        return new PaymentAggregate(p);
    }

    /** The gateway created (or found again) the transaction: the payer is sent to its page. */
    public Change startedAtGateway(String transactionId, String url) {
        if (!status.open()) {
            throw new ConflictException("Yêu cầu thanh toán này đã " + status.label().toLowerCase() + ", không thanh toán lại được.");
        }
        PaymentStatus before = status;
        boolean same = transactionId.equals(gatewayTxn) && url.equals(paymentUrl);
        status = PaymentStatus.PENDING;
        method = PaymentMethod.GATEWAY;
        gatewayTxn = transactionId;
        paymentUrl = url;
        return same && before == PaymentStatus.PENDING ? Change.none(status, "Giao dịch đã có: " + transactionId)
                : new Change(true, before, status, "GATEWAY_STARTED", "Giao dịch " + transactionId, null);
    }

    /**
     * What the gateway reported (callback or query): PENDING, PAID, FAILED, CANCELLED or REFUNDED, with the amount
     * paid. Idempotent and order-proof: a paid payment stays paid whatever arrives after it, the same report twice
     * changes nothing the second time.
     */
    public Change gatewayReports(String remote, long paidAmount, String remoteInstrument, String remoteTxn, LocalDateTime remotePaidAt,
                                 LocalDateTime now, String source) {
        PaymentStatus before = status;
        switch (remote) {
            case "PAID" -> {
                if (status == PaymentStatus.PAID || status == PaymentStatus.REFUNDED) {
                    return Change.none(status, source + ": đã ghi nhận thanh toán trước đó");
                }
                String raised = null;
                if (!status.open()) {
                    raised = "Tiền về sau khi yêu cầu đã " + status.label().toLowerCase() + " (" + source
                            + "): kiểm tra để trả lại tiền hoặc ghi nhận cho hồ sơ.";
                }
                if (paidAmount != original.amount()) {
                    raised = (raised == null ? "" : raised + " ") + "Số tiền đã trả " + paidAmount + " đ khác số tiền phải nộp "
                            + original.amount() + " đ.";
                }
                status = PaymentStatus.PAID;
                method = PaymentMethod.GATEWAY;
                instrument = remoteInstrument;
                if (remoteTxn != null) {
                    gatewayTxn = remoteTxn;
                }
                paidAt = remotePaidAt != null ? remotePaidAt : now;
                endedAt = now;
                settledAmount = paidAmount;
                if (raised != null) {
                    flag = raised;
                    flagResolvedAt = null;
                    flagResolvedBy = null;
                }
                return new Change(true, before, status, "PAID", source + ": đã thanh toán " + paidAmount + " đ"
                        + (remoteInstrument == null ? "" : " (" + remoteInstrument + ")"), raised);
            }
            case "FAILED", "CANCELLED" -> {
                if (!status.open()) {
                    return Change.none(status, source + ": báo " + remote + " sau khi đã " + status.label().toLowerCase() + " — bỏ qua");
                }
                status = remote.equals("FAILED") ? PaymentStatus.FAILED : PaymentStatus.CANCELLED;
                endedAt = now;
                return new Change(true, before, status, remote, source + ": " + status.label(), null);
            }
            case "REFUNDED" -> {
                if (status != PaymentStatus.PAID) {
                    return Change.none(status, source + ": báo đã hoàn tiền — bỏ qua");
                }
                status = PaymentStatus.REFUNDED;
                endedAt = now;
                return new Change(true, before, status, "REFUNDED", source + ": đã hoàn tiền", null);
            }
            default -> {
                return Change.none(status, source + ": " + remote);
            }
        }
    }

    /** The one-stop officer took the fees in cash. */
    public Change paidInCash(LocalDateTime now, String officer) {
        if (!status.open()) {
            throw new ConflictException("Yêu cầu thanh toán này đã " + status.label().toLowerCase() + ".");
        }
        PaymentStatus before = status;
        status = PaymentStatus.PAID;
        method = PaymentMethod.CASH;
        instrument = "CASH";
        paidAt = now;
        endedAt = now;
        settledAmount = original.amount();
        return new Change(true, before, status, "CASH", "Thu tiền mặt " + original.amount() + " đ — " + officer, null);
    }

    /** Not paid by its deadline (and the gateway does not say it was paid). */
    public Change expire(LocalDateTime now) {
        if (!status.open() || now.isBefore(original.expiresAt())) {
            return Change.none(status, "chưa hết hạn");
        }
        PaymentStatus before = status;
        status = PaymentStatus.EXPIRED;
        endedAt = now;
        return new Change(true, before, status, "EXPIRED", "Hết hạn thanh toán", null);
    }

    /** The request is no longer wanted (the dossier was withdrawn, refused or stopped; the payer asked for another). */
    public Change cancel(LocalDateTime now, String reason) {
        if (!status.open()) {
            return Change.none(status, reason);
        }
        PaymentStatus before = status;
        status = PaymentStatus.CANCELLED;
        endedAt = now;
        return new Change(true, before, status, "CANCELLED", reason, null);
    }

    public Change refund(LocalDateTime now, String by, String reason) {
        if (status != PaymentStatus.PAID) {
            throw new ConflictException("Chỉ hoàn tiền một khoản đã thanh toán.");
        }
        PaymentStatus before = status;
        status = PaymentStatus.REFUNDED;
        refundReason = reason;
        refundedBy = by;
        endedAt = now;
        return new Change(true, before, status, "REFUNDED", reason, null);
    }

    public Change resolveFlag(LocalDateTime now, String by, String note) {
        if (flag == null || flagResolvedAt != null) {
            throw new ConflictException("Khoản thanh toán này không có cảnh báo nào đang chờ xử lý.");
        }
        flagResolvedAt = now;
        flagResolvedBy = by;
        return new Change(true, status, status, "FLAG_RESOLVED", note, null);
    }

    public Payment original() { return original; }
    public PaymentStatus status() { return status; }
    public PaymentMethod method() { return method; }
    public String instrument() { return instrument; }
    public String gatewayTxn() { return gatewayTxn; }
    public String paymentUrl() { return paymentUrl; }
    public LocalDateTime paidAt() { return paidAt; }
    public LocalDateTime endedAt() { return endedAt; }
    public Long settledAmount() { return settledAmount; }
    public String flag() { return flag; }
    public String flagResolvedBy() { return flagResolvedBy; }
    public LocalDateTime flagResolvedAt() { return flagResolvedAt; }
    public String refundReason() { return refundReason; }
    public String refundedBy() { return refundedBy; }
}
