package vn.motcua.control.domain;

/** What a simplification proposal is about: a procedure of the catalog or an internal procedure. */
public enum SubjectKind implements Labelled {
    PUBLIC("TTHC", "Administrative procedure"),
    INTERNAL("TTHC nội bộ", "Internal procedure");

    private final String label;
    private final String labelEn;

    SubjectKind(String label, String labelEn) {
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
