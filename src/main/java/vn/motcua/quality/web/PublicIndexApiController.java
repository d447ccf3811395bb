package vn.motcua.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.QualityService;

import java.math.BigDecimal;
import java.util.List;

/** The public summary of the index the seeds ask to publish each month: scores and ranking only, no dossier. */
@RestController
@Tag(name = "Statistics", description = "Số liệu công khai")
public class PublicIndexApiController {
    private final QualityService quality;

    PublicIndexApiController(QualityService quality) {
        this.quality = quality;
    }

    public record GroupSummary(int groupNo, String name, BigDecimal maxPoints, BigDecimal points) {
    }

    public record UnitSummary(long unitId, String unitName, BigDecimal points, BigDecimal attainable, BigDecimal score, String rating,
                              List<GroupSummary> groups) {
        static UnitSummary of(IndexCard c) {
            return new UnitSummary(c.unitId(), c.unitName(), c.points(), c.attainable(), c.score(), c.rating(),
                    c.groups().stream().map(g -> new GroupSummary(g.groupNo(), g.name(), g.attainable(), g.points())).toList());
        }
    }

    public record Summary(String period, String label, UnitSummary province, List<UnitSummary> units) {
    }

    @GetMapping(path = "/api/v1/statistics/service-index", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Kết quả Bộ chỉ số 766 công khai: toàn tỉnh và từng đơn vị (điểm, xếp loại, nhóm)",
            description = "Mặc định tháng trước (tháng đã kết thúc).")
    public Summary summary(@Parameter(description = QualityApiController.PERIOD) @RequestParam(required = false) String period) {
        var p = period == null || period.isBlank() ? quality.currentMonth().previous() : quality.period(period, "period");
        return new Summary(p.key(), p.label(), UnitSummary.of(quality.card(IndexCard.PROVINCE, p)),
                quality.ranking(p).stream().map(UnitSummary::of).toList());
    }

}
