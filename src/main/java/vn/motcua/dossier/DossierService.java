package vn.motcua.dossier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.dossier.domain.Completeness;
import vn.motcua.dossier.domain.DossierRules;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Public API of the dossier module. Every method is one transaction: it checks the state, the user's
 * role for the step, the row version (concurrent edits are refused, never overwritten), changes the
 * dossier and writes the audit trail, or does nothing at all.
 */
@Service
public class DossierService {
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("HH'h'mm 'ngày' dd/MM/yyyy");

    private final DossierStore store;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final WorkingCalendarService calendars;

    public DossierService(DossierStore store, CatalogService catalog, AgencyService agencies, WorkingCalendarService calendars) {
        this.store = store;
        this.catalog = catalog;
        this.agencies = agencies;
        this.calendars = calendars;
    }

    // ------------------------------------------------------------------ intake

    /** A dossier at the counter or by public post, entered by a receiving officer with the decision taken. */
    @Transactional
    public Dossier receive(IntakeRequest r, CurrentUser officer) {
        Problems p = new Problems();
        p.require(r.channel() == Channel.COUNTER || r.channel() == Channel.POST, "channel",
                "Cán bộ chỉ nhập hồ sơ nộp trực tiếp hoặc qua bưu chính; hồ sơ trực tuyến do công dân nộp.");
        p.require(r.receivingAgencyId() != null, "receivingAgencyId", "Chưa chọn bộ phận một cửa tiếp nhận.");
        p.require(r.decision() != null, "decision", "Chưa chọn kết quả kiểm tra hồ sơ (tiếp nhận, yêu cầu bổ sung, từ chối).");
        checkApplicant(r.applicant(), p);
        ProcedureVersion v = versionInForce(r.procedureCode(), p);
        p.throwIfAny();
        Agency counter = oneStopUnit(r.receivingAgencyId(), officer, p);
        if (r.channel() == Channel.COUNTER) {
            p.require(v.byCounter(), "channel", "Thủ tục này không tiếp nhận hồ sơ trực tiếp.");
        } else {
            p.require(v.byPost(), "channel", "Thủ tục này không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.");
        }
        Set<Long> present = r.presentComponentIds() == null ? Set.of() : r.presentComponentIds();
        Completeness.onlyPublished(v.components(), present, p);
        List<Component> missing = Completeness.missing(v.components(), present);
        checkDecision(r.decision(), missing, r.reason(), p);
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        DossierStatus initial = switch (r.decision()) {
            case ACCEPT -> DossierStatus.SUBMITTED;
            case REQUEST_SUPPLEMENT -> DossierStatus.INTAKE_SUPPLEMENT;
            case REFUSE -> DossierStatus.REFUSED;
        };
        long id = create(v, r.channel(), counter, r.applicant(), null, initial, now);
        for (Component c : v.components()) {
            store.insertDocument(id, c.id(), c.name(), c.originals(), c.copies(), present.contains(c.id()), null, null, null);
        }
        store.insertEvent(id, now, officer.username(), DossierAction.SUBMIT, null, DossierStatus.SUBMITTED, null, counter.id(),
                r.channel().label());
        if (r.decision() == IntakeDecision.ACCEPT) {
            start(get(id), officer.username(), now);
        } else {
            String note = r.decision() == IntakeDecision.REFUSE ? r.reason().trim() : supplementNote(missing, r.reason());
            store.insertEvent(id, now, officer.username(), r.decision() == IntakeDecision.REFUSE ? DossierAction.REFUSE
                    : DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierStatus.SUBMITTED, initial, null, counter.id(), note);
            if (r.decision() == IntakeDecision.REFUSE) {
                store.update(id, 0, Map.of("finished_at", now));
            }
        }
        return get(id);
    }

    /** A dossier submitted online by a citizen or business, waiting for the one-stop unit's check. */
    @Transactional
    public Dossier submitOnline(String procedureCode, Long receivingAgencyId, Applicant applicant, List<UploadedDocument> files,
                                String username) {
        Problems p = new Problems();
        checkApplicant(applicant, p);
        ProcedureVersion v = versionInForce(procedureCode, p);
        p.require(receivingAgencyId != null, "receivingAgencyId", "Chưa chọn nơi tiếp nhận hồ sơ.");
        p.throwIfAny();
        p.require(v.byOnline(), "procedureCode", "Thủ tục này chưa cung cấp dịch vụ công trực tuyến.");
        Agency counter = agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.id() == receivingAgencyId && a.type() == AgencyType.ONE_STOP).findFirst().orElse(null);
        p.require(counter != null, "receivingAgencyId", "Nơi tiếp nhận phải là một bộ phận một cửa đang hoạt động.");
        Map<Long, UploadedDocument> byComponent = new LinkedHashMap<>();
        for (UploadedDocument f : files == null ? List.<UploadedDocument>of() : files) {
            if (f.content() != null && f.content().length > 0) {
                if (f.content().length > 10L * 1024 * 1024) {
                    p.add("documents", "Tệp \"" + f.filename() + "\" lớn hơn 10 MB.");
                }
                byComponent.put(f.componentId(), f);
            }
        }
        Completeness.onlyPublished(v.components(), byComponent.keySet(), p);
        for (Component c : Completeness.missing(v.components(), byComponent.keySet())) {
            p.add("documents", "Chưa đính kèm: " + c.name() + ".");
        }
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        long id = create(v, Channel.ONLINE, counter, applicant, username, DossierStatus.SUBMITTED, now);
        for (Component c : v.components()) {
            UploadedDocument f = byComponent.get(c.id());
            store.insertDocument(id, c.id(), c.name(), c.originals(), c.copies(), f != null, f == null ? null : f.filename(),
                    f == null ? null : f.contentType(), f == null ? null : f.content());
        }
        store.insertEvent(id, now, username, DossierAction.SUBMIT, null, DossierStatus.SUBMITTED, null, counter.id(), Channel.ONLINE.label());
        return get(id);
    }

    /** The one-stop unit's decision on a dossier submitted online or by post, or supplemented at intake. */
    @Transactional
    public Dossier decideIntake(long id, long rowVersion, IntakeDecision decision, Set<Long> present, String reason, CurrentUser officer) {
        Dossier d = get(id);
        requireRole(officer, d, Role.RECEIVING_OFFICER);
        DossierAction action = decision == null ? DossierAction.ACCEPT : switch (decision) {
            case ACCEPT -> DossierAction.ACCEPT;
            case REQUEST_SUPPLEMENT -> DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE;
            case REFUSE -> DossierAction.REFUSE;
        };
        DossierRules.require(d.status(), action);
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Set<Long> presented = new HashSet<>(present == null ? Set.of() : present);
        d.documents().stream().filter(DossierDocument::present).forEach(doc -> presented.add(doc.componentId()));
        Problems p = new Problems();
        p.require(decision != null, "decision", "Chưa chọn kết quả kiểm tra hồ sơ.");
        Completeness.onlyPublished(v.components(), presented, p);
        List<Component> missing = Completeness.missing(v.components(), presented);
        if (decision != null) {
            checkDecision(decision, missing, reason, p);
        }
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        store.markPresent(id, presented);
        if (decision == IntakeDecision.ACCEPT) {
            if (store.update(id, rowVersion, Map.of("status", DossierStatus.SUBMITTED)) != 1) {
                throw stale();
            }
            start(get(id), officer.username(), now);
        } else {
            DossierStatus to = decision == IntakeDecision.REFUSE ? DossierStatus.REFUSED : DossierStatus.INTAKE_SUPPLEMENT;
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("status", to);
            if (to == DossierStatus.REFUSED) {
                columns.put("finished_at", now);
            }
            if (store.update(id, rowVersion, columns) != 1) {
                throw stale();
            }
            store.insertEvent(id, now, officer.username(), action, d.status(), to, null, d.receivingAgencyId(),
                    decision == IntakeDecision.REFUSE ? reason.trim() : supplementNote(missing, reason));
        }
        return get(id);
    }

    // ------------------------------------------------------------------ processing

    /**
     * Completes the current step and hands the dossier to the next. Moving into the last step (return of
     * the result) registers the result: {@code outcome} and {@code resultText} are then required.
     */
    @Transactional
    public Dossier forward(long id, long rowVersion, String note, Outcome outcome, String resultText, CurrentUser user) {
        Dossier d = get(id);
        DossierRules.require(d.status(), DossierAction.FORWARD);
        List<ProcessStep> steps = steps(d);
        ProcessStep current = steps.get(d.currentStep() - 1);
        requireRole(user, d, current.role());
        if (d.currentStep() >= steps.size()) {
            throw new ConflictException("Đây là bước cuối (" + current.name() + "): hãy trả kết quả cho người nộp.");
        }
        boolean intoLast = d.currentStep() + 1 == steps.size();
        Problems p = new Problems();
        if (intoLast && d.outcome() == null) {
            p.require(outcome != null, "outcome", "Chưa ghi kết quả giải quyết (giải quyết hay không giải quyết).");
            p.requireText(resultText, "resultText", "Số, ký hiệu và trích yếu văn bản kết quả");
        }
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        ProcessStep next = steps.get(d.currentStep());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("current_step", d.currentStep() + 1);
        columns.put("step_role", next.role());
        columns.put("step_started_at", now);
        columns.put("step_due_at", stepDue(now, next));
        columns.put("assignee", null);
        if (outcome != null && d.outcome() == null) {
            columns.put("result_outcome", outcome);
            columns.put("result_text", resultText.trim());
        }
        if (store.update(id, rowVersion, columns) != 1) {
            throw stale();
        }
        DossierAction action = current.role() == Role.LEADER ? DossierAction.APPROVE : DossierAction.FORWARD;
        String text = "Hoàn thành bước " + d.currentStep() + " (" + current.name() + ") → bước " + (d.currentStep() + 1) + " (" + next.name() + ")"
                + (outcome != null && d.outcome() == null ? ". Kết quả: " + outcome.label() + " — " + resultText.trim() : "")
                + (note == null || note.isBlank() ? "" : ". " + note.trim());
        store.insertEvent(id, now, user.username(), action, d.status(), DossierStatus.PROCESSING, d.currentStep() + 1, d.handlingAgencyId(), text);
        return get(id);
    }

    /** Sends the dossier back to the previous step, with the reason. */
    @Transactional
    public Dossier sendBack(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = get(id);
        DossierRules.require(d.status(), DossierAction.SEND_BACK);
        List<ProcessStep> steps = steps(d);
        requireRole(user, d, steps.get(d.currentStep() - 1).role());
        Problems p = new Problems();
        p.requireText(reason, "reason", "Lý do trả lại");
        p.require(d.currentStep() > 2, "step", "Hồ sơ đang ở bước xử lý đầu tiên sau tiếp nhận; không có bước trước để trả lại.");
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        ProcessStep previous = steps.get(d.currentStep() - 2);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("current_step", d.currentStep() - 1);
        columns.put("step_role", previous.role());
        columns.put("step_started_at", now);
        columns.put("step_due_at", stepDue(now, previous));
        columns.put("assignee", null);
        record(d, rowVersion, columns, now, user.username(), DossierAction.SEND_BACK, d.status(), DossierStatus.PROCESSING, d.currentStep() - 1,
                d.handlingAgencyId(), reason.trim());
        return get(id);
    }

    /** Assigns the current step to one officer of the unit. */
    @Transactional
    public Dossier assign(long id, long rowVersion, String assignee, CurrentUser user) {
        Dossier d = atCurrentStep(id, DossierAction.ASSIGN, user);
        if (assignee == null || assignee.isBlank()) {
            throw ValidationException.of("assignee", "Chưa chọn người được phân công.");
        }
        record(d, rowVersion, Map.of("assignee", assignee.trim()), calendars.now(), user.username(), DossierAction.ASSIGN, d.status(), d.status(), d.currentStep(),
                d.handlingAgencyId(), "Phân công cho " + assignee.trim());
        return get(id);
    }

    /** Asks the applicant to supplement: the clock stops until {@link #resume}. */
    @Transactional
    public Dossier pause(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = atCurrentStep(id, DossierAction.PAUSE, user);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "Phải nêu rõ giấy tờ, nội dung cần bổ sung và lý do.");
        }
        LocalDateTime now = calendars.now();
        WorkingCalendar cal = calendars.calendar();
        long remaining = now.isBefore(d.dueAt()) ? cal.workingMinutesBetween(now, d.dueAt()) : 0;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", DossierStatus.PAUSED);
        columns.put("paused_at", now);
        columns.put("remaining_minutes", remaining);
        record(d, rowVersion, columns, now, user.username(), DossierAction.PAUSE, d.status(), DossierStatus.PAUSED, d.currentStep(),
                d.handlingAgencyId(), reason.trim());
        return get(id);
    }

    /** The supplement arrived: the clock runs again for the time that was left when it stopped. */
    @Transactional
    public Dossier resume(long id, long rowVersion, String note, CurrentUser user) {
        Dossier d = atCurrentStep(id, DossierAction.RESUME, user);
        LocalDateTime now = calendars.now();
        WorkingCalendar cal = calendars.calendar();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", DossierStatus.PROCESSING);
        columns.put("paused_at", null);
        columns.put("remaining_minutes", null);
        if (d.remainingMinutes() != null && d.remainingMinutes() > 0) {
            columns.put("due_at", cal.plusWorkingMinutes(now, d.remainingMinutes()));
        }
        if (d.stepDueAt() != null && d.pausedAt() != null && d.stepDueAt().isAfter(d.pausedAt())) {
            columns.put("step_due_at", cal.plusWorkingMinutes(now, cal.workingMinutesBetween(d.pausedAt(), d.stepDueAt())));
        }
        if (store.update(id, rowVersion, columns) != 1) {
            throw stale();
        }
        long pausedFor = cal.workingMinutesBetween(d.pausedAt(), now);
        store.insertEvent(id, now, user.username(), DossierAction.RESUME, d.status(), DossierStatus.PROCESSING, d.currentStep(),
                d.handlingAgencyId(), "Đã nhận bổ sung; thời gian tạm dừng " + pausedFor / 60 + " giờ " + pausedFor % 60
                        + " phút làm việc không tính vào thời hạn." + (note == null || note.isBlank() ? "" : " " + note.trim()));
        return get(id);
    }

    /** Hands the dossier to another agency (liên thông) at the same step. */
    @Transactional
    public Dossier transfer(long id, long rowVersion, Long toAgencyId, String note, CurrentUser user) {
        Dossier d = atCurrentStep(id, DossierAction.TRANSFER, user);
        Problems p = new Problems();
        Agency to = toAgencyId == null ? null : agencies.activeOn(agencies.today()).stream().filter(a -> a.id() == toAgencyId).findFirst().orElse(null);
        p.require(to != null, "toAgencyId", "Cơ quan nhận liên thông không tồn tại hoặc không còn hoạt động.");
        p.require(toAgencyId == null || toAgencyId != d.handlingAgencyId(), "toAgencyId", "Hồ sơ đã ở cơ quan này.");
        p.requireText(note, "note", "Nội dung chuyển liên thông");
        p.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("handling_agency_id", toAgencyId);
        columns.put("assignee", null);
        record(d, rowVersion, columns, calendars.now(), user.username(), DossierAction.TRANSFER, d.status(), d.status(), d.currentStep(), toAgencyId,
                "Chuyển liên thông đến " + to.name() + ": " + note.trim());
        return get(id);
    }

    /**
     * The written explanation and apology for a dossier that is (or is certain to be) late, with a new
     * appointment. The dossier stays late in every statistic.
     */
    @Transactional
    public Dossier apologise(long id, long rowVersion, String explanation, LocalDateTime newAppointment, CurrentUser user) {
        Dossier d = atCurrentStep(id, DossierAction.APOLOGISE, user);
        LocalDateTime now = calendars.now();
        Problems p = new Problems();
        p.requireText(explanation, "explanation", "Nội dung giải trình lý do trễ hạn");
        p.require(newAppointment != null && newAppointment.isAfter(now), "newAppointment", "Ngày hẹn lại phải sau thời điểm hiện tại.");
        p.require(d.dueAt() != null && calendars.calendar().workingMinutesBetween(now, d.dueAt()) <= calendars.warnWorkingHoursBefore() * 60L,
                "explanation", "Hồ sơ chưa đến thời điểm cảnh báo trễ hạn; chưa cần xin lỗi, hẹn lại.");
        p.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("late", true);
        columns.put("late_explanation", explanation.trim());
        columns.put("new_appointment_at", newAppointment);
        record(d, rowVersion, columns, now, user.username(), DossierAction.APOLOGISE, d.status(), d.status(), d.currentStep(), d.handlingAgencyId(),
                "Giải trình: " + explanation.trim() + ". Hẹn lại: " + VN_TIME.format(newAppointment));
        return get(id);
    }

    /** Hands the result over; a late dossier cannot be closed without its explanation and apology. */
    @Transactional
    public Dossier returnResult(long id, long rowVersion, Delivery delivery, String note, CurrentUser user) {
        Dossier d = get(id);
        DossierRules.require(d.status(), DossierAction.RETURN_RESULT);
        List<ProcessStep> steps = steps(d);
        requireRole(user, d, steps.get(d.currentStep() - 1).role());
        LocalDateTime now = calendars.now();
        Problems p = new Problems();
        p.require(d.currentStep() == steps.size(), "step", "Hồ sơ chưa đến bước trả kết quả.");
        p.require(d.outcome() != null, "outcome", "Chưa có kết quả giải quyết được đăng ký.");
        p.require(delivery != null, "delivery", "Chưa chọn hình thức trả kết quả.");
        boolean late = now.isAfter(d.dueAt());
        p.require(!late || d.lateExplanation() != null, "explanation", "Hồ sơ đã quá hạn (hạn " + VN_TIME.format(d.dueAt())
                + "): phải có văn bản giải trình và Phiếu xin lỗi, hẹn lại ngày trả kết quả trước khi trả kết quả.");
        p.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", DossierStatus.RETURNED);
        columns.put("result_delivery", delivery);
        columns.put("finished_at", now);
        columns.put("late", late || d.late());
        record(d, rowVersion, columns, now, user.username(), DossierAction.RETURN_RESULT, d.status(), DossierStatus.RETURNED, d.currentStep(),
                d.receivingAgencyId(), delivery.label() + (late ? " — TRỄ HẠN" : " — đúng hạn") + (note == null || note.isBlank() ? "" : ". " + note.trim()));
        return get(id);
    }

    /** The applicant withdraws the dossier (or the counter records the written request). */
    @Transactional
    public Dossier withdraw(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = get(id);
        DossierRules.require(d.status(), DossierAction.WITHDRAW);
        boolean owner = d.applicantUsername() != null && d.applicantUsername().equals(user.username());
        if (!owner) {
            requireRole(user, d, Role.RECEIVING_OFFICER);
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "Phải ghi lý do rút hồ sơ.");
        }
        LocalDateTime now = calendars.now();
        record(d, rowVersion, Map.of("status", DossierStatus.WITHDRAWN, "finished_at", now), now, user.username(), DossierAction.WITHDRAW, d.status(), DossierStatus.WITHDRAWN, d.currentStep(),
                d.receivingAgencyId(), reason.trim());
        return get(id);
    }

    // ------------------------------------------------------------------ queries

    public Dossier get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ."));
    }

    public Dossier byCode(String code) {
        return store.findByCode(code == null ? "" : code).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ có mã " + code + "."));
    }

    /** The internal process the dossier follows: the online variant for online dossiers when there is one. */
    public List<ProcessStep> steps(Dossier d) {
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        List<ProcessStep> steps = v.process(ProcessVariant.valueOf(d.processVariant()));
        return steps.isEmpty() ? v.process(ProcessVariant.STANDARD) : steps;
    }

    public DeadlineState deadline(Dossier d) {
        return DossierRules.deadlineState(d.status(), d.dueAt(), d.status() == DossierStatus.RETURNED ? d.finishedAt() : null,
                calendars.now(), calendars.warnWorkingHoursBefore() * 60L, calendars.calendar());
    }

    /** Whether the user holds the role for the dossier's unit (receiving unit for the counter, else the handling agency). */
    public boolean mayAct(CurrentUser user, Dossier d, Role role) {
        long unit = role == Role.RECEIVING_OFFICER ? d.receivingAgencyId() : d.handlingAgencyId();
        return user.unitsFor(role).stream().anyMatch(u -> agencies.isWithin(unit, u) || agencies.isWithin(u, unit));
    }

    /** Whether the user may see the dossier: its applicant, an officer of its units, an auditor or administrator. */
    public boolean maySee(CurrentUser user, Dossier d) {
        if (d.applicantUsername() != null && d.applicantUsername().equals(user.username())) {
            return true;
        }
        for (Role role : Role.values()) {
            if (role == Role.CITIZEN) {
                continue;
            }
            for (Long u : user.unitsFor(role)) {
                if (role == Role.AUDITOR || role == Role.ADMIN ? agencies.isWithin(d.handlingAgencyId(), u) || agencies.isWithin(d.receivingAgencyId(), u)
                        : mayAct(user, d, role)) {
                    return true;
                }
            }
        }
        return false;
    }

    public LocalDateTime now() {
        return calendars.now();
    }

    // ------------------------------------------------------------------ helpers

    private long create(ProcedureVersion v, Channel channel, Agency counter, Applicant a, String username, DossierStatus status,
                        LocalDateTime now) {
        boolean online = channel == Channel.ONLINE && !v.process(ProcessVariant.ONLINE).isEmpty();
        BigDecimal limit = channel == Channel.ONLINE && v.onlineTimeLimitDays() != null ? v.onlineTimeLimitDays() : v.timeLimitDays();
        String code = counter.code().replace('.', '-') + "-" + CODE_DATE.format(now) + "-" + String.format("%06d", store.nextNumber());
        return store.insert(new DossierStore.NewDossier(code, v.id(), v.code(), v.name(), channel,
                (online ? ProcessVariant.ONLINE : ProcessVariant.STANDARD).name(), counter.id(), handlingAgency(v, counter),
                trimmed(a), username, status, now, limit));
    }

    /** Receipt: the clock starts and the dossier moves past the intake step to the first processing step. */
    private void start(Dossier d, String actor, LocalDateTime now) {
        WorkingCalendar cal = calendars.calendar();
        List<ProcessStep> steps = steps(d);
        int first = steps.size() > 1 ? 2 : 1;
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", DossierStatus.PROCESSING);
        columns.put("received_at", now);
        columns.put("due_at", cal.due(now, d.timeLimitDays()));
        columns.put("current_step", first);
        columns.put("step_role", steps.get(first - 1).role());
        columns.put("step_started_at", now);
        columns.put("step_due_at", stepDue(cal.countingStart(now), steps.get(first - 1)));
        if (store.update(d.id(), d.rowVersion(), columns) != 1) {
            throw stale();
        }
        store.insertEvent(d.id(), now, actor, DossierAction.ACCEPT, d.status(), DossierStatus.PROCESSING, first, d.receivingAgencyId(),
                "Hẹn trả kết quả: " + VN_TIME.format(cal.due(now, d.timeLimitDays())));
    }

    private LocalDateTime stepDue(LocalDateTime from, ProcessStep step) {
        long minutes = step.durationHours().multiply(BigDecimal.valueOf(60)).longValue();
        return calendars.calendar().plusWorkingMinutes(from, minutes);
    }

    private long handlingAgency(ProcedureVersion v, Agency counter) {
        if (v.level() != ProcedureLevel.PROVINCE && counter.parentId() != null) {
            Agency parent = agencies.get(counter.parentId());
            if (parent.type() == AgencyType.COMMUNE_COMMITTEE || parent.type() == AgencyType.DISTRICT_COMMITTEE) {
                return parent.id();
            }
        }
        return v.agencyId();
    }

    private Agency oneStopUnit(Long id, CurrentUser officer, Problems p) {
        Agency unit = id == null ? null : agencies.activeOn(agencies.today()).stream().filter(a -> a.id() == id).findFirst().orElse(null);
        if (unit == null || unit.type() != AgencyType.ONE_STOP) {
            throw new ValidationException(List.of(new FieldProblem("receivingAgencyId", "Nơi tiếp nhận phải là một bộ phận một cửa đang hoạt động.")));
        }
        boolean mine = officer.unitsFor(Role.RECEIVING_OFFICER).stream().anyMatch(u -> agencies.isWithin(unit.id(), u));
        if (!mine) {
            throw new ValidationException(List.of(new FieldProblem("receivingAgencyId",
                    "Bạn không phải cán bộ tiếp nhận của " + unit.name() + ".")));
        }
        return unit;
    }

    private ProcedureVersion versionInForce(String code, Problems p) {
        if (code == null || code.isBlank()) {
            p.add("procedureCode", "Chưa chọn thủ tục hành chính.");
            return null;
        }
        return catalog.inForceOn(code.trim(), agencies.today()).orElseGet(() -> {
            p.add("procedureCode", "Thủ tục " + code.trim() + " không có phiên bản đang có hiệu lực; không thể tiếp nhận hồ sơ.");
            return null;
        });
    }

    private static void checkApplicant(Applicant a, Problems p) {
        if (a == null) {
            p.add("applicant", "Chưa nhập thông tin người nộp hồ sơ.");
            return;
        }
        p.requireText(a.name(), "applicant.name", "Họ tên người nộp (tên tổ chức)");
        boolean phone = a.phone() != null && !a.phone().isBlank();
        boolean id = a.idNumber() != null && !a.idNumber().isBlank();
        p.require(phone || id, "applicant.phone", "Phải có số điện thoại hoặc số định danh để tra cứu hồ sơ.");
        p.require(!phone || PHONE.matcher(a.phone().trim()).matches(), "applicant.phone", "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0.");
        p.require(!id || ID_NUMBER.matcher(a.idNumber().trim()).matches(), "applicant.idNumber", "Số định danh cá nhân gồm đúng 12 chữ số.");
    }

    private static void checkDecision(IntakeDecision decision, List<Component> missing, String reason, Problems p) {
        switch (decision) {
            case ACCEPT -> p.require(missing.isEmpty(), "documents", "Hồ sơ còn thiếu " + missing.size()
                    + " thành phần bắt buộc; hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: "
                    + String.join("; ", missing.stream().map(Component::name).toList()) + ".");
            case REQUEST_SUPPLEMENT -> p.require(!missing.isEmpty() || (reason != null && !reason.isBlank()), "reason",
                    "Hồ sơ đã đủ thành phần; chỉ yêu cầu bổ sung khi nêu rõ nội dung cần hoàn thiện.");
            case REFUSE -> p.requireText(reason, "reason", "Lý do từ chối tiếp nhận");
        }
    }

    private static String supplementNote(List<Component> missing, String reason) {
        String list = Completeness.supplementList(missing);
        String why = reason == null || reason.isBlank() ? "" : reason.trim();
        return (list + (list.isEmpty() || why.isEmpty() ? "" : "\n") + why).trim();
    }

    private static Applicant trimmed(Applicant a) {
        return new Applicant(a.name().trim(), blank(a.idNumber()), blank(a.phone()), blank(a.email()), blank(a.address()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Loads the dossier and checks that the action is allowed now and that the user holds the current step's role. */
    private Dossier atCurrentStep(long id, DossierAction action, CurrentUser user) {
        Dossier d = get(id);
        DossierRules.require(d.status(), action);
        requireRole(user, d, steps(d).get(d.currentStep() - 1).role());
        return d;
    }

    /**
     * Applies the change unless someone changed the dossier since {@code rowVersion}, and writes it into the
     * audit trail, in the caller's transaction.
     */
    private void record(Dossier d, long rowVersion, Map<String, Object> columns, LocalDateTime at, String actor, DossierAction action,
                        DossierStatus from, DossierStatus to, Integer step, Long agencyId, String note) {
        if (store.update(d.id(), rowVersion, columns) != 1) {
            throw stale();
        }
        store.insertEvent(d.id(), at, actor, action, from, to, step, agencyId, note);
    }

    private void requireRole(CurrentUser user, Dossier d, Role role) {
        if (!mayAct(user, d, role)) {
            throw new ValidationException(List.of(new FieldProblem("role", "Bạn không có vai trò \"" + role.label()
                    + "\" tại đơn vị đang giữ hồ sơ nên không thể thực hiện bước này.")));
        }
    }

    private static ConflictException stale() {
        return new ConflictException("Hồ sơ vừa được người khác xử lý. Vui lòng tải lại để xem trạng thái mới nhất.");
    }

}
