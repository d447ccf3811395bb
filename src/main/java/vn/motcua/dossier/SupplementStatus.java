package vn.motcua.dossier;

/** A supplement request's state. */
public enum SupplementStatus {
    PROPOSED("Chờ lãnh đạo duyệt", "Awaiting a leader's approval"), OPEN("Chờ người nộp bổ sung", "Waiting for the applicant"),
    DECLINED("Lãnh đạo không duyệt", "Declined"), RECEIVED("Đã nhận bổ sung", "Supplement received"),
    CLOSED("Đã kết thúc cùng hồ sơ", "Closed with the dossier");

    private final String label;
    private final String labelEn;

    SupplementStatus(String label, String labelEn) {
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
