package vn.motcua.rules;

/** What a legal form is for; the number and title come from the rule set (they differ between circulars). */
public enum FormKind {
    RECEIPT("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Receipt and appointment", "tiep-nhan"),
    SUPPLEMENT("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Request to supplement", "bo-sung"),
    REFUSAL("Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Refusal", "tu-choi"),
    APOLOGY("Văn bản xin lỗi, hẹn lại ngày trả kết quả", "Apology and new date", "xin-loi"),
    STOP("Thông báo dừng giải quyết hồ sơ", "Notice of stopping", "dung"),
    CONTROL_SHEET("Phiếu kiểm soát quá trình giải quyết hồ sơ", "Control sheet", "kiem-soat"),
    BOOK("Sổ theo dõi hồ sơ", "Dossier book", "so-theo-doi");

    private final String label;
    private final String labelEn;
    private final String slug;

    FormKind(String label, String labelEn, String slug) {
        this.label = label;
        this.labelEn = labelEn;
        this.slug = slug;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The last part of the form's address, e.g. {@code /ho-so/7/phieu/tiep-nhan.pdf}. */
    public String slug() {
        return slug;
    }

    public static java.util.Optional<FormKind> bySlug(String slug) {
        for (FormKind k : values()) {
            if (k.slug.equals(slug)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
