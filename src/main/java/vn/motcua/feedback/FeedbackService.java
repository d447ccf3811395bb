package vn.motcua.feedback;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.documents.FileStorage;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.feedback.domain.AttachmentCheck;
import vn.motcua.feedback.domain.FeedbackFlow;
import vn.motcua.feedback.domain.Redaction;
import vn.motcua.feedback.internal.FeedbackStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.AttemptLimiter;
import vn.motcua.shared.Digests;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Feedback (phản ánh, kiến nghị) from anyone about a procedure, a regulation, an official's conduct or the online
 * service, optionally about a dossier: routed to the competent agency, handled by its TTHC-control officers and leaders
 * within the deadlines of {@link FeedbackFlow}, transferred when another agency is competent, answered, and published
 * with the sender's personal data removed; readers vote on published answers.
 */
@Service
public class FeedbackService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int PAGE = 20;
    private final FeedbackStore store;
    private final AgencyService agencies;
    private final DossierService dossiers;
    private final CatalogService catalog;
    private final WorkingCalendarService calendars;
    private final FileStorage files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FeedbackProperties props;
    private final Clock clock;
    private final AttemptLimiter submissions;
    private final AttemptLimiter trackingGuesses;

    public FeedbackService(FeedbackStore store, AgencyService agencies, DossierService dossiers, CatalogService catalog,
                           WorkingCalendarService calendars, FileStorage files, AuditLog audit, ApplicationEventPublisher events,
                           FeedbackProperties props, Clock clock) {
        this.store = store;
        this.agencies = agencies;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.calendars = calendars;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
        // every submission counts: after the hourly allowance the address (or account) waits until the hour has passed
        this.submissions = new AttemptLimiter(clock, props.submissionsPerHour() - 1, Duration.ofHours(1), props.submissionsPerHour(),
                Duration.ofHours(1), Duration.ofHours(1), 50_000);
        this.trackingGuesses = new AttemptLimiter(clock, 5, Duration.ofSeconds(2), 20, Duration.ofMinutes(15), Duration.ofHours(1), 10_000);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public FeedbackFlow flow() {
        return new FeedbackFlow(calendars.calendar(), new FeedbackFlow.Days(props.classifyDays(), props.infoDays(), props.handleDays(),
                props.publishDays()));
    }

    // ------------------------------------------------------------------ submission

    /** What a sender writes. */
    public record Submission(FeedbackCategory category, String title, String content, String procedureCode, String dossierCode, Long agencyId,
                             String name, String phone, String email, String address) {
    }

    /** A file the sender attached. */
    public record Upload(String filename, byte[] content) {
    }

    /** The saved feedback and its tracking secret (shown once). */
    public record Submitted(Feedback feedback, String trackingSecret) {
    }

    @Transactional
    public Submitted submit(Submission s, List<Upload> uploads, CurrentUser sender, String clientAddress) {
        String limitKey = sender != null ? "u:" + sender.username() : "a:" + (clientAddress == null ? "?" : clientAddress);
        Optional<Duration> wait = submissions.blockedFor(limitKey);
        if (wait.isPresent()) {
            audit.recordAttempt("feedback.rate-limited", "feedback", limitKey, Map.of("address", String.valueOf(clientAddress)));
            throw new TooManyAttemptsException(wait.get());
        }
        Problems p = new Problems();
        p.require(s.category() != null, "category", "Chọn loại phản ánh, kiến nghị.");
        String title = trim(s.title());
        String content = trim(s.content());
        p.require(title != null && title.length() >= 5 && title.length() <= 300, "title", "Tiêu đề từ 5 đến 300 ký tự.");
        p.require(content != null && content.length() >= 20 && content.length() <= 5000, "content", "Nội dung từ 20 đến 5000 ký tự.");
        String name = trim(s.name());
        p.require(name != null && name.length() <= 200, "name", "Nhập họ tên người gửi (tối đa 200 ký tự).");
        String phone = trim(s.phone());
        String email = trim(s.email());
        p.require(phone == null || phone.matches("0\\d{9,10}"), "phone", "Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0.");
        p.require(email == null || (email.length() <= 200 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")), "email", "Địa chỉ thư điện tử không hợp lệ.");
        p.require(phone != null || email != null, "phone", "Để lại số điện thoại hoặc thư điện tử để nhận kết quả.");
        String address = trim(s.address());
        p.require(address == null || address.length() <= 500, "address", "Địa chỉ tối đa 500 ký tự.");
        Dossier dossier = null;
        String dossierCode = trim(s.dossierCode());
        if (dossierCode != null) {
            try {
                dossier = dossierCode.length() > 60 ? null : dossiers.byCode(dossierCode);
            } catch (NotFoundException e) {
                dossier = null;
            }
            p.require(dossier != null, "dossierCode", "Không tìm thấy hồ sơ có mã đã nhập.");
        }
        String procedureCode = trim(s.procedureCode());
        ProcedureVersion procedure = null;
        if (procedureCode == null && dossier != null) {
            procedureCode = dossier.procedureCode();
        }
        if (procedureCode != null) {
            try {
                procedure = catalog.current(procedureCode);
            } catch (NotFoundException e) {
                p.add("procedureCode", "Không tìm thấy thủ tục có mã đã nhập.");
            }
        }
        Agency chosen = null;
        if (s.agencyId() != null) {
            chosen = agencies.byId().get(s.agencyId());
            p.require(chosen != null, "agencyId", "Không tìm thấy cơ quan đã chọn.");
        }
        List<Upload> list = uploads == null ? List.of() : uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
        p.require(list.size() <= props.maxAttachments(), "files", "Đính kèm tối đa " + props.maxAttachments() + " tệp.");
        List<String> types = new ArrayList<>();
        for (Upload u : list) {
            types.add(AttachmentCheck.check(u.filename(), u.content(), props.maxAttachmentBytes(), p));
        }
        p.throwIfAny();
        long agencyId = chosen != null ? chosen.id() : dossier != null ? agencies.owningAgency(dossier.handlingAgencyId())
                : procedure != null ? agencies.owningAgency(procedure.agencyId()) : province();
        LocalDateTime now = now();
        LocalDateTime[] due = flow().deadlines(now);
        String code = "PAKN-" + now.getYear() + "-" + String.format("%06d", store.nextNumber());
        String secret = secret();
        Feedback f = new Feedback(0, code, s.category(), title, content, procedureCode, dossier == null ? null : dossier.code(),
                dossier == null ? null : dossier.id(), agencyId, new Feedback.Sender(name, phone, email, address, sender == null ? null : sender.username()),
                FeedbackStatus.RECEIVED, now, now, due[0], due[1], due[2], null, null, null, null, null, null, null, null, null, null, null, null,
                null, false, null, 0, 0, null, 0);
        long id = store.insert(f, Digests.sha256Hex(secret));
        for (int i = 0; i < list.size(); i++) {
            Upload u = list.get(i);
            store.attach(id, vn.motcua.documents.FileCheck.cleanName(u.filename()), types.get(i), u.content().length, files.put(u.content()));
        }
        store.history(id, now, actor(sender), "RECEIVED", null, FeedbackStatus.RECEIVED, agencyId, null, null, null);
        submissions.failed(limitKey);
        Feedback saved = store.find(id).orElseThrow();
        audit.recordAs(actor(sender), "feedback.received", "feedback", id, null, Map.of("code", code, "category", s.category().name(),
                "agency", agencyId, "attachments", list.size(), "address", String.valueOf(clientAddress)));
        events.publishEvent(new FeedbackEvents.FeedbackReceived(id, code, now, agencyId, s.category()));
        return new Submitted(saved, secret);
    }

    /** The provincial committee: where feedback goes when nothing names a competent agency. */
    private long province() {
        return agencies.activeOn(agencies.today()).stream().filter(a -> a.type() == AgencyType.PROVINCE_COMMITTEE && a.parentId() == null)
                .findFirst().map(Agency::id).orElseThrow(() -> new IllegalStateException("no provincial committee"));
    }

    /** Forgets the submission limits (tests). */
    public void clearLimits() {
        submissions.clear();
        trackingGuesses.clear();
    }

    // ------------------------------------------------------------------ the sender's tracking

    /** The sender's view with the code and the secret given at submission (failures slow down and lock). */
    public Feedback track(String code, String secret, String clientAddress) {
        String address = clientAddress == null ? "?" : clientAddress;
        trackingGuesses.blockedFor(address).ifPresent(w -> {
            throw new TooManyAttemptsException(w);
        });
        Optional<Feedback> f = code == null || code.isBlank() || code.length() > 30 ? Optional.empty() : store.byCode(code);
        boolean ok = f.isPresent() && secret != null && store.trackingHash(f.get().id())
                .map(h -> java.security.MessageDigest.isEqual(h.getBytes(), Digests.sha256Hex(secret.trim().toUpperCase(Locale.ROOT)).getBytes())).orElse(false);
        if (!ok) {
            trackingGuesses.failed(address);
            throw new NotFoundException("Không tìm thấy phản ánh với mã và mã tra cứu đã nhập.");
        }
        trackingGuesses.succeeded(address);
        return f.get();
    }

    /** The sender gives the information asked for, from the tracking page. */
    @Transactional
    public Feedback supplyInformation(String code, String secret, String text, String clientAddress) {
        Feedback f = track(code, secret, clientAddress);
        String t = trim(text);
        if (t == null || t.length() < 5 || t.length() > 2000) {
            throw ValidationException.of("info", "Nhập thông tin bổ sung (5 đến 2000 ký tự).");
        }
        return apply(f, flow().informationReceived(f, now()), AuditLog.ANONYMOUS, t, null);
    }

    /** Feedback sent with the citizen's account. */
    public List<Feedback> mine(CurrentUser user) {
        return store.list("sender_username = :u", Map.of("u", user.username()), "received_at desc", 100);
    }

    // ------------------------------------------------------------------ handling

    public Feedback get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy phản ánh, kiến nghị."));
    }

    public Optional<Feedback> byCode(String code) {
        return code == null || code.length() > 30 ? Optional.empty() : store.byCode(code);
    }

    public List<Feedback.Step> steps(Feedback f) {
        return store.steps(f.id());
    }

    public List<Feedback.Attachment> attachments(Feedback f) {
        return store.attachments(f.id());
    }

    public byte[] attachmentContent(Feedback f, long attachmentId) {
        return store.attachments(f.id()).stream().filter(a -> a.id() == attachmentId).findFirst()
                .map(a -> files.get(a.storageKey())).orElseThrow(() -> new NotFoundException("Không tìm thấy tệp."));
    }

    /** The units whose feedback the user handles: below each unit where they are a TTHC-control officer or a leader. */
    public Set<Long> scope(CurrentUser user) {
        Set<Long> out = new HashSet<>();
        for (Role r : List.of(Role.TTHC_CONTROL, Role.LEADER)) {
            for (long u : user.unitsFor(r)) {
                out.addAll(agencies.subtree(agencies.owningAgency(u)));
            }
        }
        return out;
    }

    public boolean mayHandle(CurrentUser user, Feedback f) {
        return scope(user).contains(f.agencyId());
    }

    /** Opens a feedback for an officer, recording the read of the sender's personal data. */
    public Feedback open(long id, CurrentUser user) {
        Feedback f = get(id);
        if (!mayHandle(user, f)) {
            audit.recordAttempt("feedback.read-refused", "feedback", id, Map.of("user", user.username()));
            throw new NotFoundException("Không tìm thấy phản ánh, kiến nghị.");
        }
        audit.record("feedback.read", "feedback", id, null, Map.of("code", f.code()));
        return f;
    }

    /** The officer's lists. */
    public enum Queue {
        TO_CLASSIFY("Chờ phân loại", "To classify"), INFO("Chờ bổ sung thông tin", "Waiting for information"), HANDLING("Đang xử lý", "Being handled"),
        TO_PUBLISH("Chờ công khai", "To publish"), OVERDUE("Quá hạn", "Overdue"), DUE_SOON("Sắp đến hạn", "Due soon"), DONE("Đã kết thúc", "Finished");

        private final String label;
        private final String labelEn;

        Queue(String label, String labelEn) {
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

    public List<Feedback> queue(CurrentUser user, Queue q) {
        Set<Long> scope = scope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        return store.list(where(scope, q, params), params, q == Queue.DONE ? "closed_at desc" : "received_at", 200);
    }

    /** How many feedback each list holds (counted by the database, the scope worked out once). */
    public Map<Queue, Long> counts(CurrentUser user) {
        Set<Long> scope = scope(user);
        Map<Queue, Long> out = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            Map<String, Object> params = new HashMap<>();
            out.put(q, scope.isEmpty() ? 0L : store.count(where(scope, q, params), params));
        }
        return out;
    }

    /** The condition of a list within the agencies of the scope, its parameters added to {@code params}. */
    private String where(Set<Long> scope, Queue q, Map<String, Object> params) {
        params.put("units", scope);
        params.put("now", java.sql.Timestamp.valueOf(now()));
        String dueNow = "(case status when 'RECEIVED' then classify_due_at when 'HANDLING' then handle_due_at when 'ANSWERED' then publish_due_at end)";
        if (q == Queue.DUE_SOON) {
            params.put("soon", java.sql.Timestamp.valueOf(flow().dueOn(now(), props.warnDays())));
        }
        return "agency_id in (:units) and " + switch (q) {
            case TO_CLASSIFY -> "status = 'RECEIVED'";
            case INFO -> "status = 'INFO_REQUESTED'";
            case HANDLING -> "status = 'HANDLING'";
            case TO_PUBLISH -> "status = 'ANSWERED'";
            case OVERDUE -> "status in ('RECEIVED', 'HANDLING', 'ANSWERED') and " + dueNow + " < :now";
            case DUE_SOON -> "status in ('RECEIVED', 'HANDLING', 'ANSWERED') and " + dueNow + " >= :now and " + dueNow + " <= :soon";
            case DONE -> "status in ('PUBLISHED', 'REFUSED', 'REPEATED')";
        };
    }

    /** Agencies a feedback can be transferred to: the departments, district and commune committees in force. */
    public List<Agency> transferTargets(Feedback f) {
        return agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.id() != f.agencyId() && a.type() != AgencyType.DIVISION && a.type() != AgencyType.ONE_STOP)
                .sorted(VietnameseText.by(Agency::name)).toList();
    }

    /** Earlier feedback that may be about the same matter: same dossier or procedure, or titles sharing most words. */
    public List<Feedback> similar(Feedback f) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", f.id());
        params.put("at", java.sql.Timestamp.valueOf(f.receivedAt()));
        List<Feedback> earlier = store.list("id <> :id and received_at <= :at and status <> 'REPEATED'", params, "received_at desc", 300);
        Set<String> words = words(f.title() + " " + f.content());
        return earlier.stream().map(e -> Map.entry(e, similarity(f, e, words))).filter(e -> e.getValue() >= 0.35)
                .sorted(Map.Entry.<Feedback, Double>comparingByValue().reversed()).limit(5).map(Map.Entry::getKey).toList();
    }

    private static double similarity(Feedback f, Feedback e, Set<String> words) {
        double s = 0;
        if (f.dossierId() != null && f.dossierId().equals(e.dossierId())) {
            s += 0.5;
        }
        if (f.procedureCode() != null && f.procedureCode().equals(e.procedureCode())) {
            s += 0.2;
        }
        Set<String> other = words(e.title() + " " + e.content());
        if (!words.isEmpty() && !other.isEmpty()) {
            Set<String> common = new HashSet<>(words);
            common.retainAll(other);
            s += 0.6 * common.size() / Math.min(words.size(), other.size());
        }
        return s;
    }

    private static Set<String> words(String text) {
        return java.util.Arrays.stream(VietnameseText.unaccented(text).toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 3).collect(Collectors.toSet());
    }

    @Transactional
    public Feedback accept(long id, long rowVersion, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        return apply(f, flow().accept(f, now()), user.username(), null, null);
    }

    @Transactional
    public Feedback refuse(long id, long rowVersion, String reason, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        String r = required(reason, "reason", "Nêu lý do từ chối xử lý (căn cứ pháp lý).", 2000);
        return apply(f, flow().refuse(f, now(), r), user.username(), r, null);
    }

    @Transactional
    public Feedback requestInformation(long id, long rowVersion, String what, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        String w = required(what, "info", "Nêu thông tin cần người gửi bổ sung.", 2000);
        return apply(f, flow().requestInformation(f, now(), w), user.username(), w, null);
    }

    @Transactional
    public Feedback informationReceived(long id, long rowVersion, String note, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        String n = required(note, "note", "Ghi lại thông tin người gửi đã bổ sung.", 2000);
        return apply(f, flow().informationReceived(f, now()), user.username(), n, null);
    }

    @Transactional
    public Feedback transfer(long id, long rowVersion, Long toAgencyId, String reason, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        Problems p = new Problems();
        p.require(toAgencyId != null && transferTargets(f).stream().anyMatch(a -> a.id() == toAgencyId), "toAgencyId", "Chọn cơ quan có thẩm quyền.");
        p.throwIfAny();
        String r = required(reason, "reason", "Nêu lý do chuyển.", 2000);
        FeedbackFlow.Result result = flow().transfer(f, now(), toAgencyId);
        Feedback saved = apply(f, result, user.username(), r, toAgencyId);
        events.publishEvent(new FeedbackEvents.FeedbackTransferred(f.id(), f.code(), now(), f.agencyId(), toAgencyId));
        return saved;
    }

    @Transactional
    public Feedback markRepeated(long id, long rowVersion, String earlierCode, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        Feedback earlier = byCode(earlierCode == null ? "" : earlierCode.trim())
                .orElseThrow(() -> ValidationException.of("earlierCode", "Không tìm thấy phản ánh đã có với mã đã nhập."));
        try {
            return apply(f, flow().repeated(f, now(), earlier), user.username(), "Trùng nội dung với " + earlier.code(), null);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("earlierCode", e.getMessage());
        }
    }

    @Transactional
    public Feedback answer(long id, long rowVersion, String text, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        String a = required(text, "answer", "Nhập nội dung trả lời (tối đa 8000 ký tự).", 8000);
        FeedbackFlow.Result r = flow().answer(f, now(), a, user.username());
        Feedback saved = apply(f, r, user.username(), null, null);
        events.publishEvent(new FeedbackEvents.FeedbackAnswered(f.id(), f.code(), now(), saved.agencyId(), Boolean.TRUE.equals(r.onTime())));
        return saved;
    }

    /** The texts suggested for publication: the feedback and the answer with the personal data found masked. */
    public Feedback suggestedPublicText(Feedback f) {
        return f.withPublicText(Redaction.suggest(f.title(), f.sender()), Redaction.suggest(f.content(), f.sender()),
                Redaction.suggest(f.answer(), f.sender()));
    }

    @Transactional
    public Feedback publish(long id, long rowVersion, String title, String content, String answer, CurrentUser user) {
        Feedback f = forAction(id, rowVersion, user);
        Problems p = new Problems();
        String t = trim(title);
        String c = trim(content);
        String a = trim(answer);
        p.require(t != null && t.length() <= 300, "publicTitle", "Nhập tiêu đề công khai (tối đa 300 ký tự).");
        p.require(c != null && c.length() <= 5000, "publicContent", "Nhập nội dung phản ánh công khai (tối đa 5000 ký tự).");
        p.require(a != null && a.length() <= 8000, "publicAnswer", "Nhập nội dung trả lời công khai (tối đa 8000 ký tự).");
        for (String text : new String[]{t, c, a}) {
            List<String> leaks = Redaction.leaks(text, f.sender());
            p.require(leaks.isEmpty(), "publicContent", "Văn bản công khai còn thông tin cá nhân: " + String.join(", ", leaks)
                    + ". Hãy xóa hoặc thay bằng " + Redaction.MASK + ".");
        }
        p.throwIfAny();
        Feedback g = f.withPublicText(t, c, a);
        FeedbackFlow.Result r = flow().publish(g, now());
        Feedback saved = apply(g, r, user.username(), null, null);
        events.publishEvent(new FeedbackEvents.FeedbackPublished(f.id(), f.code(), now(), saved.agencyId(), Boolean.TRUE.equals(r.onTime())));
        return saved;
    }

    private Feedback forAction(long id, long rowVersion, CurrentUser user) {
        Feedback f = get(id);
        if (!mayHandle(user, f)) {
            audit.recordAttempt("feedback.action-refused", "feedback", id, Map.of("user", user.username()));
            throw new NotFoundException("Không tìm thấy phản ánh, kiến nghị.");
        }
        if (f.rowVersion() != rowVersion) {
            throw new vn.motcua.shared.ConflictException("Phản ánh vừa được người khác xử lý. Vui lòng tải lại trang để xem trạng thái mới.");
        }
        return f;
    }

    private Feedback apply(Feedback before, FeedbackFlow.Result r, String actor, String note, Long toAgencyId) {
        store.save(r.feedback());
        store.history(before.id(), now(), actor, r.action(), before.status(), r.feedback().status(), before.agencyId(), toAgencyId, r.onTime(), note);
        audit.recordAs(actor, "feedback." + r.action().toLowerCase(Locale.ROOT).replace('_', '-'), "feedback", before.id(),
                Map.of("status", before.status().name(), "agency", before.agencyId()),
                Map.of("status", r.feedback().status().name(), "agency", r.feedback().agencyId(), "onTime", String.valueOf(r.onTime())));
        return get(before.id());
    }

    /** Wraps the flow's refusals of an action in the state as a clear message. */
    public static <T> T explained(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ValidationException.of("status", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ warnings

    /** Marks missed deadlines late and warns of the near ones; returns how many feedback changed. */
    @Transactional
    public int applyDeadlines() {
        FeedbackFlow flow = flow();
        LocalDateTime now = now();
        int changed = 0;
        for (Feedback f : store.waitingOnAgencies()) {
            Optional<Feedback> late = flow.lateAt(f, now);
            if (late.isPresent()) {
                store.save(late.get());
                store.history(f.id(), now, AuditLog.SYSTEM, "LATE", f.status(), f.status(), f.agencyId(), null, false, null);
                audit.recordAs(AuditLog.SYSTEM, "feedback.late", "feedback", f.id(), null, Map.of("due", String.valueOf(f.currentDue().orElse(null))));
                events.publishEvent(new FeedbackEvents.FeedbackBecameLate(f.id(), f.code(), now, f.agencyId(), f.currentDue().orElse(now)));
                changed++;
                continue;
            }
            Optional<Feedback> warned = flow.warnAt(f, now, props.warnDays());
            if (warned.isPresent()) {
                store.save(warned.get());
                store.history(f.id(), now, AuditLog.SYSTEM, "WARNED", f.status(), f.status(), f.agencyId(), null, null,
                        "Hạn " + f.currentDue().map(d -> d.toString().replace('T', ' ')).orElse(""));
                events.publishEvent(new FeedbackEvents.FeedbackDueSoon(f.id(), f.code(), now, f.agencyId(), f.currentDue().orElse(now)));
                changed++;
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------ public answers and votes

    public record Page(List<Feedback> items, int page, long total) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE - 1) / PAGE);
        }
    }

    /** Published answers, newest first, optionally matching words of the title or content. */
    public Page published(String query, FeedbackCategory category, int page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("status = 'PUBLISHED'");
        if (category != null) {
            where.append(" and category = :cat");
            params.put("cat", category.name());
        }
        String q = trim(query);
        if (q != null) {
            int i = 0;
            for (String w : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (i >= 6 || w.isBlank()) {
                    continue;
                }
                String like = "%" + w.replace("\\", "").replace("%", "").replace("_", "") + "%";
                where.append(" and (lower(public_title) like :w").append(i).append(" or lower(public_content) like :w").append(i)
                        .append(" or lower(code) like :w").append(i).append(")");
                params.put("w" + i, like);
                i++;
            }
        }
        int p = Math.max(0, page);
        long total = store.count(where.toString(), params);
        List<Feedback> items = store.list(where + " and 1 = 1", params, "published_at desc, id desc offset " + (p * PAGE) + " rows", PAGE);
        return new Page(items, p, total);
    }

    public Feedback publishedAnswer(String code) {
        return byCode(code).filter(f -> f.status() == FeedbackStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy câu trả lời đã công khai."));
    }

    /** The earlier feedback a repeated one points to (for its public mention). */
    public Optional<Feedback> earlier(Feedback f) {
        return f.repeatedOf() == null ? Optional.empty() : store.find(f.repeatedOf());
    }

    /** Feedback closed as repeating this one. */
    public List<Feedback> repeats(Feedback f) {
        return store.list("repeated_of = :id", Map.of("id", f.id()), "received_at", 50);
    }

    /** A reader's like or dislike of a published answer; the voter's earlier vote is replaced. */
    @Transactional
    public Feedback vote(String code, boolean liked, String voter) {
        Feedback f = publishedAnswer(code);
        store.vote(f.id(), voter, liked, now());
        audit.recordAs(voter.startsWith("ip:") ? AuditLog.ANONYMOUS : voter, "feedback.voted", "feedback", f.id(), null, Map.of("liked", liked));
        return get(f.id());
    }

    public Optional<Boolean> voteOf(Feedback f, String voter) {
        return store.voteOf(f.id(), voter);
    }

    /** The voter key of an anonymous reader: a hash of the client address (no address is stored). */
    public static String anonymousVoter(String clientAddress) {
        return "ip:" + Digests.sha256Hex(String.valueOf(clientAddress)).substring(0, 32);
    }

    // ------------------------------------------------------------------ figures

    /** Feedback received between the days (inclusive) in the agencies given (all when null). */
    public FeedbackStatistics statistics(LocalDate from, LocalDate to, Set<Long> agencyIds) {
        LocalDateTime now = now();
        List<Feedback> list = store.receivedBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay()).stream()
                .filter(f -> agencyIds == null || agencyIds.contains(f.agencyId())).toList();
        Map<FeedbackCategory, Long> byCategory = new EnumMap<>(FeedbackCategory.class);
        Map<FeedbackStatus, Long> byStatus = new EnumMap<>(FeedbackStatus.class);
        for (FeedbackCategory c : FeedbackCategory.values()) {
            byCategory.put(c, 0L);
        }
        for (FeedbackStatus s : FeedbackStatus.values()) {
            byStatus.put(s, 0L);
        }
        long onTime = 0, lateFinished = 0, openOk = 0, openOverdue = 0, repeated = 0, disliked = 0;
        for (Feedback f : list) {
            byCategory.merge(f.category(), 1L, Long::sum);
            byStatus.merge(f.status(), 1L, Long::sum);
            boolean late = f.late() || f.overdue(now);
            if (f.status().open()) {
                if (late) {
                    openOverdue++;
                } else {
                    openOk++;
                }
            } else if (late) {
                lateFinished++;
            } else {
                onTime++;
            }
            if (f.status() == FeedbackStatus.REPEATED) {
                repeated++;
            }
            if (f.status() == FeedbackStatus.PUBLISHED && f.disliked()) {
                disliked++;
            }
        }
        long received = list.size();
        long firstTime = received - repeated;
        BigDecimal onTimeRate = received == 0 ? null : pct(onTime + openOk, received);
        long satisfied = Math.max(0, received - disliked - openOverdue - lateFinished - repeated);
        BigDecimal satisfiedRate = firstTime == 0 ? null : pct(satisfied, firstTime);
        return new FeedbackStatistics(received, byCategory, byStatus, onTime, lateFinished, openOk, openOverdue, firstTime, repeated, disliked,
                onTimeRate, satisfiedRate);
    }

    /** Per agency: the statistics of the feedback it holds. */
    public Map<Long, FeedbackStatistics> statisticsByAgency(LocalDate from, LocalDate to) {
        Map<Long, FeedbackStatistics> out = new java.util.LinkedHashMap<>();
        store.receivedBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay()).stream().map(Feedback::agencyId).distinct()
                .forEach(a -> out.put(a, statistics(from, to, Set.of(a))));
        return out;
    }

    /** Feedback about the dossiers (for the evaluation's criterion 8). */
    public Map<Long, List<Feedback>> ofDossiers(java.util.Collection<Long> dossierIds) {
        Map<Long, List<Feedback>> out = new HashMap<>();
        for (List<Long> chunk : RatingService.chunks(List.copyOf(dossierIds), 500)) {
            store.ofDossiers(chunk).forEach(f -> out.computeIfAbsent(f.dossierId(), k -> new ArrayList<>()).add(f));
        }
        return out;
    }

    public long count() {
        return store.count("1 = 1", Map.of());
    }

    private static BigDecimal pct(long n, long d) {
        return BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP);
    }

    private static String required(String text, String field, String message, int max) {
        String t = trim(text);
        if (t == null || t.length() > max) {
            throw ValidationException.of(field, message);
        }
        return t;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String actor(CurrentUser user) {
        return user == null ? AuditLog.ANONYMOUS : user.username();
    }

    private static String secret() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return b.toString();
    }


}
