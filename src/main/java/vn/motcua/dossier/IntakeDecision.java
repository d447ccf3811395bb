package vn.motcua.dossier;

/** What the receiving officer decides after the completeness check. */
public enum IntakeDecision {
    ACCEPT("Tiếp nhận", "Receive"), REQUEST_SUPPLEMENT("Yêu cầu bổ sung, hoàn thiện", "Request a supplement"), REFUSE("Từ chối tiếp nhận", "Refuse");

    private final String label;
    private final String labelEn;

    IntakeDecision(String label, String labelEn) {
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
