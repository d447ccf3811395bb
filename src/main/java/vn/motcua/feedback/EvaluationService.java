package vn.motcua.feedback;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.VersionStatus;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.FinishedDossier;
import vn.motcua.feedback.domain.EvaluationCriteria;
import vn.motcua.feedback.internal.EvaluationStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 9-criterion evaluation of each agency's handling of TTHC per quarter or year (reporting periods of Decree 09/2019):
 * computed from the system's data ({@link EvaluationCriteria}), self-assessed by the agency (its TTHC-control officers or
 * leaders; the computed points are frozen then), verified by the supervising body (TTHC control of a unit above it), with
 * the rating band of the total ({@code motcua.feedback.bands}).
 */
@Service
public class EvaluationService {
    private final EvaluationStore store;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final RatingService ratings;
    private final FeedbackService feedback;
    private final AuditLog audit;
    private final FeedbackProperties props;
    private final Clock clock;

    public EvaluationService(EvaluationStore store, DossierQueries queries, CatalogService catalog, AgencyService agencies, RatingService ratings,
                             FeedbackService feedback, AuditLog audit, FeedbackProperties props, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.catalog = catalog;
        this.agencies = agencies;
        this.ratings = ratings;
        this.feedback = feedback;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Agencies that handle TTHC and are evaluated: the provincial committee, departments, district and commune committees. */
    public List<Agency> evaluated() {
        return agencies.activeOn(agencies.today()).stream().filter(a -> a.type() == AgencyType.PROVINCE_COMMITTEE
                        || a.type() == AgencyType.DEPARTMENT || a.type() == AgencyType.DISTRICT_COMMITTEE || a.type() == AgencyType.COMMUNE_COMMITTEE)
                .sorted(VietnameseText.by(Agency::name)).toList();
    }

    public FeedbackProperties.Band band(BigDecimal total) {
        return EvaluationCriteria.band(total, props.bands(), FeedbackProperties.Band::min);
    }

    /** The stored evaluation of the agency and period, else the one computed now. */
    public Evaluation view(long agencyId, ReportingPeriod period) {
        Agency a = agency(agencyId);
        Optional<EvaluationStore.Row> row = store.find(agencyId, period.key());
        if (row.isEmpty()) {
            return compute(a, period);
        }
        EvaluationStore.Row r = row.get();
        List<Evaluation.Criterion> list = new ArrayList<>();
        for (EvaluationStore.CriterionRow c : store.criteria(r.id())) {
            list.add(new Evaluation.Criterion(c.criterion(), EvaluationCriteria.NAMES.get(c.criterion() - 1),
                    EvaluationCriteria.NAMES_EN.get(c.criterion() - 1), c.computed(), c.counted(), c.self(), c.verified(), c.note()));
        }
        return new Evaluation(r.id(), agencyId, a.name(), period, r.slips(), EvaluationStatus.valueOf(r.status()), list, r.computedAt(),
                r.assessedBy(), r.assessedAt(), r.verifiedBy(), r.verifiedAt(), r.rowVersion());
    }

    /** Every evaluated agency's evaluation of the period (stored or computed now). */
    public List<Evaluation> overview(ReportingPeriod period) {
        return evaluated().stream().map(a -> view(a.id(), period)).toList();
    }

    /** Computes the evaluation from the dossiers the agency returned in the period. */
    public Evaluation compute(Agency a, ReportingPeriod period) {
        List<FinishedDossier> slips = queries.finished(agencies.agencyUnits(a.id()), period.from(), period.to());
        List<Long> ids = slips.stream().map(FinishedDossier::id).toList();
        Map<Long, Rating> rated = ratings.ofDossiers(ids);
        Map<Long, List<Feedback>> fb = feedback.ofDossiers(ids);
        Map<Long, EvaluationCriteria.Publication> publications = new HashMap<>();
        Map<Long, Agency> all = agencies.byId();
        LocalDateTime now = now();
        List<Integer[]> points = new ArrayList<>();
        for (FinishedDossier d : slips) {
            EvaluationCriteria.Publication pub = publications.computeIfAbsent(d.procedureVersionId(), this::publication);
            Agency receiving = all.get(d.receivingAgencyId());
            Rating r = rated.get(d.id());
            Integer attitude = r == null ? null : r.scores().attitude() != null ? r.scores().attitude() : r.satisfaction().points();
            points.add(EvaluationCriteria.points(new EvaluationCriteria.Slip(d, receiving != null && receiving.type() == AgencyType.ONE_STOP, pub,
                    attitude, feedbackState(fb.get(d.id()), now))));
        }
        EvaluationCriteria.Score score = EvaluationCriteria.score(points);
        List<Evaluation.Criterion> list = new ArrayList<>();
        for (int c = 0; c < EvaluationCriteria.COUNT; c++) {
            list.add(new Evaluation.Criterion(c + 1, EvaluationCriteria.NAMES.get(c), EvaluationCriteria.NAMES_EN.get(c), score.average()[c],
                    score.counted()[c], null, null, null));
        }
        return new Evaluation(null, a.id(), a.name(), period, slips.size(), EvaluationStatus.COMPUTED, list, now, null, null, null, null, 0);
    }

    static EvaluationCriteria.FeedbackState feedbackState(List<Feedback> list, LocalDateTime now) {
        if (list == null || list.isEmpty()) {
            return EvaluationCriteria.FeedbackState.NONE;
        }
        if (list.stream().anyMatch(f -> f.status().open() && (f.late() || f.overdue(now)))) {
            return EvaluationCriteria.FeedbackState.UNANSWERED_OVERDUE;
        }
        if (list.stream().anyMatch(f -> f.late() || f.disliked())) {
            return EvaluationCriteria.FeedbackState.ANSWERED_LATE_OR_DISLIKED;
        }
        return EvaluationCriteria.FeedbackState.SATISFACTORY;
    }

    private EvaluationCriteria.Publication publication(long versionId) {
        ProcedureVersion v;
        try {
            v = catalog.version(versionId);
        } catch (NotFoundException e) {
            return null;
        }
        boolean published = v.status() == VersionStatus.PUBLISHED && v.decisionNumber() != null;
        boolean parts = !blank(v.name()) && !blank(v.steps()) && (v.byCounter() || v.byOnline() || v.byPost()) && !v.components().isEmpty()
                && v.timeLimitDays() != null && !blank(v.subjects()) && (!blank(v.implementingAgency()) || !blank(v.agencyName()));
        return new EvaluationCriteria.Publication(published, parts, v.onlineLevel());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ self-assessment and verification

    /** Whether the user assesses for the agency: its TTHC-control officers and leaders. */
    public boolean mayAssess(CurrentUser user, long agencyId) {
        return List.of(Role.TTHC_CONTROL, Role.LEADER).stream().anyMatch(r -> user.unitsFor(r).stream().anyMatch(u -> agencies.sameAgency(u, agencyId)));
    }

    /** Whether the user verifies for the agency: a TTHC-control officer of a unit above it (the supervising body). */
    public boolean mayVerify(CurrentUser user, long agencyId) {
        return user.unitsFor(Role.TTHC_CONTROL).stream().anyMatch(u -> !agencies.sameAgency(u, agencyId) && agencies.isWithin(agencyId, u));
    }

    /** The agency's own points (and notes) per criterion; the computed points are frozen now. */
    @Transactional
    public Evaluation selfAssess(long agencyId, String periodKey, long rowVersion, Map<Integer, String> points, Map<Integer, String> notes,
                                 CurrentUser user) {
        ReportingPeriod period = period(periodKey);
        Agency a = agency(agencyId);
        if (!mayAssess(user, agencyId)) {
            audit.recordAttempt("evaluation.assess-refused", "evaluation", agencyId + ":" + periodKey, Map.of("user", user.username()));
            throw new NotFoundException("Không tìm thấy bảng đánh giá.");
        }
        if (!period.to().isBefore(agencies.today())) {
            throw ValidationException.of("period", "Kỳ đánh giá chưa kết thúc (hết ngày " + period.to() + "): chưa tự đánh giá được.");
        }
        Map<Integer, BigDecimal> values = parse(points);
        Optional<EvaluationStore.Row> row = store.find(agencyId, period.key());
        LocalDateTime now = now();
        if (row.isEmpty()) {
            Evaluation computed = compute(a, period);
            long id = store.insert(agencyId, period.key(), period.from(), period.to(), computed.slips(), computed.computedAt(), user.username(), now);
            for (Evaluation.Criterion c : computed.criteria()) {
                store.insertCriterion(id, new EvaluationStore.CriterionRow(c.number(), c.computed(), c.counted(), values.get(c.number()), null,
                        note(notes.get(c.number()))));
            }
            audit.record("evaluation.self-assessed", "evaluation", id, null, Map.of("agency", agencyId, "period", period.key(), "points", values.toString()));
        } else {
            EvaluationStore.Row r = row.get();
            if (!r.status().equals(EvaluationStatus.SELF_ASSESSED.name())) {
                throw ValidationException.of("status", "Bảng đánh giá đã được thẩm định: không sửa được.");
            }
            if (r.rowVersion() != rowVersion) {
                throw new vn.motcua.shared.ConflictException("Bảng đánh giá vừa được người khác cập nhật. Vui lòng tải lại trang.");
            }
            Evaluation before = view(agencyId, period);
            for (int c = 1; c <= EvaluationCriteria.COUNT; c++) {
                store.updateCriterion(r.id(), c, values.get(c), null, note(notes.get(c)));
            }
            store.mark(r.id(), r.rowVersion(), EvaluationStatus.SELF_ASSESSED.name(), user.username(), now, null, null);
            audit.record("evaluation.self-assessed", "evaluation", r.id(), before.selfTotal(), Map.of("points", values.toString()));
        }
        return view(agencyId, period);
    }

    @Transactional
    public Evaluation verify(long agencyId, String periodKey, long rowVersion, Map<Integer, String> points, Map<Integer, String> notes, CurrentUser user) {
        ReportingPeriod period = period(periodKey);
        agency(agencyId);
        if (!mayVerify(user, agencyId)) {
            audit.recordAttempt("evaluation.verify-refused", "evaluation", agencyId + ":" + periodKey, Map.of("user", user.username()));
            throw new NotFoundException("Không tìm thấy bảng đánh giá.");
        }
        EvaluationStore.Row r = store.find(agencyId, period.key())
                .orElseThrow(() -> ValidationException.of("status", "Đơn vị chưa tự đánh giá: chưa thẩm định được."));
        if (r.rowVersion() != rowVersion) {
            throw new vn.motcua.shared.ConflictException("Bảng đánh giá vừa được người khác cập nhật. Vui lòng tải lại trang.");
        }
        Map<Integer, BigDecimal> values = parse(points);
        Evaluation before = view(agencyId, period);
        for (Evaluation.Criterion c : before.criteria()) {
            String n = notes.get(c.number());
            store.updateCriterion(r.id(), c.number(), c.self(), values.get(c.number()), n == null || n.isBlank() ? c.note() : note(n));
        }
        store.mark(r.id(), r.rowVersion(), EvaluationStatus.VERIFIED.name(), null, null, user.username(), now());
        audit.record("evaluation.verified", "evaluation", r.id(), before.selfTotal(), Map.of("points", values.toString()));
        return view(agencyId, period);
    }

    /** Nine points between 0 and 2 with at most 2 decimals ("1,5" or "1.5"). */
    private static Map<Integer, BigDecimal> parse(Map<Integer, String> points) {
        Problems p = new Problems();
        Map<Integer, BigDecimal> out = new HashMap<>();
        for (int c = 1; c <= EvaluationCriteria.COUNT; c++) {
            String raw = points.get(c);
            try {
                BigDecimal v = new BigDecimal(raw == null ? "" : raw.trim().replace(',', '.'));
                if (v.signum() < 0 || v.compareTo(Evaluation.STANDARD) > 0 || v.scale() > 2) {
                    throw new NumberFormatException();
                }
                out.put(c, v.setScale(2, RoundingMode.HALF_UP));
            } catch (NumberFormatException e) {
                p.add("c" + c, "Tiêu chí " + c + ": nhập điểm từ 0 đến 2 (tối đa 2 chữ số thập phân).");
            }
        }
        p.throwIfAny();
        return out;
    }

    private static String note(String n) {
        if (n == null || n.isBlank()) {
            return null;
        }
        String t = n.strip();
        if (t.length() > 1000) {
            throw ValidationException.of("note", "Ghi chú tối đa 1000 ký tự.");
        }
        return t;
    }

    public static ReportingPeriod period(String key) {
        return ReportingPeriod.parse(key).filter(p -> p.kind() != ReportingPeriod.Kind.HALF_YEAR)
                .orElseThrow(() -> ValidationException.of("period", "Kỳ đánh giá không hợp lệ (ví dụ 2026-Q3 hoặc 2026)."));
    }

    private Agency agency(long id) {
        Agency a = agencies.byId().get(id);
        if (a == null) {
            throw new NotFoundException("Không tìm thấy cơ quan.");
        }
        return a;
    }

    /** The periods offered: quarters and years of the last two years, newest first. */
    public List<ReportingPeriod> periods() {
        return ReportingPeriod.recent(agencies.today(), 2);
    }

    public LocalDate today() {
        return agencies.today();
    }
}
