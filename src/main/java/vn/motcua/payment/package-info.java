/**
 * Payment of fees and charges: the fees of a dossier's exact procedure version become a payment request when the
 * procedure says (at submission, or after assessment for fees the officer enters); online payment through the
 * national payment platform behind the {@link vn.motcua.payment.PaymentGateway} port (HMAC-signed callbacks handled
 * idempotently, daily reconciliation), cash at the counter, refunds, electronic receipts with a series and number per
 * collecting agency, revenue reports (page and Excel). It listens to the dossier events and holds the receipt of an
 * online dossier (or the return of an assessed result) until paid, through the dossier module's
 * {@link vn.motcua.dossier.HandOverCheck}. Public API: {@link vn.motcua.payment.PaymentService},
 * {@link vn.motcua.payment.PaymentEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment of fees and charges")
package vn.motcua.payment;
