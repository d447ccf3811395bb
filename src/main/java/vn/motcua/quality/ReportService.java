package vn.motcua.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.control.CutFigure;
import vn.motcua.control.DraftFigure;
import vn.motcua.control.OversightService;
import vn.motcua.control.SimplificationService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.PdfForms;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.quality.internal.FactStore;
import vn.motcua.quality.internal.ReportStore;
import vn.motcua.quality.internal.Units;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.ReportWorkbook;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The periodic reports the province files, per unit and reporting period (Decree 09/2019's cut-off: 15th → 14th): Biểu 06
 * of Circular 01/2020/TT-VPCP and the other {@link ReportForm forms} whose data the system holds (procedures, feedback,
 * the electronic environment, draft regulations, simplification), computed from the index's fact rows, the catalog, the
 * feedback and control modules, kept as a draft, then frozen when sent ("chốt số liệu") and e-mailed with its Excel and
 * PDF to the configured recipients; the recipients themselves.
 */
@Service
public class ReportService {
    static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final FactStore facts;
    private final ReportStore store;
    private final Units units;
    private final QualityService quality;
    private final CatalogService catalog;
    private final PdfForms pdfs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final FeedbackService feedback;
    private final OversightService oversight;
    private final SimplificationService simplifications;
    private final Environment env;

    public ReportService(FactStore facts, ReportStore store, Units units, QualityService quality, CatalogService catalog, PdfForms pdfs, AuditLog audit,
                         ApplicationEventPublisher events, ObjectMapper json, Clock clock, FeedbackService feedback, OversightService oversight,
                         SimplificationService simplifications, Environment env) {
        this.feedback = feedback;
        this.oversight = oversight;
        this.simplifications = simplifications;
        this.env = env;
        this.facts = facts;
        this.store = store;
        this.units = units;
        this.quality = quality;
        this.catalog = catalog;
        this.pdfs = pdfs;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** A reporting period: 2026-Q3, 2026-H1, 2026 (the official cut-off) or a range 2026-01-01..2026-01-31. */
    public record ReportPeriod(String key, String label, LocalDate from, LocalDate to) {
    }

    public ReportPeriod reportPeriod(String key) {
        Optional<ReportingPeriod> official = ReportingPeriod.parse(key);
        if (official.isPresent()) {
            ReportingPeriod p = official.get();
            String label = switch (p.kind()) {
                case QUARTER -> "Quý " + new String[]{"I", "II", "III", "IV"}[p.number() - 1] + " năm " + p.year();
                case HALF_YEAR -> (p.number() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
                case YEAR -> "Năm " + p.year();
            };
            return new ReportPeriod(p.key(), label + " (từ ngày " + VN.format(p.from()) + " đến ngày " + VN.format(p.to()) + ")", p.from(), p.to());
        }
        Optional<Period> range = Period.parse(key).filter(p -> p.kind() == Period.Kind.RANGE || p.kind() == Period.Kind.MONTH);
        if (range.isPresent()) {
            Period p = range.get();
            return new ReportPeriod(p.key(), "Từ ngày " + VN.format(p.from()) + " đến ngày " + VN.format(p.to()), p.from(), p.to());
        }
        throw new ValidationException(List.of(new FieldProblem("period",
                "Kỳ báo cáo không hợp lệ: quý (2026-Q3), 6 tháng (2026-H1), năm (2026), tháng (2026-11) hoặc khoảng ngày (2026-01-01..2026-01-31).")));
    }

    /** The official periods that have ended, most recent first (what the creation form offers). */
    public List<ReportPeriod> recentPeriods() {
        LocalDate today = now().toLocalDate();
        List<ReportPeriod> out = new ArrayList<>();
        for (int year = today.getYear() + 1; year >= today.getYear() - 1; year--) {
            for (int q = 4; q >= 1; q--) {
                ReportingPeriod p = ReportingPeriod.quarter(year, q);
                if (p.to().isBefore(today)) {
                    out.add(reportPeriod(p.key()));
                }
            }
            for (int h = 2; h >= 1; h--) {
                ReportingPeriod p = ReportingPeriod.half(year, h);
                if (p.to().isBefore(today)) {
                    out.add(reportPeriod(p.key()));
                }
            }
            if (ReportingPeriod.year(year).to().isBefore(today)) {
                out.add(reportPeriod(String.valueOf(year)));
            }
        }
        out.sort(Comparator.comparing(ReportPeriod::to).reversed().thenComparing(ReportPeriod::from));
        return out;
    }

    // ---------------------------------------------------------------- computing the forms

    /** The form's number as printed: the province's setting, else the form's own. */
    public String number(ReportForm form) {
        return env.getProperty("motcua.quality.form-numbers." + form.name(), form.defaultNumber());
    }

    /** Biểu 06 of a unit (0: the province) computed now from the dossiers. */
    public PeriodicReport compute(long unitId, ReportPeriod period) {
        return compute(ReportForm.BIEU_06, unitId, period);
    }

    /** A form of a unit (0: the province) computed now from the data. */
    @Transactional(readOnly = true)
    public PeriodicReport compute(ReportForm form, long unitId, ReportPeriod period) {
        QualityService.Unit unit = quality.unit(unitId);
        Lines lines = switch (form) {
            case BIEU_06 -> form06(unit, period);
            case PROCEDURES -> procedures(unit, period);
            case FEEDBACK -> feedback(unit, period);
            case ONLINE -> online(unit, period);
            case REGULATIONS -> regulations(unit, period);
            case SIMPLIFICATION -> simplification(unit, period);
        };
        return new PeriodicReport(null, form, number(form), unit.id(), unit.name(), period.key(), period.label(), period.from(), period.to(), "LIVE",
                lines.rows(), lines.total(), null, null, null, null, 0);
    }

    private Collection<Long> factScope(QualityService.Unit unit) {
        return unit.id() == IndexCard.PROVINCE ? null : units.factUnits(unit.id());
    }

    /** Where a procedure's line goes: its level, its field (from the version in force at the period's end, or its last). */
    private final class Placing {
        final Map<String, ProcedureVersion> versions = new HashMap<>();

        /** @param inForce the versions in force at the period's end */
        Placing(List<ProcedureVersion> inForce) {
            for (ProcedureVersion v : inForce) {
                versions.put(v.code(), v);
            }
        }

        void add(Lines lines, String procedureCode, long... values) {
            add(lines, versions.computeIfAbsent(procedureCode, quality::lastPublished), values);
        }

        void add(Lines lines, ProcedureVersion v, long... values) {
            int level = v == null ? 9 : v.level().ordinal();
            String levelName = v == null ? "Khác" : "TTHC " + v.level().label().toLowerCase(java.util.Locale.ROOT);
            lines.add(level, levelName, v == null || v.field() == null ? "Khác" : v.field().name(), values);
        }
    }

    private Lines form06(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.BIEU_06);
        Placing placing = new Placing(catalog.allInForce(period.to()));
        for (FactStore.ReportSums s : facts.report06(period.from(), period.to(), factScope(unit))) {
            placing.add(lines, s.procedureCode(), s.received() + s.carried(), s.received(), s.online(), s.received() - s.online(), s.carried(),
                    s.handled(), s.beforeDue(), s.onTime(), s.late(), s.open(), s.open() - s.overdue(), s.overdue());
        }
        return lines;
    }

    /**
     * The procedures the unit answers for at the period's end, by field and level: online level, whether dossiers came
     * in the period, fees; and the changes in the period (versions taking effect, procedures no longer in force).
     */
    private Lines procedures(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.PROCEDURES);
        List<ProcedureVersion> inForceAtEnd = catalog.allInForce(period.to());
        Placing placing = new Placing(inForceAtEnd);
        Set<Long> scope = unit.id() == IndexCard.PROVINCE ? Set.of() : units.factUnits(unit.id());
        List<ProcedureVersion> atEnd = quality.proceduresOf(unit, inForceAtEnd, scope);
        Set<String> withDossiers = new HashSet<>();
        facts.byProcedure(period.from(), period.to(), period.to().plusDays(1).atStartOfDay(), factScope(unit)).forEach(p -> withDossiers.add(p.procedureCode()));
        Set<String> endCodes = new HashSet<>();
        for (ProcedureVersion v : atEnd) {
            endCodes.add(v.code());
            OnlineLevel online = v.onlineLevel() == null ? OnlineLevel.NONE : v.onlineLevel();
            boolean dossiers = withDossiers.contains(v.code());
            boolean fee = v.fees().stream().mapToLong(vn.motcua.catalog.Fee::amountVnd).sum() > 0;
            boolean published = v.validFrom() != null && !v.validFrom().isBefore(period.from()) && !v.validFrom().isAfter(period.to());
            placing.add(lines, v, 1, online == OnlineLevel.FULL ? 1 : 0, online == OnlineLevel.PARTIAL ? 1 : 0, online == OnlineLevel.NONE ? 1 : 0,
                    dossiers ? 1 : 0, dossiers ? 0 : 1, fee ? 1 : 0, published ? 1 : 0, 0);
        }
        // in force when the period began, not at its end: abolished (or replaced by another code) in the period
        for (ProcedureVersion v : quality.proceduresOf(unit, catalog.allInForce(period.from()), scope)) {
            if (!endCodes.contains(v.code())) {
                placing.add(lines, v, 0, 0, 0, 0, 0, 0, 0, 0, 1);
            }
        }
        return lines;
    }

    /** Feedback received in the period by the unit's agencies, one line per unit (the province: each unit, by kind). */
    private Lines feedback(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.FEEDBACK);
        Set<Long> agencies = agenciesOf(unit);
        feedback.statisticsByAgency(period.from(), period.to()).forEach((agencyId, f) -> {
            long regulation = f.byCategory().getOrDefault(FeedbackCategory.REGULATION, 0L);
            addForAgency(lines, unit, agencies, agencyId, f.received(), regulation, f.received() - regulation, f.repeated(), f.onTime() + f.lateFinished(),
                    f.onTime(), f.lateFinished(), f.openWithinTime() + f.openOverdue(), f.openWithinTime(), f.openOverdue());
        });
        return lines;
    }

    /** Dossiers received in the period, by field and level: online, synchronised, paid online, digitised, reused, e-results. */
    private Lines online(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.ONLINE);
        Placing placing = new Placing(catalog.allInForce(period.to()));
        for (FactStore.OnlineSums s : facts.online(period.from(), period.to(), factScope(unit))) {
            placing.add(lines, s.procedureCode(), s.received(), s.online(), s.synced(), s.feeBearing(), s.paidOnline(), s.digitised(), s.reused(),
                    s.eResult());
        }
        return lines;
    }

    /** The agencies whose lines a unit's report takes (null for the province: every one). */
    private Set<Long> agenciesOf(QualityService.Unit unit) {
        return unit.id() == IndexCard.PROVINCE ? null : units.agenciesOf(unit.id());
    }

    /**
     * Adds an agency's figures on the line of its unit (the province: each unit, grouped by kind); nothing when outside
     * the unit's agencies ({@link #agenciesOf}).
     */
    private void addForAgency(Lines lines, QualityService.Unit unit, Set<Long> agencies, long agencyId, long... values) {
        if (agencies != null && !agencies.contains(agencyId)) {
            return;
        }
        long owner = unit.id() == IndexCard.PROVINCE ? units.unitOf(agencyId) : unit.id();
        var kind = units.find(owner).map(vn.motcua.organization.Agency::type).orElse(null);
        lines.add(kind == null ? 9 : kind.ordinal(), kind == null ? "Khác" : kind.label(), units.name(owner), values);
    }

    /** Draft regulations by drafting agency: registered, the procedures they touch, the office's opinions, appraisals. */
    private Lines regulations(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.REGULATIONS);
        Set<Long> agencies = agenciesOf(unit);
        for (DraftFigure d : oversight.draftFigures(period.from(), period.to())) {
            addForAgency(lines, unit, agencies, d.agencyId(), d.registered(), d.newProcedures(), d.amendedProcedures(), d.abolishedProcedures(), d.opinions(),
                    d.opinionsLate(), d.opinionsOverdue(), d.appraised());
        }
        return lines;
    }

    /** The simplification tracker of the period's (last) year, by unit: procedures, proposals, cost before and after, internal ones. */
    private Lines simplification(QualityService.Unit unit, ReportPeriod period) {
        Lines lines = new Lines(ReportForm.SIMPLIFICATION);
        Set<Long> agencies = agenciesOf(unit);
        for (CutFigure c : simplifications.tracker(period.to().getYear())) {
            if (c.agencyId() != 0) {
                addForAgency(lines, unit, agencies, c.agencyId(), c.procedures(), c.proposals(), c.simplified(), c.yearlyBefore(), c.yearlyAfter(),
                        c.yearlyBefore() - c.yearlyAfter(), c.internalProcedures(), c.internalSimplified());
            }
        }
        return lines;
    }

    /** Lines by group (level, kind of unit) and label, with each group's subtotal and the total, numbered as forms are. */
    private static final class Lines {
        private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        private final ReportForm form;
        private final Map<Integer, Map<String, PeriodicReport.Row>> groups = new TreeMap<>();
        private final Map<Integer, String> groupNames = new HashMap<>();

        Lines(ReportForm form) {
            this.form = form;
        }

        void add(int group, String groupName, String label, long... values) {
            if (values.length != form.columns().size()) {
                throw new IllegalArgumentException(form + " has " + form.columns().size() + " columns, not " + values.length);
            }
            groupNames.put(group, groupName);
            groups.computeIfAbsent(group, k -> new TreeMap<>()).merge(label, PeriodicReport.Row.of("FIELD", label, values),
                    (a, b) -> a.plus(b, "FIELD", label));
        }

        List<PeriodicReport.Row> rows() {
            List<PeriodicReport.Row> rows = new ArrayList<>();
            int n = 0;
            for (Map.Entry<Integer, Map<String, PeriodicReport.Row>> g : groups.entrySet()) {
                PeriodicReport.Row sub = PeriodicReport.Row.zero("LEVEL", ROMAN[Math.min(n++, ROMAN.length - 1)] + ". " + groupNames.get(g.getKey()),
                        form.columns().size());
                for (PeriodicReport.Row r : g.getValue().values()) {
                    sub = sub.plus(r, "LEVEL", sub.label());
                }
                rows.add(sub);
                int i = 1;
                for (PeriodicReport.Row r : g.getValue().values()) {
                    rows.add(r.as("FIELD", (i++) + ". " + r.label()));
                }
            }
            return rows;
        }

        PeriodicReport.Row total() {
            PeriodicReport.Row total = PeriodicReport.Row.zero("TOTAL", "Tổng cộng", form.columns().size());
            for (Map<String, PeriodicReport.Row> g : groups.values()) {
                for (PeriodicReport.Row r : g.values()) {
                    total = total.plus(r, "TOTAL", "Tổng cộng");
                }
            }
            return total;
        }
    }

    public List<PeriodicReport> list() {
        return store.list(200).stream().map(this::summary).toList();
    }

    private PeriodicReport summary(ReportStore.Saved s) {
        ReportForm form = form(s);
        return new PeriodicReport(s.id(), form, number(form), s.unitId(), unitName(s.unitId()), s.periodKey(), s.periodLabel(), s.from(), s.to(),
                s.status(), List.of(), null, s.createdBy(), s.sentAt(), s.sentBy(), s.sentTo(), s.rowVersion());
    }

    private static ReportForm form(ReportStore.Saved s) {
        return ReportForm.parse(s.form()).orElseThrow(() -> new IllegalStateException("report " + s.id() + " of unknown form " + s.form()));
    }

    private String unitName(long unitId) {
        return unitId == IndexCard.PROVINCE ? "Toàn tỉnh" : units.name(unitId);
    }

    /** A saved report: a draft computed now, a sent one as it was frozen. */
    @Transactional(readOnly = true)
    public PeriodicReport get(long id) {
        ReportStore.Saved s = store.get(id).orElseThrow(() -> new NotFoundException("Không có báo cáo số " + id + "."));
        ReportForm form = form(s);
        if ("SENT".equals(s.status()) && s.data() != null) {
            Frozen f = read(s.data());
            return new PeriodicReport(s.id(), form, f.number(), s.unitId(), f.unitName(), s.periodKey(), s.periodLabel(), s.from(), s.to(), s.status(),
                    f.rows(), f.total(), s.createdBy(), s.sentAt(), s.sentBy(), s.sentTo(), s.rowVersion());
        }
        PeriodicReport live = compute(form, s.unitId(), new ReportPeriod(s.periodKey(), s.periodLabel(), s.from(), s.to()));
        return new PeriodicReport(s.id(), form, live.number(), s.unitId(), live.unitName(), s.periodKey(), s.periodLabel(), s.from(), s.to(),
                s.status(), live.rows(), live.total(), s.createdBy(), null, null, null, s.rowVersion());
    }

    /** What a sent report keeps: the rows as they were, under the number it was sent with. */
    record Frozen(String number, String unitName, List<PeriodicReport.Row> rows, PeriodicReport.Row total) {
    }

    private Frozen read(String data) {
        try {
            return json.readValue(data, new TypeReference<Frozen>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen report unreadable", e);
        }
    }

    /** Creates the draft of a unit's Biểu 06 for a period. */
    public long create(long unitId, String periodKey, CurrentUser by) {
        return create(ReportForm.BIEU_06, unitId, periodKey, by);
    }

    /** Creates the draft of a unit's report for a period (one per unit, form and period: an existing one is returned). */
    @Transactional
    public long create(ReportForm form, long unitId, String periodKey, CurrentUser by) {
        QualityService.Unit unit = quality.unit(unitId);
        ReportPeriod p = reportPeriod(periodKey);
        if (!p.to().isBefore(now().toLocalDate())) {
            throw ValidationException.of("period", "Kỳ báo cáo chưa kết thúc (đến ngày " + VN.format(p.to()) + "): chỉ lập báo cáo của kỳ đã kết thúc.");
        }
        Optional<ReportStore.Saved> existing = store.find(form.name(), unit.id(), p.from(), p.to());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        long id = store.insert(form.name(), unit.id(), p.key(), p.label(), p.from(), p.to(), by.username(), now());
        audit.record("quality.report.created", "quality_report", id, null, Map.of("form", form.name(), "unit", unit.id(), "period", p.key()));
        return id;
    }

    /**
     * Freezes the report ("chốt số liệu") and queues it for its recipients (the unit's and the province's): from now on it
     * reads as it was sent. A report already sent, or changed meanwhile, is refused.
     */
    @Transactional
    public PeriodicReport send(long id, long rowVersion, CurrentUser by) {
        return send(id, rowVersion, by.username());
    }

    PeriodicReport send(long id, long rowVersion, String by) {
        PeriodicReport r = get(id);
        if (r.sent()) {
            throw new ConflictException("Báo cáo đã được chốt số liệu và gửi ngày " + VN.format(r.sentAt().toLocalDate()) + ".");
        }
        List<String> to = recipientsFor(r.unitId(), true);
        String data;
        try {
            data = json.writeValueAsString(new Frozen(r.number(), r.unitName(), r.rows(), r.total()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LocalDateTime now = now();
        String sentTo = String.join(", ", to);
        if (store.freeze(id, rowVersion, data, by, now, sentTo.length() > 2000 ? sentTo.substring(0, 2000) : sentTo) == 0) {
            throw new ConflictException("Báo cáo vừa được người khác thay đổi hoặc gửi; hãy tải lại trang.");
        }
        audit.record("quality.report.sent", "quality_report", id, Map.of("status", "DRAFT"), Map.of("status", "SENT", "form", r.form().name(),
                "to", sentTo));
        events.publishEvent(new QualityEvents.ReportSent(id, now, sentTo));
        return get(id);
    }

    /** The addresses for a unit's reports (or digests): its own recipients and the province's. */
    public List<String> recipientsFor(long unitId, boolean reports) {
        return store.recipients().stream().filter(x -> x.unitId() == unitId || x.unitId() == IndexCard.PROVINCE)
                .filter(x -> reports ? x.reports() : x.weekly()).map(Recipient::email).distinct().toList();
    }

    /** The province's reports (every form) of the reporting periods that ended yesterday, created and sent (the schedule's job). */
    @Transactional
    public List<Long> sendEnded(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<String> keys = new ArrayList<>();
        if (yesterday.getDayOfMonth() == 14 && yesterday.getMonthValue() % 3 == 0) {
            keys.add(yesterday.getYear() + "-Q" + yesterday.getMonthValue() / 3);
            if (yesterday.getMonthValue() % 6 == 0) {
                keys.add(yesterday.getYear() + "-H" + yesterday.getMonthValue() / 6);
            }
            if (yesterday.getMonthValue() == 12) {
                keys.add(String.valueOf(yesterday.getYear()));
            }
        }
        List<Long> sent = new ArrayList<>();
        if (recipientsFor(IndexCard.PROVINCE, true).isEmpty()) {
            return sent;
        }
        for (String key : keys) {
            ReportPeriod p = reportPeriod(key);
            for (ReportForm form : ReportForm.values()) {
                Optional<ReportStore.Saved> existing = store.find(form.name(), IndexCard.PROVINCE, p.from(), p.to());
                if (existing.filter(s -> "SENT".equals(s.status())).isPresent()) {
                    continue;
                }
                long id = existing.map(ReportStore.Saved::id)
                        .orElseGet(() -> store.insert(form.name(), IndexCard.PROVINCE, p.key(), p.label(), p.from(), p.to(), "he-thong", now()));
                send(id, store.get(id).orElseThrow().rowVersion(), "he-thong");
                sent.add(id);
            }
        }
        return sent;
    }

    // ---------------------------------------------------------------- recipients

    public List<Recipient> recipients() {
        return store.recipients();
    }

    @Transactional
    public long addRecipient(long unitId, String email, String name, boolean reports, boolean weekly, CurrentUser by) {
        quality.unit(unitId);
        Problems p = new Problems();
        String e = email == null ? "" : email.trim();
        p.require(e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && e.length() <= 200, "email", "Nhập địa chỉ thư điện tử hợp lệ.");
        p.require(name != null && !name.isBlank() && name.length() <= 200, "name", "Nhập họ tên hoặc chức vụ người nhận.");
        p.require(reports || weekly, "reports", "Chọn ít nhất một loại: báo cáo định kỳ hoặc bản tin thứ Hai.");
        p.throwIfAny();
        if (store.recipientExists(unitId, e)) {
            throw ValidationException.of("email", "Địa chỉ này đã có trong danh sách của đơn vị.");
        }
        long id = store.addRecipient(unitId, e, name.trim(), reports, weekly, by.username(), now());
        audit.record("quality.recipient.added", "quality_recipient", id, null, Map.of("unit", unitId, "email", e));
        return id;
    }

    @Transactional
    public void removeRecipient(long id, CurrentUser by) {
        Recipient r = store.recipients().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Không có người nhận số " + id + "."));
        store.removeRecipient(id);
        audit.record("quality.recipient.removed", "quality_recipient", id, Map.of("unit", r.unitId(), "email", r.email()), null);
    }

    // ---------------------------------------------------------------- files

    /** The name of a report's Excel and PDF files, without the extension: form, unit, period. */
    public static String fileBase(PeriodicReport r) {
        return r.form().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + (r.unitId() == IndexCard.PROVINCE ? "toan-tinh"
                : String.valueOf(r.unitId())) + "-" + r.periodKey().replace("..", "_");
    }

    /** The report in Excel, in the form's layout (number, title, period, unit, columns grouped as the form has them). */
    public byte[] excel(PeriodicReport r) {
        ReportForm form = r.form();
        int width = form.columns().size() + 1;
        ReportWorkbook wb = new ReportWorkbook(r.form().shortName(), width, "#,##0");
        wb.titleLine(0, r.number().isBlank() ? r.form().shortName() : r.number());
        wb.titleLine(1, form.title().toUpperCase(java.util.Locale.forLanguageTag("vi")));
        wb.titleLine(2, r.periodLabel());
        wb.titleLine(3, "Đơn vị báo cáo: " + r.unitName() + " — Đơn vị tính: " + form.measure() + (r.sent() ? " — Đã chốt số liệu ngày "
                + VN.format(r.sentAt().toLocalDate()) : " — Bản nháp, chưa chốt số liệu"));
        Row groups = wb.sheet().createRow(5);
        ReportWorkbook.cell(groups, 0, "", wb.head);
        String[] headers = new String[width];
        headers[0] = form.rowHeader();
        int c = 1;
        for (ReportForm.Group g : form.groups()) {
            for (int i = 0; i < g.columns().size(); i++) {
                ReportWorkbook.cell(groups, c + i, i == 0 && !g.spansBoth() ? g.label() : "", wb.head);
                headers[c + i] = g.columns().get(i).label();
            }
            if (g.columns().size() > 1) {
                wb.sheet().addMergedRegion(new CellRangeAddress(5, 5, c, c + g.columns().size() - 1));
            }
            c += g.columns().size();
        }
        wb.header(6, headers);
        int row = 7;
        for (PeriodicReport.Row x : r.rows()) {
            line(wb, row++, x, "LEVEL".equals(x.kind()));
        }
        line(wb, row, r.total(), true);
        return wb.bytes(sheet -> {
            sheet.setColumnWidth(0, 44 * 256);
            for (int i = 1; i < width; i++) {
                sheet.setColumnWidth(i, 12 * 256);
            }
            sheet.createFreezePane(1, 7);
        });
    }

    private static void line(ReportWorkbook wb, int index, PeriodicReport.Row x, boolean bold) {
        Row row = wb.sheet().createRow(index);
        ReportWorkbook.cell(row, 0, x.label(), bold ? wb.totalText : wb.text);
        for (int i = 0; i < x.values().size(); i++) {
            ReportWorkbook.number(row, i + 1, x.values().get(i), bold ? wb.totalNumber : wb.number);
        }
    }

    /** The report as a PDF (template forms/shared/bao-cao-dinh-ky.html, landscape A4). */
    public byte[] pdf(PeriodicReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r", r);
        m.put("sentOn", r.sentAt() == null ? null : VN.format(r.sentAt().toLocalDate()));
        return pdfs.pdf("shared/bao-cao-dinh-ky", m);
    }
}
