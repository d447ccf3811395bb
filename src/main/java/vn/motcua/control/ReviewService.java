package vn.motcua.control;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.control.domain.Authority;
import vn.motcua.control.domain.DecentralisationProposal;
import vn.motcua.control.domain.DecentralisationStatus;
import vn.motcua.control.domain.ProposalType;
import vn.motcua.control.domain.ReviewProgress;
import vn.motcua.control.internal.ReviewStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Review of the procedures: the year's review plans (what is reviewed, by whom, by when, how far, with what result)
 * and the decentralisation and delegation review of the procedures the provincial committee or its chair decides
 * (appendix of Official Letter 634/UBND-TH). Every change is audited; a stale form is refused, not saved over.
 */
@Service
public class ReviewService {
    private final ReviewStore store;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final Scope scope;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewService(ReviewStore store, CatalogService catalog, AgencyService agencies, Scope scope, AuditLog audit, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.agencies = agencies;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new plan needs (all text, as typed). */
    public record PlanInput(String year, String reference, String title, String ownerAgencyId) {
    }

    /** What an item of a plan needs: a procedure code or a subject (a group of procedures), the responsible unit, the due day. */
    public record ItemInput(String procedureCode, String subject, String agencyId, String dueOn) {
    }

    /** The review of one procedure in a decentralisation round. */
    public record DecentralisationInput(String authority, String legalBasis, String proposal, String receiver, String proposalType,
                                        String reason) {
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

    /** The units in force today the user's forms may choose (those his role covers), by name. */
    public List<Agency> choosableUnits(CurrentUser user) {
        return scope.choosable(user);
    }

    // ---------------------------------------------------------------- plans

    public List<Integer> planYears() {
        List<Integer> years = new java.util.ArrayList<>(store.planYears());
        if (!years.contains(today().getYear())) {
            years.add(0, today().getYear());
        }
        return years;
    }

    @Transactional(readOnly = true)
    public List<ReviewPlan> plans(int year) {
        Map<Long, String> names = names();
        return store.plans(year).stream().map(p -> plan(p, names)).toList();
    }

    @Transactional(readOnly = true)
    public ReviewPlan plan(long id) {
        Map<Long, String> names = names();
        return store.plan(id).map(p -> plan(p, names)).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch rà soát."));
    }

    private ReviewPlan plan(ReviewStore.PlanRow p, Map<Long, String> names) {
        return new ReviewPlan(p.id(), p.year(), p.reference(), p.title(), p.ownerAgencyId(), names.getOrDefault(p.ownerAgencyId(), ""),
                p.createdBy(), p.rowVersion(), store.items(p.id(), names));
    }

    @Transactional
    public long createPlan(PlanInput in, CurrentUser by) {
        Problems p = new Problems();
        Integer year = Inputs.integer(in.year(), "year", "năm", 2000, 2100, true, p);
        String reference = Inputs.text(in.reference(), "reference", "số, ký hiệu kế hoạch", 120, true, p);
        String title = Inputs.text(in.title(), "title", "tên kế hoạch", 500, true, p);
        Agency owner = scope.agency(in.ownerAgencyId(), "ownerAgencyId", p);
        p.require(reference == null || !store.referenceTaken(reference), "reference", "Đã có kế hoạch mang số, ký hiệu này.");
        p.throwIfAny();
        scope.require(by, owner.id());
        long id = store.insertPlan(year, reference, title, owner.id(), by.username(), now());
        audit.record("control.review-plan.created", "review_plan", id, null, Map.of("year", year, "reference", reference, "title", title,
                "owner", owner.name()));
        return id;
    }

    @Transactional
    public long addItem(long planId, long planRowVersion, ItemInput in, CurrentUser by) {
        ReviewPlan plan = plan(planId);
        scope.require(by, plan.ownerAgencyId());
        Problems p = new Problems();
        String code = Inputs.text(in.procedureCode(), "procedureCode", "mã thủ tục", 40, false, p);
        String subject = Inputs.text(in.subject(), "subject", "nội dung rà soát", 500, false, p);
        Optional<ProcedureVersion> v = Optional.empty();
        if (code != null) {
            v = catalog.inForceOn(code, today());
            p.require(v.isPresent(), "procedureCode", "Không có thủ tục đang có hiệu lực với mã " + code + ".");
        }
        p.require(code != null || subject != null, "subject", "Nhập mã thủ tục hoặc nội dung (nhóm thủ tục) cần rà soát.");
        Agency agency = scope.agency(in.agencyId(), "agencyId", p);
        LocalDate due = Inputs.date(in.dueOn(), "dueOn", "hạn hoàn thành", true, p);
        p.require(due == null || due.getYear() == plan.year() || due.getYear() == plan.year() + 1, "dueOn",
                "Hạn hoàn thành phải trong năm " + plan.year() + " của kế hoạch (hoặc năm sau).");
        p.throwIfAny();
        if (store.touchPlan(planId, planRowVersion) == 0) {
            throw new ConflictException("Kế hoạch vừa được người khác thay đổi; hãy tải lại trang rồi nhập lại.");
        }
        String text = subject != null ? subject : v.get().name();
        long id = store.insertItem(planId, v.map(ProcedureVersion::code).orElse(null), text, agency.id(), due, by.username(), now());
        audit.record("control.review-item.added", "review_item", id, null, Map.of("plan", plan.reference(), "subject", text,
                "agency", agency.name(), "dueOn", due.toString()));
        return id;
    }

    @Transactional
    public ReviewItem report(long itemId, long rowVersion, String progress, String result, CurrentUser by) {
        Map<Long, String> names = names();
        ReviewItem item = store.item(itemId, names).orElseThrow(() -> new NotFoundException("Không tìm thấy nội dung rà soát."));
        scope.require(by, item.agencyId());
        Problems p = new Problems();
        Integer percent = Inputs.integer(progress, "progress", "tiến độ (%)", 0, 100, true, p);
        p.throwIfAny();
        ReviewProgress next = item.progress().report(percent, result, today());
        if (store.updateProgress(itemId, rowVersion, next, by.username(), now()) == 0) {
            throw new ConflictException("Nội dung này vừa được người khác cập nhật; hãy tải lại trang.");
        }
        audit.record("control.review-item.reported", "review_item", itemId,
                Map.of("progress", item.progress().progress(), "status", item.progress().status().name()),
                Map.of("progress", next.progress(), "status", next.status().name(), "result", next.result() == null ? "" : next.result()));
        return store.item(itemId, names).orElseThrow();
    }

    /** Items not done that are due within the days given, or overdue. */
    @Transactional(readOnly = true)
    public List<ReviewItem> itemsDueWithin(int days) {
        return store.openItemsDueBy(today().plusDays(days), names());
    }

    // ---------------------------------------------------------------- decentralisation review

    public List<String> rounds() {
        return store.rounds();
    }

    @Transactional(readOnly = true)
    public List<DecentralisationItem> round(String round) {
        return store.decentralisation(round, names());
    }

    /**
     * Opens a review round: every provincial-level procedure in force enters it (once), due by the day given, with the
     * legal basis the catalog holds; the responsible units then say who decides it and what they propose.
     */
    @Transactional
    public int openRound(String round, String dueOn, CurrentUser by) {
        Problems p = new Problems();
        String name = Inputs.text(round, "round", "tên đợt rà soát", 120, true, p);
        LocalDate due = Inputs.date(dueOn, "dueOn", "hạn hoàn thành rà soát", true, p);
        p.throwIfAny();
        scope.require(by, scope.province());
        int added = 0;
        for (ProcedureVersion v : catalog.allInForce(today())) {
            if (v.level() != ProcedureLevel.PROVINCE || store.inRound(name, v.code())) {
                continue;
            }
            store.insertDecentralisation(name, v.code(), v.name(), v.field().name(), v.agencyId(), v.legalBasis(), due);
            added++;
        }
        audit.record("control.decentralisation.opened", "decentralisation_review", name, null, Map.of("procedures", added, "dueOn", due.toString()));
        return added;
    }

    @Transactional
    public DecentralisationItem review(long id, long rowVersion, DecentralisationInput in, CurrentUser by) {
        Map<Long, String> names = names();
        DecentralisationItem item = store.decentralisationItem(id, names).orElseThrow(() -> new NotFoundException("Không tìm thấy thủ tục trong đợt rà soát."));
        scope.require(by, item.agencyId());
        if (item.status() == DecentralisationStatus.SUBMITTED) {
            throw new ConflictException("Kết quả rà soát thủ tục này đã gửi UBND tỉnh, không sửa được nữa.");
        }
        Problems p = new Problems();
        Authority authority = Inputs.choice(in.authority(), Authority.class, "authority", "thẩm quyền quyết định", true, p);
        String basis = Inputs.text(in.legalBasis(), "legalBasis", "căn cứ pháp lý", 4000, true, p);
        DecentralisationProposal proposal = Inputs.choice(in.proposal(), DecentralisationProposal.class, "proposal", "đề xuất", authority != Authority.OTHER, p);
        String receiver = Inputs.text(in.receiver(), "receiver", "cơ quan được phân cấp, ủy quyền", 500, false, p);
        ProposalType type = Inputs.choice(in.proposalType(), ProposalType.class, "proposalType", "loại đề xuất", false, p);
        String reason = Inputs.text(in.reason(), "reason", "lý do, ghi chú", 4000, false, p);
        boolean moves = proposal == DecentralisationProposal.DECENTRALISE || proposal == DecentralisationProposal.DELEGATE;
        p.require(!moves || receiver != null, "receiver", "Đề xuất phân cấp, ủy quyền thì phải ghi phân cấp, ủy quyền cho cơ quan nào.");
        p.require(!moves || type != null, "proposalType", "Đề xuất phân cấp, ủy quyền thì phải chọn loại đề xuất.");
        p.require(proposal != DecentralisationProposal.KEEP || reason != null, "reason", "Đề xuất giữ nguyên thì phải nêu lý do.");
        p.throwIfAny();
        if (store.updateDecentralisation(id, rowVersion, authority, basis, proposal, moves ? receiver : null, moves ? type : null, reason,
                by.username(), now()) == 0) {
            throw new ConflictException("Thủ tục này vừa được người khác cập nhật; hãy tải lại trang.");
        }
        DecentralisationItem after = store.decentralisationItem(id, names).orElseThrow();
        audit.record("control.decentralisation.reviewed", "decentralisation_review", id, summary(item), summary(after));
        return after;
    }

    /** Sends the reviewed procedures of a round within the user's units to the committee; they cannot be changed afterwards. */
    @Transactional
    public int submitRound(String round, CurrentUser by) {
        int n = 0;
        for (DecentralisationItem i : round(round)) {
            if (i.status() == DecentralisationStatus.REVIEWED && scope.covers(by, i.agencyId())) {
                n += store.submit(i.id());
            }
        }
        if (n == 0) {
            throw new ConflictException("Không có thủ tục nào đã rà soát mà chưa gửi trong phạm vi của bạn.");
        }
        audit.record("control.decentralisation.submitted", "decentralisation_review", round, null, Map.of("procedures", n));
        return n;
    }

    @Transactional(readOnly = true)
    public List<DecentralisationItem> decentralisationDueWithin(int days) {
        return store.pendingDecentralisationDueBy(today().plusDays(days), names());
    }

    private static Map<String, Object> summary(DecentralisationItem i) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", i.status().name());
        m.put("authority", i.authority() == null ? "" : i.authority().name());
        m.put("proposal", i.proposal() == null ? "" : i.proposal().name());
        m.put("receiver", i.receiver() == null ? "" : i.receiver());
        m.put("type", i.proposalType() == null ? "" : i.proposalType().name());
        return m;
    }

}
