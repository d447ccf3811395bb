package vn.motcua.control;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.PublishedDecision;
import vn.motcua.control.domain.ComplianceCost;
import vn.motcua.control.domain.Simplification;
import vn.motcua.control.domain.SubjectKind;
import vn.motcua.control.internal.SimplificationStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Simplification work: the income figure a year's reviews use, compliance-cost assessments with a simulated
 * simplification (Circular 02/2017 Art. 27), simplification proposals from draft to the publication decision that
 * implements them, the province-wide tracker of the 20 % cut, and the catalog of internal procedures.
 */
@Service
public class SimplificationService {
    /** The cut the seeds ask for (compliance cost and internal procedures). */
    public static final BigDecimal TARGET_PERCENT = BigDecimal.valueOf(20);
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");
    private static final BigDecimal MAX_HOURS = new BigDecimal("10000");
    private static final java.util.regex.Pattern INTERNAL_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{2,39}");

    private final SimplificationStore store;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final Scope scope;
    private final AuditLog audit;
    private final Clock clock;

    public SimplificationService(SimplificationStore store, CatalogService catalog, AgencyService agencies, Scope scope, AuditLog audit,
                                 Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.agencies = agencies;
        this.scope = scope;
        this.audit = audit;
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

    // ---------------------------------------------------------------- income figure

    public Optional<IncomeFigure> income(int year) {
        return store.income(year);
    }

    public List<IncomeFigure> incomes() {
        return store.incomes();
    }

    /** Sets a year's income figure; only the province's control office (or an administrator) sets it. */
    @Transactional
    public IncomeFigure saveIncome(String year, String amount, String source, CurrentUser by) {
        Problems p = new Problems();
        Integer y = Inputs.integer(year, "year", "năm", 2000, 2100, true, p);
        BigDecimal a = Inputs.decimal(amount, "monthlyIncome", "thu nhập bình quân tháng", MAX_MONEY, true, p);
        String s = Inputs.text(source, "incomeSource", "nguồn số liệu thu nhập", 500, true, p);
        p.require(a == null || a.signum() > 0, "monthlyIncome", "Thu nhập bình quân tháng phải lớn hơn 0.");
        p.require(a == null || a.stripTrailingZeros().scale() <= 0, "monthlyIncome", "Thu nhập bình quân tháng tính bằng đồng, không có phần lẻ.");
        p.throwIfAny();
        scope.require(by, scope.province());
        Optional<IncomeFigure> before = store.income(y);
        store.saveIncome(y, a.longValue(), s, by.username(), now());
        audit.record("control.income.saved", "control_income", y, before.map(f -> Map.of("monthlyIncome", f.monthlyIncome(), "source", f.source()))
                .orElse(null), Map.of("monthlyIncome", a.longValue(), "source", s));
        return store.income(y).orElseThrow();
    }

    // ---------------------------------------------------------------- compliance cost

    /**
     * A first assessment of a procedure's version in force, to be corrected by the reviewer: preparing the dossier
     * (2 hours and half an hour per component), going to the counter twice (2 hours each) when it is submitted there,
     * certified copies (2,000 đ each), two trips (30,000 đ each), and every fee and charge of the catalog; the income
     * figure of the year when there is one.
     */
    @Transactional(readOnly = true)
    public CostInput suggest(String code) {
        ProcedureVersion v = catalog.current(code == null ? "" : code.trim());
        int year = today().getYear();
        Optional<IncomeFigure> income = store.income(year).or(() -> store.income(year - 1));
        List<CostInput.Line> lines = new ArrayList<>();
        int components = v.components().size();
        int copies = v.components().stream().mapToInt(Component::copies).sum();
        lines.add(line(ComplianceCost.Kind.WORK, "Tìm hiểu thủ tục, chuẩn bị " + components + " thành phần hồ sơ",
                BigDecimal.valueOf(2).add(BigDecimal.valueOf(components).multiply(new BigDecimal("0.5"))).toPlainString(), "1", ""));
        if (v.byCounter()) {
            lines.add(line(ComplianceCost.Kind.WORK, "Nộp hồ sơ và nhận kết quả tại bộ phận một cửa (2 lần, kể cả chờ)", "4", "1", ""));
            lines.add(line(ComplianceCost.Kind.TRAVEL, "Đi lại nộp hồ sơ, nhận kết quả", "", "2", "30000"));
        } else {
            lines.add(line(ComplianceCost.Kind.WORK, "Nộp hồ sơ trực tuyến, theo dõi và nhận kết quả", "1", "1", ""));
        }
        if (copies > 0) {
            lines.add(line(ComplianceCost.Kind.COPY, "Sao chụp, chứng thực bản sao giấy tờ", "", String.valueOf(copies), "2000"));
        }
        for (Fee f : v.fees()) {
            if (f.amountVnd() > 0) {
                lines.add(line(ComplianceCost.Kind.FEE, f.kind().label() + ": " + f.description(), "", "1", String.valueOf(f.amountVnd())));
            }
        }
        return new CostInput(v.code(), "Đánh giá chi phí tuân thủ " + v.code(), String.valueOf(year),
                income.map(i -> String.valueOf(i.monthlyIncome())).orElse(""), income.map(IncomeFigure::source).orElse(""), "1", "",
                v.timeLimitDays().stripTrailingZeros().toPlainString(), "", lines);
    }

    private static CostInput.Line line(ComplianceCost.Kind kind, String text, String hours, String quantity, String unitCost) {
        return new CostInput.Line(kind.name(), text, hours, quantity, unitCost, false, "", "", "", false);
    }

    /** Computes an assessment without saving it (id 0): the cost now, after the simulated simplification, and the saving. */
    @Transactional(readOnly = true)
    public CostAssessment compute(CostInput in) {
        Problems p = new Problems();
        String code = Inputs.text(in.procedureCode(), "procedureCode", "mã thủ tục", 40, true, p);
        ProcedureVersion v = null;
        if (code != null) {
            v = catalog.inForceOn(code, today()).orElse(null);
            p.require(v != null, "procedureCode", "Không có thủ tục đang có hiệu lực với mã " + code + ".");
        }
        String title = Inputs.text(in.title(), "title", "tên đánh giá", 500, false, p);
        Integer year = Inputs.integer(in.year(), "year", "năm đánh giá", 2000, 2100, true, p);
        BigDecimal monthly = Inputs.decimal(in.monthlyIncome(), "monthlyIncome", "thu nhập bình quân tháng", MAX_MONEY, true, p);
        String source = Inputs.text(in.incomeSource(), "incomeSource", "nguồn số liệu thu nhập", 500, true, p);
        BigDecimal times = Inputs.decimal(in.timesPerYear(), "timesPerYear", "số lần thực hiện/năm của một đối tượng", new BigDecimal("100000"), true, p);
        BigDecimal subjects = Inputs.decimal(in.subjectsPerYear(), "subjectsPerYear", "số đối tượng thực hiện/năm", new BigDecimal("100000000"), true, p);
        BigDecimal afterLimit = Inputs.decimal(in.afterTimeLimitDays(), "afterTimeLimitDays", "thời hạn giải quyết sau đơn giản hóa", new BigDecimal("999"),
                false, p);
        String note = Inputs.text(in.note(), "note", "ghi chú", 4000, false, p);
        p.require(subjects == null || subjects.stripTrailingZeros().scale() <= 0, "subjectsPerYear", "Số đối tượng thực hiện/năm phải là số nguyên.");
        p.require(monthly == null || monthly.stripTrailingZeros().scale() <= 0, "monthlyIncome", "Thu nhập bình quân tháng tính bằng đồng, không có phần lẻ.");
        BigDecimal hourly = monthly == null ? BigDecimal.ZERO : ComplianceCost.hourlyIncome(monthly.longValue());
        List<ComplianceCost.Item> now = new ArrayList<>();
        List<ComplianceCost.Item> after = new ArrayList<>();
        int row = 0;
        int used = 0;
        for (CostInput.Line l : in.lines()) {
            row++;
            if (l == null || l.blank()) {
                continue;
            }
            used++;
            String f = "lines[" + (row - 1) + "]";
            ComplianceCost.Kind kind = Inputs.choice(l.kind(), ComplianceCost.Kind.class, f + ".kind", "loại chi phí (dòng " + row + ")", true, p);
            String text = Inputs.text(l.description(), f + ".description", "nội dung (dòng " + row + ")", 1000, true, p);
            if (kind == null || text == null) {
                continue;
            }
            ComplianceCost.Item before = l.added() ? null : item(kind, text, l.hours(), l.quantity(), l.unitCost(), f, row, p);
            if (!l.drop()) {
                String h = l.added() || !blank(l.hoursAfter()) ? l.hoursAfter() : l.hours();
                String q = l.added() || !blank(l.quantityAfter()) ? l.quantityAfter() : l.quantity();
                String u = l.added() || !blank(l.unitCostAfter()) ? l.unitCostAfter() : l.unitCost();
                ComplianceCost.Item a = item(kind, text, h, q, u, f + ".after", row, p);
                if (a != null) {
                    after.add(a);
                }
            }
            if (before != null) {
                now.add(before);
            }
        }
        p.require(used > 0, "lines", "Chưa nhập khoản chi phí nào.");
        p.require(in.lines().size() <= 60, "lines", "Tối đa 60 khoản chi phí.");
        p.throwIfAny();
        ComplianceCost.Procedure a = new ComplianceCost.Procedure(now, hourly, times, subjects.longValue());
        ComplianceCost.Procedure b = new ComplianceCost.Procedure(after, hourly, times, subjects.longValue());
        ComplianceCost.Saving saving = ComplianceCost.simulate(a, b);
        Agency agency = agencies.get(v.agencyId());
        return new CostAssessment(0, v.code(), v.name(), v.id(), v.versionNo(), v.agencyId(), agency.name(),
                title == null ? "Đánh giá chi phí tuân thủ " + v.code() : title, year, monthly.longValue(), source, hourly, times, subjects.longValue(),
                v.timeLimitDays(), afterLimit, lines(now, hourly), lines(after, hourly), saving, note, null, null);
    }

    private static List<CostLine> lines(List<ComplianceCost.Item> items, BigDecimal hourly) {
        return items.stream().map(i -> new CostLine(i.kind(), i.description(), i.hours(), i.quantity(), i.unitCost(), i.cost(hourly).longValueExact()))
                .toList();
    }

    private static ComplianceCost.Item item(ComplianceCost.Kind kind, String text, String hours, String quantity, String unitCost, String f, int row,
                                            Problems p) {
        int before = p.list().size();
        BigDecimal q = blank(quantity) ? BigDecimal.ONE : Inputs.decimal(quantity, f + ".quantity", "số lượng (dòng " + row + ")",
                new BigDecimal("100000"), true, p);
        if (q != null && (q.stripTrailingZeros().scale() > 0 || q.signum() == 0)) {
            p.add(f + ".quantity", "Số lượng (dòng " + row + ") phải là số nguyên từ 1.");
        }
        if (kind == ComplianceCost.Kind.WORK) {
            BigDecimal h = Inputs.decimal(hours, f + ".hours", "số giờ (dòng " + row + ")", MAX_HOURS, true, p);
            if (p.list().size() > before) {
                return null;
            }
            return new ComplianceCost.Item(kind, text, h, q.intValue(), 0);
        }
        BigDecimal u = Inputs.decimal(unitCost, f + ".unitCost", "đơn giá (dòng " + row + ")", MAX_MONEY, true, p);
        if (u != null && u.stripTrailingZeros().scale() > 0) {
            p.add(f + ".unitCost", "Đơn giá (dòng " + row + ") tính bằng đồng, không có phần lẻ.");
        }
        if (p.list().size() > before) {
            return null;
        }
        return ComplianceCost.Item.of(kind, text, q.intValue(), u.longValue());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Transactional
    public long saveAssessment(CostInput in, CurrentUser by) {
        CostAssessment a = compute(in);
        scope.require(by, a.agencyId());
        long id = store.insertAssessment(a, by.username(), now());
        audit.record("control.cost-assessment.saved", "cost_assessment", id, null, Map.of("procedure", a.procedureCode(), "before", a.saving().before(),
                "after", a.saving().after(), "percent", a.saving().percent() == null ? "" : a.saving().percent().toPlainString()));
        return id;
    }

    /** Whether an assessment exists (for what refers to one). */
    @Transactional(readOnly = true)
    public boolean assessmentExists(long id) {
        return store.assessment(id, Map.of()).isPresent();
    }

    @Transactional(readOnly = true)
    public CostAssessment assessment(long id) {
        return store.assessment(id, names()).orElseThrow(() -> new NotFoundException("Không tìm thấy bản đánh giá chi phí tuân thủ."));
    }

    @Transactional(readOnly = true)
    public List<CostAssessment> assessments(String code) {
        return store.assessments(code == null || code.isBlank() ? null : code.trim(), names());
    }

    // ---------------------------------------------------------------- proposals

    /** A new proposal, as typed. */
    public record ProposalInput(String kind, String procedureCode, String year, String content, String reason, String assessmentId,
                                String timeAfter) {
    }

    @Transactional
    public long propose(ProposalInput in, CurrentUser by) {
        Problems p = new Problems();
        SubjectKind kind = Inputs.choice(in.kind(), SubjectKind.class, "kind", "loại thủ tục", true, p);
        String code = Inputs.text(in.procedureCode(), "procedureCode", "mã thủ tục", 40, true, p);
        Integer year = Inputs.integer(in.year(), "year", "năm", 2000, 2100, true, p);
        String content = Inputs.text(in.content(), "content", "nội dung đơn giản hóa", 8000, true, p);
        String reason = Inputs.text(in.reason(), "reason", "lý do", 4000, false, p);
        Integer assessmentId = Inputs.integer(in.assessmentId(), "assessmentId", "bản đánh giá chi phí", 1, Integer.MAX_VALUE, false, p);
        BigDecimal timeAfter = Inputs.decimal(in.timeAfter(), "timeAfter", "thời hạn giải quyết sau đơn giản hóa", new BigDecimal("999"), false, p);
        p.throwIfAny();
        String name;
        long agencyId;
        BigDecimal timeBefore;
        Long before = null;
        Long after = null;
        Long yearlyBefore = null;
        Long yearlyAfter = null;
        BigDecimal percent = null;
        if (kind == SubjectKind.PUBLIC) {
            ProcedureVersion v = catalog.inForceOn(code, today())
                    .orElseThrow(() -> ValidationException.of("procedureCode", "Không có thủ tục đang có hiệu lực với mã " + code + "."));
            name = v.name();
            agencyId = v.agencyId();
            timeBefore = v.timeLimitDays();
        } else {
            InternalProcedure ip = store.internal(code, names()).filter(x -> x.current() != null)
                    .orElseThrow(() -> ValidationException.of("procedureCode", "Không có thủ tục nội bộ đang áp dụng với mã " + code + "."));
            name = ip.current().name();
            agencyId = ip.current().agencyId();
            timeBefore = ip.current().timeLimitDays();
        }
        if (assessmentId != null) {
            CostAssessment a = store.assessment(assessmentId, Map.of()).orElse(null);
            if (a == null || kind != SubjectKind.PUBLIC || !a.procedureCode().equalsIgnoreCase(code)) {
                throw ValidationException.of("assessmentId", "Bản đánh giá chi phí không thuộc thủ tục này.");
            }
            before = a.saving().before();
            after = a.saving().after();
            yearlyBefore = a.saving().yearlyBefore();
            yearlyAfter = a.saving().yearlyAfter();
            percent = a.saving().percent();
            if (timeAfter == null) {
                timeAfter = a.afterTimeLimitDays();
            }
        }
        if (timeAfter != null && timeAfter.compareTo(timeBefore) > 0) {
            throw ValidationException.of("timeAfter", "Thời hạn sau đơn giản hóa không được dài hơn hiện nay (" + timeBefore.stripTrailingZeros().toPlainString()
                    + " ngày).");
        }
        scope.require(by, agencyId);
        long id = store.insertProposal(kind, code, name, agencyId, year, content, reason, assessmentId == null ? null : assessmentId.longValue(),
                before, after, yearlyBefore, yearlyAfter, percent, timeBefore, timeAfter, by.username(), now());
        audit.record("control.proposal.drafted", "simplification_proposal", id, null, Map.of("procedure", code, "year", year,
                "percent", percent == null ? "" : percent.toPlainString()));
        return id;
    }

    @Transactional(readOnly = true)
    public Proposal proposal(long id) {
        return store.proposal(id, names()).orElseThrow(() -> new NotFoundException("Không tìm thấy phương án đơn giản hóa."));
    }

    @Transactional(readOnly = true)
    public List<Proposal> proposals(Integer year, String code) {
        return store.proposals(year, code == null || code.isBlank() ? null : code.trim(), names());
    }

    public List<Integer> proposalYears() {
        List<Integer> years = new ArrayList<>(store.proposalYears());
        if (!years.contains(today().getYear())) {
            years.add(0, today().getYear());
        }
        return years;
    }

    /** What moves a proposal on: submit, approve (with the approving document), reject, implement (with the decision). */
    public enum Move { SUBMIT, APPROVE, REJECT, IMPLEMENT }

    @Transactional
    public Proposal move(long id, long rowVersion, Move move, String on, String reference, CurrentUser by) {
        Proposal pr = proposal(id);
        scope.require(by, pr.agencyId());
        Problems p = new Problems();
        LocalDate day = Inputs.date(on, "on", "ngày", false, p);
        p.throwIfAny();
        LocalDate d = day == null ? today() : day;
        if (d.isAfter(today())) {
            throw ValidationException.of("on", "Ngày không được sau hôm nay.");
        }
        Simplification s = pr.state();
        Simplification next = switch (move) {
            case SUBMIT -> s.submit(d);
            case APPROVE -> s.approve(d, reference);
            case REJECT -> s.reject(d);
            case IMPLEMENT -> {
                String decision = reference == null ? null : reference.trim();
                if (decision != null && !decision.isEmpty()) {
                    checkImplementingDecision(pr, decision);
                }
                yield s.implement(day == null && decision != null ? decisionDay(pr, decision, d) : d, decision);
            }
        };
        if (store.updateProposalState(id, rowVersion, next, by.username(), now()) == 0) {
            throw new ConflictException("Phương án vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.proposal." + move.name().toLowerCase(), "simplification_proposal", id, Map.of("status", s.status().name()),
                Map.of("status", next.status().name(), "reference", reference == null ? "" : reference));
        return proposal(id);
    }

    /** A procedure's proposal is implemented by a publication decision of the catalog that carries the procedure. */
    private void checkImplementingDecision(Proposal pr, String number) {
        if (pr.kind() == SubjectKind.PUBLIC) {
            PublishedDecision d = catalog.decision(number)
                    .orElseThrow(() -> ValidationException.of("reference", "Không có quyết định công bố số " + number + " trong hệ thống."));
            if (!d.procedureCodes().contains(pr.procedureCode())) {
                throw ValidationException.of("reference", "Quyết định " + d.number() + " không công bố thủ tục " + pr.procedureCode() + ".");
            }
        } else {
            InternalProcedure ip = store.internal(pr.procedureCode(), Map.of()).orElseThrow();
            if (ip.versions().stream().noneMatch(v -> number.equalsIgnoreCase(v.decisionNumber()))) {
                throw ValidationException.of("reference", "Thủ tục nội bộ " + pr.procedureCode() + " chưa có phiên bản công bố theo quyết định " + number + ".");
            }
        }
    }

    private LocalDate decisionDay(Proposal pr, String number, LocalDate fallback) {
        if (pr.kind() == SubjectKind.PUBLIC) {
            return catalog.decision(number).map(PublishedDecision::signedOn).orElse(fallback);
        }
        return store.internal(pr.procedureCode(), Map.of()).flatMap(ip -> ip.versions().stream()
                .filter(v -> number.equalsIgnoreCase(v.decisionNumber())).map(InternalProcedure.Version::decisionSignedOn).findFirst()).orElse(fallback);
    }

    /**
     * The simplification figures of a year per unit that manages procedures, and the province's (agency id 0, last):
     * procedures in force, simplified (approved or implemented proposals), yearly compliance cost before and after, cut.
     */
    @Transactional(readOnly = true)
    public List<CutFigure> tracker(int year) {
        Map<Long, String> names = names();
        List<ProcedureVersion> inForce = catalog.allInForce(today());
        List<InternalProcedure> internals = store.internals(names).stream().filter(i -> i.current() != null).toList();
        List<Proposal> counted = store.proposals(year, null, names).stream().filter(pr -> pr.state().status().counts()).toList();
        Set<Long> units = new java.util.TreeSet<>();
        inForce.forEach(v -> units.add(v.agencyId()));
        internals.forEach(i -> units.add(i.current().agencyId()));
        counted.forEach(pr -> units.add(pr.agencyId()));
        List<CutFigure> out = new ArrayList<>();
        for (long unit : units) {
            out.add(figure(unit, names.getOrDefault(unit, ""), inForce.stream().filter(v -> v.agencyId() == unit).count(),
                    internals.stream().filter(i -> i.current().agencyId() == unit).count(), counted.stream().filter(pr -> pr.agencyId() == unit).toList()));
        }
        out.sort(VietnameseText.by(CutFigure::agencyName));
        out.add(figure(0, "Toàn tỉnh", inForce.size(), internals.size(), counted));
        return out;
    }

    private static CutFigure figure(long unit, String name, long procedures, long internalProcedures, List<Proposal> counted) {
        List<Proposal> pub = counted.stream().filter(pr -> pr.kind() == SubjectKind.PUBLIC).toList();
        List<Proposal> internal = counted.stream().filter(pr -> pr.kind() == SubjectKind.INTERNAL).toList();
        // the yearly cost of each simplified procedure, from its latest counted proposal with an assessment
        Map<String, Proposal> byCode = new LinkedHashMap<>();
        pub.stream().filter(pr -> pr.yearlyBefore() != null && pr.yearlyAfter() != null).forEach(pr -> byCode.merge(pr.procedureCode(), pr, (a, b) -> a.id() > b.id() ? a : b));
        long before = 0;
        long after = 0;
        for (Proposal pr : byCode.values()) {
            before += pr.yearlyBefore();
            after += pr.yearlyAfter();
        }
        BigDecimal costCut = before == 0 ? null
                : BigDecimal.valueOf(before - after).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(before), 2, RoundingMode.HALF_UP);
        BigDecimal tb = BigDecimal.ZERO;
        BigDecimal ta = BigDecimal.ZERO;
        for (Proposal pr : internal) {
            if (pr.timeBefore() != null && pr.timeAfter() != null) {
                tb = tb.add(pr.timeBefore());
                ta = ta.add(pr.timeAfter());
            }
        }
        BigDecimal timeCut = tb.signum() == 0 ? null : tb.subtract(ta).multiply(BigDecimal.valueOf(100)).divide(tb, 2, RoundingMode.HALF_UP);
        int simplified = (int) pub.stream().map(Proposal::procedureCode).distinct().count();
        int internalSimplified = (int) internal.stream().map(Proposal::procedureCode).distinct().count();
        boolean reaches = (costCut == null || costCut.compareTo(TARGET_PERCENT) >= 0) && (timeCut == null || timeCut.compareTo(TARGET_PERCENT) >= 0)
                && (costCut != null || timeCut != null);
        return new CutFigure(unit, name, (int) procedures, simplified, counted.size(), before, after, costCut, (int) internalProcedures,
                internalSimplified, timeCut, reaches);
    }

    // ---------------------------------------------------------------- internal procedures

    /** An internal procedure's version, as typed. */
    public record InternalInput(String code, String name, String level, String fieldName, String agencyId, String steps, String components,
                                String timeLimitDays, String legalBasis) {
    }

    @Transactional(readOnly = true)
    public List<InternalProcedure> internals() {
        return store.internals(names());
    }

    @Transactional(readOnly = true)
    public InternalProcedure internal(String code) {
        return store.internal(code, names()).orElseThrow(() -> new NotFoundException("Không tìm thấy thủ tục nội bộ " + code + "."));
    }

    @Transactional
    public String createInternal(InternalInput in, CurrentUser by) {
        Problems p = new Problems();
        String code = Inputs.text(in.code(), "code", "mã thủ tục nội bộ", 40, true, p);
        p.require(code == null || INTERNAL_CODE.matcher(code).matches(), "code", "Mã thủ tục nội bộ gồm chữ, số, dấu chấm hoặc gạch ngang (3–40 ký tự).");
        p.require(code == null || store.internalId(code).isEmpty(), "code", "Đã có thủ tục nội bộ mang mã này.");
        SimplificationStore.InternalDraft d = draft(in, p);
        p.throwIfAny();
        scope.require(by, d.agencyId());
        long id = store.insertInternal(code, now());
        long versionId = store.insertInternalVersion(id, d, by.username(), now());
        audit.record("control.internal.created", "internal_procedure_version", versionId, null, Map.of("code", code, "name", d.name()));
        return code;
    }

    /** Starts the amendment of an internal procedure in force: a draft copied from it (one draft at a time). */
    @Transactional
    public long amendInternal(String code, CurrentUser by) {
        InternalProcedure ip = internal(code);
        if (ip.abolishedOn() != null) {
            throw new ConflictException("Thủ tục nội bộ này đã bãi bỏ.");
        }
        if (ip.draft() != null) {
            return ip.draft().id();
        }
        InternalProcedure.Version v = ip.current();
        if (v == null) {
            throw new ConflictException("Thủ tục nội bộ này chưa có phiên bản đang áp dụng.");
        }
        scope.require(by, v.agencyId());
        long id = store.insertInternalVersion(ip.id(), new SimplificationStore.InternalDraft(v.name(), v.level(), v.fieldName(), v.agencyId(),
                v.steps(), v.components(), v.timeLimitDays(), v.legalBasis()), by.username(), now());
        audit.record("control.internal.amendment-started", "internal_procedure_version", id, null, Map.of("code", ip.code()));
        return id;
    }

    @Transactional
    public void saveInternalDraft(String code, long versionId, long rowVersion, InternalInput in, CurrentUser by) {
        InternalProcedure ip = internal(code);
        InternalProcedure.Version draft = ip.draft();
        if (draft == null || draft.id() != versionId) {
            throw new ConflictException("Phiên bản này không còn là dự thảo.");
        }
        Problems p = new Problems();
        SimplificationStore.InternalDraft d = draft(in, p);
        p.throwIfAny();
        scope.require(by, draft.agencyId());
        scope.require(by, d.agencyId());
        if (store.updateInternalDraft(versionId, rowVersion, d) == 0) {
            throw new ConflictException("Dự thảo vừa được người khác thay đổi; hãy tải lại trang.");
        }
        audit.record("control.internal.draft-saved", "internal_procedure_version", versionId, Map.of("name", draft.name(),
                "timeLimitDays", draft.timeLimitDays().toPlainString()), Map.of("name", d.name(), "timeLimitDays", d.timeLimitDays().toPlainString()));
    }

    @Transactional
    public void publishInternal(String code, long versionId, long rowVersion, String decisionNumber, String signedOn, CurrentUser by) {
        InternalProcedure ip = internal(code);
        InternalProcedure.Version draft = ip.draft();
        if (draft == null || draft.id() != versionId) {
            throw new ConflictException("Phiên bản này không còn là dự thảo.");
        }
        Problems p = new Problems();
        String decision = Inputs.text(decisionNumber, "decisionNumber", "số quyết định công bố", 60, true, p);
        LocalDate on = Inputs.date(signedOn, "signedOn", "ngày ký quyết định", true, p);
        p.require(on == null || !on.isAfter(today()), "signedOn", "Ngày ký không được sau hôm nay.");
        p.throwIfAny();
        scope.require(by, draft.agencyId());
        if (store.publishInternal(ip.id(), versionId, rowVersion, decision, on, now()) == 0) {
            throw new ConflictException("Dự thảo vừa được người khác thay đổi; hãy tải lại trang.");
        }
        audit.record("control.internal.published", "internal_procedure_version", versionId, null, Map.of("code", ip.code(), "decision", decision,
                "signedOn", on.toString(), "versionNo", draft.versionNo()));
    }

    @Transactional
    public void abolishInternal(String code, String on, CurrentUser by) {
        InternalProcedure ip = internal(code);
        if (ip.abolishedOn() != null || ip.current() == null) {
            throw new ConflictException("Thủ tục nội bộ này không đang áp dụng.");
        }
        Problems p = new Problems();
        LocalDate day = Inputs.date(on, "abolishedOn", "ngày bãi bỏ", true, p);
        p.throwIfAny();
        scope.require(by, ip.current().agencyId());
        store.abolishInternal(ip.id(), day);
        audit.record("control.internal.abolished", "internal_procedure", ip.id(), null, Map.of("code", ip.code(), "on", day.toString()));
    }

    private SimplificationStore.InternalDraft draft(InternalInput in, Problems p) {
        String name = Inputs.text(in.name(), "name", "tên thủ tục nội bộ", 500, true, p);
        ProcedureLevel level = Inputs.choice(in.level(), ProcedureLevel.class, "level", "cấp thực hiện", true, p);
        String field = Inputs.text(in.fieldName(), "fieldName", "lĩnh vực", 255, true, p);
        Agency agency = scope.agency(in.agencyId(), "agencyId", p);
        String steps = Inputs.text(in.steps(), "steps", "trình tự thực hiện", 8000, true, p);
        String components = Inputs.text(in.components(), "components", "thành phần hồ sơ", 4000, true, p);
        BigDecimal limit = Inputs.decimal(in.timeLimitDays(), "timeLimitDays", "thời hạn giải quyết (ngày làm việc)", new BigDecimal("999"), true, p);
        p.require(limit == null || limit.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0, "timeLimitDays",
                "Thời hạn giải quyết làm tròn đến nửa ngày.");
        String basis = Inputs.text(in.legalBasis(), "legalBasis", "căn cứ pháp lý", 4000, true, p);
        return name == null || level == null || field == null || agency == null || steps == null || components == null || limit == null
                || basis == null ? null : new SimplificationStore.InternalDraft(name, level, field, agency.id(), steps, components, limit, basis);
    }

    /** The internal procedure versions' names by code (for forms). */
    public Map<String, String> internalNames() {
        Map<String, String> m = new LinkedHashMap<>();
        internals().stream().filter(i -> i.current() != null).forEach(i -> m.put(i.code(), i.current().name()));
        return m;
    }
}
