package vn.motcua.dossier;

/**
 * How a step of the control sheet ended against its allotted time: before due (on an earlier working day
 * than the step's due day), on time (on the due day, not after the due time), late (after the due time).
 */
public enum StepResult {
    BEFORE_DUE("Trước hạn", "Before due"), ON_TIME("Đúng hạn", "On time"), LATE("Quá hạn", "Late");

    private final String label;
    private final String labelEn;

    StepResult(String label, String labelEn) {
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
