package vn.motcua.payment;

/** How a payment was made. */
public enum PaymentMethod {
    GATEWAY("Trực tuyến (nền tảng thanh toán)", "Online (payment platform)"),
    CASH("Tiền mặt tại bộ phận một cửa", "Cash at the one-stop counter");

    private final String label;
    private final String labelEn;

    PaymentMethod(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
