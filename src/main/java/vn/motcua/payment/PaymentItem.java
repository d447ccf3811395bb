package vn.motcua.payment;

import vn.motcua.catalog.FeeKind;

/** One fee line of a payment: a fee or charge of the procedure version, its unit amount, the quantity and the amount. */
public record PaymentItem(FeeKind kind, String name, long unitAmount, int quantity, long amount) {
}
