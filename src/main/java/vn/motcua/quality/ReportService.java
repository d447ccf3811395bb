package vn.motcua.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.PdfForms;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The periodic reports the province files: Biểu 06 of Circular 01/2020/TT-VPCP per unit and reporting period (Decree
 * 09/2019's cut-off: 15th → 14th), computed from the index's fact rows, kept as a draft, then frozen when sent
 * ("chốt số liệu") and e-mailed with its Excel and PDF to the configured recipients; the recipients themselves.
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

    public ReportService(FactStore facts, ReportStore store, Units units, QualityService quality, CatalogService catalog, PdfForms pdfs, AuditLog audit,
                         ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
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

    // ---------------------------------------------------------------- Biểu 06

    /** Biểu 06 of a unit (0: the province) computed now from the dossiers. */
    @Transactional(readOnly = true)
    public Report06 compute(long unitId, ReportPeriod period) {
        QualityService.Unit unit = quality.unit(unitId);
        List<FactStore.ReportSums> sums = facts.report06(period.from(), period.to(), unitId == IndexCard.PROVINCE ? null : units.factUnits(unitId));
        Map<String, ProcedureVersion> versions = new HashMap<>();
        for (ProcedureVersion v : catalog.allInForce(period.to())) {
            versions.put(v.code(), v);
        }
        // level → field → row
        Map<Integer, Map<String, Report06.Row>> byLevel = new TreeMap<>();
        Map<Integer, String> levelNames = new HashMap<>();
        for (FactStore.ReportSums s : sums) {
            ProcedureVersion v = versions.computeIfAbsent(s.procedureCode(), quality::lastPublished);
            int level = v == null ? 9 : v.level().ordinal();
            levelNames.put(level, v == null ? "Khác" : "TTHC " + v.level().label().toLowerCase(java.util.Locale.ROOT));
            String field = v == null || v.field() == null ? "Khác" : v.field().name();
            Report06.Row row = new Report06.Row("FIELD", field, s.received(), s.online(), s.received() - s.online(), s.carried(), s.handled(),
                    s.beforeDue(), s.onTime(), s.late(), s.open(), s.open() - s.overdue(), s.overdue());
            byLevel.computeIfAbsent(level, k -> new TreeMap<>()).merge(field, row, (a, b) -> a.plus(b, "FIELD", a.label()));
        }
        List<Report06.Row> rows = new ArrayList<>();
        Report06.Row total = Report06.Row.zero("TOTAL", "Tổng cộng");
        String[] roman = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        int n = 0;
        for (Map.Entry<Integer, Map<String, Report06.Row>> level : byLevel.entrySet()) {
            Report06.Row sub = Report06.Row.zero("LEVEL", roman[Math.min(n++, roman.length - 1)] + ". " + levelNames.get(level.getKey()));
            for (Report06.Row r : level.getValue().values()) {
                sub = sub.plus(r, "LEVEL", sub.label());
            }
            rows.add(sub);
            int i = 1;
            for (Report06.Row r : level.getValue().values()) {
                rows.add(new Report06.Row("FIELD", (i++) + ". " + r.label(), r.received(), r.online(), r.counterOrPost(), r.carried(), r.handled(),
                        r.beforeDue(), r.onTime(), r.late(), r.open(), r.within(), r.overdue()));
            }
            total = total.plus(sub, "TOTAL", "Tổng cộng");
        }
        return new Report06(null, unit.id(), unit.name(), period.key(), period.label(), period.from(), period.to(), "LIVE", rows, total, null, null,
                null, null, 0);
    }

    public List<Report06> list() {
        return store.list(200).stream().map(this::summary).toList();
    }

    private Report06 summary(ReportStore.Saved s) {
        return new Report06(s.id(), s.unitId(), unitName(s.unitId()), s.periodKey(), s.periodLabel(), s.from(), s.to(), s.status(), List.of(), null,
                s.createdBy(), s.sentAt(), s.sentBy(), s.sentTo(), s.rowVersion());
    }

    private String unitName(long unitId) {
        return unitId == IndexCard.PROVINCE ? "Toàn tỉnh" : units.name(unitId);
    }

    /** A saved report: a draft computed now, a sent one as it was frozen. */
    @Transactional(readOnly = true)
    public Report06 get(long id) {
        ReportStore.Saved s = store.get(id).orElseThrow(() -> new NotFoundException("Không có báo cáo số " + id + "."));
        if ("SENT".equals(s.status()) && s.data() != null) {
            Frozen f = read(s.data());
            return new Report06(s.id(), s.unitId(), f.unitName(), s.periodKey(), s.periodLabel(), s.from(), s.to(), s.status(), f.rows(), f.total(),
                    s.createdBy(), s.sentAt(), s.sentBy(), s.sentTo(), s.rowVersion());
        }
        Report06 live = compute(s.unitId(), new ReportPeriod(s.periodKey(), s.periodLabel(), s.from(), s.to()));
        return new Report06(s.id(), s.unitId(), live.unitName(), s.periodKey(), s.periodLabel(), s.from(), s.to(), s.status(), live.rows(), live.total(),
                s.createdBy(), null, null, null, s.rowVersion());
    }

    /** What a sent report keeps: the rows as they were. */
    record Frozen(String unitName, List<Report06.Row> rows, Report06.Row total) {
    }

    private Frozen read(String data) {
        try {
            return json.readValue(data, new TypeReference<Frozen>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen report unreadable", e);
        }
    }

    /** Creates the draft of a unit's report for a period (one per unit, form and period: an existing one is returned). */
    @Transactional
    public long create(long unitId, String periodKey, CurrentUser by) {
        QualityService.Unit unit = quality.unit(unitId);
        ReportPeriod p = reportPeriod(periodKey);
        if (!p.to().isBefore(now().toLocalDate())) {
            throw ValidationException.of("period", "Kỳ báo cáo chưa kết thúc (đến ngày " + VN.format(p.to()) + "): chỉ lập báo cáo của kỳ đã kết thúc.");
        }
        Optional<ReportStore.Saved> existing = store.find(Report06.FORM, unit.id(), p.from(), p.to());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        long id = store.insert(Report06.FORM, unit.id(), p.key(), p.label(), p.from(), p.to(), by.username(), now());
        audit.record("quality.report.created", "quality_report", id, null, Map.of("form", Report06.FORM, "unit", unit.id(), "period", p.key()));
        return id;
    }

    /**
     * Freezes the report ("chốt số liệu") and queues it for its recipients (the unit's and the province's): from now on it
     * reads as it was sent. A report already sent, or changed meanwhile, is refused.
     */
    @Transactional
    public Report06 send(long id, long rowVersion, CurrentUser by) {
        return send(id, rowVersion, by.username());
    }

    Report06 send(long id, long rowVersion, String by) {
        Report06 r = get(id);
        if (r.sent()) {
            throw new ConflictException("Báo cáo đã được chốt số liệu và gửi ngày " + VN.format(r.sentAt().toLocalDate()) + ".");
        }
        List<String> to = recipientsFor(r.unitId(), true);
        String data;
        try {
            data = json.writeValueAsString(new Frozen(r.unitName(), r.rows(), r.total()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LocalDateTime now = now();
        String sentTo = String.join(", ", to);
        if (store.freeze(id, rowVersion, data, by, now, sentTo.length() > 2000 ? sentTo.substring(0, 2000) : sentTo) == 0) {
            throw new ConflictException("Báo cáo vừa được người khác thay đổi hoặc gửi; hãy tải lại trang.");
        }
        audit.record("quality.report.sent", "quality_report", id, Map.of("status", "DRAFT"), Map.of("status", "SENT", "to", sentTo,
                "total", r.total().total()));
        events.publishEvent(new QualityEvents.ReportSent(id, now, sentTo));
        return get(id);
    }

    /** The addresses for a unit's reports (or digests): its own recipients and the province's. */
    public List<String> recipientsFor(long unitId, boolean reports) {
        return store.recipients().stream().filter(x -> x.unitId() == unitId || x.unitId() == IndexCard.PROVINCE)
                .filter(x -> reports ? x.reports() : x.weekly()).map(Recipient::email).distinct().toList();
    }

    /** The province's reports of the reporting periods that ended yesterday, created and sent (the schedule's job). */
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
            if (store.find(Report06.FORM, IndexCard.PROVINCE, p.from(), p.to()).filter(s -> "SENT".equals(s.status())).isPresent()) {
                continue;
            }
            long id = store.find(Report06.FORM, IndexCard.PROVINCE, p.from(), p.to()).map(ReportStore.Saved::id)
                    .orElseGet(() -> store.insert(Report06.FORM, IndexCard.PROVINCE, p.key(), p.label(), p.from(), p.to(), "he-thong", now()));
            send(id, store.get(id).orElseThrow().rowVersion(), "he-thong");
            sent.add(id);
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

    static final String[] HEADERS = {"STT / Lĩnh vực", "Tổng số hồ sơ", "Nhận trong kỳ: tổng", "trong đó trực tuyến", "trực tiếp, bưu chính",
            "Kỳ trước chuyển qua", "Đã giải quyết: tổng", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết: tổng", "Trong hạn", "Quá hạn"};

    /** The report in Excel, in the layout of Biểu 06 (title, period, unit, columns grouped as the form has them). */
    public byte[] excel(Report06 r) {
        ReportWorkbook wb = new ReportWorkbook("Biểu 06", HEADERS.length, "#,##0");
        wb.titleLine(0, "Biểu số 06/VPCP/KSTT");
        wb.titleLine(1, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        wb.titleLine(2, r.periodLabel());
        wb.titleLine(3, "Đơn vị báo cáo: " + r.unitName() + " — Đơn vị tính: số hồ sơ" + (r.sent() ? " — Đã chốt số liệu ngày "
                + VN.format(r.sentAt().toLocalDate()) : " — Bản nháp, chưa chốt số liệu"));
        Row groups = wb.sheet().createRow(5);
        ReportWorkbook.cell(groups, 0, "", wb.head);
        ReportWorkbook.cell(groups, 1, "", wb.head);
        ReportWorkbook.cell(groups, 2, "Số hồ sơ nhận giải quyết", wb.head);
        ReportWorkbook.cell(groups, 6, "Kết quả giải quyết", wb.head);
        ReportWorkbook.cell(groups, 10, "Số hồ sơ đang giải quyết", wb.head);
        wb.sheet().addMergedRegion(new CellRangeAddress(5, 5, 2, 5));
        wb.sheet().addMergedRegion(new CellRangeAddress(5, 5, 6, 9));
        wb.sheet().addMergedRegion(new CellRangeAddress(5, 5, 10, 12));
        wb.header(6, HEADERS);
        int row = 7;
        for (Report06.Row x : r.rows()) {
            line(wb, row++, x, "LEVEL".equals(x.kind()));
        }
        line(wb, row, r.total(), true);
        return wb.bytes(sheet -> {
            sheet.setColumnWidth(0, 44 * 256);
            for (int c = 1; c < HEADERS.length; c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            sheet.createFreezePane(1, 7);
        });
    }

    private static void line(ReportWorkbook wb, int index, Report06.Row x, boolean bold) {
        Row row = wb.sheet().createRow(index);
        ReportWorkbook.cell(row, 0, x.label(), bold ? wb.totalText : wb.text);
        long[] v = {x.total(), x.received(), x.online(), x.counterOrPost(), x.carried(), x.handled(), x.beforeDue(), x.onTime(), x.late(), x.open(),
                x.within(), x.overdue()};
        for (int i = 0; i < v.length; i++) {
            ReportWorkbook.number(row, i + 1, v[i], bold ? wb.totalNumber : wb.number);
        }
    }

    /** The report as a PDF (template forms/shared/bieu-06.html, landscape A4). */
    public byte[] pdf(Report06 r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r", r);
        m.put("sentOn", r.sentAt() == null ? null : VN.format(r.sentAt().toLocalDate()));
        return pdfs.pdf("shared/bieu-06", m);
    }
}
