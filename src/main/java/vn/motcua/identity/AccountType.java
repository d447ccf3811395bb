package vn.motcua.identity;

public enum AccountType {
    CITIZEN("Cá nhân", "Citizen"), BUSINESS("Tổ chức, doanh nghiệp", "Organisation, business"), OFFICER("Cán bộ, công chức", "Officer");

    private final String label;
    private final String labelEn;

    AccountType(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String labelEn() {
        return labelEn;
    }

    public String label() {
        return label;
    }
}
