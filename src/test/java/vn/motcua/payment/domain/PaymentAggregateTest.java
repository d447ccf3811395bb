package vn.motcua.payment.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.catalog.FeeKind;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentItem;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.shared.ConflictException;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment's transitions without Spring: callbacks repeated, out of order, late, with a wrong amount. */
class PaymentAggregateTest {
    static final LocalDateTime T = LocalDateTime.of(2026, 11, 24, 9, 0);

    static Payment payment(PaymentStatus status) {
        return new Payment(1, "TT1-1", 1, "H01-261124-0001", "1.001022", "Cấp bản sao trích lục", 7, PaymentTiming.AT_SUBMISSION, 8000, status,
                null, null, null, null, "Nguyễn Văn An", "089090001234", T, "congdan", T.plusHours(24), null, null, null, null, null, null, null,
                null, null, null, null, 0, List.of(new PaymentItem(FeeKind.FEE, "Phí cấp bản sao", 8000, 1, 8000)), List.of());
    }

    /** The aggregate after it was saved: a payment with what it changed. */
    static Payment saved(PaymentAggregate a) {
        Payment p = a.original();
        return new Payment(p.id(), p.code(), p.dossierId(), p.dossierCode(), p.procedureCode(), p.procedureName(), p.collectingAgencyId(),
                p.timing(), p.amount(), a.status(), a.method(), a.instrument(), a.gatewayTxn(), a.paymentUrl(), p.payerName(), p.payerIdNumber(),
                p.createdAt(), p.createdBy(), p.expiresAt(), a.paidAt(), a.endedAt(), a.settledAmount(), null, null, null, a.flag(),
                a.flagResolvedBy(), a.flagResolvedAt(), a.refundReason(), a.refundedBy(), p.rowVersion() + 1, p.items(), p.history());
    }

    @Test
    void aPaidCallbackPaysOnceAndTheSameCallbackAgainChangesNothing() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.PENDING));
        PaymentAggregate.Change first = a.gatewayReports("PAID", 8000, "QR", "PG1", T.plusMinutes(3), T.plusMinutes(4), "callback");
        assertThat(first.changed()).isTrue();
        assertThat(first.raisedFlag()).isNull();
        assertThat(a.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(a.method()).isEqualTo(PaymentMethod.GATEWAY);
        assertThat(a.paidAt()).isEqualTo(T.plusMinutes(3));
        PaymentAggregate again = PaymentAggregate.of(saved(a));
        assertThat(again.gatewayReports("PAID", 8000, "QR", "PG1", T.plusMinutes(3), T.plusMinutes(9), "callback").changed()).isFalse();
        assertThat(again.status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aFailureArrivingAfterThePaymentIsIgnored() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.PENDING));
        a.gatewayReports("PAID", 8000, "BANK", "PG1", T, T, "callback");
        PaymentAggregate late = PaymentAggregate.of(saved(a));
        PaymentAggregate.Change c = late.gatewayReports("FAILED", 0, null, "PG1", null, T.plusMinutes(1), "callback");
        assertThat(c.changed()).isFalse();
        assertThat(late.status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aWrongAmountIsAcceptedAndFlagged() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.PENDING));
        PaymentAggregate.Change c = a.gatewayReports("PAID", 4000, "BANK", "PG1", T, T, "callback");
        assertThat(a.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(a.settledAmount()).isEqualTo(4000);
        assertThat(c.raisedFlag()).contains("4000").contains("8000");
        assertThat(a.flag()).isEqualTo(c.raisedFlag());
    }

    @Test
    void moneyAfterExpiryIsKeptAndFlagged() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.PENDING));
        assertThat(a.expire(T.plusHours(1)).changed()).as("not yet due").isFalse();
        assertThat(a.expire(T.plusHours(25)).changed()).isTrue();
        PaymentAggregate expired = PaymentAggregate.of(saved(a));
        PaymentAggregate.Change c = expired.gatewayReports("PAID", 8000, "CARD", "PG1", T.plusHours(26), T.plusHours(26), "callback");
        assertThat(expired.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(c.raisedFlag()).contains("hết hạn");
    }

    @Test
    void cashRefundAndFlagResolution() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.CREATED));
        a.paidInCash(T, "Nguyễn Thị Mai");
        assertThat(a.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(a.settledAmount()).isEqualTo(8000);
        PaymentAggregate paid = PaymentAggregate.of(saved(a));
        assertThatThrownBy(() -> paid.paidInCash(T, "x")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> paid.resolveFlag(T, "ketoan", "ok")).as("nothing flagged").isInstanceOf(ConflictException.class);
        paid.refund(T.plusDays(1), "ketoan", "Rút hồ sơ");
        assertThat(paid.status()).isEqualTo(PaymentStatus.REFUNDED);
        PaymentAggregate refunded = PaymentAggregate.of(saved(paid));
        assertThatThrownBy(() -> refunded.refund(T, "ketoan", "again")).isInstanceOf(ConflictException.class);
        assertThat(refunded.gatewayReports("PAID", 8000, "QR", "PG1", T, T, "callback").changed()).isFalse();
    }

    @Test
    void aCancelledOrEndedRequestCannotBeStartedAgain() {
        PaymentAggregate a = PaymentAggregate.of(payment(PaymentStatus.CREATED));
        a.cancel(T, "Hồ sơ đã được rút");
        PaymentAggregate cancelled = PaymentAggregate.of(saved(a));
        assertThatThrownBy(() -> cancelled.startedAtGateway("PG1", "http://x")).isInstanceOf(ConflictException.class);
        PaymentAggregate pending = PaymentAggregate.of(payment(PaymentStatus.CREATED));
        assertThat(pending.startedAtGateway("PG1", "http://x").changed()).isTrue();
        assertThat(PaymentAggregate.of(saved(pending)).startedAtGateway("PG1", "http://x").changed()).as("the same transaction again").isFalse();
    }
}
