package vn.motcua.dossier;

/** The colour of a dossier in the queues. */
public enum DeadlineState {
    ON_TIME("Trong hạn", "On time", "ok"), NEAR_DUE("Sắp đến hạn", "Due soon", "warn"), OVERDUE("Quá hạn", "Overdue", "late"),
    WAITING("Dừng tính thời hạn (chờ bổ sung)", "Clock stopped (waiting for supplement)", "none"),
    DONE_ON_TIME("Hoàn thành đúng hạn", "Done on time", "ok"), DONE_LATE("Hoàn thành trễ hạn", "Done late", "late"),
    ENDED("Đã kết thúc", "Ended", "none"), ENDED_LATE("Kết thúc sau thời hạn", "Ended after the due time", "late"),
    NOT_STARTED("Chưa tính hạn", "Clock not started", "none");

    private final String label;
    private final String labelEn;
    private final String css;

    DeadlineState(String label, String labelEn, String css) {
        this.label = label;
        this.labelEn = labelEn;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public String css() {
        return css;
    }
}
