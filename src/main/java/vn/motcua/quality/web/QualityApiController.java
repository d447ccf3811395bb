package vn.motcua.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.CurrentUser;
import vn.motcua.quality.Band;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Indicator;
import vn.motcua.quality.QualityService;

import java.math.BigDecimal;
import java.util.List;

/**
 * JSON API of the service-quality index (Decision 766/QĐ-TTg) for officers: a unit's index for any period, the
 * ranking of units, the trend, the month-end forecast, the dossiers and procedures behind each lost point, the
 * per-procedure figures and the configured indicators. The public summary is {@code /api/v1/statistics/service-index}.
 */
@RestController
@RequestMapping(path = "/api/v1/service-index", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service-quality index", description = "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)")
public class QualityApiController {
    static final String PERIOD = "Kỳ: tháng 2026-11, quý 2026-Q3, năm 2026 hoặc khoảng ngày 2026-01-15..2026-03-14; mặc định tháng hiện tại.";
    static final String UNIT = "Mã số đơn vị (sở, ban, ngành; xã, phường); 0 hoặc bỏ trống: toàn tỉnh.";

    private final QualityService quality;
    private final vn.motcua.quality.ReportService reports;
    private final vn.motcua.quality.WeeklyReviewService reviews;

    QualityApiController(QualityService quality, vn.motcua.quality.ReportService reports, vn.motcua.quality.WeeklyReviewService reviews) {
        this.quality = quality;
        this.reports = reports;
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "Chỉ số của một đơn vị (hoặc toàn tỉnh, hoặc một thủ tục) trong một kỳ",
            description = "Sáu nhóm, từng chỉ số với tử số, mẫu số, tỷ lệ (2 chữ số thập phân), điểm đạt và điểm mất; N/A khi mẫu số bằng 0; "
                    + "tổng điểm, điểm quy về thang 100 và xếp loại. Hồ sơ chưa kết thúc được đánh giá tại cuối kỳ (hoặc hiện tại khi kỳ chưa hết).")
    public IndexCard card(@Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                          @Parameter(description = PERIOD) @RequestParam(required = false) String period,
                          @Parameter(description = "Mã thủ tục: chỉ số của riêng thủ tục đó") @RequestParam(required = false) String procedure) {
        return quality.card(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"), blank(procedure));
    }

    @GetMapping("/ranking")
    @Operation(summary = "Xếp hạng các đơn vị theo điểm (thang 100) trong kỳ")
    public List<IndexCard> ranking(@Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return quality.ranking(quality.period(period, "period"));
    }

    @GetMapping("/trend")
    @Operation(summary = "Diễn biến chỉ số của đơn vị qua các kỳ cùng loại, kết thúc ở kỳ đã chọn", description = "count: 1–24 kỳ (mặc định 12).")
    public List<IndexCard> trend(@Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                                 @Parameter(description = PERIOD) @RequestParam(required = false) String period,
                                 @RequestParam(required = false, defaultValue = "12") int count) {
        return quality.trend(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"), count);
    }

    @GetMapping("/forecast")
    @Operation(summary = "Dự báo cuối kỳ của chỉ số 2.1 từ các hồ sơ còn đang giải quyết",
            description = "Điểm nếu mọi hồ sơ đến hạn trong kỳ được giải quyết kịp, và nếu tất cả đều trễ; danh sách hồ sơ có nguy cơ.")
    public QualityService.Forecast forecast(@Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                                            @Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return quality.forecast(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"));
    }

    @GetMapping("/indicators/{code}/lost")
    @Operation(summary = "Những hồ sơ hoặc thủ tục làm mất điểm của một chỉ số",
            description = "Hồ sơ: theo trang (mặc định 50 mỗi trang, tối đa 200), không kèm thông tin cá nhân; thủ tục: kèm lý do.")
    public QualityService.LostPage lost(@PathVariable String code, @Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                                        @Parameter(description = PERIOD) @RequestParam(required = false) String period,
                                        @RequestParam(required = false) String procedure,
                                        @RequestParam(required = false, defaultValue = "1") int page,
                                        @RequestParam(required = false, defaultValue = "50") int size) {
        return quality.lost(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"), code, blank(procedure), page, size);
    }

    @GetMapping("/procedures")
    @Operation(summary = "Từng thủ tục của đơn vị trong kỳ: số hồ sơ, số trễ hạn, thời gian giải quyết trung bình (chỉ số 2.2)")
    public List<QualityService.ProcedureRow> procedures(@Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                                                        @Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return quality.procedures(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"));
    }

    @GetMapping("/units")
    @Operation(summary = "Các đơn vị được đánh giá (mã số 0: toàn tỉnh)")
    public List<QualityService.Unit> units() {
        return quality.units();
    }

    @GetMapping("/indicators")
    @Operation(summary = "Các chỉ số với điểm tối đa, ngưỡng và cách tính khi không có dữ liệu; các mức xếp loại")
    public Settings indicators() {
        return new Settings(quality.indicators(), quality.bands());
    }

    public record Settings(List<Indicator> indicators, List<Band> bands) {
    }

    public record IndicatorUpdate(long rowVersion, BigDecimal maxPoints, BigDecimal threshold, Indicator.WhenEmpty whenEmpty) {
    }

    @PutMapping(path = "/indicators/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sửa điểm tối đa, ngưỡng hoặc cách tính khi không có dữ liệu của một chỉ số (khi quy định quốc gia thay đổi)",
            description = "Chỉ cán bộ kiểm soát TTHC và quản trị. rowVersion phát hiện sửa đồng thời (409).")
    public Indicator update(@PathVariable String code, @RequestBody IndicatorUpdate body) {
        CurrentUser user = CurrentUser.get().orElseThrow();
        return quality.updateIndicator(code, body.rowVersion(), new QualityService.IndicatorChange(body.maxPoints(), body.threshold(), body.whenEmpty()),
                user);
    }

    @GetMapping("/reports")
    @Operation(summary = "Các báo cáo định kỳ đã lập (mọi biểu): bản nháp và bản đã chốt số liệu, không kèm các dòng")
    public List<vn.motcua.quality.PeriodicReport> reports() {
        return reports.list();
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "Một báo cáo với các dòng (theo cấp và lĩnh vực, hoặc theo đơn vị) và dòng tổng",
            description = "values của mỗi dòng theo thứ tự các cột của biểu (GET /report-forms). Bản nháp được tính lại từ dữ liệu; "
                    + "bản đã gửi giữ nguyên số liệu đã chốt.")
    public vn.motcua.quality.PeriodicReport report(@PathVariable long id) {
        return reports.get(id);
    }

    /** A report form as clients need it to read a report's values. */
    public record FormInfo(vn.motcua.quality.ReportForm form, String number, String name, String title, String measure,
                           List<FormColumn> columns) {
    }

    public record FormColumn(String key, String group, String label) {
    }

    @GetMapping("/report-forms")
    @Operation(summary = "Các biểu báo cáo định kỳ: số hiệu, tên, đơn vị tính và các cột (thứ tự của values trong mỗi dòng)")
    public List<FormInfo> reportForms() {
        return java.util.Arrays.stream(vn.motcua.quality.ReportForm.values()).map(f -> new FormInfo(f, reports.number(f), f.shortName(), f.title(),
                f.measure(), f.groups().stream().flatMap(g -> g.columns().stream().map(c -> new FormColumn(c.key(), g.label(), c.label()))).toList()))
                .toList();
    }

    public record NewReport(Long unit, String period, vn.motcua.quality.ReportForm form) {
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lập (bản nháp) một biểu báo cáo của một đơn vị cho một kỳ báo cáo đã kết thúc",
            description = "form: BIEU_06 (mặc định), PROCEDURES, FEEDBACK, ONLINE, REGULATIONS, SIMPLIFICATION. period: 2026-Q3, 2026-H1, 2026 (kỳ báo cáo 15 → 14 của "
                    + "Nghị định 09/2019), tháng 2026-11 hoặc khoảng ngày. Một biểu, một đơn vị, một kỳ chỉ có một báo cáo: lập lại trả về báo cáo đã có.")
    public org.springframework.http.ResponseEntity<vn.motcua.quality.PeriodicReport> createReport(@RequestBody NewReport body) {
        long id = reports.create(body.form() == null ? vn.motcua.quality.ReportForm.BIEU_06 : body.form(),
                body.unit() == null ? IndexCard.PROVINCE : body.unit(), body.period(), CurrentUser.get().orElseThrow());
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/service-index/reports/" + id)).body(reports.get(id));
    }

    public record SendReport(long rowVersion) {
    }

    @PostMapping(path = "/reports/{id}/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Chốt số liệu và gửi báo cáo tới người nhận (thư điện tử kèm Excel và PDF)",
            description = "Báo cáo đã gửi không thể gửi lại hay thay đổi (409).")
    public vn.motcua.quality.PeriodicReport sendReport(@PathVariable long id, @RequestBody SendReport body) {
        return reports.send(id, body.rowVersion(), CurrentUser.get().orElseThrow());
    }

    @GetMapping("/weekly-review")
    @Operation(summary = "Kiểm tra thứ Hai của một đơn vị: điểm của tuần và của tháng, điểm mất theo nhóm, người theo dõi từng nhóm, việc khắc phục",
            description = "week: một ngày bất kỳ của tuần (yyyy-MM-dd); mặc định tuần trước.")
    public vn.motcua.quality.WeeklyReview weeklyReview(@Parameter(description = UNIT) @RequestParam long unit,
                                                       @RequestParam(required = false) java.time.LocalDate week) {
        return reviews.review(unit, week == null ? reviews.lastWeek() : week);
    }

    @GetMapping("/weekly-status")
    @Operation(summary = "Các đơn vị trong một tuần: điểm, đã kiểm tra, chỉ đạo hay chưa, việc khắc phục đang mở và quá hạn")
    public List<vn.motcua.quality.WeeklyReview.UnitStatus> weeklyStatus(@RequestParam(required = false) java.time.LocalDate week) {
        return reviews.status(week == null ? reviews.lastWeek() : week);
    }

    @GetMapping("/portal-comparison")
    @Operation(summary = "Điểm do Cổng Dịch vụ công quốc gia công bố bên cạnh điểm hệ thống tính, theo nhóm, có giải thích chênh lệch",
            description = "Danh sách rỗng khi chưa nhập điểm của Cổng cho đơn vị và kỳ.")
    public List<QualityService.PortalLine> portalComparison(@Parameter(description = UNIT) @RequestParam(required = false) Long unit,
                                                            @Parameter(description = PERIOD) @RequestParam(required = false) String period) {
        return quality.portalComparison(unit == null ? IndexCard.PROVINCE : unit, quality.period(period, "period"));
    }

    public record PortalScores(Long unit, String period, java.util.Map<Integer, BigDecimal> points) {
    }

    @PutMapping(path = "/portal-scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhập điểm theo nhóm do Cổng Dịch vụ công quốc gia công bố cho một đơn vị và kỳ",
            description = "points: nhóm (1–6) → điểm. Chỉ cán bộ kiểm soát TTHC và quản trị.")
    public List<QualityService.PortalLine> savePortalScores(@RequestBody PortalScores body) {
        long unit = body.unit() == null ? IndexCard.PROVINCE : body.unit();
        quality.savePortalScores(unit, body.period(), body.points() == null ? java.util.Map.of() : body.points(), CurrentUser.get().orElseThrow());
        return quality.portalComparison(unit, quality.period(body.period(), "period"));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
