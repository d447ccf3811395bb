package vn.motcua.feedback;

/** What a feedback is about (the categories the index's indicator 5.1 monitors). */
public enum FeedbackCategory {
    REGULATION("Kiến nghị về quy định hành chính", "Proposal on an administrative regulation"),
    PROCEDURE("Phản ánh về thủ tục hành chính, việc giải quyết hồ sơ", "Procedure or handling of a dossier"),
    CONDUCT("Phản ánh về hành vi, thái độ của cán bộ, công chức", "Conduct or attitude of an official"),
    ONLINE("Phản ánh về dịch vụ công trực tuyến", "Online public service"),
    OTHER("Phản ánh, kiến nghị khác", "Other");

    private final String label;
    private final String labelEn;

    FeedbackCategory(String label, String labelEn) {
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
