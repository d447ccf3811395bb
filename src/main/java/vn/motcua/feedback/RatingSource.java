package vn.motcua.feedback;

/** Where a rating was given. */
public enum RatingSource {
    ONLINE("Trang hồ sơ của tôi", "My dossiers"), TRACKING("Trang tra cứu hồ sơ", "Tracking page"), KIOSK("Thiết bị tại quầy", "Counter kiosk"),
    DEMO("Dữ liệu mẫu", "Demo data");

    private final String label;
    private final String labelEn;

    RatingSource(String label, String labelEn) {
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
