package vn.motcua.dossier;

/** Where a dossier stands. */
public enum DossierStatus {
    SUBMITTED("Chờ tiếp nhận", "Awaiting intake", false),
    INTAKE_SUPPLEMENT("Yêu cầu bổ sung trước khi tiếp nhận", "Supplement requested before intake", false),
    REFUSED("Từ chối tiếp nhận", "Refused", true),
    PROCESSING("Đang giải quyết", "In progress", false),
    SUPPLEMENT_APPROVAL("Chờ lãnh đạo duyệt yêu cầu bổ sung", "Supplement request awaiting a leader", false),
    PAUSED("Chờ bổ sung, hoàn thiện hồ sơ", "Waiting for the applicant's supplement", false),
    RETURNED("Đã trả kết quả", "Result returned", true),
    STOPPED("Dừng giải quyết", "Handling stopped", true),
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

    /** Received and not finished: the time limit applies (it is stopped while waiting for the applicant). */
    public boolean inHandling() {
        return this == PROCESSING || this == SUPPLEMENT_APPROVAL || this == PAUSED;
    }
}
