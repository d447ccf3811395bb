package vn.motcua.documents;

/** How a document came into the applicant's data store. */
public enum DocumentSource {
    DIGITISED("Số hóa khi tiếp nhận hồ sơ", "Digitised at intake"),
    APPLICANT("Người nộp tải lên khi nộp trực tuyến", "Uploaded with an online dossier"),
    RESULT("Kết quả giải quyết điện tử", "Electronic result"),
    CERTIFIED_COPY("Bản sao điện tử được chứng thực từ bản chính", "Electronic certified copy");

    private final String label;
    private final String labelEn;

    DocumentSource(String label, String labelEn) {
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
