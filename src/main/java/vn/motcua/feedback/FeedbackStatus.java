package vn.motcua.feedback;

/** Where a feedback stands. */
public enum FeedbackStatus {
    RECEIVED("Mới tiếp nhận", "Received", true),
    INFO_REQUESTED("Chờ người gửi bổ sung thông tin", "Waiting for more information", true),
    HANDLING("Đang xử lý", "Being handled", true),
    ANSWERED("Đã có kết quả, chờ công khai", "Answered, to be published", true),
    PUBLISHED("Đã công khai kết quả", "Answer published", false),
    REFUSED("Từ chối xử lý", "Refused", false),
    REPEATED("Trùng nội dung đã trả lời", "Repeats an answered feedback", false);

    private final String label;
    private final String labelEn;
    private final boolean open;

    FeedbackStatus(String label, String labelEn, boolean open) {
        this.label = label;
        this.labelEn = labelEn;
        this.open = open;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean open() {
        return open;
    }
}
