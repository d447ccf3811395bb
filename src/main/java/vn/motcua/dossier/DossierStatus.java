package vn.motcua.dossier;

/** Where a dossier stands. */
public enum DossierStatus {
    SUBMITTED("Chờ tiếp nhận", "Awaiting intake", false),
    INTAKE_SUPPLEMENT("Yêu cầu bổ sung trước khi tiếp nhận", "Supplement requested before intake", false),
    REFUSED("Từ chối tiếp nhận", "Refused", true),
    PROCESSING("Đang giải quyết", "In progress", false),
    PAUSED("Tạm dừng chờ bổ sung", "Paused for supplement", false),
    RETURNED("Đã trả kết quả", "Result returned", true),
    WITHDRAWN("Đã rút hồ sơ", "Withdrawn", true);

    private final String label;
    private final String labelEn;
    private final boolean terminal;

    DossierStatus(String label, String labelEn, boolean terminal) {
        this.label = label;
        this.labelEn = labelEn;
        this.terminal = terminal;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean terminal() {
        return terminal;
    }
}
