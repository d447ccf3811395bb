package vn.motcua.catalog;

/** What a publication decision does to a procedure. */
public enum PublicationAction {
    NEW("Công bố mới", "Newly published"),
    AMENDED("Sửa đổi, bổ sung", "Amended"),
    REPLACED("Thay thế", "Replacement"),
    ABOLISHED("Bãi bỏ", "Abolished");

    private final String label;
    private final String labelEn;

    PublicationAction(String label, String labelEn) {
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
