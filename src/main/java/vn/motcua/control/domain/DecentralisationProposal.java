package vn.motcua.control.domain;

/** What the review proposes for a procedure (columns 11 and 12; or keep it where it is). */
public enum DecentralisationProposal implements Labelled {
    DECENTRALISE("Phân cấp", "Decentralise"),
    DELEGATE("Ủy quyền", "Delegate"),
    KEEP("Giữ nguyên", "Keep");

    private final String label;
    private final String labelEn;

    DecentralisationProposal(String label, String labelEn) {
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
