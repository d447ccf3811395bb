package vn.motcua.rules;

/** What happens to the time limit when the applicant's supplement arrives. */
public enum SupplementClock {
    RESTART("Tính lại từ đầu khi nhận đủ hồ sơ", "Restarts from zero"),
    RESUME("Tiếp tục với thời gian còn lại", "Resumes with the time left");

    private final String label;
    private final String labelEn;

    SupplementClock(String label, String labelEn) {
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
