package vn.motcua.control.domain;

import vn.motcua.shared.ConflictException;

/** An inspection's life: planned, held (with its conclusion and findings), closed once every finding is remedied. */
public enum InspectionStatus implements Labelled {
    PLANNED("Theo kế hoạch", "Planned"),
    HELD("Đã kiểm tra, đang khắc phục", "Held, remediation open"),
    CLOSED("Đã kết thúc", "Closed");

    private final String label;
    private final String labelEn;

    InspectionStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public InspectionStatus hold() {
        if (this != PLANNED) {
            throw new ConflictException("Cuộc kiểm tra này đã được ghi kết quả.");
        }
        return HELD;
    }

    /** Closes the inspection; refused while a finding is still open. */
    public InspectionStatus close(long openFindings) {
        if (this != HELD) {
            throw new ConflictException("Chỉ kết thúc được cuộc kiểm tra đã ghi kết quả.");
        }
        if (openFindings > 0) {
            throw new ConflictException("Còn " + openFindings + " nội dung chưa khắc phục xong.");
        }
        return CLOSED;
    }
}
