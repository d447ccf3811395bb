package vn.motcua.integration;

/** Where an outbound message is. */
public enum OutboxStatus {
    PENDING("Chờ gửi", "Pending"),
    SENDING("Đang gửi", "Sending"),
    SENT("Đã gửi", "Sent"),
    FAILED("Lỗi, chờ gửi lại", "Failed, waiting for a resend");

    private final String label;
    private final String labelEn;

    OutboxStatus(String label, String labelEn) {
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
