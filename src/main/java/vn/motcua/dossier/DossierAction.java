package vn.motcua.dossier;

/** Actions recorded in a dossier's history; {@code shownToApplicant} ones appear in tracking and "my dossiers". */
public enum DossierAction {
    SUBMIT("Nộp hồ sơ", "Submitted", true),
    ACCEPT("Tiếp nhận, hẹn trả kết quả", "Received, appointment given", true),
    REQUEST_SUPPLEMENT_AT_INTAKE("Yêu cầu bổ sung, hoàn thiện hồ sơ", "Supplement requested", true),
    SUPPLEMENT_AT_INTAKE("Nộp bổ sung trước khi tiếp nhận", "Supplement submitted", true),
    REFUSE("Từ chối tiếp nhận", "Refused", true),
    FORWARD("Chuyển bước tiếp theo", "Step completed", false),
    APPROVE("Phê duyệt, ký kết quả", "Result approved and signed", true),
    SEND_BACK("Trả lại bước trước", "Sent back a step", false),
    PAUSE("Yêu cầu bổ sung (dừng tính thời hạn)", "Supplement requested (clock stopped)", true),
    PROPOSE_SUPPLEMENT("Đề xuất yêu cầu bổ sung, chờ lãnh đạo duyệt", "Supplement request proposed", false),
    DECLINE_SUPPLEMENT("Lãnh đạo không duyệt yêu cầu bổ sung", "Supplement request declined", false),
    RESUME("Nhận hồ sơ bổ sung, tính lại thời hạn", "Supplement received, time limit counted again", true),
    TRANSFER("Chuyển liên thông", "Transferred", true),
    ASSIGN("Phân công", "Assigned", false),
    APOLOGISE("Xin lỗi, hẹn lại ngày trả kết quả", "Apology and new date", true),
    RETURN_RESULT("Trả kết quả", "Result returned", true),
    WITHDRAW("Rút hồ sơ", "Withdrawn", true),
    REQUEST_STOP("Đề nghị dừng giải quyết", "Asked to stop handling", true),
    STOP("Dừng giải quyết hồ sơ", "Handling stopped", true),
    WARN("Cảnh báo sắp đến hạn", "Due-soon warning", false),
    LATE("Quá hạn giải quyết", "Became late", false),
    RECORD_EXTERNAL("Cập nhật từ hệ thống khác", "Updated from another system", true);

    private final String label;
    private final String labelEn;
    private final boolean shownToApplicant;

    DossierAction(String label, String labelEn, boolean shownToApplicant) {
        this.label = label;
        this.labelEn = labelEn;
        this.shownToApplicant = shownToApplicant;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean shownToApplicant() {
        return shownToApplicant;
    }
}
