package vn.motcua.catalog;

public enum FeeKind {
    CHARGE("Lệ phí", "Charge"), FEE("Phí", "Fee");

    private final String label;
    private final String labelEn;

    FeeKind(String label, String labelEn) {
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
