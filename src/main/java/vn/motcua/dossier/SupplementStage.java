package vn.motcua.dossier;

/** When a supplement was requested: at intake (before the dossier is received) or during processing. */
public enum SupplementStage {
    INTAKE("Khi tiếp nhận", "At intake"), PROCESSING("Trong quá trình giải quyết", "During processing");

    private final String label;
    private final String labelEn;

    SupplementStage(String label, String labelEn) {
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
