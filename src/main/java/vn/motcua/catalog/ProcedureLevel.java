package vn.motcua.catalog;

/** Level of government that carries out the procedure (cấp thực hiện). */
public enum ProcedureLevel {
    PROVINCE("Cấp tỉnh", "Provincial"), DISTRICT("Cấp huyện", "District"), COMMUNE("Cấp xã", "Commune");

    private final String label;
    private final String labelEn;

    ProcedureLevel(String label, String labelEn) {
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
