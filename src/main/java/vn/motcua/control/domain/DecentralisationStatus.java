package vn.motcua.control.domain;

/** Where the review of one procedure stands. */
public enum DecentralisationStatus implements Labelled {
    PENDING("Chưa rà soát", "Not reviewed"),
    REVIEWED("Đã rà soát, đề xuất", "Reviewed"),
    SUBMITTED("Đã gửi UBND tỉnh", "Sent to the committee");

    private final String label;
    private final String labelEn;

    DecentralisationStatus(String label, String labelEn) {
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
