package vn.motcua.feedback;

/** Where an agency's evaluation of a period stands. */
public enum EvaluationStatus {
    COMPUTED("Số liệu tính từ hệ thống (chưa tự đánh giá)", "Computed (not self-assessed yet)"),
    SELF_ASSESSED("Đơn vị đã tự đánh giá, chờ thẩm định", "Self-assessed, awaiting verification"),
    VERIFIED("Đã thẩm định", "Verified");

    private final String label;
    private final String labelEn;

    EvaluationStatus(String label, String labelEn) {
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
