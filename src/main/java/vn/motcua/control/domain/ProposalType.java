package vn.motcua.control.domain;

/** The type of a decentralisation proposal (columns 13 and 14): within the province's competence, or needing a change of a central regulation (verify the appendix's wording). */
public enum ProposalType implements Labelled {
    WITHIN_PROVINCE("Thuộc thẩm quyền của tỉnh", "Within the province's competence"),
    AMEND_LAW("Kiến nghị sửa đổi văn bản của Trung ương", "Needs a change of central regulations");

    private final String label;
    private final String labelEn;

    ProposalType(String label, String labelEn) {
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
