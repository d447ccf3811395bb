package vn.motcua.dossier;

/** The officers' work queues. */
public enum Queue {
    INTAKE("Chờ tiếp nhận", "Awaiting intake"),
    MY_STEP("Đang chờ tôi xử lý", "Waiting for me"),
    PAUSED("Tạm dừng chờ bổ sung", "Paused"),
    OVERDUE("Quá hạn", "Overdue"),
    FINISHED("Đã kết thúc", "Finished");

    private final String label;
    private final String labelEn;

    Queue(String label, String labelEn) {
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
