package vn.motcua.control;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureAdminService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.PublishedDecision;
import vn.motcua.control.domain.DraftChange;
import vn.motcua.control.domain.DraftStatus;
import vn.motcua.control.domain.InspectionKind;
import vn.motcua.control.domain.InspectionStatus;
import vn.motcua.control.domain.PublicationTimeliness;
import vn.motcua.control.domain.RequiredParts;
import vn.motcua.control.internal.OversightStore;
import vn.motcua.documents.FileCheck;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.Digests;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Oversight of the procedures' life outside the catalog: publication timeliness (Decision 766 group 1), the impact
 * assessment of draft regulations with the office's opinion and the Department of Justice's appraisal, inspections of
 * units with their findings until remedied, and the warnings control officers get before a deadline is missed.
 */
@Service
public class OversightService {
    private final OversightStore store;
    private final ReviewService reviews;
    private final SimplificationService simplification;
    private final CatalogService catalog;
    private final ProcedureAdminService procedures;
    private final WorkingCalendarService calendars;
    private final AgencyService agencies;
    private final Scope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ControlProperties props;
    private final Clock clock;

    public OversightService(OversightStore store, ReviewService reviews, SimplificationService simplification, CatalogService catalog, ProcedureAdminService procedures,
                            WorkingCalendarService calendars, AgencyService agencies, Scope scope, AuditLog audit, ApplicationEventPublisher events,
                            ControlProperties props, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.simplification = simplification;
        this.catalog = catalog;
        this.procedures = procedures;
        this.calendars = calendars;
        this.agencies = agencies;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    public LocalDate today() {
        return agencies.today();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private Map<Long, String> names() {
        return scope.names();
    }

    public ControlProperties settings() {
        return props;
    }

    // ---------------------------------------------------------------- publication timeliness

    /** A legal basis to watch, as typed. */
    public record WatchInput(String sourceRef, String title, String agencyId, String basisEffectiveOn, String procedures, String note) {
    }

    /**
     * Every watched legal basis, and every publication decision signed from {@code from} on that no watch covers
     * (judged on the decision's own effective date), newest deadline first.
     */
    @Transactional(readOnly = true)
    public List<PublicationItem> publications(LocalDate from, LocalDate to) {
        Map<Long, String> names = names();
        WorkingCalendar cal = calendars.calendar();
        List<PublishedDecision> decisions = catalog.decisions(from.minusYears(1), to);
        Map<Long, PublishedDecision> byId = new HashMap<>();
        decisions.forEach(d -> byId.put(d.id(), d));
        List<PublicationItem> out = new ArrayList<>();
        Set<Long> watched = new HashSet<>();
        for (OversightStore.WatchRow w : store.watches()) {
            PublishedDecision d = w.decisionId() == null ? null : byId.computeIfAbsent(w.decisionId(), id -> decisionById(id));
            if (d != null) {
                watched.add(d.id());
            }
            LocalDate madePublic = w.madePublicOn() != null ? w.madePublicOn() : d == null ? null : d.firstPublicOn();
            boolean inPeriod = !w.basisEffectiveOn().isBefore(from) && !w.basisEffectiveOn().isAfter(to.plusMonths(6));
            if (!inPeriod && d != null && (d.signedOn().isBefore(from) || d.signedOn().isAfter(to))) {
                continue;
            }
            if (!inPeriod && d == null) {
                continue;
            }
            out.add(item(w.id(), w.sourceRef(), w.title(), w.agencyId(), names, w.basisEffectiveOn(), w.procedures(), d, madePublic, w.note(),
                    w.rowVersion(), cal));
        }
        for (PublishedDecision d : decisions) {
            if (watched.contains(d.id()) || d.signedOn().isBefore(from) || d.signedOn().isAfter(to)) {
                continue;
            }
            out.add(item(null, d.number(), d.title(), d.issuerAgencyId(), names, d.effectiveOn(), d.procedureCodes().size(), d, d.firstPublicOn(), null,
                    0, cal));
        }
        out.sort(Comparator.comparing((PublicationItem i) -> i.state().ordinal()).thenComparing(PublicationItem::basisEffectiveOn, Comparator.reverseOrder()));
        return out;
    }

    private PublishedDecision decisionById(long id) {
        return catalog.decisions(LocalDate.of(1990, 1, 1), today().plusYears(5)).stream().filter(d -> d.id() == id).findFirst().orElse(null);
    }

    private PublicationItem item(Long watchId, String ref, String title, long agencyId, Map<Long, String> names, LocalDate effective, int count,
                                 PublishedDecision d, LocalDate madePublic, String note, long rowVersion, WorkingCalendar cal) {
        PublicationTimeliness t = PublicationTimeliness.of(effective, d == null ? null : d.signedOn(), madePublic, cal, props.decideBefore(),
                props.publishWithin());
        return new PublicationItem(watchId, ref, title, agencyId, names.getOrDefault(agencyId, ""), effective, d == null ? count : Math.max(count,
                d.procedureCodes().size()), d == null ? null : d.id(), d == null ? null : d.number(), d == null ? null : d.signedOn(), madePublic,
                d == null ? List.of() : d.procedureCodes(), t, t.state(today(), props.warnDays()), note, rowVersion);
    }

    @Transactional
    public long watch(WatchInput in, CurrentUser by) {
        Problems p = new Problems();
        String ref = Inputs.text(in.sourceRef(), "sourceRef", "số, ký hiệu văn bản (quyết định công bố của bộ, văn bản quy phạm pháp luật)", 255, true, p);
        String title = Inputs.text(in.title(), "title", "trích yếu", 500, true, p);
        Agency agency = scope.agency(in.agencyId(), "agencyId", p);
        LocalDate effective = Inputs.date(in.basisEffectiveOn(), "basisEffectiveOn", "ngày văn bản có hiệu lực", true, p);
        Integer count = Inputs.integer(in.procedures(), "procedures", "số thủ tục chịu tác động", 1, 1000, true, p);
        String note = Inputs.text(in.note(), "note", "ghi chú", 2000, false, p);
        p.throwIfAny();
        scope.require(by, agency.id());
        long id = store.insertWatch(ref, title, agency.id(), effective, count, note, by.username(), now());
        PublicationTimeliness t = PublicationTimeliness.of(effective, null, null, calendars.calendar(), props.decideBefore(), props.publishWithin());
        audit.record("control.publication.watched", "publication_watch", id, null, Map.of("source", ref, "effective", effective.toString(),
                "decideBy", t.decideBy().toString(), "agency", agency.name()));
        return id;
    }

    /** Links a watched legal basis to the publication decision (of the catalog) that published its procedures. */
    @Transactional
    public void link(long watchId, long rowVersion, String decisionNumber, String madePublicOn, CurrentUser by) {
        OversightStore.WatchRow w = store.watch(watchId).orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản đang theo dõi."));
        scope.require(by, w.agencyId());
        Problems p = new Problems();
        String number = Inputs.text(decisionNumber, "decisionNumber", "số quyết định công bố", 60, true, p);
        LocalDate made = Inputs.date(madePublicOn, "madePublicOn", "ngày công khai", false, p);
        p.throwIfAny();
        PublishedDecision d = catalog.decision(number)
                .orElseThrow(() -> ValidationException.of("decisionNumber", "Không có quyết định công bố số " + number + " trong danh mục TTHC."));
        if (store.decisionWatched(d.id(), watchId)) {
            throw ValidationException.of("decisionNumber", "Quyết định " + d.number() + " đã gắn với một văn bản khác đang theo dõi.");
        }
        if (made != null && (made.isBefore(d.signedOn()) || made.isAfter(today()))) {
            throw ValidationException.of("madePublicOn", "Ngày công khai phải từ ngày ký quyết định (" + d.signedOn() + ") đến hôm nay.");
        }
        if (store.linkWatch(watchId, rowVersion, d.id(), made) == 0) {
            throw new ConflictException("Văn bản này vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.publication.linked", "publication_watch", watchId, null, Map.of("decision", d.number(),
                "madePublicOn", made == null ? "" : made.toString()));
    }

    /** Indicators 1.1, 1.2 (procedures published in decisions signed in the period) and 1.3 (procedures in force today). */
    @Transactional(readOnly = true)
    public PublicationFigures figures(LocalDate from, LocalDate to) {
        Map<String, Boolean> decided = new HashMap<>();
        Map<String, Boolean> publicOnTime = new HashMap<>();
        for (PublicationItem i : publications(from, to)) {
            if (i.decisionId() == null || i.decisionSignedOn().isBefore(from) || i.decisionSignedOn().isAfter(to)) {
                continue;
            }
            Boolean d = i.timeliness().decidedOnTime(today());
            Boolean pub = i.timeliness().publicOnTime(to.isBefore(today()) ? to : today());
            for (String code : i.procedureCodes()) {
                decided.merge(code, d == null || d, Boolean::logicalAnd);
                if (pub != null) {
                    publicOnTime.merge(code, pub, Boolean::logicalAnd);
                }
            }
        }
        Map<Long, String> names = names();
        List<PublicationFigures.Incomplete> incomplete = new ArrayList<>();
        List<ProcedureVersion> inForce = catalog.allInForce(today());
        for (ProcedureVersion v : inForce) {
            List<String> missing = RequiredParts.missing(v.name(), v.steps(), v.byCounter() || v.byOnline() || v.byPost(), v.components().size(),
                    v.timeLimitDays(), v.subjects(), v.implementingAgency());
            if (!missing.isEmpty()) {
                incomplete.add(new PublicationFigures.Incomplete(v.code(), v.name(), v.agencyId(), names.getOrDefault(v.agencyId(), ""), missing));
            }
        }
        int onTime = (int) decided.values().stream().filter(b -> b).count();
        int pubOnTime = (int) publicOnTime.values().stream().filter(b -> b).count();
        return new PublicationFigures(from, to, decided.size(), onTime, rate(onTime, decided.size()), publicOnTime.size(), pubOnTime,
                rate(pubOnTime, publicOnTime.size()), inForce.size(), inForce.size() - incomplete.size(), rate(inForce.size() - incomplete.size(),
                inForce.size()), incomplete);
    }

    private static BigDecimal rate(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- draft regulations

    public record DraftInput(String title, String kind, String agencyId, String registeredOn, String necessity, String reasonableness,
                             String legality, String costNote, String assessmentId, String opinionDue, String appraisalDue) {
    }

    @Transactional(readOnly = true)
    public List<RegulationDraft> drafts() {
        Map<Long, String> names = names();
        return store.drafts().stream().map(d -> draft(d, names)).toList();
    }

    /** The draft regulations of each drafting agency in a period (only agencies with something to count). */
    @Transactional(readOnly = true)
    public List<DraftFigure> draftFigures(LocalDate from, LocalDate to) {
        Map<Long, long[]> byAgency = new java.util.TreeMap<>();
        for (RegulationDraft d : drafts()) {
            long[] f = new long[8];
            if (within(d.registeredOn(), from, to)) {
                f[0] = 1;
                for (RegulationDraft.Link l : d.procedures()) {
                    f[1 + l.change().ordinal()]++;
                }
            }
            if (within(d.opinionOn(), from, to)) {
                f[4] = 1;
                f[5] = d.opinionDue() != null && d.opinionOn().isAfter(d.opinionDue()) ? 1 : 0;
            }
            boolean stillOpen = d.status() != vn.motcua.control.domain.DraftStatus.WITHDRAWN || d.opinionOn() != null;
            if (stillOpen && d.opinionDue() != null && !d.opinionDue().isAfter(to) && !d.registeredOn().isAfter(to)
                    && (d.opinionOn() == null || d.opinionOn().isAfter(to))) {
                f[6] = 1;
            }
            f[7] = within(d.appraisalOn(), from, to) ? 1 : 0;
            if (java.util.Arrays.stream(f).anyMatch(x -> x > 0)) {
                long[] sum = byAgency.computeIfAbsent(d.draftingAgencyId(), k -> new long[8]);
                for (int i = 0; i < 8; i++) {
                    sum[i] += f[i];
                }
            }
        }
        return byAgency.entrySet().stream().map(e -> {
            long[] f = e.getValue();
            return new DraftFigure(e.getKey(), f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        }).toList();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    @Transactional(readOnly = true)
    public RegulationDraft draft(long id) {
        return store.draft(id).map(d -> draft(d, names())).orElseThrow(() -> new NotFoundException("Không tìm thấy dự thảo văn bản."));
    }

    private RegulationDraft draft(OversightStore.DraftRow d, Map<Long, String> names) {
        List<RegulationDraft.Link> links = new ArrayList<>();
        for (Object[] row : store.draftProcedures(d.id())) {
            String code = (String) row[0];
            boolean hasDraft = procedures.draftOf(code).isPresent();
            boolean inForce = catalog.inForceOn(code, today()).isPresent();
            String state = hasDraft ? "Đã có dự thảo trong danh mục TTHC" : inForce ? "Đang có hiệu lực, chưa có dự thảo sửa đổi" : "Chưa có trong danh mục TTHC";
            links.add(new RegulationDraft.Link(code, (DraftChange) row[1], state, hasDraft));
        }
        return new RegulationDraft(d.id(), d.title(), d.kind(), d.agencyId(), names.getOrDefault(d.agencyId(), ""), d.registeredOn(), d.necessity(),
                d.reasonableness(), d.legality(), d.costNote(), d.assessmentId(), d.opinionDue(), d.opinionOn(), d.opinion(), d.appraisalDue(),
                d.appraisalOn(), d.appraisal(), d.status(), links, store.files(d.id()), d.createdBy(), d.rowVersion());
    }

    @Transactional
    public long registerDraft(DraftInput in, CurrentUser by) {
        Problems p = new Problems();
        String title = Inputs.text(in.title(), "title", "tên dự thảo văn bản", 500, true, p);
        String kind = Inputs.text(in.kind(), "kind", "loại văn bản", 120, true, p);
        Agency agency = scope.agency(in.agencyId(), "agencyId", p);
        LocalDate registered = Inputs.date(in.registeredOn(), "registeredOn", "ngày đăng ký", false, p);
        String necessity = Inputs.text(in.necessity(), "necessity", "đánh giá sự cần thiết", 4000, true, p);
        String reasonableness = Inputs.text(in.reasonableness(), "reasonableness", "đánh giá tính hợp lý", 4000, true, p);
        String legality = Inputs.text(in.legality(), "legality", "đánh giá tính hợp pháp", 4000, true, p);
        String cost = Inputs.text(in.costNote(), "costNote", "đánh giá chi phí tuân thủ", 4000, true, p);
        Integer assessment = Inputs.integer(in.assessmentId(), "assessmentId", "bản đánh giá chi phí", 1, Integer.MAX_VALUE, false, p);
        p.require(assessment == null || simplification.assessmentExists(assessment), "assessmentId", "Không có bản đánh giá chi phí này.");
        LocalDate opinionDue = Inputs.date(in.opinionDue(), "opinionDue", "hạn có ý kiến", false, p);
        LocalDate appraisalDue = Inputs.date(in.appraisalDue(), "appraisalDue", "hạn thẩm định", false, p);
        p.throwIfAny();
        scope.require(by, agency.id());
        WorkingCalendar cal = calendars.calendar();
        LocalDate reg = registered == null ? today() : registered;
        LocalDate od = opinionDue == null ? cal.plusWorkingDays(reg, props.opinionDays()) : opinionDue;
        LocalDate ad = appraisalDue == null ? cal.plusWorkingDays(od, props.appraisalDays()) : appraisalDue;
        Problems q = new Problems();
        q.require(!reg.isAfter(today()), "registeredOn", "Ngày đăng ký không được sau hôm nay.");
        q.require(!od.isBefore(reg), "opinionDue", "Hạn có ý kiến không được trước ngày đăng ký.");
        q.require(!ad.isBefore(od), "appraisalDue", "Hạn thẩm định không được trước hạn có ý kiến.");
        q.throwIfAny();
        long id = store.insertDraft(new OversightStore.DraftRow(0, title, kind, agency.id(), reg, necessity, reasonableness, legality, cost,
                assessment == null ? null : assessment.longValue(), od, null, null, ad, null, null, DraftStatus.REGISTERED, by.username(), 0), now());
        audit.record("control.draft.registered", "regulation_draft", id, null, Map.of("title", title, "agency", agency.name(), "opinionDue", od.toString(),
                "appraisalDue", ad.toString()));
        return id;
    }

    /** The procedures a draft creates, changes or abolishes (codes of the national database). */
    @Transactional
    public void linkProcedure(long id, String code, String change, CurrentUser by) {
        RegulationDraft d = draft(id);
        scope.require(by, d.draftingAgencyId());
        Problems p = new Problems();
        String c = Inputs.text(code, "procedureCode", "mã thủ tục", 40, true, p);
        p.require(c == null || CatalogService.isProcedureCode(c), "procedureCode",
                "Mã thủ tục theo định dạng của Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001234.");
        DraftChange kind = Inputs.choice(change, DraftChange.class, "change", "tác động", true, p);
        p.throwIfAny();
        if (kind != DraftChange.NEW && catalog.inForceOn(c, today()).isEmpty()) {
            throw ValidationException.of("procedureCode", "Không có thủ tục đang có hiệu lực với mã " + c + " để sửa đổi hoặc bãi bỏ.");
        }
        store.linkProcedure(id, c, kind);
        audit.record("control.draft.procedure-linked", "regulation_draft", id, null, Map.of("procedure", c, "change", kind.name()));
    }

    /** Records a step: the office's opinion, the appraisal, issue or withdrawal. */
    public enum DraftMove { OPINION, APPRAISAL, ISSUE, WITHDRAW }

    @Transactional
    public RegulationDraft moveDraft(long id, long rowVersion, DraftMove move, String on, String text, CurrentUser by) {
        RegulationDraft d = draft(id);
        Problems p = new Problems();
        LocalDate day = Inputs.date(on, "on", "ngày", false, p);
        String t = Inputs.text(text, "text", "nội dung", 4000, move == DraftMove.OPINION || move == DraftMove.APPRAISAL, p);
        p.throwIfAny();
        LocalDate when = day == null ? today() : day;
        if (when.isAfter(today()) || when.isBefore(d.registeredOn())) {
            throw ValidationException.of("on", "Ngày phải từ ngày đăng ký dự thảo đến hôm nay.");
        }
        int n = switch (move) {
            case OPINION -> {
                scope.require(by, scope.province());
                yield store.opinion(id, rowVersion, when, t, d.status().giveOpinion());
            }
            case APPRAISAL -> store.appraisal(id, rowVersion, when, t, d.status().appraise());
            case ISSUE -> {
                scope.require(by, d.draftingAgencyId());
                yield store.status(id, rowVersion, d.status().issue());
            }
            case WITHDRAW -> {
                scope.require(by, d.draftingAgencyId());
                yield store.status(id, rowVersion, d.status().withdraw());
            }
        };
        if (n == 0) {
            throw new ConflictException("Dự thảo vừa được người khác cập nhật; hãy tải lại trang.");
        }
        RegulationDraft after = draft(id);
        audit.record("control.draft." + move.name().toLowerCase(), "regulation_draft", id, Map.of("status", d.status().name()),
                Map.of("status", after.status().name(), "on", when.toString()));
        return after;
    }

    @Transactional
    public long attach(long id, String stage, String filename, byte[] content, CurrentUser by) {
        RegulationDraft d = draft(id);
        Problems p = new Problems();
        p.require(stage != null && List.of("ASSESSMENT", "DRAFT", "OPINION", "APPRAISAL").contains(stage), "stage", "Chưa chọn loại tài liệu.");
        p.require(content != null && content.length <= props.maxFileBytes(), "file", "Tệp lớn hơn " + props.maxFileBytes() / (1024 * 1024) + " MB.");
        p.throwIfAny();
        String type = FileCheck.check(filename, content, p);
        p.throwIfAny();
        if (!scope.covers(by, d.draftingAgencyId())) {
            scope.require(by, scope.province());
        }
        long fileId = store.insertFile(id, stage, FileCheck.cleanName(filename), type, content, Digests.sha256Hex(content), by.username(), now());
        audit.record("control.draft.file-attached", "regulation_draft", id, null, Map.of("file", FileCheck.cleanName(filename), "stage", stage,
                "sha256", Digests.sha256Hex(content)));
        return fileId;
    }

    /** A document of a draft: name, type, content. */
    @Transactional(readOnly = true)
    public Object[] file(long id, long fileId) {
        return store.file(id, fileId).orElseThrow(() -> new NotFoundException("Không tìm thấy tài liệu."));
    }

    // ---------------------------------------------------------------- inspections

    public record InspectionInput(String year, String kind, String agencyId, String plannedOn, String team, String scope) {
    }

    public record FindingInput(String finding, String remediation, String responsible, String dueOn) {
    }

    public List<Integer> inspectionYears() {
        List<Integer> years = new ArrayList<>(store.inspectionYears());
        if (!years.contains(today().getYear())) {
            years.add(0, today().getYear());
        }
        return years;
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(Integer year) {
        return store.inspections(year, names());
    }

    @Transactional(readOnly = true)
    public Inspection inspection(long id) {
        return store.inspection(id, names()).orElseThrow(() -> new NotFoundException("Không tìm thấy cuộc kiểm tra."));
    }

    @Transactional
    public long planInspection(InspectionInput in, CurrentUser by) {
        Problems p = new Problems();
        Integer year = Inputs.integer(in.year(), "year", "năm", 2000, 2100, true, p);
        InspectionKind kind = Inputs.choice(in.kind(), InspectionKind.class, "kind", "hình thức kiểm tra", true, p);
        Agency agency = scope.agency(in.agencyId(), "agencyId", p);
        LocalDate planned = Inputs.date(in.plannedOn(), "plannedOn", "ngày kiểm tra dự kiến", true, p);
        String team = Inputs.text(in.team(), "team", "đoàn kiểm tra", 500, true, p);
        String sc = Inputs.text(in.scope(), "scope", "nội dung kiểm tra", 4000, true, p);
        p.require(planned == null || year == null || planned.getYear() == year, "plannedOn", "Ngày kiểm tra phải trong năm của kế hoạch.");
        p.throwIfAny();
        scope.require(by, agency.id());
        long id = store.insertInspection(year, kind, agency.id(), planned, team, sc, by.username(), now());
        audit.record("control.inspection.planned", "inspection", id, null, Map.of("agency", agency.name(), "kind", kind.name(), "plannedOn",
                planned.toString()));
        return id;
    }

    @Transactional
    public void holdInspection(long id, long rowVersion, String heldOn, String conclusion, CurrentUser by) {
        Inspection i = inspection(id);
        scope.require(by, i.agencyId());
        Problems p = new Problems();
        LocalDate held = Inputs.date(heldOn, "heldOn", "ngày kiểm tra", true, p);
        String c = Inputs.text(conclusion, "conclusion", "kết luận kiểm tra", 4000, true, p);
        p.require(held == null || !held.isAfter(today()), "heldOn", "Ngày kiểm tra không được sau hôm nay.");
        p.throwIfAny();
        if (store.holdInspection(id, rowVersion, held, c, i.status().hold()) == 0) {
            throw new ConflictException("Cuộc kiểm tra vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.inspection.held", "inspection", id, Map.of("status", i.status().name()), Map.of("status", "HELD", "heldOn", held.toString()));
    }

    @Transactional
    public long addFinding(long id, long rowVersion, FindingInput in, CurrentUser by) {
        Inspection i = inspection(id);
        scope.require(by, i.agencyId());
        if (i.status() != InspectionStatus.HELD) {
            throw new ConflictException("Chỉ ghi nội dung cần khắc phục sau khi đã kiểm tra và trước khi kết thúc.");
        }
        Problems p = new Problems();
        String f = Inputs.text(in.finding(), "finding", "tồn tại, hạn chế phát hiện", 4000, true, p);
        String r = Inputs.text(in.remediation(), "remediation", "yêu cầu khắc phục", 4000, true, p);
        String who = Inputs.text(in.responsible(), "responsible", "người, bộ phận chịu trách nhiệm", 255, true, p);
        LocalDate due = Inputs.date(in.dueOn(), "dueOn", "hạn khắc phục", true, p);
        p.require(due == null || i.heldOn() == null || !due.isBefore(i.heldOn()), "dueOn", "Hạn khắc phục không được trước ngày kiểm tra.");
        p.throwIfAny();
        if (store.inspectionStatus(id, rowVersion, i.status()) == 0) {
            throw new ConflictException("Cuộc kiểm tra vừa được người khác cập nhật; hãy tải lại trang.");
        }
        long fid = store.insertFinding(id, f, r, who, due);
        audit.record("control.inspection.finding-added", "inspection_finding", fid, null, Map.of("inspection", id, "responsible", who, "dueOn",
                due.toString()));
        return fid;
    }

    @Transactional
    public void closeFinding(long id, long findingId, long rowVersion, String closedOn, String note, CurrentUser by) {
        Inspection i = inspection(id);
        scope.require(by, i.agencyId());
        Inspection.Finding f = i.findings().stream().filter(x -> x.id() == findingId).findFirst()
                .orElseThrow(() -> new NotFoundException("Không tìm thấy nội dung cần khắc phục."));
        Problems p = new Problems();
        LocalDate on = Inputs.date(closedOn, "closedOn", "ngày hoàn thành khắc phục", false, p);
        String n = Inputs.text(note, "closingNote", "kết quả khắc phục", 4000, true, p);
        p.throwIfAny();
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today()) || (i.heldOn() != null && day.isBefore(i.heldOn()))) {
            throw ValidationException.of("closedOn", "Ngày khắc phục phải từ ngày kiểm tra đến hôm nay.");
        }
        if (!f.open()) {
            throw new ConflictException("Nội dung này đã khắc phục xong.");
        }
        if (store.closeFinding(findingId, rowVersion, day, n) == 0) {
            throw new ConflictException("Nội dung này vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.inspection.finding-closed", "inspection_finding", findingId, null, Map.of("closedOn", day.toString(), "note", n));
    }

    @Transactional
    public void closeInspection(long id, long rowVersion, CurrentUser by) {
        Inspection i = inspection(id);
        scope.require(by, i.agencyId());
        InspectionStatus next = i.status().close(i.openFindings());
        if (store.inspectionStatus(id, rowVersion, next) == 0) {
            throw new ConflictException("Cuộc kiểm tra vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.inspection.closed", "inspection", id, Map.of("status", i.status().name()), Map.of("status", next.name()));
    }

    // ---------------------------------------------------------------- warnings

    /** Every control deadline within the warning window or missed: review items, decentralisation, publication, drafts, findings. */
    @Transactional(readOnly = true)
    public List<ControlWarning> warnings() {
        LocalDate today = today();
        int days = props.warnDays();
        Map<Long, String> names = names();
        List<ControlWarning> out = new ArrayList<>();
        for (ReviewItem i : reviews.itemsDueWithin(days)) {
            out.add(new ControlWarning("review_item", i.id(), i.agencyId(), i.agencyName(), "Rà soát: " + i.subject(), i.dueOn(), today.isAfter(i.dueOn()),
                    "/kiem-soat/ra-soat/" + i.planId()));
        }
        for (DecentralisationItem i : reviews.decentralisationDueWithin(days)) {
            out.add(new ControlWarning("decentralisation_review", i.id(), i.agencyId(), i.agencyName(), "Rà soát phân cấp, ủy quyền: " + i.procedureName(),
                    i.dueOn(), today.isAfter(i.dueOn()), "/kiem-soat/phan-cap?dot=" + java.net.URLEncoder.encode(i.round(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (PublicationItem i : publications(today.minusYears(1), today)) {
            LocalDate due = i.timeliness().nextDeadline();
            if (due == null || i.state() == PublicationTimeliness.State.WAITING_DECISION || i.state() == PublicationTimeliness.State.WAITING_PUBLIC) {
                continue;
            }
            boolean late = i.state().late();
            if (late && i.state() == PublicationTimeliness.State.DECISION_LATE && i.decisionId() != null) {
                continue; // signed late: nothing left to do but the record
            }
            String what = i.decisionId() == null ? "Ban hành quyết định công bố TTHC theo " : "Công khai TTHC theo ";
            out.add(new ControlWarning("publication", i.watchId() == null ? -i.decisionId() : i.watchId(), i.agencyId(), i.agencyName(),
                    what + i.sourceRef(), due, late, "/kiem-soat/cong-bo"));
        }
        for (OversightStore.DraftRow d : store.drafts()) {
            LocalDate due = d.status().nextDue(d.opinionDue(), d.appraisalDue());
            if (due != null && !today.plusDays(days).isBefore(due)) {
                String what = d.status() == DraftStatus.REGISTERED ? "Ý kiến về TTHC trong dự thảo: " : "Thẩm định dự thảo: ";
                out.add(new ControlWarning("regulation_draft", d.id(), d.agencyId(), names.getOrDefault(d.agencyId(), ""), what + d.title(), due,
                        today.isAfter(due), "/kiem-soat/du-thao/" + d.id()));
            }
        }
        for (Inspection i : inspections(null)) {
            for (Inspection.Finding f : i.findings()) {
                if (f.open() && !today.plusDays(days).isBefore(f.dueOn())) {
                    out.add(new ControlWarning("inspection_finding", f.id(), i.agencyId(), names.getOrDefault(i.agencyId(), ""),
                            "Khắc phục sau kiểm tra: " + f.remediation(), f.dueOn(), today.isAfter(f.dueOn()), "/kiem-soat/kiem-tra-don-vi/" + i.id()));
                }
            }
        }
        out.sort(Comparator.comparing(ControlWarning::dueOn));
        return out;
    }

    /** Whether the user's control role covers the unit. */
    public boolean covers(CurrentUser user, long agencyId) {
        return scope.covers(user, agencyId);
    }

    /** The warnings a user's units have. */
    public List<ControlWarning> warnings(CurrentUser user) {
        return warnings().stream().filter(w -> scope.covers(user, w.agencyId())).toList();
    }

    /** Sends each warning not yet sent (once per subject, deadline and stage); returns how many were sent. */
    @Transactional
    public int sendWarnings() {
        int sent = 0;
        for (ControlWarning w : warnings()) {
            if (store.recordWarning(w.key(), w.subjectType(), w.subjectId(), w.agencyId(), w.title(), w.dueOn(), now())) {
                events.publishEvent(new ControlEvents.DeadlineWarned(w.subjectType(), w.subjectId(), w.agencyId(), w.title(), w.dueOn(), w.overdue(),
                        w.link(), now()));
                sent++;
            }
        }
        return sent;
    }
}
