package vn.motcua.calendar;

/** What a yearly decision says of a day. */
public enum DayKind {
    DAY_OFF("Ngày nghỉ", "Day off"), WORKING_DAY("Ngày làm việc (làm bù)", "Working day");

    private final String label;
    private final String labelEn;

    DayKind(String label, String labelEn) {
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
