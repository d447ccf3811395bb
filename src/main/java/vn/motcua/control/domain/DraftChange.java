package vn.motcua.control.domain;

/** What a draft regulation does to a procedure. */
public enum DraftChange implements Labelled {
    NEW("Quy định mới", "New"),
    AMENDED("Sửa đổi, bổ sung", "Amended"),
    ABOLISHED("Bãi bỏ", "Abolished");

    private final String label;
    private final String labelEn;

    DraftChange(String label, String labelEn) {
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
