package vn.motcua.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    QualityApiController(QualityService quality) {
        this.quality = quality;
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

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
