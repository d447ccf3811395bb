package vn.motcua.dossier.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.StepResult;
import vn.motcua.dossier.StopKind;
import vn.motcua.dossier.SupplementStage;
import vn.motcua.identity.Role;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.SupplementClock;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.Problems;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A dossier while it changes, in plain Java: every transition checks the state and the legal rules, changes
 * the dossier, and returns the {@link Change} (history line and events) it caused. The service loads it,
 * asks it to do one thing, saves it and publishes what it returned; who may act is checked there.
 */
public final class DossierAggregate {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Dossier original;
    private DossierStatus status;
    private long ruleSetId;
    private long handlingAgencyId;
    private LocalDateTime receivedAt;
    private LocalDateTime clockStartedAt;
    private LocalDateTime dueAt;
    private LocalDateTime pausedAt;
    private Long remainingMinutes;
    private Integer currentStep;
    private Role stepRole;
    private LocalDateTime stepStartedAt;
    private LocalDateTime stepDueAt;
    private String assignee;
    private Outcome outcome;
    private String resultText;
    private LocalDateTime processedAt;
    private Delivery delivery;
    private LocalDateTime finishedAt;
    private boolean late;
    private String lateExplanation;
    private LocalDateTime newAppointmentAt;
    private LocalDateTime warnedAt;
    private String bookVolume;
    private Integer bookNumber;
    private int supplementCount;
    private long supplementMinutes;
    private boolean supplementLate;
    private int extensionCount;
    private StopKind stopKind;
    private String stopReason;
    private String stopBasis;
    private String stopSettlement;
    private LocalDateTime stopRequestedAt;
    private String stopRequestReason;

    private DossierAggregate(Dossier d) {
        this.original = d;
        status = d.status();
        ruleSetId = d.ruleSetId();
        handlingAgencyId = d.handlingAgencyId();
        receivedAt = d.receivedAt();
        clockStartedAt = d.clockStartedAt();
        dueAt = d.dueAt();
        pausedAt = d.pausedAt();
        remainingMinutes = d.remainingMinutes();
        currentStep = d.currentStep();
        stepStartedAt = d.stepStartedAt();
        stepDueAt = d.stepDueAt();
        assignee = d.assignee();
        outcome = d.outcome();
        resultText = d.resultText();
        processedAt = d.processedAt();
        delivery = d.delivery();
        finishedAt = d.finishedAt();
        late = d.late();
        lateExplanation = d.lateExplanation();
        newAppointmentAt = d.newAppointmentAt();
        warnedAt = d.warnedAt();
        bookVolume = d.bookVolume();
        bookNumber = d.bookNumber();
        supplementCount = d.supplementCount();
        supplementMinutes = d.supplementMinutes();
        supplementLate = d.supplementLate();
        extensionCount = d.extensionCount();
        Dossier.Stop s = d.stop();
        stopKind = s.kind();
        stopReason = s.reason();
        stopBasis = s.basis();
        stopSettlement = s.settlement();
        stopRequestedAt = s.requestedAt();
        stopRequestReason = s.requestReason();
    }

    public static DossierAggregate of(Dossier d) {
        return new DossierAggregate(d);
    }

    // ------------------------------------------------------------------ intake

    /** What a new dossier's first history line and event say: submitted through its channel to its receiving unit. */
    public static Change submitted(Dossier d, LocalDateTime now, String handlingName) {
        return new Change(DossierAction.SUBMIT, null, DossierStatus.SUBMITTED, null, d.receivingAgencyId(), null, null,
                d.channel().label() + " — " + handlingName,
                List.of(new DossierEvents.Submitted(d.id(), d.code(), now, d.channel(), d.procedureCode(), d.receivingAgencyId())));
    }

    /**
     * Received: the time limit counts from now, or from the next working day when received at or after the rule
     * set's cut-off (a paper dossier is then also handed to the handling agency the next working day).
     */
    public Change receive(LocalDateTime now, WorkingCalendar cal, LegalRuleSet rules, List<ProcessStep> steps, String bookVolume, int bookNumber) {
        require(DossierAction.ACCEPT);
        DossierStatus from = status;
        ruleSetId = rules.id();
        receivedAt = now;
        clockStartedAt = cal.countingStart(now, rules.cutoff());
        dueAt = cal.due(now, original.timeLimitDays(), rules.cutoff());
        this.bookVolume = bookVolume;
        this.bookNumber = bookNumber;
        int first = steps.size() > 1 ? 2 : 1;
        enterStep(first, steps, original.paper() ? clockStartedAt : now, cal);
        status = DossierStatus.PROCESSING;
        boolean afterCutoff = clockStartedAt.toLocalDate().isAfter(now.toLocalDate());
        String note = "Hẹn trả kết quả: " + VN.format(dueAt) + ". Vào sổ: quyển " + bookVolume + ", số thứ tự " + bookNumber + "."
                + (afterCutoff && original.paper() ? " Nhận sau giờ chốt " + rules.cutoff() + ": chuyển hồ sơ và tính thời hạn từ "
                + VN.format(clockStartedAt) + "." : "");
        return change(DossierAction.ACCEPT, from, first, handlingAgencyId, original.receivingAgencyId(), null, note,
                new DossierEvents.Received(original.id(), original.code(), now, original.receivingAgencyId(), handlingAgencyId,
                        clockStartedAt, dueAt, rules.code()));
    }

    /** The one-stop unit asks, once and completely, for what is missing or defective before receiving the dossier. */
    public Change requestSupplementAtIntake(LocalDateTime now, int seq, String list) {
        require(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE);
        DossierStatus from = status;
        status = DossierStatus.INTAKE_SUPPLEMENT;
        return change(DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, from, null, original.receivingAgencyId(), null, null, list,
                new DossierEvents.SupplementRequested(original.id(), original.code(), now, SupplementStage.INTAKE, seq, false));
    }

    /** The applicant sent the requested documents online: the one-stop unit checks the dossier again. */
    public Change supplementAtIntake(LocalDateTime now, int seq, String note) {
        require(DossierAction.SUPPLEMENT_AT_INTAKE);
        DossierStatus from = status;
        status = DossierStatus.SUBMITTED;
        return change(DossierAction.SUPPLEMENT_AT_INTAKE, from, null, original.receivingAgencyId(), null, null, note,
                new DossierEvents.SupplementReceived(original.id(), original.code(), now, SupplementStage.INTAKE, seq, 0, null));
    }

    public Change refuse(LocalDateTime now, String reason) {
        require(DossierAction.REFUSE);
        DossierStatus from = status;
        status = DossierStatus.REFUSED;
        finishedAt = now;
        return change(DossierAction.REFUSE, from, null, original.receivingAgencyId(), null, null, reason,
                new DossierEvents.Refused(original.id(), original.code(), now));
    }

    // ------------------------------------------------------------------ processing

    /**
     * Completes the current step and hands the dossier to the next one. Leaving the step before the return of the
     * result registers the result ({@code outcome} and {@code resultText} are then required): processing ends.
     */
    public Change completeStep(LocalDateTime now, WorkingCalendar cal, List<ProcessStep> steps, Outcome newOutcome, String newResultText,
                               String note) {
        require(DossierAction.FORWARD);
        ProcessStep current = steps.get(currentStep - 1);
        if (currentStep >= steps.size()) {
            throw new ConflictException("Đây là bước cuối (" + current.name() + "): hãy trả kết quả cho người nộp.");
        }
        boolean intoLast = currentStep + 1 == steps.size();
        boolean registers = intoLast && outcome == null;
        if (registers) {
            Problems p = new Problems();
            p.require(newOutcome != null, "outcome", "Chưa ghi kết quả giải quyết (giải quyết hay không giải quyết).");
            p.requireText(newResultText, "resultText", "Số, ký hiệu và trích yếu văn bản kết quả");
            p.throwIfAny();
        }
        int from = currentStep;
        LocalDateTime completedDue = stepDueAt;
        StepResult result = DossierRules.stepResult(now, completedDue);
        ProcessStep next = steps.get(from);
        enterStep(from + 1, steps, now, cal);
        List<DossierEvents.Event> events = new ArrayList<>();
        events.add(new DossierEvents.StepCompleted(original.id(), original.code(), now, from, from + 1, result));
        String text = "Hoàn thành bước " + from + " (" + current.name() + ", " + result.label().toLowerCase() + ") → bước " + (from + 1)
                + " (" + next.name() + ")";
        if (registers) {
            outcome = newOutcome;
            resultText = newResultText.trim();
            processedAt = now;
            events.add(new DossierEvents.ResultApproved(original.id(), original.code(), now, outcome));
            text += ". Kết quả: " + outcome.label() + " — " + resultText;
        }
        text += note == null || note.isBlank() ? "" : ". " + note.trim();
        DossierAction action = current.role() == Role.LEADER ? DossierAction.APPROVE : DossierAction.FORWARD;
        return new Change(action, status, status, from + 1, next.role() == Role.RECEIVING_OFFICER ? original.receivingAgencyId() : handlingAgencyId,
                current.role() == Role.RECEIVING_OFFICER ? original.receivingAgencyId() : handlingAgencyId, completedDue, text, events);
    }

    public Change sendBack(LocalDateTime now, WorkingCalendar cal, List<ProcessStep> steps, String reason) {
        require(DossierAction.SEND_BACK);
        Problems p = new Problems();
        p.requireText(reason, "reason", "Lý do trả lại");
        p.require(currentStep > 2, "step", "Hồ sơ đang ở bước xử lý đầu tiên sau tiếp nhận; không có bước trước để trả lại.");
        p.require(currentStep < steps.size(), "step", "Hồ sơ đang ở bước trả kết quả; không trả lại bước trước.");
        p.throwIfAny();
        int from = currentStep;
        LocalDateTime completedDue = stepDueAt;
        enterStep(from - 1, steps, now, cal);
        return change(DossierAction.SEND_BACK, status, from - 1, handlingAgencyId, handlingAgencyId, completedDue, reason.trim(),
                new DossierEvents.SentBack(original.id(), original.code(), now, from, from - 1));
    }

    public Change assign(LocalDateTime now, String username, String displayName) {
        require(DossierAction.ASSIGN);
        assignee = username;
        return change(DossierAction.ASSIGN, status, currentStep, handlingAgencyId, null, null, "Phân công cho " + displayName + " (" + username + ")",
                new DossierEvents.Assigned(original.id(), original.code(), now, username));
    }

    /** What a supplement request during processing will do, decided before it is recorded. */
    public record SupplementDecision(boolean needsApproval, boolean countsLate, String lateReason) {
    }

    /**
     * Judges a supplement request during processing: the first one, made within the rule set's window after the
     * handling agency got the dossier, needs nothing more; a second one, or one made after the window, needs a
     * leader's approval (where the rule set says so) and makes the dossier count as late in the index.
     */
    public SupplementDecision judgeSupplement(LocalDateTime now, WorkingCalendar cal, LegalRuleSet rules, List<ProcessStep> steps) {
        require(DossierAction.PAUSE);
        if (currentStep == null || currentStep <= 1 || currentStep >= steps.size() || steps.size() < 3) {
            throw new ConflictException("Chỉ cơ quan giải quyết yêu cầu bổ sung trong các bước thẩm định, phê duyệt "
                    + "(không ở bước tiếp nhận hay trả kết quả).");
        }
        LocalDateTime windowEnd = cal.plusWorkingMinutes(clockStartedAt, rules.specialistSupplementDays() * cal.hours().minutesPerDay());
        boolean second = supplementCount > 0;
        boolean outOfWindow = now.isAfter(windowEnd);
        String why = second ? "yêu cầu bổ sung lần " + (supplementCount + 1)
                : outOfWindow ? "yêu cầu bổ sung sau " + rules.specialistSupplementDays() + " ngày làm việc kể từ khi cơ quan giải quyết nhận hồ sơ" : null;
        return new SupplementDecision(why != null && rules.secondSupplementApproval(), why != null, why);
    }

    /** A specialist's second (or late) supplement request waits for a leader; the clock keeps running. */
    public Change proposeSupplement(LocalDateTime now, int seq, String list) {
        require(DossierAction.PROPOSE_SUPPLEMENT);
        DossierStatus from = status;
        status = DossierStatus.SUPPLEMENT_APPROVAL;
        return change(DossierAction.PROPOSE_SUPPLEMENT, from, currentStep, handlingAgencyId, null, null, list,
                new DossierEvents.SupplementProposed(original.id(), original.code(), now, seq));
    }

    public Change declineSupplement(LocalDateTime now, int seq, String reason) {
        require(DossierAction.DECLINE_SUPPLEMENT);
        DossierStatus from = status;
        status = DossierStatus.PROCESSING;
        return change(DossierAction.DECLINE_SUPPLEMENT, from, currentStep, handlingAgencyId, null, null, reason,
                new DossierEvents.SupplementDeclined(original.id(), original.code(), now, seq));
    }

    /**
     * The request goes to the applicant through the one-stop unit: the clock stops. A request made after the due
     * time finds the dossier late (judged at the request).
     */
    public Change requestSupplement(LocalDateTime now, WorkingCalendar cal, int seq, boolean countsLate, String list) {
        if (status != DossierStatus.SUPPLEMENT_APPROVAL) {
            require(DossierAction.PAUSE);
        }
        DossierStatus from = status;
        status = DossierStatus.PAUSED;
        pausedAt = now;
        remainingMinutes = now.isBefore(dueAt) ? cal.workingMinutesBetween(now, dueAt) : 0L;
        supplementCount++;
        supplementLate |= countsLate;
        List<DossierEvents.Event> events = new ArrayList<>();
        events.add(new DossierEvents.SupplementRequested(original.id(), original.code(), now, SupplementStage.PROCESSING, seq, countsLate));
        if (now.isAfter(dueAt) && !late) {
            late = true;
            events.add(new DossierEvents.BecameLate(original.id(), original.code(), now, dueAt, handlingAgencyId));
        }
        return new Change(DossierAction.PAUSE, from, status, currentStep, original.receivingAgencyId(), handlingAgencyId, stepDueAt, list, events);
    }

    /**
     * The complete supplement arrived: under the rule set's {@link SupplementClock#RESTART} the time limit counts
     * again from zero; the step the dossier waited in starts again. The waiting time is kept apart.
     */
    public Change supplementArrived(LocalDateTime now, WorkingCalendar cal, LegalRuleSet rules, List<ProcessStep> steps, int seq, String note) {
        require(DossierAction.RESUME);
        DossierStatus from = status;
        long waited = cal.workingMinutesBetween(pausedAt, now);
        supplementMinutes += waited;
        SupplementClock clock = rules.supplementClock();
        clockStartedAt = cal.countingStart(now, rules.cutoff());
        dueAt = clock == SupplementClock.RESTART ? cal.due(now, original.timeLimitDays(), rules.cutoff())
                : cal.plusWorkingMinutes(clockStartedAt, remainingMinutes == null ? 0 : remainingMinutes);
        pausedAt = null;
        remainingMinutes = null;
        warnedAt = null;
        status = DossierStatus.PROCESSING;
        enterStep(currentStep, steps, now, cal);
        String text = "Đã nhận đủ hồ sơ bổ sung; thời gian chờ bổ sung " + waited / 60 + " giờ " + waited % 60 + " phút làm việc không tính vào thời hạn. "
                + (clock == SupplementClock.RESTART ? "Thời hạn giải quyết tính lại từ đầu" : "Thời hạn tiếp tục với thời gian còn lại")
                + ": hẹn trả kết quả " + VN.format(dueAt) + "." + (note == null || note.isBlank() ? "" : " " + note.trim());
        return new Change(DossierAction.RESUME, from, status, currentStep, handlingAgencyId, original.receivingAgencyId(), null, text,
                List.of(new DossierEvents.SupplementReceived(original.id(), original.code(), now, SupplementStage.PROCESSING, seq, waited, dueAt)));
    }

    public Change transfer(LocalDateTime now, long toAgencyId, String toName, String note) {
        require(DossierAction.TRANSFER);
        long from = handlingAgencyId;
        handlingAgencyId = toAgencyId;
        assignee = null;
        return change(DossierAction.TRANSFER, status, currentStep, toAgencyId, from, stepDueAt, "Chuyển liên thông đến " + toName + ": " + note.trim(),
                new DossierEvents.Transferred(original.id(), original.code(), now, from, toAgencyId));
    }

    /**
     * The apology and extension letter (form 04) of the head of the agency that is late: allowed once the dossier
     * is late or within the warning window. While the rule set allows another extension the letter gives a new
     * appointment: after the due time, in office hours of a working day, and at most the rule set's extension
     * (else the procedure's own time limit) after the due time. The dossier is not marked late by the letter: it is
     * late only if it ends after its due time.
     */
    public Change apologise(LocalDateTime now, WorkingCalendar cal, LegalRuleSet rules, long warnMinutes, int seq, String explanation,
                            LocalDateTime newAppointment) {
        require(DossierAction.APOLOGISE);
        Problems p = new Problems();
        p.requireText(explanation, "explanation", "Lý do chậm trễ (nội dung giải trình)");
        boolean lateOrNear = late || now.isAfter(dueAt) || (status != DossierStatus.PAUSED && cal.workingMinutesBetween(now, dueAt) <= warnMinutes);
        p.require(lateOrNear, "explanation", "Hồ sơ chưa quá hạn và chưa đến thời điểm cảnh báo (" + warnMinutes / 60
                + " giờ làm việc trước hạn " + VN.format(dueAt) + "); chưa cần văn bản xin lỗi.");
        boolean mayExtend = extensionCount < rules.maxExtensions();
        if (mayExtend) {
            ExtensionPolicy.check(now, dueAt, newAppointmentAt, newAppointment, cal, rules, original.timeLimitDays(), p);
        } else {
            p.require(newAppointment == null, "newAppointment", "Hồ sơ đã được hẹn lại " + extensionCount
                    + " lần, tối đa theo quy định; không được hẹn lại nữa.");
            p.require(lateExplanation == null, "explanation", "Hồ sơ đã có văn bản xin lỗi và đã hẹn lại tối đa số lần cho phép.");
        }
        p.throwIfAny();
        lateExplanation = explanation.trim();
        if (mayExtend) {
            newAppointmentAt = newAppointment;
            extensionCount++;
        }
        return change(DossierAction.APOLOGISE, status, currentStep, handlingAgencyId, null, null,
                "Giải trình: " + lateExplanation + (mayExtend ? ". Hẹn lại: " + VN.format(newAppointment) : ""),
                new DossierEvents.ApologyIssued(original.id(), original.code(), now, seq, mayExtend ? newAppointment : null));
    }

    /** Hands the result over; a dossier returned after its due time needs its apology letter first. */
    public Change returnResult(LocalDateTime now, List<ProcessStep> steps, Delivery how, String note) {
        require(DossierAction.RETURN_RESULT);
        Problems p = new Problems();
        p.require(currentStep == steps.size(), "step", "Hồ sơ chưa đến bước trả kết quả.");
        p.require(outcome != null, "outcome", "Chưa có kết quả giải quyết được đăng ký.");
        p.require(how != null, "delivery", "Chưa chọn hình thức trả kết quả.");
        boolean afterDue = now.isAfter(dueAt);
        p.require(!(afterDue || late) || lateExplanation != null, "explanation", "Hồ sơ đã quá hạn (hạn " + VN.format(dueAt)
                + "): phải có văn bản xin lỗi (Mẫu 04) của cơ quan giải quyết trước khi trả kết quả.");
        p.throwIfAny();
        DossierStatus from = status;
        LocalDateTime completedDue = stepDueAt;
        status = DossierStatus.RETURNED;
        delivery = how;
        finishedAt = now;
        late = late || afterDue;
        return change(DossierAction.RETURN_RESULT, from, currentStep, original.receivingAgencyId(), original.receivingAgencyId(), completedDue,
                how.label() + (late ? " — TRỄ HẠN" : " — đúng hạn") + (note == null || note.isBlank() ? "" : ". " + note.trim()),
                new DossierEvents.ResultReturned(original.id(), original.code(), now, how, late));
    }

    /** The applicant asks to stop after receipt: the handling agency decides with a notice (form 05). */
    public Change requestStop(LocalDateTime now, String reason) {
        require(DossierAction.REQUEST_STOP);
        if (stopRequestedAt != null) {
            throw new ConflictException("Đã có đề nghị dừng giải quyết hồ sơ này từ " + VN.format(stopRequestedAt) + ".");
        }
        stopRequestedAt = now;
        stopRequestReason = reason.trim();
        return change(DossierAction.REQUEST_STOP, status, currentStep, handlingAgencyId, null, null, stopRequestReason,
                new DossierEvents.StopRequested(original.id(), original.code(), now));
    }

    /** Handling stops (form 05): on the applicant's request or a legal ground, with what happens to fees and documents. */
    public Change stop(LocalDateTime now, StopKind kind, String reason, String basis, String settlement) {
        require(DossierAction.STOP);
        Problems p = new Problems();
        p.require(kind != null, "stopKind", "Chưa chọn căn cứ dừng giải quyết (đề nghị của người nộp hay quy định của pháp luật).");
        p.requireText(reason, "stopReason", "Lý do dừng giải quyết");
        p.require(kind != StopKind.LEGAL_GROUND || (basis != null && !basis.isBlank()), "stopBasis",
                "Dừng theo quy định của pháp luật phải nêu căn cứ pháp lý.");
        p.require(kind != StopKind.APPLICANT_REQUEST || stopRequestedAt != null, "stopKind",
                "Chưa có đề nghị dừng của người nộp; hãy ghi nhận đề nghị (trực tuyến hoặc văn bản tại một cửa) trước.");
        p.requireText(settlement, "stopSettlement", "Việc xử lý phí, lệ phí và hồ sơ đã nộp");
        p.throwIfAny();
        DossierStatus from = status;
        status = DossierStatus.STOPPED;
        finishedAt = now;
        late = late || (dueAt != null && from != DossierStatus.PAUSED && now.isAfter(dueAt));
        stopKind = kind;
        stopReason = reason.trim();
        stopBasis = basis == null || basis.isBlank() ? null : basis.trim();
        stopSettlement = settlement.trim();
        return change(DossierAction.STOP, from, currentStep, handlingAgencyId, null, null, kind.label() + ": " + stopReason,
                new DossierEvents.Stopped(original.id(), original.code(), now, kind, late));
    }

    /** The applicant withdraws a dossier that was not received yet. */
    public Change withdraw(LocalDateTime now, String reason) {
        require(DossierAction.WITHDRAW);
        DossierStatus from = status;
        status = DossierStatus.WITHDRAWN;
        finishedAt = now;
        return change(DossierAction.WITHDRAW, from, currentStep, original.receivingAgencyId(), null, null, reason.trim(),
                new DossierEvents.Withdrawn(original.id(), original.code(), now));
    }

    /** Whether the officers holding it are to be warned now: being processed, not warned yet, the due time near or passed. */
    public boolean dueForWarning(LocalDateTime now, WorkingCalendar cal, long warnMinutes) {
        return status == DossierStatus.PROCESSING && warnedAt == null && dueAt != null
                && (!dueAt.isAfter(now) || cal.workingMinutesBetween(now, dueAt) <= warnMinutes);
    }

    /** The officers holding it are warned once that the due time is near (or passed). */
    public Change warn(LocalDateTime now, WorkingCalendar cal, long warnMinutes) {
        if (!dueForWarning(now, cal, warnMinutes)) {
            throw new ConflictException("Hồ sơ không cần cảnh báo.");
        }
        warnedAt = now;
        String text = dueAt.isAfter(now) ? "Sắp đến hạn trả kết quả (" + VN.format(dueAt) + ")" : "Đã quá hạn trả kết quả (" + VN.format(dueAt) + ")";
        return change(DossierAction.WARN, status, currentStep, handlingAgencyId, null, null, text,
                new DossierEvents.DueSoon(original.id(), original.code(), now, dueAt, handlingAgencyId));
    }

    /** Whether the due time passed while the dossier is being handled and it is not marked late yet. */
    public boolean passedDue(LocalDateTime now) {
        return (status == DossierStatus.PROCESSING || status == DossierStatus.SUPPLEMENT_APPROVAL) && !late && dueAt != null && now.isAfter(dueAt);
    }

    /** The due time passed while the dossier is being handled: it is late, for good. */
    public Change becomeLate(LocalDateTime now) {
        if (!passedDue(now)) {
            throw new ConflictException("Hồ sơ chưa quá hạn hoặc đã được ghi nhận trễ hạn.");
        }
        late = true;
        return change(DossierAction.LATE, status, currentStep, handlingAgencyId, null, null, "Quá hạn trả kết quả " + VN.format(dueAt)
                + "; hồ sơ được tính là trễ hạn trong mọi thống kê.", new DossierEvents.BecameLate(original.id(), original.code(), now, dueAt, handlingAgencyId));
    }

    // ------------------------------------------------------------------ handled elsewhere

    /**
     * The state another system reports (a sectoral system handling the dossier, or the replaced system for an import):
     * dates as reported; lateness sticks once reported or once finished after the due time; a finished dossier does not
     * reopen. A dossier imported while still being handled enters the first processing step of its process here.
     */
    public Change record(vn.motcua.dossier.ExternalDossier x, String source, boolean handledHere, List<ProcessStep> steps, WorkingCalendar cal) {
        if (status.terminal() && !x.status().terminal()) {
            throw new ConflictException("Hồ sơ đã kết thúc (" + status.label() + "); không chuyển về \"" + x.status().label() + "\" được.");
        }
        if (status.terminal() && status != x.status()) {
            throw new ConflictException("Hồ sơ đã kết thúc với trạng thái \"" + status.label() + "\".");
        }
        DossierStatus from = status;
        status = x.status();
        receivedAt = x.receivedAt() != null ? x.receivedAt() : receivedAt;
        clockStartedAt = receivedAt != null ? (clockStartedAt != null ? clockStartedAt : receivedAt) : null;
        dueAt = x.dueAt() != null ? x.dueAt() : dueAt;
        processedAt = x.processedAt() != null ? x.processedAt() : processedAt;
        resultText = x.resultText() != null ? x.resultText() : resultText;
        if (status.terminal()) {
            finishedAt = x.finishedAt() != null ? x.finishedAt() : x.at();
            currentStep = null;
            stepRole = null;
            stepStartedAt = null;
            stepDueAt = null;
            if (status == DossierStatus.RETURNED && outcome == null) {
                outcome = Outcome.GRANTED;
            }
        } else if (handledHere && status == DossierStatus.PROCESSING && currentStep == null && !steps.isEmpty() && receivedAt != null) {
            enterStep(steps.size() > 1 ? 2 : 1, steps, x.at() != null ? x.at() : receivedAt, cal);
        }
        boolean finishedLate = dueAt != null && ((finishedAt != null && finishedAt.isAfter(dueAt))
                || (processedAt != null && processedAt.isAfter(dueAt)));
        late = late || Boolean.TRUE.equals(x.late()) || finishedLate;
        String note = (from == status ? "" : status.label() + ". ") + (x.note() == null ? "" : x.note() + " ")
                + "(theo " + source + (x.at() == null ? "" : ", lúc " + VN.format(x.at())) + ")";
        return change(DossierAction.RECORD_EXTERNAL, from, currentStep, handlingAgencyId, null, null, note.trim(),
                new DossierEvents.Recorded(original.id(), original.code(), x.at() == null ? receivedAt : x.at(), source, status));
    }

    // ------------------------------------------------------------------ helpers

    private void enterStep(int step, List<ProcessStep> steps, LocalDateTime start, WorkingCalendar cal) {
        ProcessStep s = steps.get(step - 1);
        currentStep = step;
        stepRole = s.role();
        stepStartedAt = start;
        LocalDateTime counted = cal.countingStart(start, null);
        stepDueAt = cal.plusWorkingMinutes(counted.isBefore(clockStartedAt) ? clockStartedAt : counted, s.durationMinutes());
        // no step can be due after the dossier itself (a dossier received late in the day of a same-day procedure)
        if (dueAt != null && stepDueAt.isAfter(dueAt)) {
            stepDueAt = dueAt;
        }
        assignee = null;
    }

    private void require(DossierAction action) {
        DossierRules.require(status, action);
    }

    private Change change(DossierAction action, DossierStatus from, Integer step, Long agencyId, Long fromAgencyId, LocalDateTime stepDue,
                          String note, DossierEvents.Event event) {
        return new Change(action, from, status, step, agencyId, fromAgencyId, stepDue, note, List.of(event));
    }

    // ------------------------------------------------------------------ state for the store

    public Dossier original() {
        return original;
    }

    /**
     * The dossier as this change saved it: its new state, the next row version and the history line the change
     * wrote; its documents, supplement requests, apologies and files as they were (a transition does not change them).
     */
    public Dossier saved(DossierHistoryEntry line) {
        Dossier o = original;
        List<DossierHistoryEntry> history = new ArrayList<>(o.history());
        history.add(line);
        return new Dossier(o.id(), o.code(), o.procedureVersionId(), o.procedureCode(), o.procedureName(), o.channel(), o.processVariant(),
                o.receivingAgencyId(), handlingAgencyId, o.applicant(), o.applicantUsername(), o.applicantCommuneId(), ruleSetId, o.sets(),
                o.resultPlace(), status, o.submittedAt(), receivedAt, clockStartedAt, o.timeLimitDays(), dueAt, pausedAt, remainingMinutes,
                currentStep, stepStartedAt, stepDueAt, assignee, outcome, resultText, processedAt, delivery, finishedAt, late,
                lateExplanation, newAppointmentAt, warnedAt, bookVolume, bookNumber, supplementCount, supplementMinutes, supplementLate,
                extensionCount, new Dossier.Stop(stopKind, stopReason, stopBasis, stopSettlement, stopRequestedAt, stopRequestReason),
                o.rowVersion() + 1, o.documents(), List.copyOf(history), o.supplements(), o.apologies(), o.files());
    }

    public DossierStatus status() { return status; }
    public long ruleSetId() { return ruleSetId; }
    public long handlingAgencyId() { return handlingAgencyId; }
    public LocalDateTime receivedAt() { return receivedAt; }
    public LocalDateTime clockStartedAt() { return clockStartedAt; }
    public LocalDateTime dueAt() { return dueAt; }
    public LocalDateTime pausedAt() { return pausedAt; }
    public Long remainingMinutes() { return remainingMinutes; }
    public Integer currentStep() { return currentStep; }
    public Role stepRole() { return stepRole; }
    public LocalDateTime stepStartedAt() { return stepStartedAt; }
    public LocalDateTime stepDueAt() { return stepDueAt; }
    public String assignee() { return assignee; }
    public Outcome outcome() { return outcome; }
    public String resultText() { return resultText; }
    public LocalDateTime processedAt() { return processedAt; }
    public Delivery delivery() { return delivery; }
    public LocalDateTime finishedAt() { return finishedAt; }
    public boolean late() { return late; }
    public String lateExplanation() { return lateExplanation; }
    public LocalDateTime newAppointmentAt() { return newAppointmentAt; }
    public LocalDateTime warnedAt() { return warnedAt; }
    public String bookVolume() { return bookVolume; }
    public Integer bookNumber() { return bookNumber; }
    public int supplementCount() { return supplementCount; }
    public long supplementMinutes() { return supplementMinutes; }
    public boolean supplementLate() { return supplementLate; }
    public int extensionCount() { return extensionCount; }
    public StopKind stopKind() { return stopKind; }
    public String stopReason() { return stopReason; }
    public String stopBasis() { return stopBasis; }
    public String stopSettlement() { return stopSettlement; }
    public LocalDateTime stopRequestedAt() { return stopRequestedAt; }
    public String stopRequestReason() { return stopRequestReason; }
}
