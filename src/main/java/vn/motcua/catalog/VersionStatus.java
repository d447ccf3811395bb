package vn.motcua.catalog;

public enum VersionStatus {
    DRAFT("Dự thảo"), PUBLISHED("Đã công bố");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
