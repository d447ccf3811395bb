package vn.motcua.identity;

/** Roles; every officer role is granted for one unit (and covers the units below it). */
public enum Role {
    CITIZEN("Công dân / tổ chức", "Citizen / business", false),
    RECEIVING_OFFICER("Cán bộ tiếp nhận (một cửa)", "Receiving officer", true),
    PROCESSING_OFFICER("Chuyên viên xử lý", "Processing officer", true),
    LEADER("Lãnh đạo phê duyệt, ký", "Leader / signer", true),
    TTHC_CONTROL("Cán bộ kiểm soát TTHC", "TTHC control officer", true),
    ADMIN("Quản trị hệ thống", "Administrator", true),
    AUDITOR("Thanh tra, giám sát", "Auditor", true),
    ACCOUNTANT("Kế toán thu phí, lệ phí", "Fee accountant", true);

    private final String label;
    private final String labelEn;
    private final boolean scoped;

    Role(String label, String labelEn, boolean scoped) {
        this.label = label;
        this.labelEn = labelEn;
        this.scoped = scoped;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether the role must name a unit. */
    public boolean scoped() {
        return scoped;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
