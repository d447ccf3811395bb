package vn.motcua.control.domain;

import vn.motcua.shared.ConflictException;

/**
 * A draft regulation's path through control (seeds 000 item 1, 003 items 1b and 2): registered with its impact
 * assessment, the provincial office's opinion, the Department of Justice's appraisal, then issued or withdrawn.
 */
public enum DraftStatus implements Labelled {
    REGISTERED("Đã đăng ký, chờ ý kiến VP UBND tỉnh", "Registered, waiting for the office's opinion"),
    OPINION_GIVEN("Đã có ý kiến, chờ thẩm định", "Opinion given, waiting for the appraisal"),
    APPRAISED("Đã thẩm định", "Appraised"),
    ISSUED("Đã ban hành", "Issued"),
    WITHDRAWN("Dừng xây dựng", "Withdrawn");

    private final String label;
    private final String labelEn;

    DraftStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The deadline still open in this state: the office's opinion, then the appraisal; none afterwards. */
    public java.time.LocalDate nextDue(java.time.LocalDate opinionDue, java.time.LocalDate appraisalDue) {
        return switch (this) {
            case REGISTERED -> opinionDue;
            case OPINION_GIVEN -> appraisalDue;
            default -> null;
        };
    }

    public DraftStatus giveOpinion() {
        return to(this == REGISTERED, OPINION_GIVEN, "Ý kiến của Văn phòng UBND tỉnh đã có, hoặc dự thảo không còn chờ ý kiến.");
    }

    public DraftStatus appraise() {
        return to(this == OPINION_GIVEN, APPRAISED, "Chỉ thẩm định được dự thảo đã có ý kiến của Văn phòng UBND tỉnh.");
    }

    public DraftStatus issue() {
        return to(this == APPRAISED, ISSUED, "Chỉ ban hành được dự thảo đã được Sở Tư pháp thẩm định.");
    }

    public DraftStatus withdraw() {
        return to(this != ISSUED && this != WITHDRAWN, WITHDRAWN, "Dự thảo đã ban hành hoặc đã dừng.");
    }

    private static DraftStatus to(boolean allowed, DraftStatus next, String refusal) {
        if (!allowed) {
            throw new ConflictException(refusal);
        }
        return next;
    }
}
