package vn.motcua.payment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The national payment platform (or a provincial gateway), as the port the payment module calls. An adapter creates
 * transactions idempotently on the order id, queries and refunds them, and checks that a callback is signed by the
 * gateway. A call that cannot reach the gateway throws {@link Unavailable}.
 */
public interface PaymentGateway {

    record Fee(String kind, String code, String name, long amount) {
    }

    record Order(String orderId, long amount, String dossierCode, String procedureCode, String procedureName, String agencyCode,
                 String agencyName, List<Fee> fees, String beneficiaryAccount, String beneficiaryName, String bank, String treasury,
                 String payerName, String payerIdNumber, String payerAddress, String description, String returnUrl, String callbackUrl,
                 LocalDateTime expiresAt) {
    }

    /** The gateway's view of a transaction; {@code status} is one of PENDING, PAID, FAILED, CANCELLED, REFUNDED. */
    record Transaction(String orderId, String transactionId, String status, long amount, long paidAmount, String instrument, String bank,
                       LocalDateTime paidAt, String paymentUrl) {
    }

    /** The gateway could not be reached, timed out or answered with an error. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates (or finds again) the transaction for the order; gives the page where the payer pays. */
    Transaction create(Order order);

    /** The transaction as the gateway knows it, or empty when it knows no such order. */
    Optional<Transaction> query(String orderId);

    Transaction refund(String orderId, long amount, String reason);

    /** Whether the callback body carries the gateway's valid signature. */
    boolean signedByGateway(String body, String signature);

    /** The callback body read into a transaction (after the signature was checked). */
    Transaction parseCallback(String body);
}
