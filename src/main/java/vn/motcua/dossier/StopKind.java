package vn.motcua.dossier;

/** Why the handling of a dossier stops (form 05 of Circular 03/2025). */
public enum StopKind {
    APPLICANT_REQUEST("Theo đề nghị của tổ chức, cá nhân", "At the applicant's request"),
    LEGAL_GROUND("Theo quy định của pháp luật", "On a legal ground");

    private final String label;
    private final String labelEn;

    StopKind(String label, String labelEn) {
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
