package vn.motcua.notification;

/** What an applicant is told about; each has one editable template. */
public enum NotificationEvent {
    RECEIVED("Hồ sơ được tiếp nhận", "Dossier received"),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung hồ sơ", "Supplement requested"),
    PAYMENT_REQUESTED("Đề nghị nộp phí, lệ phí", "Payment requested"),
    PAID("Đã nhận thanh toán", "Payment received"),
    RESULT_READY("Đã có kết quả", "Result ready"),
    RETURNED("Đã trả kết quả", "Result returned"),
    APOLOGY("Xin lỗi và hẹn lại ngày trả", "Apology and new date"),
    STOPPED("Thông báo dừng giải quyết", "Handling stopped"),
    FEEDBACK_ANSWERED("Phản ánh, kiến nghị được trả lời", "Feedback answered");

    private final String label;
    private final String labelEn;

    NotificationEvent(String label, String labelEn) {
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
