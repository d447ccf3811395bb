package vn.motcua.organization;

/** Kind of unit in the agency tree. */
public enum AgencyType {
    PROVINCE_COMMITTEE("UBND cấp tỉnh", "Provincial People's Committee"),
    DEPARTMENT("Sở, ban, ngành", "Department / agency"),
    DISTRICT_COMMITTEE("UBND cấp huyện", "District People's Committee"),
    COMMUNE_COMMITTEE("UBND cấp xã", "Commune People's Committee"),
    ONE_STOP("Bộ phận một cửa", "One-stop department"),
    DIVISION("Phòng chuyên môn", "Specialist division");

    private final String label;
    private final String labelEn;

    AgencyType(String label, String labelEn) {
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
