package vn.motcua.dossier;

/** What the receiving officer decides after the completeness check. */
public enum IntakeDecision {
    ACCEPT("Tiếp nhận"), REQUEST_SUPPLEMENT("Yêu cầu bổ sung, hoàn thiện"), REFUSE("Từ chối tiếp nhận");

    private final String label;

    IntakeDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
