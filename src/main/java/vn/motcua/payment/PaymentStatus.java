package vn.motcua.payment;

/** Where a payment request stands: created → pending (at the gateway) → paid / failed / cancelled / expired; paid → refunded. */
public enum PaymentStatus {
    CREATED("Chờ thanh toán", "Awaiting payment"),
    PENDING("Đang thanh toán", "Payment in progress"),
    PAID("Đã thanh toán", "Paid"),
    FAILED("Thanh toán không thành công", "Failed"),
    CANCELLED("Đã hủy", "Cancelled"),
    EXPIRED("Hết hạn thanh toán", "Expired"),
    REFUNDED("Đã hoàn tiền", "Refunded");

    private final String label;
    private final String labelEn;

    PaymentStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Still waiting for the payer. */
    public boolean open() {
        return this == CREATED || this == PENDING;
    }

    /** Open or paid: the request that counts for its dossier (one at a time). */
    public boolean active() {
        return open() || this == PAID;
    }
}
