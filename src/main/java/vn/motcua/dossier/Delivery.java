package vn.motcua.dossier;

/** How the result reaches the applicant. */
public enum Delivery {
    COUNTER("Tại bộ phận một cửa", "At the counter"), POST("Qua bưu chính công ích", "By public post"),
    ONLINE("Trực tuyến (bản điện tử)", "Online (electronic)");

    private final String label;
    private final String labelEn;

    Delivery(String label, String labelEn) {
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
