package vn.motcua.control.domain;

import vn.motcua.shared.ConflictException;
import vn.motcua.shared.Problems;

import java.time.LocalDate;

/**
 * A simplification proposal's life: drafted (and edited) by the unit, submitted to the chair, approved (with the
 * approving decision's reference) or rejected, and implemented by the publication decision that amends the
 * procedure. Each transition checks where the proposal stands and what it needs, and returns the new state.
 */
public record Simplification(ProposalStatus status, LocalDate submittedOn, LocalDate approvedOn, String approvalRef,
                             LocalDate implementedOn, String decisionNumber) {

    public static Simplification drafted() {
        return new Simplification(ProposalStatus.DRAFTED, null, null, null, null, null);
    }

    public boolean editable() {
        return status == ProposalStatus.DRAFTED || status == ProposalStatus.REJECTED;
    }

    public Simplification submit(LocalDate on) {
        require(editable(), "Chỉ phương án đang dự thảo (hoặc đã bị trả lại) mới trình được.");
        return new Simplification(ProposalStatus.SUBMITTED, on, null, null, null, null);
    }

    public Simplification approve(LocalDate on, String reference) {
        require(status == ProposalStatus.SUBMITTED, "Chỉ phương án đã trình mới thông qua được.");
        new Problems().requireText(reference, "approvalRef", "Số, ký hiệu văn bản thông qua phương án").throwIfAny();
        dateNotBefore(on, submittedOn, "approvedOn", "Ngày thông qua không được trước ngày trình.");
        return new Simplification(ProposalStatus.APPROVED, submittedOn, on, reference.trim(), null, null);
    }

    public Simplification reject(LocalDate on) {
        require(status == ProposalStatus.SUBMITTED, "Chỉ phương án đã trình mới trả lại được.");
        return new Simplification(ProposalStatus.REJECTED, submittedOn, on, null, null, null);
    }

    public Simplification implement(LocalDate on, String decision) {
        require(status == ProposalStatus.APPROVED, "Chỉ phương án đã được thông qua mới ghi nhận thực thi được.");
        new Problems().requireText(decision, "decisionNumber", "Số quyết định công bố thực thi phương án").throwIfAny();
        dateNotBefore(on, approvedOn, "implementedOn", "Ngày thực thi không được trước ngày thông qua.");
        return new Simplification(ProposalStatus.IMPLEMENTED, submittedOn, approvedOn, approvalRef, on, decision.trim());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConflictException(message);
        }
    }

    private static void dateNotBefore(LocalDate on, LocalDate earlier, String field, String message) {
        new Problems().require(on != null, field, "Chưa nhập ngày.").require(on == null || earlier == null || !on.isBefore(earlier), field, message)
                .throwIfAny();
    }
}
