package vn.motcua.control.domain;

/** Who decides a procedure today (the appendix of Official Letter 634/UBND-TH, columns 7 and 8). */
public enum Authority implements Labelled {
    COMMITTEE("UBND tỉnh", "Provincial committee"),
    CHAIR("Chủ tịch UBND tỉnh", "Chair of the provincial committee"),
    OTHER("Không thuộc thẩm quyền UBND tỉnh, Chủ tịch UBND tỉnh", "Not decided by the committee or its chair");

    private final String label;
    private final String labelEn;

    Authority(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether the procedure belongs in the appendix (decided by the committee or its chair). */
    public boolean listed() {
        return this != OTHER;
    }
}
