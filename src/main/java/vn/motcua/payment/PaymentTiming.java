package vn.motcua.payment;

/** When a procedure's fees are paid. */
public enum PaymentTiming {
    AT_SUBMISSION("Khi nộp hồ sơ (hồ sơ trực tuyến được tiếp nhận sau khi thanh toán)",
            "At submission (an online dossier is received once paid)"),
    AFTER_ASSESSMENT("Sau thẩm định (cán bộ nhập số tiền; trả kết quả sau khi thanh toán)",
            "After assessment (the officer enters the amount; the result is handed over once paid)");

    private final String label;
    private final String labelEn;

    PaymentTiming(String label, String labelEn) {
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
