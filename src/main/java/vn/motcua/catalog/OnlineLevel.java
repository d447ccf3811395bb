package vn.motcua.catalog;

/** Online public-service level (dịch vụ công trực tuyến). */
public enum OnlineLevel {
    FULL("Toàn trình", "Full online"), PARTIAL("Một phần", "Partly online"), NONE("Không trực tuyến", "Not online");

    private final String label;
    private final String labelEn;

    OnlineLevel(String label, String labelEn) {
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
