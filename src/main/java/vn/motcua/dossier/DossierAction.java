package vn.motcua.dossier;

/** Actions recorded in the audit trail. */
public enum DossierAction {
    SUBMIT("Nộp hồ sơ"), ACCEPT("Tiếp nhận, hẹn trả kết quả"), REQUEST_SUPPLEMENT_AT_INTAKE("Yêu cầu bổ sung, hoàn thiện hồ sơ"),
    REFUSE("Từ chối tiếp nhận"), FORWARD("Chuyển bước tiếp theo"), APPROVE("Phê duyệt, ký kết quả"), SEND_BACK("Trả lại bước trước"),
    PAUSE("Tạm dừng, yêu cầu bổ sung"), RESUME("Tiếp tục sau khi bổ sung"), TRANSFER("Chuyển liên thông"),
    ASSIGN("Phân công"), APOLOGISE("Xin lỗi, hẹn lại ngày trả"), RETURN_RESULT("Trả kết quả"), WITHDRAW("Rút hồ sơ"),
    WARN("Cảnh báo sắp đến hạn");

    private final String label;

    DossierAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
