package vn.motcua.dossier;

/** How a dossier reached the one-stop unit. */
public enum Channel {
    COUNTER("Trực tiếp", "At the counter"), ONLINE("Trực tuyến", "Online"), POST("Bưu chính công ích", "Public post");

    private final String label;
    private final String labelEn;

    Channel(String label, String labelEn) {
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
