package vn.motcua.control.domain;

/** The kind of an inspection (seed 001: periodic and unannounced). */
public enum InspectionKind implements Labelled {
    PERIODIC("Định kỳ", "Periodic"),
    UNANNOUNCED("Đột xuất", "Unannounced");

    private final String label;
    private final String labelEn;

    InspectionKind(String label, String labelEn) {
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
