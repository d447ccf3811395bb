package vn.motcua.catalog;

/** Which internal process applies: counter and post, or online. */
public enum ProcessVariant {
    STANDARD("Trực tiếp / bưu chính", "Counter / post"), ONLINE("Trực tuyến", "Online");

    private final String label;
    private final String labelEn;

    ProcessVariant(String label, String labelEn) {
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
