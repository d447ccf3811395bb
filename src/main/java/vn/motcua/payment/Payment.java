package vn.motcua.payment;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A payment request for a dossier's fees and what became of it. No card or account data of the payer is kept:
 * only the gateway's transaction reference, the instrument kind (bank, QR, card) and the statuses.
 *
 * @param code          the order id sent to the gateway (the idempotency key of the transaction)
 * @param settledAmount what the gateway (or the cashier) reported as paid
 * @param flag          what an officer must look at (amount mismatch, paid after cancellation or expiry), until resolved
 */
public record Payment(long id, String code, long dossierId, String dossierCode, String procedureCode, String procedureName,
                      long collectingAgencyId, PaymentTiming timing, long amount, PaymentStatus status, PaymentMethod method,
                      String instrument, String gatewayTxn, String paymentUrl, String payerName, String payerIdNumber,
                      LocalDateTime createdAt, String createdBy, LocalDateTime expiresAt, LocalDateTime paidAt, LocalDateTime endedAt,
                      Long settledAmount, String receiptSeries, Long receiptNumber, String receiptStorageKey, String flag,
                      String flagResolvedBy, LocalDateTime flagResolvedAt, String refundReason, String refundedBy, long rowVersion,
                      List<PaymentItem> items, List<Entry> history) {

    /** A line of the payment's history. */
    public record Entry(LocalDateTime at, String actor, String what, String detail) {
    }

    public boolean flagged() {
        return flag != null && flagResolvedAt == null;
    }

    public boolean hasReceipt() {
        return receiptStorageKey != null;
    }

    /** The receipt's number as printed: series and a seven-digit number. */
    public String receiptLabel() {
        return receiptNumber == null ? null : receiptSeries + " — " + String.format("%07d", receiptNumber);
    }

    public Payment withDetails(List<PaymentItem> items, List<Entry> history) {
        return new Payment(id, code, dossierId, dossierCode, procedureCode, procedureName, collectingAgencyId, timing, amount, status,
                method, instrument, gatewayTxn, paymentUrl, payerName, payerIdNumber, createdAt, createdBy, expiresAt, paidAt, endedAt,
                settledAmount, receiptSeries, receiptNumber, receiptStorageKey, flag, flagResolvedBy, flagResolvedAt, refundReason,
                refundedBy, rowVersion, items, history);
    }
}
