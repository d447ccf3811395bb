package vn.motcua.identity;

public enum AccountType {
    CITIZEN("Cá nhân"), BUSINESS("Tổ chức, doanh nghiệp"), OFFICER("Cán bộ, công chức");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
