package vn.motcua.dossier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.dossier.domain.Change;
import vn.motcua.dossier.domain.Completeness;
import vn.motcua.dossier.domain.DossierAggregate;
import vn.motcua.dossier.domain.DossierRules;
import vn.motcua.documents.ApplicantStore;
import vn.motcua.documents.DocumentDetails;
import vn.motcua.documents.DocumentSource;
import vn.motcua.documents.DocumentTypes;
import vn.motcua.documents.FileCheck;
import vn.motcua.documents.FileStorage;
import vn.motcua.documents.SignedFile;
import vn.motcua.documents.Signer;
import vn.motcua.documents.SigningService;
import vn.motcua.documents.StoredDocument;
import vn.motcua.dossier.internal.CodeNumbers;
import vn.motcua.dossier.internal.DossierEventPublisher;
import vn.motcua.dossier.internal.DossierForms;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.FormRenderer;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Public API of the dossier module. Every command is one transaction: it checks who may act, lets the dossier
 * perform the transition (its rules live in {@link DossierAggregate}), saves it only if nobody changed it since the
 * user read it, appends the history line and publishes the events, or does nothing at all.
 */
@Service
public class DossierService {
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");
    /** An applicant is identified by a personal ID number or an enterprise code (the key of their data store too). */
    private static final String APPLICANT_ID_RULE = "Số định danh cá nhân gồm đúng 12 chữ số (mã số doanh nghiệp: 10 hoặc 13 chữ số).";
    private static final int MAX_FILES = 20;
    private static final String NOT_A_ONE_STOP_UNIT = "Nơi tiếp nhận phải là một bộ phận một cửa đang hoạt động.";

    private final DossierStore store;
    private final CodeNumbers codeNumbers;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final WorkingCalendarService calendars;
    private final RuleSetService ruleSets;
    private final AccountService accounts;
    private final FormRenderer forms;
    private final DossierEventPublisher publisher;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final FileStorage files;
    private final ApplicantStore applicantStore;
    private final DocumentTypes documentTypes;
    private final SigningService signing;
    /** Conditions other modules set on receipt and return (payment due first), looked up when asked (they use this service). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<HandOverCheck> handOverChecks;
    /** Online dossiers one account may submit a day (abuse limit; a business with many dossiers asks the one-stop unit). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<PopulationRegistry> populationRegistry;
    /** Signs the proof of a population-database check between the lookup and the intake (set it when several nodes run). */
    @org.springframework.beans.factory.annotation.Value("${motcua.dossier.proof-key:#{T(java.util.UUID).randomUUID().toString()}}")
    private String proofKey = java.util.UUID.randomUUID().toString();
    @org.springframework.beans.factory.annotation.Value("${motcua.dossier.max-online-per-day:20}")
    private int maxOnlinePerDay = 20;

    public DossierService(DossierStore store, CatalogService catalog, AgencyService agencies, WorkingCalendarService calendars,
                          RuleSetService ruleSets, AccountService accounts, FormRenderer forms, ApplicationEventPublisher events,
                          TransactionTemplate tx, AuditLog audit, FileStorage files, ApplicantStore applicantStore, DocumentTypes documentTypes,
                          SigningService signing, CodeNumbers codeNumbers) {
        this.codeNumbers = codeNumbers;
        this.audit = audit;
        this.files = files;
        this.applicantStore = applicantStore;
        this.documentTypes = documentTypes;
        this.signing = signing;
        this.tx = tx;
        this.store = store;
        this.catalog = catalog;
        this.agencies = agencies;
        this.calendars = calendars;
        this.ruleSets = ruleSets;
        this.accounts = accounts;
        this.forms = forms;
        this.publisher = new DossierEventPublisher(events);
    }

    /** Why the dossier may not be received now (a condition of another module, e.g. fees due first), or empty. */
    public Optional<String> receiptBlockedBy(Dossier d) {
        return handOverChecks.orderedStream().map(c -> c.beforeReceipt(d)).flatMap(Optional::stream).findFirst();
    }

    /** Why the result may not be handed over now (e.g. assessed fees not paid yet), or empty. */
    public Optional<String> returnBlockedBy(Dossier d) {
        return handOverChecks.orderedStream().map(c -> c.beforeReturn(d)).flatMap(Optional::stream).findFirst();
    }

    // ------------------------------------------------------------------ intake

    /** A dossier at any one-stop unit of the province or by public post, entered by a receiving officer with the decision taken. */
    @Transactional
    public Dossier receive(IntakeRequest r, CurrentUser officer) {
        Problems p = new Problems();
        p.require(r.channel() == Channel.COUNTER || r.channel() == Channel.POST, "channel",
                "Cán bộ chỉ nhập hồ sơ nộp trực tiếp hoặc qua bưu chính; hồ sơ trực tuyến do công dân nộp.");
        p.require(r.receivingAgencyId() != null, "receivingAgencyId", "Chưa chọn bộ phận một cửa tiếp nhận.");
        p.require(r.decision() != null, "decision", "Chưa chọn kết quả kiểm tra hồ sơ (tiếp nhận, yêu cầu bổ sung, từ chối).");
        p.require(r.sets() == null || (r.sets() >= 1 && r.sets() <= 50), "sets", "Số bộ hồ sơ phải từ 1 đến 50.");
        checkApplicant(r.applicant(), p);
        ProcedureVersion v = versionInForce(r.procedureCode(), p);
        p.throwIfAny();
        Agency counter = oneStopUnit(r.receivingAgencyId(), officer);
        if (r.channel() == Channel.COUNTER) {
            p.require(v.byCounter(), "channel", "Thủ tục này không tiếp nhận hồ sơ trực tiếp.");
        } else {
            p.require(v.byPost(), "channel", "Thủ tục này không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.");
        }
        Delivery place = r.resultPlace() == null ? Delivery.COUNTER : r.resultPlace();
        p.require(place != Delivery.POST || v.byPost(), "resultPlace", "Thủ tục này không trả kết quả qua bưu chính công ích.");
        Agency handling = route(v, counter, r.handlingAgencyId(), r.applicantCommuneId(), p);
        Set<Long> present = new HashSet<>(r.presentComponentIds() == null ? Set.of() : r.presentComponentIds());
        List<UploadedDocument> scans = checkedFiles(v, r.scans(), p);
        Map<Long, StoredDocument> reused = claimReuse(v, ApplicantStore.ownerKey(r.applicant().idNumber()), r.reuse(), p);
        Map<Long, DocumentDetails> details = checkedDetails(v, r.details(), p);
        scans.forEach(f -> present.add(f.componentId()));
        present.addAll(reused.keySet());
        Completeness.onlyPublished(v.components(), present, p);
        List<SupplementRequest.Item> items = Completeness.supplementItems(v.components(), present, r.defects(), p);
        checkDecision(r.decision(), items, r.reason(), p);
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        Dossier d = create(v, r.channel(), counter, handling, r.applicant(), r.applicantCommuneId(), null, officer.username(),
                r.sets() == null ? 1 : r.sets(), place, now);
        for (Component c : v.components()) {
            store.insertDocument(d.id(), c.id(), c.name(), c.originals(), c.copies(), present.contains(c.id()));
        }
        details.forEach((component, x) -> store.setDetails(d.id(), component, x));
        attach(d.id(), scans, null, DossierFile.Kind.SCAN, officer.username(), now);
        reuse(d.id(), reused, officer.username(), now);
        digitised(d, scans, reused, now);
        return decide(get(d.id()), r.decision(), items, r.reason(), officer, now);
    }

    /** A dossier submitted online by a citizen or business, waiting for the one-stop unit's check. */
    @Transactional
    public Dossier submitOnline(OnlineSubmission s, CurrentUser applicant) {
        Problems p = new Problems();
        LocalDate today = calendars.now().toLocalDate();
        if (store.countSubmittedBy(applicant.username(), today.atStartOfDay(), today.plusDays(1).atStartOfDay()) >= maxOnlinePerDay) {
            throw ValidationException.of("procedureCode", "Mỗi tài khoản nộp trực tuyến tối đa " + maxOnlinePerDay
                    + " hồ sơ một ngày. Nếu cần nộp thêm, vui lòng nộp vào ngày mai hoặc liên hệ bộ phận một cửa.");
        }
        Dossier d = online(s, applicant.username(), applicant.username(), s.reuse().isEmpty() ? null : applicant, p);
        store.setOrigin(d.id(), null, vn.motcua.identity.NationalIdentity.currentLogin(), null, null);
        return d;
    }

    private Dossier online(OnlineSubmission s, String username, String actor, CurrentUser reuser, Problems p) {
        checkApplicant(s.applicant(), p);
        ProcedureVersion v = versionInForce(s.procedureCode(), p);
        p.require(s.receivingAgencyId() != null, "receivingAgencyId", "Chưa chọn nơi tiếp nhận hồ sơ.");
        p.throwIfAny();
        p.require(v.byOnline(), "procedureCode", "Thủ tục này chưa cung cấp dịch vụ công trực tuyến.");
        Agency counter = activeOneStop(s.receivingAgencyId()).orElse(null);
        p.require(counter != null, "receivingAgencyId", NOT_A_ONE_STOP_UNIT);
        Delivery place = s.resultPlace() == null ? Delivery.ONLINE : s.resultPlace();
        p.require(place != Delivery.POST || v.byPost(), "resultPlace", "Thủ tục này không trả kết quả qua bưu chính công ích.");
        p.throwIfAny();
        Agency handling = route(v, counter, null, s.applicantCommuneId(), p);
        Map<Long, String> eforms = s.eforms() == null ? Map.of() : s.eforms();
        List<UploadedDocument> files = checkedFiles(v, s.files(), p);
        Map<Long, StoredDocument> reused = reuser == null ? Map.of() : claimReuse(v, ownStore(reuser, s.applicant(), p), s.reuse(), p);
        Set<Long> given = new HashSet<>(reused.keySet());
        files.forEach(f -> given.add(f.componentId()));
        eforms.forEach((component, text) -> {
            if (text != null && !text.isBlank()) {
                given.add(component);
                p.require(text.length() <= 4000, "eforms", "Nội dung tờ khai trực tuyến dài quá 4000 ký tự.");
            }
        });
        Completeness.onlyPublished(v.components(), given, p);
        for (Component c : v.components()) {
            if (c.required() && !c.showOnly() && !given.contains(c.id())) {
                p.add("documents", "Chưa đính kèm hoặc khai trực tuyến: " + c.name() + ".");
            }
        }
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        Dossier d = create(v, Channel.ONLINE, counter, handling, s.applicant(), s.applicantCommuneId(), username, actor, 1, place, now);
        for (Component c : v.components()) {
            store.insertDocument(d.id(), c.id(), c.name(), c.originals(), c.copies(), given.contains(c.id()));
        }
        attach(d.id(), files, null, DossierFile.Kind.APPLICANT, actor, now);
        reuse(d.id(), reused, actor, now);
        for (Component c : v.components()) {
            String text = eforms.get(c.id());
            if (text != null && !text.isBlank()) {
                byte[] pdf = forms.eform(d, c.name(), text.trim(), now);
                UploadedDocument eform = new UploadedDocument(c.id(), "to-khai-truc-tuyen-" + c.position() + ".pdf", "application/pdf", pdf);
                attach(d.id(), List.of(eform), null, DossierFile.Kind.EFORM, actor, now);
                files = new ArrayList<>(files);
                files.add(eform);
            }
        }
        digitised(d, files, reused, now);
        return get(d.id());
    }

    /** The one-stop unit's decision on a dossier submitted online or by post, or supplemented at intake. */
    @Transactional
    public Dossier decideIntake(long id, long rowVersion, IntakeDecision decision, Set<Long> present, Map<Long, String> defects, String reason,
                                CurrentUser officer) {
        Dossier d = current(id, rowVersion, officer);
        requireRole(officer, d, Role.RECEIVING_OFFICER);
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Set<Long> presented = new HashSet<>(present == null ? Set.of() : present);
        d.documents().stream().filter(DossierDocument::present).forEach(doc -> presented.add(doc.componentId()));
        Problems p = new Problems();
        p.require(decision != null, "decision", "Chưa chọn kết quả kiểm tra hồ sơ.");
        Completeness.onlyPublished(v.components(), presented, p);
        List<SupplementRequest.Item> items = Completeness.supplementItems(v.components(), presented, defects, p);
        if (decision != null) {
            checkDecision(decision, items, reason, p);
        }
        if (decision == IntakeDecision.ACCEPT) {
            receiptBlockedBy(d).ifPresent(why -> p.add("decision", why));
        }
        if (decision == IntakeDecision.REQUEST_SUPPLEMENT) {
            d.supplements().stream().filter(x -> x.stage() == SupplementStage.INTAKE).findFirst().ifPresent(x -> p.add("decision",
                    "Hồ sơ đã được hướng dẫn bổ sung một lần (Phiếu số " + x.seq() + "); theo quy định chỉ yêu cầu bổ sung một lần, đầy đủ. "
                            + "Hãy tiếp nhận nếu đã đủ, hoặc từ chối nêu rõ lý do."));
        }
        p.throwIfAny();
        store.markPresent(id, presented);
        return decide(d, decision, items, reason, officer, calendars.now());
    }

    private Dossier decide(Dossier d, IntakeDecision decision, List<SupplementRequest.Item> items, String reason, CurrentUser officer,
                           LocalDateTime now) {
        d.openSupplement().filter(x -> x.stage() == SupplementStage.INTAKE)
                .ifPresent(x -> store.closeSupplement(x.id(), decision == IntakeDecision.ACCEPT ? SupplementStatus.RECEIVED : SupplementStatus.CLOSED,
                        officer.username(), now, null));
        return switch (decision) {
            case ACCEPT -> {
                LegalRuleSet rules = ruleSets.inForceOn(now.toLocalDate());
                // taken and committed at once, like a code's number: an intake failing after this leaves the number
                // unused, and the book shows it as such (DossierQueries.book)
                int book = (int) codeNumbers.next("book:" + d.receivingAgencyId() + ":" + now.getYear());
                String volume = "01/" + now.getYear();
                Dossier received = applyAndRead(d, officer.username(), a -> a.receive(now, calendars.calendar(), rules, steps(d), volume, book));
                keepInApplicantStore(received, officer.username());
                yield received;
            }
            case REQUEST_SUPPLEMENT -> {
                int seq = store.nextSupplementSeq(d.id());
                store.insertSupplement(d.id(), seq, SupplementStage.INTAKE, SupplementStatus.OPEN, now, officer.username(), officer.fullName(),
                        contactPhone(officer, d.receivingAgencyId()), d.receivingAgencyId(), false, null, null, items);
                yield applyAndRead(d, officer.username(), a -> a.requestSupplementAtIntake(now, seq, Completeness.describe(items)));
            }
            case REFUSE -> applyAndRead(d, officer.username(), a -> a.refuse(now, reason.trim()));
        };
    }

    // ------------------------------------------------------------------ supplements

    /**
     * The applicant sends the requested documents online: at intake the one-stop unit checks the dossier again;
     * during processing the complete supplement has arrived and the time limit counts again.
     */
    @Transactional
    public Dossier supplementOnline(long id, long rowVersion, List<UploadedDocument> files, String note, CurrentUser applicant) {
        Dossier d = current(id, rowVersion, applicant);
        if (!isApplicant(applicant, d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return supplementFiles(d, files, note, applicant.username());
    }

    private Dossier supplementFiles(Dossier d, List<UploadedDocument> files, String note, String actor) {
        SupplementRequest open = d.openSupplement().filter(s -> s.status() == SupplementStatus.OPEN)
                .orElseThrow(() -> new ConflictException("Hồ sơ không có yêu cầu bổ sung nào đang chờ."));
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Problems p = new Problems();
        List<UploadedDocument> checked = checkedFiles(v, files, p);
        Set<Long> requested = new HashSet<>();
        open.items().forEach(i -> requested.add(i.componentId()));
        Set<Long> given = new HashSet<>();
        checked.forEach(f -> given.add(f.componentId()));
        for (Long c : given) {
            p.require(requested.contains(c), "documents", "Chỉ nộp bổ sung các giấy tờ trong Phiếu yêu cầu bổ sung.");
        }
        for (SupplementRequest.Item i : open.items()) {
            boolean showOnly = v.components().stream().anyMatch(c -> c.id() == i.componentId() && c.showOnly());
            p.require(showOnly || given.contains(i.componentId()), "documents", "Chưa đính kèm: " + i.componentName() + ".");
        }
        p.require(note == null || note.length() <= 2000, "note", "Ghi chú dài quá 2000 ký tự.");
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        attach(d.id(), checked, open.id(), DossierFile.Kind.APPLICANT, actor, now);
        digitised(d, checked, Map.of(), now);
        return supplementArrived(d, open, actor, note, now);
    }

    /** The one-stop unit records the supplement the applicant brought (during processing): the time limit counts again. */
    @Transactional
    public Dossier receiveSupplement(long id, long rowVersion, String note, CurrentUser officer) {
        Dossier d = current(id, rowVersion, officer);
        requireRole(officer, d, Role.RECEIVING_OFFICER);
        DossierRules.require(d.status(), DossierAction.RESUME);
        SupplementRequest open = d.openSupplement().filter(s -> s.status() == SupplementStatus.OPEN)
                .orElseThrow(() -> new ConflictException("Hồ sơ không có yêu cầu bổ sung nào đang chờ."));
        return supplementArrived(d, open, officer.username(), note, calendars.now());
    }

    private Dossier supplementArrived(Dossier d, SupplementRequest open, String actor, String note, LocalDateTime now) {
        if (open.stage() == SupplementStage.INTAKE) {
            store.closeSupplement(open.id(), SupplementStatus.RECEIVED, actor, now, null);
            return applyAndRead(d, actor, a -> a.supplementAtIntake(now, open.seq(), note == null || note.isBlank() ? "Đã nộp bổ sung trực tuyến." : note.trim()));
        }
        WorkingCalendar cal = calendars.calendar();
        store.closeSupplement(open.id(), SupplementStatus.RECEIVED, actor, now, cal.workingMinutesBetween(d.pausedAt(), now));
        LegalRuleSet rules = ruleSets.get(d.ruleSetId());
        return applyAndRead(d, actor, a -> a.supplementArrived(now, cal, rules, steps(d), open.seq(), note));
    }

    /**
     * The handling agency finds the dossier incomplete and asks, through the one-stop unit, for published components
     * only, each with its reason. The first request within the rule set's window stops the clock at once; a second
     * or late one needs a leader's approval (a leader's own request is approved by itself) and counts as late.
     */
    @Transactional
    public Dossier requestSupplement(long id, long rowVersion, Map<Long, String> reasons, String note, CurrentUser user) {
        Dossier d = current(id, rowVersion, user);
        List<ProcessStep> steps = steps(d);
        DossierRules.require(d.status(), DossierAction.PAUSE);
        boolean leader = mayAct(user, d, Role.LEADER);
        if (!leader) {
            requireRole(user, d, steps.get(d.currentStep() - 1).role());
        }
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Problems p = new Problems();
        Set<Long> all = new HashSet<>();
        v.components().forEach(c -> all.add(c.id()));
        Map<Long, String> given = new LinkedHashMap<>();
        (reasons == null ? Map.<Long, String>of() : reasons).forEach((k, r) -> {
            if (r != null && !r.isBlank()) {
                given.put(k, r);
            }
        });
        List<SupplementRequest.Item> items = Completeness.supplementItems(v.components(), all, given, p);
        p.require(!items.isEmpty(), "defects", "Phải chọn ít nhất một thành phần hồ sơ đã công bố cần bổ sung, hoàn thiện và nêu lý do.");
        p.require(note == null || note.length() <= 2000, "note", "Ghi chú dài quá 2000 ký tự.");
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        WorkingCalendar cal = calendars.calendar();
        LegalRuleSet rules = ruleSets.get(d.ruleSetId());
        DossierAggregate.SupplementDecision decision = DossierAggregate.of(d).judgeSupplement(now, cal, rules, steps);
        boolean proposal = decision.needsApproval() && !leader;
        int seq = store.nextSupplementSeq(d.id());
        store.insertSupplement(d.id(), seq, SupplementStage.PROCESSING, proposal ? SupplementStatus.PROPOSED : SupplementStatus.OPEN, now,
                user.username(), user.fullName(), contactPhone(user, d.handlingAgencyId()), d.handlingAgencyId(), decision.countsLate(),
                decision.lateReason(), note == null || note.isBlank() ? null : note.trim(), items);
        String list = Completeness.describe(items) + (decision.lateReason() == null ? "" : "\n(" + decision.lateReason()
                + (proposal ? ": chờ lãnh đạo duyệt" : "") + "; hồ sơ được tính là trễ hạn theo Bộ chỉ số)");
        if (proposal) {
            return applyAndRead(d, user.username(), a -> a.proposeSupplement(now, seq, list));
        }
        return applyAndRead(d, user.username(), a -> a.requestSupplement(now, cal, seq, decision.countsLate(), list));
    }

    /** A leader approves a specialist's second (or late) supplement request: it goes to the applicant and the clock stops. */
    @Transactional
    public Dossier approveSupplement(long id, long rowVersion, CurrentUser leader) {
        Dossier d = current(id, rowVersion, leader);
        requireRole(leader, d, Role.LEADER);
        SupplementRequest proposed = d.openSupplement().filter(s -> s.status() == SupplementStatus.PROPOSED)
                .orElseThrow(() -> new ConflictException("Không có đề xuất yêu cầu bổ sung nào chờ duyệt."));
        LocalDateTime now = calendars.now();
        store.approveSupplement(proposed.id(), leader.username(), now);
        return applyAndRead(d, leader.username(), a -> a.requestSupplement(now, calendars.calendar(), proposed.seq(), proposed.countsLate(),
                "Lãnh đạo duyệt yêu cầu bổ sung lần " + proposed.seq() + ":\n" + Completeness.describe(proposed.items())));
    }

    @Transactional
    public Dossier declineSupplement(long id, long rowVersion, String reason, CurrentUser leader) {
        Dossier d = current(id, rowVersion, leader);
        requireRole(leader, d, Role.LEADER);
        SupplementRequest proposed = d.openSupplement().filter(s -> s.status() == SupplementStatus.PROPOSED)
                .orElseThrow(() -> new ConflictException("Không có đề xuất yêu cầu bổ sung nào chờ duyệt."));
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "Phải nêu lý do không duyệt yêu cầu bổ sung.");
        }
        LocalDateTime now = calendars.now();
        store.closeSupplement(proposed.id(), SupplementStatus.DECLINED, leader.username(), now, null);
        return applyAndRead(d, leader.username(), a -> a.declineSupplement(now, proposed.seq(), reason.trim()));
    }

    // ------------------------------------------------------------------ processing

    /**
     * Completes the current step and hands the dossier to the next. Moving into the last step (return of the
     * result) registers the result: {@code outcome} and {@code resultText} are then required.
     */
    @Transactional
    public Dossier forward(long id, long rowVersion, String note, Outcome outcome, String resultText, CurrentUser user) {
        return forward(id, rowVersion, note, outcome, resultText, null, user);
    }

    /**
     * Completes the current step. When this registers the result (the approval before the return), the result
     * document — the PDF the leader uploads, or else one made from the template {@code shared/result} — is signed
     * by the approving person and sealed by the handling agency, registered under a result code and kept in the
     * applicant's data store; if signing fails, nothing is saved.
     */
    @Transactional
    public Dossier forward(long id, long rowVersion, String note, Outcome outcome, String resultText, UploadedDocument resultFile, CurrentUser user) {
        Dossier d = atCurrentStep(id, rowVersion, DossierAction.FORWARD, user);
        byte[] uploaded = null;
        if (resultFile != null) { // a chosen file, even an empty one (reported); the pages pass null when none was chosen
            Problems p = new Problems();
            String type = FileCheck.check(resultFile.filename(), resultFile.content(), p);
            p.require(type == null || type.equals("application/pdf"), "resultFile", "Văn bản kết quả tải lên phải là tệp PDF.");
            p.throwIfAny();
            uploaded = resultFile.content();
        }
        LocalDateTime now = calendars.now();
        Dossier after = apply(d, user.username(), a -> a.completeStep(now, calendars.calendar(), steps(d), outcome, resultText, note));
        if (d.outcome() == null && after.outcome() != null) {
            signResult(after, uploaded, user);
            return get(id);
        }
        if (uploaded != null) {
            throw ValidationException.of("resultFile", "Chỉ tải văn bản kết quả lên ở bước phê duyệt kết quả.");
        }
        return after;
    }

    /** Sends the dossier back to the previous step, with the reason. */
    @Transactional
    public Dossier sendBack(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = atCurrentStep(id, rowVersion, DossierAction.SEND_BACK, user);
        LocalDateTime now = calendars.now();
        return apply(d, user.username(), a -> a.sendBack(now, calendars.calendar(), steps(d), reason));
    }

    /** Assigns the current step to an officer of the unit holding the dossier who holds the step's role. */
    @Transactional
    public Dossier assign(long id, long rowVersion, String assignee, CurrentUser user) {
        Dossier d = atCurrentStep(id, rowVersion, DossierAction.ASSIGN, user);
        if (assignee == null || assignee.isBlank()) {
            throw ValidationException.of("assignee", "Chưa chọn người được phân công.");
        }
        Account chosen = assignees(d).stream().filter(a -> a.username().equals(assignee.trim())).findFirst()
                .orElseThrow(() -> ValidationException.of("assignee", "Người được phân công phải là cán bộ của đơn vị đang giữ hồ sơ, có vai trò của bước này."));
        return apply(d, user.username(), a -> a.assign(calendars.now(), chosen.username(), chosen.fullName()));
    }

    /** Officers who may be given the current step: enabled accounts with the step's role in the unit that holds the dossier. */
    public List<Account> assignees(Dossier d) {
        if (d.currentStep() == null || !d.open()) {
            return List.of();
        }
        Role role = steps(d).get(d.currentStep() - 1).role();
        return accounts.withRole(role).stream().filter(Account::enabled).filter(a -> mayAct(CurrentUser.of(a), d, role)).toList();
    }

    /** Hands the dossier to another agency (liên thông) at the same step. */
    @Transactional
    public Dossier transfer(long id, long rowVersion, Long toAgencyId, String note, CurrentUser user) {
        Dossier d = atCurrentStep(id, rowVersion, DossierAction.TRANSFER, user);
        Problems p = new Problems();
        Agency to = toAgencyId == null ? null : transferTargets(d).stream().filter(a -> a.id() == toAgencyId).findFirst().orElse(null);
        p.require(to != null, "toAgencyId", "Cơ quan nhận liên thông phải là một sở, ngành, phòng chuyên môn hoặc UBND cấp xã đang hoạt động, khác cơ quan đang giữ hồ sơ.");
        p.requireText(note, "note", "Nội dung chuyển liên thông");
        p.throwIfAny();
        return apply(d, user.username(), a -> a.transfer(calendars.now(), to.id(), to.name(), note));
    }

    /**
     * Agencies a dossier may be handed to, checked on the server whatever the page offered: handling agencies in force
     * (departments, commune committees, specialist divisions) outside the agency holding it; never the provincial
     * committee or a one-stop unit.
     */
    public List<Agency> transferTargets(Dossier d) {
        return agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == AgencyType.DEPARTMENT || a.type() == AgencyType.COMMUNE_COMMITTEE || a.type() == AgencyType.DIVISION)
                .filter(a -> !agencies.sameAgency(a.id(), d.handlingAgencyId())).toList();
    }

    /**
     * The apology and extension letter (form 04) for a dossier that is, or is certain to be, late: signed by a leader
     * of the agency that holds it. The dossier is late only if it ends after its due time.
     */
    @Transactional
    public Dossier apologise(long id, long rowVersion, String explanation, LocalDateTime newAppointment, CurrentUser leader) {
        Dossier d = current(id, rowVersion, leader);
        DossierRules.require(d.status(), DossierAction.APOLOGISE);
        if (!mayAct(leader, d, Role.LEADER)) {
            throw new ValidationException(List.of(new FieldProblem("role", "Văn bản xin lỗi và hẹn lại do Thủ trưởng (lãnh đạo) cơ quan đang giải quyết "
                    + "hồ sơ ký; chuyên viên đề xuất để lãnh đạo ký.")));
        }
        LocalDateTime now = calendars.now();
        LegalRuleSet rules = ruleSets.get(d.ruleSetId());
        int seq = d.apologies().size() + 1;
        Dossier after = apply(d, leader.username(), a -> a.apologise(now, calendars.calendar(), rules, calendars.warnWorkingHoursBefore() * 60L,
                seq, explanation, newAppointment));
        store.insertApology(d.id(), seq, now, leader.username(), leader.fullName(), d.handlingAgencyId(), after.lateExplanation(), d.dueAt(),
                after.extensionCount() > d.extensionCount() ? after.newAppointmentAt() : null);
        return get(id);
    }

    /** Hands the result over; a late dossier cannot be closed without its apology letter. */
    @Transactional
    public Dossier returnResult(long id, long rowVersion, Delivery delivery, String note, CurrentUser user) {
        Dossier d = atCurrentStep(id, rowVersion, DossierAction.RETURN_RESULT, user);
        returnBlockedBy(d).ifPresent(why -> {
            throw ValidationException.of("delivery", why);
        });
        return apply(d, user.username(), a -> a.returnResult(calendars.now(), steps(d), delivery, note));
    }

    /** The applicant (online, or in writing at the one-stop unit) asks to stop the handling of a received dossier. */
    @Transactional
    public Dossier requestStop(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = current(id, rowVersion, user);
        if (!isApplicant(user, d)) {
            requireRole(user, d, Role.RECEIVING_OFFICER);
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw ValidationException.of("reason", "Phải ghi lý do đề nghị dừng giải quyết (tối đa 2000 ký tự).");
        }
        return apply(d, user.username(), a -> a.requestStop(calendars.now(), reason));
    }

    /** A leader of the agency holding the dossier stops its handling (form 05). */
    @Transactional
    public Dossier stop(long id, long rowVersion, StopKind kind, String reason, String basis, String settlement, CurrentUser leader) {
        Dossier d = current(id, rowVersion, leader);
        DossierRules.require(d.status(), DossierAction.STOP);
        if (!mayAct(leader, d, Role.LEADER)) {
            throw new ValidationException(List.of(new FieldProblem("role", "Thông báo dừng giải quyết hồ sơ do lãnh đạo cơ quan đang giải quyết hồ sơ ký.")));
        }
        Problems p = new Problems();
        p.require(reason == null || reason.length() <= 2000, "stopReason", "Lý do dài quá 2000 ký tự.");
        p.require(basis == null || basis.length() <= 1000, "stopBasis", "Căn cứ dài quá 1000 ký tự.");
        p.require(settlement == null || settlement.length() <= 1000, "stopSettlement", "Nội dung xử lý phí và hồ sơ dài quá 1000 ký tự.");
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        d.openSupplement().ifPresent(s -> store.closeSupplement(s.id(), SupplementStatus.CLOSED, leader.username(), now, null));
        return applyAndRead(d, leader.username(), a -> a.stop(now, kind, reason, basis, settlement));
    }

    /** The applicant withdraws a dossier that was not received yet (or the counter records the written request). */
    @Transactional
    public Dossier withdraw(long id, long rowVersion, String reason, CurrentUser user) {
        Dossier d = current(id, rowVersion, user);
        if (!isApplicant(user, d)) {
            requireRole(user, d, Role.RECEIVING_OFFICER);
        }
        return withdrawn(d, reason, "reason", user.username());
    }

    /** The applicant withdraws a dossier not yet received: its open supplement request closes with it. */
    private Dossier withdrawn(Dossier d, String reason, String reasonField, String actor) {
        if (d.status().inHandling()) {
            throw new ConflictException("Hồ sơ đã được tiếp nhận: hãy gửi đề nghị dừng giải quyết; cơ quan giải quyết sẽ ra Thông báo dừng giải quyết hồ sơ.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw ValidationException.of(reasonField, "Phải ghi lý do rút hồ sơ (tối đa 2000 ký tự).");
        }
        LocalDateTime now = calendars.now();
        d.openSupplement().ifPresent(s -> store.closeSupplement(s.id(), SupplementStatus.CLOSED, actor, now, null));
        return applyAndRead(d, actor, a -> a.withdraw(now, reason));
    }

    // ------------------------------------------------------------------ scheduled transitions

    /**
     * Warns every dossier that is near its due time and marks late every one whose due time passed while it was
     * being handled, each in its own transaction; returns how many changed.
     */
    public int applyDeadlines() {
        LocalDateTime now = calendars.now();
        // working hours never outrun calendar time, so a calendar bound of 30 days keeps the scan small
        // dossiers handled in a sectoral system are judged by what it reports, not warned here
        List<Dossier> candidates = store.list("status in ('PROCESSING', 'SUPPLEMENT_APPROVAL') and due_at is not null and due_at < :limit "
                        + "and (warned_at is null or (not late and due_at < :now)) and (handled_in is null or handled_in = 'LEGACY')",
                Map.of("limit", java.sql.Timestamp.valueOf(now.plusDays(30)), "now", java.sql.Timestamp.valueOf(now)), "due_at", 5000);
        int changed = 0;
        for (Dossier d : candidates) {
            Boolean c = tx.execute(status -> warnIfNear(d.id()) | markLateIfDue(d.id()));
            changed += Boolean.TRUE.equals(c) ? 1 : 0;
        }
        return changed;
    }

    /** Marks a dossier that passed its due time while being handled as late (once); false when nothing changed. */
    private boolean markLateIfDue(long id) {
        LocalDateTime now = calendars.now();
        DossierAggregate a = DossierAggregate.of(get(id));
        return a.passedDue(now) && save(a, SYSTEM, a.becomeLate(now)).isPresent();
    }

    /** Warns once when a dossier being handled is within the warning window of its due time; false when nothing changed. */
    private boolean warnIfNear(long id) {
        LocalDateTime now = calendars.now();
        WorkingCalendar cal = calendars.calendar();
        long warnMinutes = calendars.warnWorkingHoursBefore() * 60L;
        DossierAggregate a = DossierAggregate.of(get(id));
        return a.dueForWarning(now, cal, warnMinutes) && save(a, SYSTEM, a.warn(now, cal, warnMinutes)).isPresent();
    }

    /** The actor of what the system does by itself. */
    public static final String SYSTEM = "he-thong";

    // ------------------------------------------------------------------ queries

    // ------------------------------------------------------------------ national systems

    /** Where the dossier and its applicant's data came from (portal, national identity, population database, other system). */
    public DossierOrigin origin(long id) {
        return store.origin(id).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ."));
    }

    /**
     * The dossier's origin, with its row locked until the caller's transaction ends: for a module that keeps state
     * about the dossier and must handle one change of it at a time (the portal sync).
     */
    public DossierOrigin lockedOrigin(long id) {
        return store.originForUpdate(id).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ."));
    }

    /** The answer of the population database to an intake check, and the proof to send back with the intake form. */
    public record PopulationLookup(PopulationRegistry.Check check, String proof) {
    }

    /**
     * A receiving officer checks the applicant against the population database (when one is connected). The proof
     * returned travels with the intake form, so that the dossier records that its applicant's data came from there.
     *
     * @throws vn.motcua.shared.UnavailableException when the database does not answer (intake goes on without it)
     */
    public PopulationLookup checkPopulation(String idNumber, String name, LocalDate birthDate, CurrentUser officer) {
        Problems p = new Problems();
        p.require(officer.has(Role.RECEIVING_OFFICER), "idNumber", "Chỉ cán bộ tiếp nhận tra cứu Cơ sở dữ liệu quốc gia về dân cư.");
        p.require(idNumber != null && idNumber.trim().matches("\\d{12}"), "idNumber", "Số định danh cá nhân gồm đúng 12 chữ số.");
        p.require(name != null && !name.isBlank() && name.length() <= 200, "name", "Nhập họ tên như trên căn cước.");
        p.require(birthDate != null && !birthDate.isAfter(calendars.now().toLocalDate()), "birthDate", "Nhập ngày sinh hợp lệ.");
        p.throwIfAny();
        PopulationRegistry registry = populationRegistry.getIfAvailable();
        if (registry == null) {
            throw new vn.motcua.shared.UnavailableException("Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.", null);
        }
        PopulationRegistry.Check check = registry.verify(idNumber.trim(), name.trim(), birthDate);
        audit.recordAs(officer.username(), "population.checked", "citizen", idNumber.trim(), null, Map.of("matched", check.matched()));
        String proof = check.matched() ? populationProof(idNumber.trim(), calendars.now()) : null;
        return new PopulationLookup(check, proof);
    }

    /** Intake with the proof of a population-database check of this applicant (null: not checked). */
    @Transactional
    public Dossier receive(IntakeRequest r, CurrentUser officer, String populationProof) {
        Dossier d = receive(r, officer);
        if (populationProof != null && !populationProof.isBlank()) {
            LocalDateTime checkedAt = populationChecked(r.applicant().idNumber(), populationProof)
                    .orElseThrow(() -> ValidationException.of("idNumber", "Kết quả đối chiếu CSDL dân cư không khớp số định danh này hoặc đã quá 2 giờ; hãy đối chiếu lại."));
            store.setOrigin(d.id(), null, false, checkedAt, "name,idNumber,birthDate,address");
        }
        return get(d.id());
    }

    private String populationProof(String idNumber, LocalDateTime at) {
        String stamp = Long.toString(at.toEpochSecond(java.time.ZoneOffset.UTC));
        return stamp + "." + vn.motcua.shared.Hmac.sha256Hex(proofKey, "population|" + idNumber + "|" + stamp);
    }

    private Optional<LocalDateTime> populationChecked(String idNumber, String proof) {
        int dot = proof.indexOf('.');
        if (idNumber == null || dot < 1) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.ofEpochSecond(Long.parseLong(proof.substring(0, dot)), 0, java.time.ZoneOffset.UTC);
            boolean fresh = !at.isBefore(calendars.now().minusHours(2)) && !at.isAfter(calendars.now().plusMinutes(1));
            return fresh && vn.motcua.shared.Hmac.matches(proofKey, "population|" + idNumber.trim() + "|" + proof.substring(0, dot),
                    proof.substring(dot + 1)) ? Optional.of(at) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A dossier submitted on the national public-service portal and handed over to the province: like an online
     * submission, under the portal's code (a second hand-over of the same code returns the dossier already made).
     *
     * @param vneid the applicant logged in to the portal with the national identity
     */
    @Transactional
    public Dossier submitFromPortal(OnlineSubmission s, String portalCode, boolean vneid) {
        Problems p = new Problems();
        p.require(portalCode != null && portalCode.matches("[A-Za-z0-9.\\-_/]{4,60}"), "portalCode", "Mã hồ sơ trên Cổng DVCQG không hợp lệ.");
        p.throwIfAny();
        Optional<Long> known = store.byPortalCode(portalCode);
        if (known.isPresent()) {
            return get(known.get());
        }
        Dossier d = online(s, null, PORTAL_ACTOR, null, p);
        store.setOrigin(d.id(), portalCode, vneid, null, null);
        return d;
    }

    /** The supplement an applicant sent through the national portal for the dossier handed over under that code. */
    @Transactional
    public Dossier supplementFromPortal(String portalCode, List<UploadedDocument> files, String note) {
        return supplementFiles(fromPortal(portalCode), files, note, PORTAL_ACTOR);
    }

    /**
     * Records a dossier another system reports — a ministry's sectoral system that handles it, or the replaced system
     * (an import) — or its new state: the same source and external code update the same dossier; the same state again
     * changes nothing. Such a dossier appears in every list, tracking and statistic; one handled elsewhere is read-only
     * here, an imported one still being handled continues here at its first processing step.
     */
    @Transactional
    public Dossier recordExternal(ExternalDossier x, String actor) {
        Problems p = new Problems();
        p.require(x.source() != null && x.source().matches("[A-Z0-9_.\\-]{2,30}"), "source", "Mã hệ thống nguồn không hợp lệ.");
        p.require(x.externalCode() != null && x.externalCode().trim().matches("[\\p{L}\\p{N}._/\\-]{1,60}"), "externalCode",
                "Mã hồ sơ ở hệ thống nguồn gồm tối đa 60 chữ, số và . _ / -.");
        p.require(x.status() != null, "status", "Thiếu trạng thái hồ sơ.");
        LocalDateTime now = calendars.now();
        p.require(x.at() == null || !x.at().isAfter(now.plusMinutes(5)), "at", "Thời điểm cập nhật không được ở tương lai.");
        p.require(x.finishedAt() == null || x.status() == null || x.status().terminal(), "finishedAt", "Hồ sơ chưa kết thúc thì không có ngày kết thúc.");
        p.throwIfAny();
        String external = x.externalCode().trim();
        boolean legacy = DossierOrigin.LEGACY.equals(x.source());
        Optional<Long> known = store.byExternalCode(x.source(), external);
        if (known.isPresent()) {
            Dossier d = get(known.get());
            if (d.status() == x.status() && java.util.Objects.equals(d.finishedAt(), x.finishedAt() == null ? d.finishedAt() : x.finishedAt())
                    && java.util.Objects.equals(d.dueAt(), x.dueAt() == null ? d.dueAt() : x.dueAt())) {
                return d; // the same report again
            }
            return applyAndRead(d, actor, a -> a.record(x, x.source(), legacy, steps(d), calendars.calendar()));
        }
        checkApplicant(x.applicant(), p);
        p.require(x.submittedAt() != null && !x.submittedAt().isAfter(now), "submittedAt", "Thiếu ngày nộp hoặc ngày nộp ở tương lai.");
        p.require(x.receivedAt() == null || x.submittedAt() == null || !x.receivedAt().isBefore(x.submittedAt()), "receivedAt",
                "Ngày tiếp nhận không được trước ngày nộp.");
        p.require(x.dueAt() == null || x.receivedAt() == null || x.dueAt().isAfter(x.receivedAt()), "dueAt", "Ngày hẹn trả phải sau ngày tiếp nhận.");
        p.require(x.finishedAt() == null || x.receivedAt() == null || !x.finishedAt().isBefore(x.receivedAt()), "finishedAt",
                "Ngày kết thúc không được trước ngày tiếp nhận.");
        p.require(x.status() == null || x.status() == DossierStatus.SUBMITTED || x.status() == DossierStatus.REFUSED || x.status() == DossierStatus.WITHDRAWN
                || x.receivedAt() != null, "receivedAt", "Hồ sơ đã tiếp nhận phải có ngày tiếp nhận.");
        p.require(x.procedureCode() != null && !x.procedureCode().isBlank(), "procedureCode", "Thiếu mã thủ tục.");
        p.throwIfAny();
        LocalDate day = x.submittedAt().toLocalDate();
        ProcedureVersion v = catalog.inForceOn(x.procedureCode().trim(), day)
                .or(() -> catalog.inForceOn(x.procedureCode().trim(), agencies.today())).orElse(null);
        p.require(v != null, "procedureCode", "Thủ tục " + x.procedureCode().trim() + " không có trong danh mục đã công bố.");
        Agency receiving = x.receivingUnitCode() == null ? null : agencies.findByCode(x.receivingUnitCode().trim()).orElse(null);
        p.require(receiving != null, "receivingUnitCode", "Không có đơn vị mang mã " + x.receivingUnitCode() + ".");
        Agency handling = x.handlingUnitCode() == null || x.handlingUnitCode().isBlank() ? receiving
                : agencies.findByCode(x.handlingUnitCode().trim()).orElse(null);
        p.require(handling != null, "handlingUnitCode", "Không có cơ quan giải quyết mang mã " + x.handlingUnitCode() + ".");
        p.throwIfAny();
        LegalRuleSet rules = ruleSets.inForceOn(day);
        String code = !store.codeExists(external) ? external : x.source() + "-" + external;
        p.require(!store.codeExists(code), "externalCode", "Mã hồ sơ " + code + " đã được dùng cho một hồ sơ khác.");
        p.throwIfAny();
        Channel channel = x.channel() == null ? Channel.COUNTER : x.channel();
        var limit = channel == Channel.ONLINE && v.onlineTimeLimitDays() != null ? v.onlineTimeLimitDays() : v.timeLimitDays();
        long id = store.insert(new DossierStore.NewDossier(code, v.id(), v.code(), v.name(), channel, ProcessVariant.STANDARD.name(), receiving.id(),
                handling.id(), trimmed(x.applicant()), null, null, rules.id(), 1, Delivery.COUNTER, DossierStatus.SUBMITTED, x.submittedAt(), limit));
        store.setHandledIn(id, x.source(), external);
        for (Component c : v.components()) {
            store.insertDocument(id, c.id(), c.name(), c.originals(), c.copies(), true);
        }
        Dossier d = get(id);
        return applyAndRead(d, actor, a -> a.record(x, x.source(), legacy, steps(d), calendars.calendar()));
    }

    /** The dossier another system reported under this code, if any. */
    public Optional<Dossier> external(String source, String externalCode) {
        return externalCode == null ? Optional.empty() : store.byExternalCode(source, externalCode.trim()).map(this::get);
    }

    /**
     * The applicant withdrew, on the national portal, a dossier it handed over (before it was received; afterwards the
     * applicant asks the handling agency to stop instead).
     */
    @Transactional
    public Dossier withdrawFromPortal(String portalCode, String reason) {
        return withdrawn(fromPortal(portalCode), reason, "LyDo", PORTAL_ACTOR);
    }

    /** The dossier the national portal handed over under its code. */
    private Dossier fromPortal(String portalCode) {
        return get(store.byPortalCode(portalCode).orElseThrow(() -> new NotFoundException("Không có hồ sơ mang mã " + portalCode + " của Cổng DVCQG.")));
    }

    /** The applicant changed, on the national portal, how to reach them about a dossier it handed over. */
    @Transactional
    public Dossier contactFromPortal(String portalCode, String phone, String email) {
        Dossier d = fromPortal(portalCode);
        long id = d.id();
        Applicant changed = new Applicant(d.applicant().name(), d.applicant().idNumber(), phone == null || phone.isBlank() ? d.applicant().phone() : phone.trim(),
                email == null || email.isBlank() ? d.applicant().email() : email.trim(), d.applicant().address());
        Problems p = new Problems();
        checkApplicant(changed, p);
        p.throwIfAny();
        store.updateContact(id, changed.phone(), changed.email());
        audit.recordAs(PORTAL_ACTOR, "dossier.contact-changed", "dossier", id, Map.of("phone", String.valueOf(d.applicant().phone()),
                "email", String.valueOf(d.applicant().email())), Map.of("phone", String.valueOf(changed.phone()), "email", String.valueOf(changed.email())));
        return get(id);
    }

    /** Who acted when the national portal handed a dossier or a supplement over. */
    public static final String PORTAL_ACTOR = "Cổng DVCQG";

    public Dossier get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ."));
    }

    public Dossier byCode(String code) {
        return store.findByCode(code == null ? "" : code).orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ có mã " + code + "."));
    }

    /** The internal process the dossier follows: the online variant for online dossiers when there is one. */
    public List<ProcessStep> steps(Dossier d) {
        List<ProcessStep> steps = catalog.process(d.procedureVersionId(), ProcessVariant.valueOf(d.processVariant()));
        return steps.isEmpty() ? catalog.process(d.procedureVersionId(), ProcessVariant.STANDARD) : steps;
    }

    public LegalRuleSet ruleSet(Dossier d) {
        return ruleSets.get(d.ruleSetId());
    }

    public DeadlineState deadline(Dossier d) {
        return DossierRules.deadlineState(d.status(), d.dueAt(), d.finishedAt(), d.late(), calendars.now(), calendars.warnWorkingHoursBefore() * 60L,
                calendars.calendar());
    }

    /**
     * Agencies competent for a procedure on a date: every commune (or, before 1 July 2025, district) committee in
     * force for procedures of that level, else the procedure's own agency (or its successor after a merger).
     */
    public List<Agency> competentAgencies(ProcedureVersion v, LocalDate day) {
        return switch (v.level()) {
            case COMMUNE -> agencies.activeOn(day).stream().filter(a -> a.type() == AgencyType.COMMUNE_COMMITTEE).toList();
            case DISTRICT -> agencies.activeOn(day).stream().filter(a -> a.type() == AgencyType.DISTRICT_COMMITTEE).toList();
            case PROVINCE -> agencies.successorOn(v.agencyId(), day).map(List::of).orElse(List.of());
        };
    }

    /**
     * Whether the user holds the role in the agency that holds the dossier for that role: the receiving one-stop unit
     * for the counter, else the handling agency (its specialist divisions are part of it). Neither the agencies above
     * it (a department is not the provincial committee's one-stop unit) nor other agencies below it.
     */
    public boolean mayAct(CurrentUser user, Dossier d, Role role) {
        long unit = role == Role.RECEIVING_OFFICER ? d.receivingAgencyId() : d.handlingAgencyId();
        return worksIn(user, role, unit);
    }

    /** Whether the user holds the role in the agency the unit belongs to (the same rule for intake, acting and queues). */
    public boolean worksIn(CurrentUser user, Role role, long unitId) {
        return user.unitsFor(role).stream().anyMatch(u -> agencies.sameAgency(u, unitId));
    }

    /** Whether the user applied for the dossier with their own account. */
    public boolean isApplicant(CurrentUser user, Dossier d) {
        return d.applicantUsername() != null && d.applicantUsername().equals(user.username());
    }

    /**
     * Whether the user may see the dossier and the applicant's personal data in it: its applicant; the receiving
     * officers, specialists and leaders of the unit holding it; an inspector (auditor) of that unit or a unit above it.
     * Administrators and TTHC-control officers do not handle dossiers and see only statistics.
     */
    public boolean maySee(CurrentUser user, Dossier d) {
        if (isApplicant(user, d)) {
            return true;
        }
        for (Role role : Role.values()) {
            boolean sees = switch (role) {
                // accountants see payments (and the dossier code and procedure they are for), not dossiers
                case CITIZEN, ADMIN, TTHC_CONTROL, ACCOUNTANT -> false;
                case AUDITOR -> user.unitsFor(role).stream()
                        .anyMatch(u -> agencies.isWithin(d.handlingAgencyId(), u) || agencies.isWithin(d.receivingAgencyId(), u));
                case RECEIVING_OFFICER, PROCESSING_OFFICER, LEADER -> mayAct(user, d, role);
            };
            if (sees) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dossier for a user who opens it (page, API, file, form): "not found" when the user may not see it; an
     * officer's read of the applicant's personal data is written to the audit log.
     */
    public Dossier open(long id, CurrentUser user, String what) {
        Dossier d = visible(id, user);
        if (!isApplicant(user, d)) {
            audit.record("dossier.personal-data-read", "dossier", id, null, Map.of("what", what));
        }
        return d;
    }

    public LocalDateTime now() {
        return calendars.now();
    }

    /** A file of the dossier with its content (check first that the user may see the dossier). */
    public DossierFile.Content fileContent(Dossier d, long fileId) {
        DossierStore.FileBytes f = store.fileBytes(d.id(), fileId).orElseThrow(() -> new NotFoundException("Không tìm thấy tệp."));
        return new DossierFile.Content(f.filename(), f.contentType(), f.storageKey() != null ? files.get(f.storageKey()) : f.legacyContent());
    }

    /** Whether the dossier's procedure certifies electronic copies from originals (the certify action is offered). */
    public boolean certifiesCopies(Dossier d) {
        return documentTypes.certifiedCopy(d.procedureCode());
    }

    /** The signed electronic result of the dossier, if it has one (the last signed, when a result was signed again). */
    public Optional<DossierFile> result(Dossier d) {
        return d.files().stream().filter(f -> f.kind() == DossierFile.Kind.RESULT).reduce((a, b) -> b);
    }

    /**
     * Documents of the applicant's data store offered for the components of a procedure: component id → the
     * applicant's valid documents of the component's type. Empty without a personal ID number or enterprise code.
     */
    public Map<Long, List<StoredDocument>> reusable(ProcedureVersion v, String applicantIdNumber) {
        Map<String, List<StoredDocument>> byName = applicantStore.offers(ApplicantStore.ownerKey(applicantIdNumber), v.code(),
                v.components().stream().map(Component::name).toList());
        Map<Long, List<StoredDocument>> offers = new LinkedHashMap<>();
        v.components().forEach(c -> {
            if (byName.containsKey(c.name())) {
                offers.put(c.id(), byName.get(c.name()));
            }
        });
        return offers;
    }

    /**
     * For a receiving officer at intake: the applicant's stored documents the procedure can reuse (the officer has the
     * applicant's ID number from the person or papers in front of them); the look-up is audited.
     */
    public Map<Long, List<StoredDocument>> reusableAtIntake(String procedureCode, String applicantIdNumber, CurrentUser officer) {
        if (!officer.has(Role.RECEIVING_OFFICER)) {
            throw new ConflictException("Chỉ cán bộ tiếp nhận tra cứu kho dữ liệu của người nộp khi tiếp nhận hồ sơ.");
        }
        Problems p = new Problems();
        ProcedureVersion v = versionInForce(procedureCode, p);
        p.require(ApplicantStore.ownerKey(applicantIdNumber) != null, "idNumber", APPLICANT_ID_RULE);
        p.throwIfAny();
        audit.record("stored-document.looked-up", "applicant", applicantIdNumber, null, Map.of("procedure", v.code()));
        return reusable(v, applicantIdNumber);
    }

    // ------------------------------------------------------------------ digitisation, results, certified copies

    /**
     * The receiving officer digitises a component of a dossier already entered (scans brought later, a supplement
     * brought to the counter, a dossier received by post): the files are attached and the component is digitised.
     */
    @Transactional
    public Dossier attachScans(long id, long rowVersion, long componentId, List<UploadedDocument> scans, DocumentDetails details, CurrentUser officer) {
        Dossier d = current(id, rowVersion, officer);
        requireRole(officer, d, Role.RECEIVING_OFFICER);
        if (!d.open()) {
            throw new ConflictException("Hồ sơ đã kết thúc; không số hóa thêm.");
        }
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Problems p = new Problems();
        p.require(d.documents().stream().anyMatch(x -> x.componentId() == componentId), "componentId", "Thành phần không thuộc hồ sơ này.");
        p.throwIfAny();
        List<UploadedDocument> checked = checkedFiles(v, scans == null ? List.of() : scans.stream()
                .map(f -> new UploadedDocument(componentId, f.filename(), f.contentType(), f.content())).toList(), p);
        p.require(!checked.isEmpty() || !p.isEmpty(), "documents", "Chưa chọn tệp bản chụp (PDF, JPEG hoặc PNG).");
        Map<Long, DocumentDetails> checkedDetails = checkedDetails(v, details == null ? Map.of() : Map.of(componentId, details), p);
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        attach(d.id(), checked, null, DossierFile.Kind.SCAN, officer.username(), now);
        checkedDetails.forEach((component, x) -> store.setDetails(d.id(), component, x));
        if (!store.touch(d.id(), d.rowVersion())) {
            throw stale();
        }
        digitised(d, checked, Map.of(), now);
        audit.record("dossier.digitised", "dossier", d.id(), null, Map.of("component", componentId, "files", checked.size()));
        return get(d.id());
    }

    /**
     * An electronic certified copy from the original (for procedures of that kind): the person certifying has
     * compared the original; the scan, with the certifying statement, is signed and sealed, kept in the applicant's
     * data store and attached to the dossier.
     */
    @Transactional
    public Dossier certifyCopy(long id, long rowVersion, Long sourceFileId, UploadedDocument upload, String title, boolean compared,
                               CurrentUser user) {
        Dossier d = current(id, rowVersion, user);
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        if (!documentTypes.certifiedCopy(d.procedureCode())) {
            throw new ConflictException("Thủ tục " + d.procedureCode() + " không phải thủ tục chứng thực bản sao từ bản chính.");
        }
        if (d.status() != DossierStatus.PROCESSING || !(mayAct(user, d, Role.PROCESSING_OFFICER) || mayAct(user, d, Role.LEADER))) {
            throw new ConflictException("Chỉ người thực hiện chứng thực của cơ quan giải quyết chứng thực khi hồ sơ đang được giải quyết.");
        }
        Problems p = new Problems();
        p.require(compared, "compared", "Người thực hiện chứng thực phải đối chiếu bản chính trước khi chứng thực bản sao.");
        p.requireText(title, "title", "Tên giấy tờ được chứng thực");
        p.require(title == null || title.trim().length() <= 300, "title", "Tên giấy tờ dài quá 300 ký tự.");
        byte[] scan = null;
        if (upload != null) {
            List<UploadedDocument> checked = checkedFiles(v, List.of(new UploadedDocument(d.documents().get(0).componentId(), upload.filename(),
                    upload.contentType(), upload.content())), p);
            scan = checked.isEmpty() ? null : checked.get(0).content();
        } else if (sourceFileId != null) {
            DossierFile f = d.files().stream().filter(x -> x.id() == sourceFileId && !x.kind().signed()).findFirst().orElse(null);
            p.require(f != null, "sourceFileId", "Tệp đã chọn không thuộc hồ sơ này.");
            scan = f == null ? null : fileContent(d, f.id()).content();
        }
        p.require(scan != null || !p.isEmpty(), "sourceFileId", "Chọn bản chụp bản chính trong hồ sơ hoặc tải lên bản chụp.");
        p.throwIfAny();
        LocalDateTime now = calendars.now();
        Agency agency = agencies.get(d.handlingAgencyId());
        String number = String.valueOf(store.next("certified-copy:" + agency.id() + ":" + now.getYear()));
        String code = signing.newResultCode();
        String filename = "ban-sao-chung-thuc-" + code + ".pdf";
        SignedFile signed = signing.certifyCopy(scan, number, new SigningService.ToSign(code, "CERTIFIED_COPY", d.code(), title.trim(), filename,
                signer(user, agency), ApplicantStore.ownerKey(d.applicant().idNumber()), documentTypes.resultType(d.procedureCode()).orElse(null),
                new DocumentDetails(number, agency.name(), now.toLocalDate(), null), user.username()));
        store.insertFile(d.id(), null, null, filename, "application/pdf", signed.sizeBytes(), signed.storageKey(), DossierFile.Kind.CERTIFIED_COPY,
                signed.storedDocumentId(), code, now, user.username());
        if (!store.touch(d.id(), d.rowVersion())) {
            throw stale();
        }
        publisher.publish(new DossierEvents.ResultIssued(d.id(), d.code(), now, code, "CERTIFIED_COPY", signed.storedDocumentId() != null));
        audit.record("dossier.certified-copy", "dossier", d.id(), null, Map.of("resultCode", code, "title", title.trim(), "number", number));
        return get(d.id());
    }

    private void signResult(Dossier d, byte[] uploaded, CurrentUser user) {
        LocalDateTime now = calendars.now();
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Agency agency = agencies.get(d.handlingAgencyId());
        String code = signing.newResultCode();
        boolean granted = d.outcome() == Outcome.GRANTED;
        String title = granted ? "Kết quả giải quyết thủ tục hành chính" : "Văn bản trả lời không giải quyết hồ sơ";
        String resultType = v.resultType();
        byte[] pdf = uploaded != null ? uploaded
                : forms.result(d, title, resultType, DossierForms.issuer(agency.id(), agencies.byId()), code, signing.verificationUrl(code),
                signing.demo(), now);
        String filename = "ket-qua-" + d.code() + ".pdf";
        String storedTitle = (granted && resultType != null && !resultType.isBlank() ? resultType : title + " (" + d.procedureName() + ")")
                .trim().replaceAll("[.;]+$", "");
        SignedFile signed = signing.sign(pdf, new SigningService.ToSign(code, "RESULT", d.code(), storedTitle.length() > 1000
                ? storedTitle.substring(0, 1000) : storedTitle, filename, signer(user, agency), ApplicantStore.ownerKey(d.applicant().idNumber()),
                granted ? documentTypes.resultType(d.procedureCode()).orElse(null) : null,
                new DocumentDetails(d.resultText().length() > 100 ? d.resultText().substring(0, 100) : d.resultText(), agency.name(),
                        now.toLocalDate(), null), user.username()));
        store.insertFile(d.id(), null, null, filename, "application/pdf", signed.sizeBytes(), signed.storageKey(), DossierFile.Kind.RESULT,
                signed.storedDocumentId(), code, now, user.username());
        publisher.publish(new DossierEvents.ResultIssued(d.id(), d.code(), now, code, "RESULT", signed.storedDocumentId() != null));
    }

    private void digitised(Dossier d, List<UploadedDocument> uploaded, Map<Long, StoredDocument> reused, LocalDateTime now) {
        Set<Long> components = new HashSet<>(reused.keySet());
        uploaded.forEach(f -> components.add(f.componentId()));
        if (!components.isEmpty()) {
            publisher.publish(new DossierEvents.Digitised(d.id(), d.code(), now, Set.copyOf(components), Set.copyOf(reused.keySet())));
        }
    }

    private Signer signer(CurrentUser user, Agency agency) {
        String title = user.has(Role.LEADER) ? "Lãnh đạo" : user.has(Role.PROCESSING_OFFICER) ? "Chuyên viên" : null;
        return new Signer(user.username(), user.fullName(), title, agency.id(), agency.code(), agency.name());
    }

    /** Stores the files (in the file store) and attaches them to the dossier; their components are digitised. */
    private void attach(long dossierId, List<UploadedDocument> uploaded, Long supplementId, DossierFile.Kind kind, String by, LocalDateTime now) {
        Set<Long> components = new HashSet<>();
        for (UploadedDocument f : uploaded) {
            String key = files.put(f.content());
            store.insertFile(dossierId, f.componentId(), supplementId, f.filename(), f.contentType(), f.content().length, key, kind, null, null, now, by);
            components.add(f.componentId());
        }
        store.markDigitised(dossierId, components);
    }

    /** Attaches reused documents of the data store (their files are already in the file store). */
    private void reuse(long dossierId, Map<Long, StoredDocument> reused, String by, LocalDateTime now) {
        reused.forEach((component, doc) -> {
            store.insertFile(dossierId, component, null, doc.filename(), doc.contentType(), doc.sizeBytes(), doc.sha256(), DossierFile.Kind.REUSED,
                    doc.id(), null, now, by);
            store.markReused(dossierId, component, doc.id());
        });
    }

    /** The documents of the applicant's own data store may be reused online only for a dossier of the account holder. */
    private String ownStore(CurrentUser user, Applicant a, Problems p) {
        Account account = accounts.get(user.id());
        String owner = ApplicantStore.ownerKey(a == null ? null : a.idNumber());
        boolean own = owner != null && (owner.equals(account.idNumber()) || owner.equals(account.taxCode()));
        p.require(own, "reuse", "Chỉ dùng lại được giấy tờ trong kho dữ liệu của chính bạn, cho hồ sơ đứng tên bạn (số định danh của tài khoản).");
        return own ? owner : null;
    }

    private Map<Long, StoredDocument> claimReuse(ProcedureVersion v, String owner, Map<Long, Long> reuse, Problems p) {
        Map<Long, StoredDocument> claimed = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : reuse.entrySet()) {
            if (e.getValue() == null || e.getValue() == 0L) {
                continue; // "do not reuse"
            }
            Component c = v.components().stream().filter(x -> e.getKey() != null && x.id() == e.getKey()).findFirst().orElse(null);
            if (c == null) {
                p.add("reuse", "Giấy tờ dùng lại không gắn với thành phần hồ sơ đã công bố của thủ tục.");
                continue;
            }
            if (owner == null) {
                p.add("reuse", "Cần số định danh cá nhân (mã số doanh nghiệp) của người nộp để dùng lại giấy tờ trong kho dữ liệu.");
                break;
            }
            try {
                claimed.put(c.id(), applicantStore.claim(owner, e.getValue(), v.code(), c.name()));
            } catch (ValidationException x) {
                x.problems().forEach(fp -> p.add(fp.field(), fp.message()));
            }
        }
        return claimed;
    }

    private Map<Long, DocumentDetails> checkedDetails(ProcedureVersion v, Map<Long, DocumentDetails> details, Problems p) {
        Map<Long, DocumentDetails> result = new LinkedHashMap<>();
        LocalDate today = calendars.now().toLocalDate();
        details.forEach((component, x) -> {
            if (x == null || (isBlank(x.number()) && isBlank(x.issuer()) && x.issuedOn() == null && x.expiresOn() == null)) {
                return;
            }
            if (v.components().stream().noneMatch(c -> c.id() == component)) {
                p.add("details", "Thông tin giấy tờ không gắn với thành phần hồ sơ đã công bố.");
                return;
            }
            p.require(x.number() == null || x.number().trim().length() <= 100, "details", "Số giấy tờ dài quá 100 ký tự.");
            p.require(x.issuer() == null || x.issuer().trim().length() <= 300, "details", "Cơ quan cấp dài quá 300 ký tự.");
            p.require(x.issuedOn() == null || !x.issuedOn().isAfter(today.plusDays(1)), "details", "Ngày cấp không được sau ngày hôm nay.");
            p.require(x.issuedOn() == null || x.expiresOn() == null || !x.expiresOn().isBefore(x.issuedOn()), "details",
                    "Ngày hết hạn phải sau ngày cấp.");
            result.put(component, new DocumentDetails(isBlank(x.number()) ? null : x.number().trim(), isBlank(x.issuer()) ? null : x.issuer().trim(),
                    x.issuedOn(), x.expiresOn()));
        });
        return result;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * When a dossier is received, every digitised component that did not come from the data store is kept there as
     * a typed document of the applicant (several files of one component become one PDF), so that a later dossier
     * reuses it. Needs the applicant's personal ID number or enterprise code.
     */
    private void keepInApplicantStore(Dossier d, String actor) {
        String owner = ApplicantStore.ownerKey(d.applicant().idNumber());
        if (owner == null) {
            return;
        }
        Map<Long, DocumentDetails> details = store.details(d.id());
        Map<String, String> types = documentTypes.mappings(d.procedureCode());
        for (DossierDocument doc : d.documents()) {
            if (doc.reused() || !doc.digitised()) {
                continue;
            }
            List<DossierFile> own = d.filesOf(doc.componentId()).stream()
                    .filter(f -> f.kind() == DossierFile.Kind.SCAN || f.kind() == DossierFile.Kind.APPLICANT || f.kind() == DossierFile.Kind.EFORM)
                    .toList();
            if (own.isEmpty()) {
                continue;
            }
            List<ApplicantStore.Part> parts = own.stream().map(f -> new ApplicantStore.Part(f.filename(), f.contentType(), f.sha256(), f.sizeBytes())).toList();
            boolean online = own.stream().noneMatch(f -> f.kind() == DossierFile.Kind.SCAN);
            applicantStore.keepParts(owner, types.get(doc.componentName()), doc.componentName(),
                    details.getOrDefault(doc.componentId(), DocumentDetails.NONE), parts,
                    online ? DocumentSource.APPLICANT : DocumentSource.DIGITISED, d.code(), actor);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Dossier create(ProcedureVersion v, Channel channel, Agency counter, Agency handling, Applicant a, Long communeId, String username,
                           String actor, int sets, Delivery place, LocalDateTime now) {
        boolean online = channel == Channel.ONLINE && !v.process(ProcessVariant.ONLINE).isEmpty();
        var limit = channel == Channel.ONLINE && v.onlineTimeLimitDays() != null ? v.onlineTimeLimitDays() : v.timeLimitDays();
        LegalRuleSet rules = ruleSets.inForceOn(now.toLocalDate());
        long id = store.insert(new DossierStore.NewDossier(newCode(counter, rules, now.toLocalDate()), v.id(), v.code(), v.name(), channel,
                (online ? ProcessVariant.ONLINE : ProcessVariant.STANDARD).name(), counter.id(), handling.id(), trimmed(a), username, communeId,
                rules.id(), sets, place, DossierStatus.SUBMITTED, now, limit));
        Dossier d = get(id);
        Change submitted = DossierAggregate.submitted(d, now, handling.name());
        store.insertHistory(id, now, actor, submitted);
        audited(id, actor, submitted);
        submitted.events().forEach(publisher::publish);
        return d;
    }

    /**
     * A code by the pattern of the rule set in force, with a sequence that restarts per day and receiving unit; its
     * number is committed at once (see {@link CodeNumbers}), a code already used (imported, another system's) is skipped.
     */
    private String newCode(Agency counter, LegalRuleSet rules, LocalDate day) {
        var pattern = rules.dossierCodes();
        String scope = "code:" + counter.id() + ":" + pattern.sequenceScope(day);
        while (true) {
            String code = pattern.format(counter.identifierCode(), counter.code(), day, codeNumbers.next(scope));
            if (!store.codeExists(code)) {
                return code;
            }
        }
    }

    /**
     * The competent agency for a dossier received anywhere in the province: the officer's choice among the competent
     * ones, else by the procedure's level and the applicant's commune (or the commune the counter belongs to).
     */
    private Agency route(ProcedureVersion v, Agency counter, Long chosenId, Long communeId, Problems p) {
        LocalDate today = agencies.today();
        List<Agency> competent = competentAgencies(v, today);
        if (chosenId != null) {
            return competent.stream().filter(a -> a.id() == chosenId).findFirst().orElseGet(() -> {
                p.add("handlingAgencyId", "Cơ quan được chọn không có thẩm quyền giải quyết thủ tục này ("
                        + v.level().label().toLowerCase() + ").").throwIfAny();
                return null;
            });
        }
        if (v.level() == ProcedureLevel.PROVINCE) {
            if (competent.isEmpty()) {
                p.add("procedureCode", "Cơ quan giải quyết thủ tục này không còn hoạt động; hãy chọn cơ quan giải quyết.").throwIfAny();
            }
            return competent.get(0);
        }
        if (communeId != null) {
            return competent.stream().filter(a -> a.id() == communeId).findFirst().orElseGet(() -> {
                p.add("applicantCommuneId", "Xã, phường đã chọn không còn hoạt động.").throwIfAny();
                return null;
            });
        }
        Agency parent = counter.parentId() == null ? null : agencies.get(counter.parentId());
        if (parent != null && competent.stream().anyMatch(a -> a.id() == parent.id())) {
            return parent;
        }
        p.add("applicantCommuneId", "Thủ tục " + v.level().label().toLowerCase() + ": hãy chọn xã, phường giải quyết (nơi cư trú của người nộp "
                + "hoặc nơi có thẩm quyền).").throwIfAny();
        return null;
    }

    /** The receiving officer's own one-stop unit, in force today. */
    private Agency oneStopUnit(Long id, CurrentUser officer) {
        Agency unit = activeOneStop(id).orElseThrow(() -> ValidationException.of("receivingAgencyId", NOT_A_ONE_STOP_UNIT));
        if (!worksIn(officer, Role.RECEIVING_OFFICER, unit.id())) {
            throw ValidationException.of("receivingAgencyId", "Bạn không phải cán bộ tiếp nhận của " + unit.name() + ".");
        }
        return unit;
    }

    private Optional<Agency> activeOneStop(Long id) {
        return agencies.activeOn(agencies.today()).stream().filter(a -> id != null && a.id() == id && a.type() == AgencyType.ONE_STOP).findFirst();
    }

    private ProcedureVersion versionInForce(String code, Problems p) {
        if (code == null || code.isBlank()) {
            p.add("procedureCode", "Chưa chọn thủ tục hành chính.");
            return null;
        }
        if (code.length() > 40) {
            p.add("procedureCode", "Mã thủ tục không hợp lệ.");
            return null;
        }
        return catalog.inForceOn(code.trim(), agencies.today()).orElseGet(() -> {
            p.add("procedureCode", "Thủ tục " + code.trim() + " không có phiên bản đang có hiệu lực; không thể tiếp nhận hồ sơ.");
            return null;
        });
    }

    private List<UploadedDocument> checkedFiles(ProcedureVersion v, List<UploadedDocument> files, Problems p) {
        List<UploadedDocument> result = new ArrayList<>();
        Set<Long> components = new HashSet<>();
        v.components().forEach(c -> components.add(c.id()));
        for (UploadedDocument f : files == null ? List.<UploadedDocument>of() : files) {
            if ((f.content() == null || f.content().length == 0) && (f.filename() == null || f.filename().isBlank())) {
                continue; // a file field left empty; a chosen file of 0 bytes is reported below
            }
            if (!components.contains(f.componentId())) {
                p.add("documents", "Tệp \"" + FileCheck.cleanName(f.filename()) + "\" không gắn với thành phần hồ sơ đã công bố.");
                continue;
            }
            String type = FileCheck.check(f.filename(), f.content(), p);
            if (type != null) {
                result.add(new UploadedDocument(f.componentId(), FileCheck.cleanName(f.filename()), type, f.content()));
            }
        }
        p.require(result.size() <= MAX_FILES, "documents", "Mỗi lần nộp tối đa " + MAX_FILES + " tệp.");
        return result;
    }

    private static void checkApplicant(Applicant a, Problems p) {
        if (a == null) {
            p.add("applicant", "Chưa nhập thông tin người nộp hồ sơ.");
            return;
        }
        p.requireText(a.name(), "applicant.name", "Họ tên người nộp (tên tổ chức)");
        p.require(a.name() == null || a.name().trim().length() <= 200, "applicant.name", "Họ tên dài quá 200 ký tự.");
        p.require(a.address() == null || a.address().trim().length() <= 500, "applicant.address", "Địa chỉ dài quá 500 ký tự.");
        p.require(a.email() == null || a.email().isBlank() || (a.email().trim().length() <= 200 && a.email().contains("@")),
                "applicant.email", "Thư điện tử không hợp lệ.");
        boolean phone = a.phone() != null && !a.phone().isBlank();
        boolean id = a.idNumber() != null && !a.idNumber().isBlank();
        p.require(phone || id, "applicant.phone", "Phải có số điện thoại hoặc số định danh để tra cứu hồ sơ.");
        p.require(!phone || PHONE.matcher(a.phone().trim()).matches(), "applicant.phone", "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0.");
        p.require(!id || ApplicantStore.ownerKey(a.idNumber()) != null, "applicant.idNumber", APPLICANT_ID_RULE);
    }

    private static void checkDecision(IntakeDecision decision, List<SupplementRequest.Item> items, String reason, Problems p) {
        switch (decision) {
            case ACCEPT -> p.require(items.isEmpty(), "documents", "Hồ sơ còn " + items.size()
                    + " thành phần thiếu hoặc chưa đạt; hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: "
                    + String.join("; ", items.stream().map(SupplementRequest.Item::componentName).toList()) + ".");
            case REQUEST_SUPPLEMENT -> p.require(!items.isEmpty(), "defects",
                    "Hồ sơ đã đủ thành phần; chỉ yêu cầu bổ sung thành phần đã công bố còn thiếu, hoặc ghi rõ thành phần nào chưa đạt và vì sao.");
            case REFUSE -> {
                p.requireText(reason, "reason", "Lý do từ chối tiếp nhận");
                p.require(reason == null || reason.length() <= 2000, "reason", "Lý do dài quá 2000 ký tự.");
            }
        }
    }

    private String contactPhone(CurrentUser user, long agencyId) {
        String phone = accounts.get(user.id()).phone();
        if (phone == null || phone.isBlank()) {
            phone = agencies.get(agencyId).phone();
        }
        return phone;
    }

    private static Applicant trimmed(Applicant a) {
        return new Applicant(a.name().trim(), blank(a.idNumber()), blank(a.phone()), blank(a.email()), blank(a.address()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The dossier as the user saw it: "not found" for a dossier the user may not see (the same answer as for one that
     * does not exist); refused when someone changed it since.
     */
    private Dossier current(long id, long rowVersion, CurrentUser user) {
        DossierStore.Found found = store.findWithOrigin(id).filter(f -> maySee(user, f.dossier()))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ."));
        Dossier d = found.dossier();
        DossierOrigin origin = found.origin();
        if (origin.handledElsewhere()) {
            throw new ConflictException("Hồ sơ này do hệ thống chuyên ngành " + origin.handledIn()
                    + " giải quyết; tại đây chỉ theo dõi trạng thái hệ thống đó báo về.");
        }
        if (d.rowVersion() != rowVersion) {
            throw stale();
        }
        return d;
    }

    /** The dossier, or "not found" (the same answer as for one that does not exist) when the user may not see it. */
    private Dossier visible(long id, CurrentUser user) {
        Dossier d = get(id);
        if (!maySee(user, d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return d;
    }

    /** Loads the dossier and checks that the action is allowed now and that the user holds the current step's role. */
    private Dossier atCurrentStep(long id, long rowVersion, DossierAction action, CurrentUser user) {
        Dossier d = current(id, rowVersion, user);
        DossierRules.require(d.status(), action);
        requireRole(user, d, steps(d).get(d.currentStep() - 1).role());
        return d;
    }

    /**
     * Lets the dossier perform one transition and saves it; refused when someone changed the dossier meanwhile.
     * Returns the dossier as saved without reading it again: for a caller that changed none of its documents,
     * supplement requests, apologies or files in this transaction (the tests run with assertions on, and this then
     * reads the dossier to check that what it returns is what is stored).
     */
    private Dossier apply(Dossier d, String actor, Function<DossierAggregate, Change> transition) {
        DossierAggregate a = DossierAggregate.of(d);
        Dossier after = save(a, actor, transition.apply(a)).orElseThrow(DossierService::stale);
        assert after.equals(get(d.id())) : "the saved dossier differs from the stored one: " + after + "\n" + get(d.id());
        return after;
    }

    /** The same, for a caller that changed some of the dossier's children before: the dossier is read again. */
    private Dossier applyAndRead(Dossier d, String actor, Function<DossierAggregate, Change> transition) {
        DossierAggregate a = DossierAggregate.of(d);
        save(a, actor, transition.apply(a)).orElseThrow(DossierService::stale);
        return get(d.id());
    }

    /**
     * Saves the dossier, appends the history line and publishes the events; returns the dossier as saved, or nothing
     * when someone changed it meanwhile.
     */
    private Optional<Dossier> save(DossierAggregate a, String actor, Change c) {
        if (store.save(a) != 1) {
            return Optional.empty();
        }
        DossierHistoryEntry line = store.insertHistory(a.original().id(), calendars.now(), actor, c);
        audited(a.original().id(), actor, c);
        c.events().forEach(publisher::publish);
        return Optional.of(a.saved(line));
    }

    /** Every transition goes to the audit log too (the history is the dossier's own account of it). */
    private void audited(long id, String actor, Change c) {
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", c.to());
        after.put("step", c.step());
        after.put("agencyId", c.agencyId());
        after.put("note", c.note());
        audit.recordAs(actor, "dossier." + c.action().name().toLowerCase(java.util.Locale.ROOT), "dossier", id,
                c.from() == null ? null : Map.of("status", c.from()), after);
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
