package vn.motcua.quality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Indicator;
import vn.motcua.quality.Period;
import vn.motcua.quality.QualityService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.util.List;

/** The leaders' dashboard of the index, the drill-down of each indicator and the indicators' settings. */
@Controller
class IndexPageController {
    private final QualityService quality;
    private final IndexPages pages;

    IndexPageController(QualityService quality, IndexPages pages) {
        this.quality = quality;
        this.pages = pages;
    }

    @GetMapping("/chi-so")
    String dashboard(@RequestParam(name = "donVi", required = false) Long unitId, @RequestParam(name = "ky", required = false) String key,
                     Model model) {
        QualityService.Unit unit = pages.unit(unitId, model);
        Period period = pages.period(key, quality.currentMonth(), model);
        // the trend ends with the period itself: its last card is the one shown
        List<IndexCard> trend = quality.trend(unit.id(), period, period.kind() == Period.Kind.MONTH ? 12 : 4);
        IndexCard card = trend.get(trend.size() - 1);
        model.addAttribute("unit", unit);
        model.addAttribute("units", quality.units());
        model.addAttribute("period", period);
        model.addAttribute("months", pages.recentMonths());
        model.addAttribute("card", card);
        model.addAttribute("trend", trend);
        model.addAttribute("previous", trend.size() > 1 ? trend.get(trend.size() - 2) : null);
        List<IndexCard> ranking = quality.ranking(period);
        model.addAttribute("ranking", ranking);
        List<QualityService.ProcedureRow> procedures = quality.procedures(unit.id(), period);
        model.addAttribute("procedures", procedures.stream().limit(30).toList());
        List<QualityService.FieldRow> fields = quality.byField(procedures);
        model.addAttribute("fields", fields);
        model.addAttribute("fieldChart", pages.write(new IndexPages.Chart("bar", true, true, false,
                fields.stream().map(QualityService.FieldRow::field).toList(), List.of(
                new IndexPages.Chart.Series("Trễ hạn", fields.stream().map(f -> (Number) f.late()).toList()),
                new IndexPages.Chart.Series("Đúng hạn", fields.stream().map(f -> (Number) (f.dossiers() - f.late())).toList())))));
        boolean running = !card.judgedAt().isBefore(quality.now().minusMinutes(1));
        model.addAttribute("forecast", running ? quality.forecast(unit.id(), period) : null);
        model.addAttribute("portal", quality.portalComparison(card));
        model.addAttribute("mayEnterPortal", CurrentUser.get().map(u -> u.has(vn.motcua.identity.Role.TTHC_CONTROL)
                || u.has(vn.motcua.identity.Role.ADMIN)).orElse(false));
        model.addAttribute("groupChart", pages.write(new IndexPages.Chart("bar", false, false, false,
                card.groups().stream().map(g -> g.groupNo() + ". " + g.name()).toList(), List.of(
                new IndexPages.Chart.Series("Điểm đạt", card.groups().stream().map(g -> (Number) g.points()).toList()),
                new IndexPages.Chart.Series("Điểm mất", card.groups().stream().map(g -> (Number) g.lost()).toList())))));
        model.addAttribute("trendChart", pages.write(new IndexPages.Chart("bar", false, false, true,
                trend.stream().map(c -> c.period().key()).toList(), List.of(
                new IndexPages.Chart.Series("Điểm (thang 100)", trend.stream().map(c -> (Number) c.score()).toList()),
                new IndexPages.Chart.Series("Đúng hạn (2.1, %)", trend.stream().map(c -> (Number) c.indicator("2.1")
                        .map(i -> i.rate() == null ? BigDecimal.ZERO : i.rate()).orElse(BigDecimal.ZERO)).toList())))));
        List<IndexCard> top = ranking.stream().limit(15).toList();
        model.addAttribute("rankingChart", pages.write(new IndexPages.Chart("bar", false, true, false,
                top.stream().map(IndexCard::unitName).toList(), List.of(new IndexPages.Chart.Series("Điểm (thang 100)",
                top.stream().map(c -> (Number) c.score()).toList())))));
        model.addAttribute("lateChart", pages.write(new IndexPages.Chart("bar", false, true, false,
                top.stream().map(IndexCard::unitName).toList(), List.of(new IndexPages.Chart.Series("Hồ sơ trễ hạn",
                top.stream().map(c -> (Number) c.indicator("2.1").map(i -> i.missing()).orElse(0L)).toList())))));
        return "quality/dashboard";
    }

    @GetMapping("/chi-so/chi-tieu/{code}")
    String lost(@PathVariable String code, @RequestParam(name = "donVi", required = false) Long unitId,
                @RequestParam(name = "ky", required = false) String key, @RequestParam(name = "ma", required = false) String procedure,
                @RequestParam(name = "trang", required = false, defaultValue = "1") int page, Model model) {
        QualityService.Unit unit = pages.unit(unitId, model);
        Period period = pages.period(key, quality.currentMonth(), model);
        if (quality.indicators().stream().noneMatch(i -> i.code().equals(code))) {
            throw new NotFoundException("Không có chỉ số " + code + ".");
        }
        String pcode = QualityApiController.blank(procedure);
        model.addAttribute("unit", unit);
        model.addAttribute("period", period);
        model.addAttribute("procedure", pcode);
        model.addAttribute("lost", quality.lost(unit.id(), period, code, pcode, page, 50));
        return "quality/lost";
    }

    /** The index of the unit and period in Excel: every group and indicator with its counts, rate, threshold and points. */
    @GetMapping("/chi-so/bang-chi-so.xlsx")
    void excel(@RequestParam(name = "donVi", required = false) Long unitId, @RequestParam(name = "ky", required = false) String key,
               jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        IndexCard card = quality.card(unitId == null ? IndexCard.PROVINCE : unitId, quality.period(key, "ky"));
        vn.motcua.shared.web.ReportWorkbook wb = new vn.motcua.shared.web.ReportWorkbook("Chỉ số 766", 9, "#,##0.00");
        wb.titleLine(0, "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)");
        wb.titleLine(1, card.unitName() + " — " + card.period().label());
        wb.titleLine(2, "Điểm: " + card.points() + " / " + card.attainable() + " có thể đạt — thang 100: " + card.score() + " — xếp loại: "
                + card.rating() + " — " + card.dossiers() + " hồ sơ");
        wb.header(4, "Chỉ số", "Nội dung", "Đạt", "Tổng", "Tỷ lệ (%)", "Ngưỡng (%)", "Điểm", "Tối đa", "Mất");
        int r = 5;
        for (vn.motcua.quality.GroupScore g : card.groups()) {
            org.apache.poi.ss.usermodel.Row row = wb.sheet().createRow(r++);
            vn.motcua.shared.web.ReportWorkbook.cell(row, 0, String.valueOf(g.groupNo()), wb.totalText);
            vn.motcua.shared.web.ReportWorkbook.cell(row, 1, g.name(), wb.totalText);
            for (int c = 2; c <= 5; c++) {
                vn.motcua.shared.web.ReportWorkbook.cell(row, c, "", wb.totalText);
            }
            vn.motcua.shared.web.ReportWorkbook.number(row, 6, g.points(), wb.totalNumber);
            vn.motcua.shared.web.ReportWorkbook.number(row, 7, g.attainable(), wb.totalNumber);
            vn.motcua.shared.web.ReportWorkbook.number(row, 8, g.lost(), wb.totalNumber);
            for (vn.motcua.quality.IndicatorScore s : g.indicators()) {
                org.apache.poi.ss.usermodel.Row x = wb.sheet().createRow(r++);
                vn.motcua.shared.web.ReportWorkbook.cell(x, 0, s.indicator().code(), wb.text);
                vn.motcua.shared.web.ReportWorkbook.cell(x, 1, s.indicator().name(), wb.text);
                vn.motcua.shared.web.ReportWorkbook.number(x, 2, BigDecimal.valueOf(s.numerator()), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 3, BigDecimal.valueOf(s.denominator()), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 4, s.rate(), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 5, s.indicator().threshold(), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 6, s.points(), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 7, s.indicator().maxPoints(), wb.number);
                vn.motcua.shared.web.ReportWorkbook.number(x, 8, s.lost(), wb.number);
            }
        }
        byte[] bytes = wb.bytes(sheet -> {
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            for (int c = 2; c < 9; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
        });
        vn.motcua.shared.web.Attachments.write(response, "chi-so-766-" + card.unitId() + "-" + card.period().key() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    }

    // ---------------------------------------------------------------- settings

    @GetMapping("/chi-so/cau-hinh")
    String settings(Model model) {
        model.addAttribute("indicators", quality.indicators());
        model.addAttribute("groups", quality.groupNames());
        model.addAttribute("bands", quality.bands());
        return "quality/settings";
    }

    record IndicatorForm(long rowVersion, String maxPoints, String threshold, String whenEmpty) {
    }

    @PostMapping("/chi-so/cau-hinh/{code}")
    String update(@PathVariable String code, @ModelAttribute IndicatorForm form, RedirectAttributes r) {
        try {
            BigDecimal max = number(form.maxPoints(), "maxPoints", true);
            BigDecimal threshold = number(form.threshold(), "threshold", false);
            Indicator.WhenEmpty empty = "FULL".equals(form.whenEmpty()) ? Indicator.WhenEmpty.FULL : Indicator.WhenEmpty.NA;
            quality.updateIndicator(code, form.rowVersion(), new QualityService.IndicatorChange(max, threshold, empty),
                    CurrentUser.get().orElseThrow());
            r.addFlashAttribute("saved", "flash.quality.saved");
        } catch (ValidationException e) {
            r.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return "redirect:/chi-so/cau-hinh#ind-" + code.replace('.', '-');
    }

    private static BigDecimal number(String s, String field, boolean required) {
        if (s == null || s.isBlank()) {
            if (required) {
                throw new ValidationException(List.of(new FieldProblem(field, "Nhập điểm tối đa.")));
            }
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldProblem(field, "Không phải là số: " + s)));
        }
    }

}
