package vn.motcua.quality;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.control.OversightService;
import vn.motcua.control.PublicationFigures;
import vn.motcua.control.PublicationItem;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatistics;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyType;
import vn.motcua.payment.CollectingAccount;
import vn.motcua.payment.PaymentService;
import vn.motcua.quality.domain.Measure;
import vn.motcua.quality.domain.Scoring;
import vn.motcua.quality.internal.ConfigStore;
import vn.motcua.quality.internal.FactStore;
import vn.motcua.quality.internal.Units;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 766 index of a unit and period (see {@code docs/service-index.md}): every scored indicator from the data the system
 * holds — dossiers (the fact table), the catalog, publication timeliness (control), feedback — scored by the configured
 * points and thresholds; the dossiers and procedures behind each lost point; trend, ranking and month-end forecast.
 */
@Service
public class QualityService {
    private final FactStore facts;
    private final ConfigStore config;
    private final Units units;
    private final CatalogService catalog;
    private final OversightService oversight;
    private final FeedbackService feedback;
    private final PaymentService payments;
    private final AuditLog audit;
    private final Clock clock;

    private final vn.motcua.quality.internal.ReviewStore portal;

    public QualityService(FactStore facts, ConfigStore config, Units units, CatalogService catalog, OversightService oversight,
                          FeedbackService feedback, PaymentService payments, AuditLog audit, Clock clock,
                          vn.motcua.quality.internal.ReviewStore portal) {
        this.portal = portal;
        this.facts = facts;
        this.config = config;
        this.units = units;
        this.catalog = catalog;
        this.oversight = oversight;
        this.feedback = feedback;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    /** How many dossiers have a fact row (the demo waits for its history's events to be written). */
    public long factCount() {
        return facts.count();
    }

    /** The current month. */
    public Period currentMonth() {
        return Period.month(YearMonth.from(today()));
    }

    /** A period key read for a page or the API, with a field problem when it is not one. */
    public Period period(String key, String field) {
        if (key == null || key.isBlank()) {
            return currentMonth();
        }
        return Period.parse(key).orElseThrow(() -> new ValidationException(List.of(new FieldProblem(field,
                "Kỳ không hợp lệ: dùng tháng (2026-11), quý (2026-Q3), năm (2026) hoặc khoảng ngày (2026-01-15..2026-03-14)."))));
    }

    // ---------------------------------------------------------------- configuration

    public List<Indicator> indicators() {
        return config.indicators();
    }

    public List<Band> bands() {
        return config.bands();
    }

    public Map<Integer, String[]> groupNames() {
        return config.groups();
    }

    public record IndicatorChange(BigDecimal maxPoints, BigDecimal threshold, Indicator.WhenEmpty whenEmpty) {
    }

    /** Changes an indicator's points, threshold or empty rule (when the national rules change); audited, checked for concurrent edits. */
    @Transactional
    public Indicator updateIndicator(String code, long rowVersion, IndicatorChange change, CurrentUser by) {
        Indicator before = config.indicator(code).orElseThrow(() -> new NotFoundException("Không có chỉ số " + code + "."));
        List<FieldProblem> problems = new ArrayList<>();
        if (change.maxPoints() == null || change.maxPoints().signum() < 0 || change.maxPoints().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("maxPoints", "Điểm tối đa phải từ 0 đến 100."));
        }
        if (change.threshold() != null && (change.threshold().signum() <= 0 || change.threshold().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(new FieldProblem("threshold", "Ngưỡng phải lớn hơn 0 và không quá 100 (%), hoặc để trống."));
        }
        if (change.whenEmpty() == null) {
            problems.add(new FieldProblem("whenEmpty", "Chọn cách tính khi không có dữ liệu."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        BigDecimal max = change.maxPoints().setScale(2, RoundingMode.HALF_UP);
        BigDecimal threshold = change.threshold() == null ? null : change.threshold().setScale(2, RoundingMode.HALF_UP);
        if (config.updateIndicator(code, rowVersion, max, threshold, change.whenEmpty(), by.username(), now()) == 0) {
            throw new ConflictException("Chỉ số " + code + " vừa được người khác thay đổi; hãy tải lại trang.");
        }
        Indicator after = config.indicator(code).orElseThrow();
        closedPeriods.clear();
        audit.record("quality.indicator.changed", "quality_indicator", code,
                Map.of("maxPoints", before.maxPoints(), "threshold", String.valueOf(before.threshold()), "whenEmpty", before.whenEmpty()),
                Map.of("maxPoints", after.maxPoints(), "threshold", String.valueOf(after.threshold()), "whenEmpty", after.whenEmpty()));
        return after;
    }

    // ---------------------------------------------------------------- units

    /** A unit the index judges (id 0: the province). */
    public record Unit(long id, String name, String kind) {
    }

    public List<Unit> units() {
        List<Unit> out = new ArrayList<>();
        out.add(new Unit(IndexCard.PROVINCE, "Toàn tỉnh", "PROVINCE"));
        for (Agency a : units.judgedToday()) {
            out.add(new Unit(a.id(), a.name(), a.type().name()));
        }
        return out;
    }

    public Unit unit(long id) {
        if (id == IndexCard.PROVINCE) {
            return units().get(0);
        }
        Agency a = units.find(id).filter(x -> Units.JUDGED_TYPES.contains(x.type()))
                .orElseThrow(() -> new NotFoundException("Không có đơn vị được đánh giá có mã số " + id + "."));
        return new Unit(a.id(), a.name(), a.type().name());
    }

    // ---------------------------------------------------------------- the index

    /** The index of a unit (0: the province) for a period, optionally of one procedure. */
    @Transactional(readOnly = true)
    public IndexCard card(long unitId, Period period, String procedureCode) {
        return cardOf(unit(unitId), period, procedureCode);
    }

    private IndexCard cardOf(Unit unit, Period period, String procedureCode) {
        return closed("card|" + unit.id() + "|" + period.key() + "|" + procedureCode, period, () -> new Snapshot(period, procedureCode, unit).card(unit));
    }

    private record Cached(Object value, long at) {
    }

    /** Figures of periods that have ended, kept for {@code motcua.quality.closed-period-ttl} (5 minutes): a late rating or a portal delivery shows within minutes. */
    private final Map<String, Cached> closedPeriods = new java.util.concurrent.ConcurrentHashMap<>();
    @org.springframework.beans.factory.annotation.Value("${motcua.quality.closed-period-ttl:PT5M}")
    private java.time.Duration closedTtl = java.time.Duration.ofMinutes(5);

    @SuppressWarnings("unchecked")
    private <T> T closed(String key, Period period, java.util.function.Supplier<T> compute) {
        if (!period.to().isBefore(today())) {
            return compute.get();
        }
        long now = System.nanoTime();
        Cached c = closedPeriods.get(key);
        if (c != null && now - c.at() < closedTtl.toNanos()) {
            return (T) c.value();
        }
        T value = compute.get();
        if (closedPeriods.size() > 5000) {
            closedPeriods.clear();
        }
        closedPeriods.put(key, new Cached(value, now));
        return value;
    }

    public IndexCard card(long unitId, Period period) {
        return card(unitId, period, null);
    }

    /** Every judged unit's index for the period, best first (units without dossiers or procedures left out). */
    @Transactional(readOnly = true)
    public List<IndexCard> ranking(Period period) {
        return closed("ranking|" + period.key(), period, () -> rank(period));
    }

    private List<IndexCard> rank(Period period) {
        Snapshot s = new Snapshot(period, null);
        return units().stream().skip(1).map(s::card).filter(c -> c.dossiers() > 0 || c.attainable().compareTo(BigDecimal.valueOf(20)) > 0)
                .sorted(Comparator.comparing(IndexCard::score).reversed().thenComparing(IndexCard::unitName)).toList();
    }

    /** The index of the unit for {@code count} periods of the same kind ending with {@code period}, oldest first. */
    @Transactional(readOnly = true)
    public List<IndexCard> trend(long unitId, Period period, int count) {
        Unit unit = unit(unitId);
        List<IndexCard> out = new ArrayList<>();
        Period p = period;
        for (int i = 0; i < Math.max(1, Math.min(count, 24)); i++) {
            out.add(0, cardOf(unit, p, null));
            p = p.previous();
        }
        return out;
    }

    /**
     * Month-end forecast of indicator 2.1 while a period runs: the dossiers already late stay late; the open ones due
     * before the period ends are at risk — the forecast if each of them is late, and if each is finished in time.
     */
    public record Forecast(Period period, long dossiers, long lateNow, long atRisk, BigDecimal pointsIfAllInTime, BigDecimal pointsIfAtRiskLate,
                           List<FactStore.LostDossier> riskList) {
    }

    @Transactional(readOnly = true)
    public Forecast forecast(long unitId, Period period) {
        unit(unitId);
        LocalDateTime now = now();
        LocalDateTime end = period.to().plusDays(1).atStartOfDay();
        Collection<Long> scope = unitId == IndexCard.PROVINCE ? null : units.factUnits(unitId);
        LocalDateTime at = now.isBefore(end) ? now : end;
        FactStore.Sums sums = facts.sums(period.from(), period.to(), at, end, scope, null).stream().reduce(FactStore.Sums.ZERO, FactStore.Sums::plus);
        Indicator i21 = config.indicator("2.1").orElseThrow();
        BigDecimal ifInTime = Scoring.score(i21, new Measure(sums.dossiers() - sums.late(), sums.dossiers()), IndicatorScore.DrillDown.DOSSIERS).points();
        BigDecimal ifLate = Scoring.score(i21, new Measure(sums.dossiers() - sums.late() - sums.openDueInPeriod(), sums.dossiers()),
                IndicatorScore.DrillDown.DOSSIERS).points();
        List<FactStore.LostDossier> risk = at.isBefore(end) ? facts.atRisk(period.from(), period.to(), at, end, scope, 50) : List.of();
        return new Forecast(period, sums.dossiers(), sums.late(), at.isBefore(end) ? sums.openDueInPeriod() : 0, ifInTime, ifLate, risk);
    }

    // ---------------------------------------------------------------- drill-down

    public record LostPage(IndexCard card, IndicatorScore score, List<FactStore.LostDossier> dossiers, long total, int page, int pageSize,
                           List<LostProcedure> procedures, Map<Long, String> unitNames) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** A procedure that cost points, with why. */
    public record LostProcedure(String code, String name, String reason, long dossiers) {
    }

    /** What cost an indicator's points for the unit and period: the dossiers (a page of them) or the procedures. */
    @Transactional(readOnly = true)
    public LostPage lost(long unitId, Period period, String code, String procedureCode, int page, int pageSize) {
        Unit unit = unit(unitId);
        Snapshot s = new Snapshot(period, procedureCode, unit);
        IndexCard card = s.card(unit);
        IndicatorScore score = card.indicator(code).orElseThrow(() -> new NotFoundException("Không có chỉ số " + code + "."));
        int size = Math.max(1, Math.min(pageSize, 200));
        int p = Math.max(1, page);
        Map<Long, String> names = new HashMap<>();
        if (score.drillDown() == IndicatorScore.DrillDown.DOSSIERS) {
            FactStore.Page rows = facts.lost(code, period.from(), period.to(), s.at, unit.id() == IndexCard.PROVINCE ? null : s.scope(unit.id()),
                    procedureCode, (p - 1) * size, size);
            rows.items().forEach(r -> names.computeIfAbsent(r.unitId(), units::name));
            return new LostPage(card, score, rows.items(), rows.total(), p, size, List.of(), names);
        }
        List<LostProcedure> procs = s.lostProcedures(unit, code);
        return new LostPage(card, score, List.of(), procs.size(), 1, size, procs, names);
    }

    /** Per procedure of the unit in the period: its field, dossiers, late ones and the average handling time (indicator 2.2). */
    public record ProcedureRow(String code, String name, String field, long dossiers, long late, long ended, BigDecimal averageDays,
                               BigDecimal limitDays) {
    }

    @Transactional(readOnly = true)
    public List<ProcedureRow> procedures(long unitId, Period period) {
        Unit unit = unit(unitId);
        Snapshot s = new Snapshot(period, null, unit);
        Map<String, ProcedureRow> rows = new LinkedHashMap<>();
        for (FactStore.ProcedureSums ps : s.procSums) {
            if (unit.id() != IndexCard.PROVINCE && !s.scope(unit.id()).contains(ps.unitId())) {
                continue;
            }
            rows.merge(ps.procedureCode(), new ProcedureRow(ps.procedureCode(), ps.procedureName(), null, ps.dossiers(), ps.late(), ps.ended(),
                            ps.handlingDays(), null),
                    (a, b) -> new ProcedureRow(a.code(), a.name(), null, a.dossiers() + b.dossiers(), a.late() + b.late(), a.ended() + b.ended(),
                            a.averageDays().add(b.averageDays()), null));
        }
        Map<String, ProcedureVersion> versions = new HashMap<>();
        s.inForce.forEach(v -> versions.putIfAbsent(v.code(), v));
        return rows.values().stream().map(r -> {
                    ProcedureVersion v = versions.computeIfAbsent(r.code(), this::lastPublished);
                    return new ProcedureRow(r.code(), r.name(), v == null || v.field() == null ? "Khác" : v.field().name(), r.dossiers(), r.late(),
                            r.ended(), r.ended() == 0 ? null : r.averageDays().divide(BigDecimal.valueOf(r.ended()), 2, RoundingMode.HALF_UP),
                            v == null ? null : v.timeLimitDays());
                })
                .sorted(Comparator.comparingLong(ProcedureRow::late).reversed().thenComparing(ProcedureRow::code)).toList();
    }

    /** A procedure no longer in force: its last published version (null when it has none). */
    /**
     * The procedures of the list that the unit answers for: its own (those of its agencies and of the units merged into
     * it), and for a commune the commune-level ones; every one for the province.
     */
    List<ProcedureVersion> proceduresOf(Unit unit, List<ProcedureVersion> procedures, Set<Long> scope) {
        if (unit.id() == IndexCard.PROVINCE) {
            return procedures;
        }
        boolean commune = AgencyType.COMMUNE_COMMITTEE.name().equals(unit.kind());
        return procedures.stream().filter(v -> (commune && v.level() == ProcedureLevel.COMMUNE) || scope.contains(units.unitOf(v.agencyId()))).toList();
    }

    ProcedureVersion lastPublished(String code) {
        try {
            return catalog.latestPublished(code);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Dossiers and late dossiers of the unit in the period by field (lĩnh vực), most late first. */
    public record FieldRow(String field, long dossiers, long late) {
    }

    public List<FieldRow> byField(List<ProcedureRow> procedures) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (ProcedureRow p : procedures) {
            long[] a = m.computeIfAbsent(p.field(), k -> new long[2]);
            a[0] += p.dossiers();
            a[1] += p.late();
        }
        return m.entrySet().stream().map(e -> new FieldRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(FieldRow::late).reversed().thenComparing(FieldRow::field)).toList();
    }

    // ---------------------------------------------------------------- the national portal's published score

    /** One group: our points, the portal's (null when not entered), the difference and what explains it. */
    public record PortalLine(int groupNo, String name, BigDecimal ours, BigDecimal portal, BigDecimal difference, String explanation) {
    }

    /** The portal's published score of the unit and period beside our own, group by group, each difference explained. */
    @Transactional(readOnly = true)
    public List<PortalLine> portalComparison(long unitId, Period period) {
        return portalComparison(card(unitId, period));
    }

    /** The same beside an index already computed. */
    public List<PortalLine> portalComparison(IndexCard c) {
        Map<Integer, BigDecimal> theirs = portal.portalScores(c.unitId(), c.period().key());
        if (theirs.isEmpty()) {
            return List.of();
        }
        IndicatorScore sync = c.indicator("1.4").orElse(null);
        long unsynced = sync == null ? 0 : sync.missing();
        String syncText = sync == null || sync.denominator() == 0 ? "" : unsynced + " trong " + sync.denominator()
                + " hồ sơ tiếp nhận trong kỳ chưa đồng bộ lên Cổng: Cổng không tính các hồ sơ này.";
        List<PortalLine> out = new ArrayList<>();
        for (GroupScore g : c.groups()) {
            BigDecimal p = theirs.get(g.groupNo());
            BigDecimal diff = p == null ? null : g.points().subtract(p);
            String why;
            if (p == null) {
                why = "Chưa nhập điểm của Cổng cho nhóm này.";
            } else if (diff.abs().compareTo(new BigDecimal("0.01")) < 0) {
                why = "Khớp.";
            } else {
                why = switch (g.groupNo()) {
                    case 1 -> "Cổng tính 1.1–1.3 từ Cơ sở dữ liệu quốc gia về TTHC (ngày công bố, ngày công khai); hệ thống tính từ các quyết định đã nhập "
                            + "và văn bản được theo dõi — kiểm tra quyết định chưa liên kết với văn bản. " + syncText;
                    case 2 -> "Cổng chỉ tính hồ sơ đã đồng bộ và trạng thái đã gửi lên. " + syncText
                            + (c.indicator("2.1").map(s -> " Hệ thống: " + s.missing() + " hồ sơ trễ hạn.").orElse(""));
                    case 3, 4, 5 -> "Cổng tính trên hồ sơ, thanh toán và tệp số hóa đã đồng bộ; danh mục dịch vụ trực tuyến theo Cổng. " + syncText;
                    default -> "Cổng tính cả đánh giá và phản ánh người dân gửi trực tiếp trên Cổng; hệ thống tính ý kiến đã nhận tại tỉnh. " + syncText;
                };
            }
            out.add(new PortalLine(g.groupNo(), g.name(), g.points(), p, diff, why.trim()));
        }
        return out;
    }

    /** Enters the portal's published points of a unit (0: the province) and period, group by group; audited. */
    @Transactional
    public void savePortalScores(long unitId, String periodKey, Map<Integer, BigDecimal> points, CurrentUser by) {
        unit(unitId);
        if (periodKey == null || periodKey.isBlank()) {
            throw ValidationException.of("period", "Chọn kỳ của điểm do Cổng công bố.");
        }
        Period p = period(periodKey, "period");
        Map<Integer, BigDecimal> max = new HashMap<>();
        for (Indicator i : config.indicators()) {
            max.merge(i.groupNo(), i.maxPoints(), BigDecimal::add);
        }
        List<FieldProblem> problems = new ArrayList<>();
        points.forEach((g, v) -> {
            if (!max.containsKey(g)) {
                problems.add(new FieldProblem("group" + g, "Không có nhóm " + g + "."));
            } else if (v != null && (v.signum() < 0 || v.compareTo(max.get(g)) > 0)) {
                problems.add(new FieldProblem("group" + g, "Điểm nhóm " + g + " phải từ 0 đến " + max.get(g).stripTrailingZeros().toPlainString() + "."));
            }
        });
        if (points.values().stream().allMatch(java.util.Objects::isNull)) {
            problems.add(new FieldProblem("group1", "Nhập điểm của ít nhất một nhóm."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        points.forEach((g, v) -> {
            if (v != null) {
                portal.savePortalScore(unitId, p.key(), g, v.setScale(2, RoundingMode.HALF_UP), by.username(), now());
            }
        });
        audit.record("quality.portal-score.entered", "quality_portal_score", unitId + "/" + p.key(), null, Map.of("points", points.toString()));
    }

    /**
     * Imports the portal's published points from CSV lines {@code unit code,period,group,points} (unit code 0 or
     * "TINH" for the province; a header line is skipped); every line is checked before any is saved.
     */
    @Transactional
    public int importPortalScores(String csv, CurrentUser by) {
        Map<String, Map<Integer, BigDecimal>> byKey = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        int n = 0;
        String[] lines = csv == null ? new String[0] : csv.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(line.length() - 1)))) {
                continue;
            }
            String[] f = line.split("[,;]");
            if (f.length != 4) {
                problems.add(new FieldProblem("file", "Dòng " + (i + 1) + ": cần 4 cột (mã đơn vị, kỳ, nhóm, điểm)."));
                continue;
            }
            try {
                String code = f[0].trim();
                long unitId = code.equals("0") || code.equalsIgnoreCase("TINH") ? IndexCard.PROVINCE
                        : units.idOfCode(code).orElseThrow(() -> new IllegalArgumentException("không có đơn vị mã " + code));
                Period p = Period.parse(f[1].trim()).orElseThrow(() -> new IllegalArgumentException("kỳ không hợp lệ"));
                int group = Integer.parseInt(f[2].trim());
                BigDecimal points = new BigDecimal(f[3].trim());
                byKey.computeIfAbsent(unitId + "|" + p.key(), k -> new HashMap<>()).put(group, points);
                n++;
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("file", "Dòng " + (i + 1) + ": " + e.getMessage()));
            }
        }
        if (n == 0 && problems.isEmpty()) {
            problems.add(new FieldProblem("file", "Tệp không có dòng điểm nào."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        byKey.forEach((k, pts) -> savePortalScores(Long.parseLong(k.substring(0, k.indexOf('|'))), k.substring(k.indexOf('|') + 1), pts, by));
        return n;
    }

    // ---------------------------------------------------------------- computing

    /** What a period's index needs, read once for every unit: the facts' sums, the catalog, publication and feedback. */
    private final class Snapshot {
        final Period period;
        final String procedureCode;
        final LocalDateTime at;
        final LocalDateTime end;
        final List<FactStore.Sums> sums;
        final List<FactStore.ProcedureSums> procSums;
        final List<ProcedureVersion> inForce;
        final PublicationFigures publication;
        final Set<Long> collecting;
        final List<Indicator> indicators = config.indicators();
        final Map<Integer, String[]> groups = config.groups();
        final List<Band> bands = config.bands();
        final Map<Long, Set<Long>> scopes = new HashMap<>();

        /** For every unit (the ranking, the province). */
        Snapshot(Period period, String procedureCode) {
            this(period, procedureCode, (Collection<Long>) null);
        }

        /** For one unit: only its fact rows are read. */
        Snapshot(Period period, String procedureCode, Unit unit) {
            this(period, procedureCode, unit.id() == IndexCard.PROVINCE ? null : units.factUnits(unit.id()));
        }

        private Snapshot(Period period, String procedureCode, Collection<Long> factScope) {
            this.period = period;
            this.procedureCode = procedureCode;
            LocalDateTime now = now();
            this.end = period.to().plusDays(1).atStartOfDay();
            this.at = now.isBefore(end) ? now : end;
            this.sums = facts.sums(period.from(), period.to(), at, end, factScope, procedureCode);
            List<FactStore.ProcedureSums> ps = facts.byProcedure(period.from(), period.to(), at, factScope);
            this.procSums = procedureCode == null ? ps : ps.stream().filter(p -> p.procedureCode().equals(procedureCode)).toList();
            LocalDate day = period.to().isBefore(today()) ? period.to() : today();
            List<ProcedureVersion> all = catalog.allInForce(day);
            this.inForce = procedureCode == null ? all : all.stream().filter(v -> v.code().equals(procedureCode)).toList();
            this.publication = oversight.figures(period.from(), day.isBefore(period.from()) ? period.from() : day);
            this.collecting = payments.accounts().stream().map(CollectingAccount::agencyId).collect(Collectors.toSet());
        }

        Set<Long> scope(long unitId) {
            return scopes.computeIfAbsent(unitId, units::factUnits);
        }

        boolean inUnit(long factUnit, Unit unit) {
            return unit.id() == IndexCard.PROVINCE || scope(unit.id()).contains(factUnit);
        }

        /** The procedures in force that the unit answers for: its own, and for a commune the commune-level ones. */
        List<ProcedureVersion> procedures(Unit unit) {
            return proceduresOf(unit, inForce, scope(unit.id()));
        }

        IndexCard card(Unit unit) {
            FactStore.Sums s = sums.stream().filter(x -> inUnit(x.unitId(), unit)).reduce(FactStore.Sums.ZERO, FactStore.Sums::plus);
            List<FactStore.ProcedureSums> ps = procSums.stream().filter(x -> inUnit(x.unitId(), unit)).toList();
            List<ProcedureLine> lines = lines(unit, ps);
            Map<String, Measure> m = new HashMap<>();
            // group 1: publication (the province publishes: the same figures for every unit), parts per unit, sync
            m.put("1.1", new Measure(publication.decidedOnTime(), publication.published()));
            m.put("1.2", new Measure(publication.publicOnTime(), publication.madePublic()));
            m.put("1.4", new Measure(s.synced(), s.dossiers()));
            // group 2
            m.put("2.1", new Measure(s.dossiers() - s.late(), s.dossiers()));
            m.put("2.2", Measure.EMPTY);
            // group 3
            long onlineSynced = s.dossiers() == 0 ? 0 : Math.round((double) s.online() * s.synced() / s.dossiers());
            m.put("3.3", new Measure(onlineSynced, s.dossiers()));
            // group 4
            m.put("3.6", new Measure(s.paidOnline(), s.feeBearing()));
            // group 5
            m.put("4.1", new Measure(s.eResult(), s.resultDocument()));
            m.put("4.2", new Measure(s.digitised(), s.dossiers()));
            m.put("4.2c", new Measure(s.eCopy(), s.certifiedCopy()));
            m.put("4.3", new Measure(s.reused(), s.dossiers()));
            m.put("4.4", new Measure(s.citizenStore(), s.dossiers()));
            m.put("4.5b", new Measure(s.population(), s.dossiers()));
            // group 6
            FeedbackStatistics f = procedureCode != null ? null
                    : feedback.statistics(period.from(), period.to(), unit.id() == IndexCard.PROVINCE ? null : units.agenciesOf(unit.id()));
            m.put("5.1", Measure.EMPTY);
            if (f == null) {
                m.put("5.2", Measure.EMPTY);
                m.put("5.3", Measure.EMPTY);
            } else {
                m.put("5.2", new Measure(f.onTime() + f.openWithinTime(), f.received()));
                m.put("5.3", new Measure(f.received() - f.disliked() - f.openOverdue() - f.lateFinished() - f.repeated(), f.firstTime()));
            }
            m.put("5.4", new Measure(s.dossiers() - s.late() - s.unhappy(), s.dossiers()));
            // the indicators counted over procedures (1.3, 3.1, 3.2, 3.5a, 3.5b, 4.5a)
            PROCEDURE_RULES.forEach((code, rule) -> m.put(code, new Measure(lines.stream().filter(l -> rule.counts().test(l) && rule.met().test(l)).count(),
                    lines.stream().filter(rule.counts()).count())));

            List<IndicatorScore> scores = new ArrayList<>();
            for (Indicator i : indicators) {
                scores.add(Scoring.score(i, m.getOrDefault(i.code(), Measure.EMPTY), drillDown(i.code())));
            }
            List<GroupScore> groupScores = Scoring.groups(scores, groups);
            BigDecimal points = groupScores.stream().map(GroupScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal attainable = groupScores.stream().map(GroupScore::attainable).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal score = Scoring.outOf100(points, attainable);
            Band band = Scoring.band(score, bands);
            Map<String, BigDecimal> average = new LinkedHashMap<>();
            Map<String, long[]> acc = new LinkedHashMap<>();
            for (FactStore.ProcedureSums p : ps) {
                long[] a = acc.computeIfAbsent(p.procedureCode(), k -> new long[2]);
                a[0] += p.ended();
                a[1] += p.handlingDays().movePointRight(2).longValue();
            }
            acc.forEach((code, a) -> {
                if (a[0] > 0) {
                    average.put(code, BigDecimal.valueOf(a[1]).movePointLeft(2).divide(BigDecimal.valueOf(a[0]), 2, RoundingMode.HALF_UP));
                }
            });
            Map<String, Long> byCategory = new LinkedHashMap<>();
            if (f != null) {
                f.byCategory().forEach((c, n) -> byCategory.put(c.name(), n));
            }
            return new IndexCard(unit.id(), unit.name(), period, groupScores, points.setScale(2, RoundingMode.HALF_UP),
                    attainable.setScale(2, RoundingMode.HALF_UP), score, band.name(), band.nameEn(), at, s.dossiers(), average, byCategory);
        }

        List<LostProcedure> lostProcedures(Unit unit, String code) {
            List<ProcedureLine> lines = lines(unit, procSums.stream().filter(x -> inUnit(x.unitId(), unit)).toList());
            if (code.equals("1.1") || code.equals("1.2")) {
                Map<String, Long> dossiers = new HashMap<>();
                lines.forEach(l -> dossiers.put(l.version().code(), l.dossiers()));
                return latePublications(code, dossiers);
            }
            ProcedureRule rule = PROCEDURE_RULES.get(code);
            if (rule == null) {
                return List.of();
            }
            return lines.stream().filter(l -> rule.counts().test(l) && !rule.met().test(l))
                    .map(l -> new LostProcedure(l.version().code(), l.version().name(), rule.reason().apply(l), l.dossiers())).toList();
        }

        /** The unit's procedures in force with what the catalog, publication and the period's dossiers say about each. */
        private List<ProcedureLine> lines(Unit unit, List<FactStore.ProcedureSums> ps) {
            Map<String, long[]> byCode = new HashMap<>();
            for (FactStore.ProcedureSums p : ps) {
                long[] a = byCode.computeIfAbsent(p.procedureCode(), k -> new long[4]);
                a[0] += p.dossiers();
                a[1] += p.online();
                a[2] += p.paidOnline();
                a[3] += p.population();
            }
            Map<String, List<String>> missing = publication.incomplete().stream()
                    .collect(Collectors.toMap(PublicationFigures.Incomplete::code, PublicationFigures.Incomplete::missing, (a, b) -> a));
            List<ProcedureLine> out = new ArrayList<>();
            for (ProcedureVersion v : procedures(unit)) {
                long[] a = byCode.getOrDefault(v.code(), new long[4]);
                boolean fees = v.fees().stream().mapToLong(Fee::amountVnd).sum() > 0;
                boolean integrated = collecting.contains(units.unitOf(v.agencyId())) || collecting.contains(v.agencyId());
                out.add(new ProcedureLine(v, a[0], a[1], a[2], a[3], missing.getOrDefault(v.code(), List.of()),
                        v.onlineLevel() != null && v.onlineLevel() != OnlineLevel.NONE, fees, integrated, forCitizens(v)));
            }
            return out;
        }

        /** Procedures whose publication decision (1.1) or making public (1.2) in the period was late, with the decision. */
        private List<LostProcedure> latePublications(String code, Map<String, Long> dossiers) {
            LocalDate today = today();
            LocalDate until = period.to().isBefore(today) ? period.to() : today;
            Map<String, String> names = inForce.stream().collect(Collectors.toMap(ProcedureVersion::code, ProcedureVersion::name, (a, b) -> a));
            Map<String, LostProcedure> out = new LinkedHashMap<>();
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            for (PublicationItem i : oversight.publications(period.from(), period.to())) {
                if (i.decisionId() == null || i.decisionSignedOn().isBefore(period.from()) || i.decisionSignedOn().isAfter(period.to())) {
                    continue;
                }
                Boolean onTime = code.equals("1.1") ? i.decidedOnTime(today) : i.publicOnTime(until);
                if (onTime == null || onTime) {
                    continue;
                }
                String reason = code.equals("1.1")
                        ? "Quyết định " + i.decisionNumber() + " ký ngày " + f.format(i.decisionSignedOn()) + ", văn bản quy định có hiệu lực ngày "
                          + f.format(i.basisEffectiveOn())
                        : "Quyết định " + i.decisionNumber() + " ký ngày " + f.format(i.decisionSignedOn()) + (i.madePublicOn() == null
                          ? ", chưa công khai trên Cơ sở dữ liệu quốc gia" : ", công khai ngày " + f.format(i.madePublicOn()));
                for (String c : i.procedureCodes()) {
                    out.putIfAbsent(c, new LostProcedure(c, names.getOrDefault(c, i.title()), reason, dossiers.getOrDefault(c, 0L)));
                }
            }
            return new ArrayList<>(out.values());
        }
    }

    /** One procedure of a unit for a period: what the catalog and publication say about it, and its dossiers of the period. */
    private record ProcedureLine(ProcedureVersion version, long dossiers, long online, long paid, long population, List<String> missingParts,
                                 boolean offeredOnline, boolean feeBearing, boolean integrated, boolean forCitizens) {
    }

    /**
     * An indicator counted over procedures: which procedures it counts, which of them earn it, and why one does not —
     * the score and the drill-down both read it.
     */
    private record ProcedureRule(java.util.function.Predicate<ProcedureLine> counts, java.util.function.Predicate<ProcedureLine> met,
                                 java.util.function.Function<ProcedureLine, String> reason) {
    }

    private static final Map<String, ProcedureRule> PROCEDURE_RULES = Map.of(
            "1.3", new ProcedureRule(l -> true, l -> l.missingParts().isEmpty(), l -> "Thiếu: " + String.join(", ", l.missingParts())),
            "3.1", new ProcedureRule(l -> true, ProcedureLine::offeredOnline, l -> "Chưa cung cấp dịch vụ công trực tuyến"),
            "3.2", new ProcedureRule(ProcedureLine::offeredOnline, l -> l.online() > 0,
                    l -> "Có dịch vụ trực tuyến nhưng không có hồ sơ trực tuyến trong kỳ"),
            "3.5a", new ProcedureRule(ProcedureLine::feeBearing, ProcedureLine::integrated,
                    l -> "Cơ quan chưa khai báo tài khoản thu để thanh toán trực tuyến"),
            "3.5b", new ProcedureRule(ProcedureLine::feeBearing, l -> l.paid() > 0, l -> "Có phí nhưng không có hồ sơ thanh toán trực tuyến trong kỳ"),
            "4.5a", new ProcedureRule(ProcedureLine::forCitizens, l -> l.population() > 0, l -> "Không có hồ sơ dùng dữ liệu dân cư trong kỳ"));

    static IndicatorScore.DrillDown drillDown(String code) {
        if (FactStore.listsDossiers(code)) {
            return IndicatorScore.DrillDown.DOSSIERS;
        }
        return switch (code) {
            case "1.1", "1.2", "1.3", "3.1", "3.2", "3.5a", "3.5b", "4.5a" -> IndicatorScore.DrillDown.PROCEDURES;
            case "5.2", "5.3" -> IndicatorScore.DrillDown.FEEDBACK;
            default -> IndicatorScore.DrillDown.NONE;
        };
    }

    /** Procedures whose subjects include citizens (cá nhân, công dân): those the population database serves. */
    static boolean forCitizens(ProcedureVersion v) {
        String s = v.subjects() == null ? "" : v.subjects().toLowerCase(Locale.ROOT);
        return s.contains("cá nhân") || s.contains("công dân") || s.contains("người dân");
    }
}
