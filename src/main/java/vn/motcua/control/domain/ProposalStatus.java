package vn.motcua.control.domain;

/** Where a simplification proposal (phương án đơn giản hóa) stands. */
public enum ProposalStatus implements Labelled {
    DRAFTED("Dự thảo", "Drafted"),
    SUBMITTED("Đã trình", "Submitted"),
    APPROVED("Đã thông qua", "Approved"),
    IMPLEMENTED("Đã thực thi", "Implemented"),
    REJECTED("Không thông qua", "Rejected");

    private final String label;
    private final String labelEn;

    ProposalStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Approved or implemented: it counts in the province's simplification figures. */
    public boolean counts() {
        return this == APPROVED || this == IMPLEMENTED;
    }
}
