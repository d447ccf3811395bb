package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.dossier.PdfForms;
import vn.motcua.feedback.Evaluation;
import vn.motcua.feedback.EvaluationService;
import vn.motcua.feedback.FeedbackProperties;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.VoteSummary;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 9-criterion evaluation: every agency's figure for a period, one agency's table with the self-assessment and the
 * verification forms, exports (Excel, PDF), and the monthly vote summary for the national portal.
 */
@Controller
class EvaluationController {
    private final EvaluationService evaluations;
    private final RatingService ratings;
    private final PdfForms pdfs;

    EvaluationController(EvaluationService evaluations, RatingService ratings, PdfForms pdfs) {
        this.evaluations = evaluations;
        this.ratings = ratings;
        this.pdfs = pdfs;
    }

    private ReportingPeriod period(String key) {
        if (key == null || key.isBlank()) {
            // the last quarter that ended
            List<ReportingPeriod> recent = evaluations.periods();
            return recent.stream().filter(p -> p.kind() == ReportingPeriod.Kind.QUARTER && p.to().isBefore(evaluations.today())).findFirst()
                    .orElse(recent.get(0));
        }
        return EvaluationService.period(key);
    }

    @GetMapping("/danh-gia-tthc")
    String overview(@RequestParam(name = "ky", required = false) String key, Model model) {
        ReportingPeriod p;
        try {
            p = period(key);
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems());
            p = period(null);
        }
        List<Evaluation> list = evaluations.overview(p);
        model.addAttribute("period", p);
        model.addAttribute("periods", evaluations.periods());
        model.addAttribute("list", list);
        Map<Long, FeedbackProperties.Band> bands = new HashMap<>();
        list.stream().filter(e -> e.slips() > 0 || e.status() != vn.motcua.feedback.EvaluationStatus.COMPUTED)
                .forEach(e -> bands.put(e.agencyId(), evaluations.band(e.finalTotal())));
        model.addAttribute("bands", bands);
        return "feedback/evaluations";
    }

    @GetMapping("/danh-gia-tthc/{agencyId}")
    String detail(@PathVariable long agencyId, @RequestParam(name = "ky", required = false) String key, Model model) {
        ReportingPeriod p;
        try {
            p = period(key);
        } catch (ValidationException e) {
            model.addAttribute("evaluationError", e.getMessage());
            p = period(null);
        }
        Evaluation e = evaluations.view(agencyId, p);
        CurrentUser user = CurrentUser.get().orElseThrow();
        model.addAttribute("e", e);
        model.addAttribute("band", evaluations.band(e.finalTotal()));
        model.addAttribute("mayAssess", evaluations.mayAssess(user, agencyId) && e.status() != vn.motcua.feedback.EvaluationStatus.VERIFIED
                && p.to().isBefore(evaluations.today()));
        model.addAttribute("mayVerify", evaluations.mayVerify(user, agencyId) && e.status() != vn.motcua.feedback.EvaluationStatus.COMPUTED);
        model.addAttribute("ended", p.to().isBefore(evaluations.today()));
        return "feedback/evaluation";
    }

    @PostMapping("/danh-gia-tthc/{agencyId}/tu-danh-gia")
    String selfAssess(@PathVariable long agencyId, @RequestParam(name = "ky") String key, @RequestParam(defaultValue = "0") long rowVersion,
                      @RequestParam Map<String, String> form, RedirectAttributes r) {
        return act(agencyId, key, r, "flash.evaluation.assessed",
                () -> evaluations.selfAssess(agencyId, key, rowVersion, points(form, "p"), points(form, "n"), CurrentUser.get().orElseThrow()));
    }

    @PostMapping("/danh-gia-tthc/{agencyId}/tham-dinh")
    String verify(@PathVariable long agencyId, @RequestParam(name = "ky") String key, @RequestParam(defaultValue = "0") long rowVersion,
                  @RequestParam Map<String, String> form, RedirectAttributes r) {
        return act(agencyId, key, r, "flash.evaluation.verified",
                () -> evaluations.verify(agencyId, key, rowVersion, points(form, "v"), points(form, "n"), CurrentUser.get().orElseThrow()));
    }

    private String act(long agencyId, String key, RedirectAttributes r, String flash, Runnable action) {
        try {
            action.run();
            r.addFlashAttribute("saved", flash);
        } catch (ValidationException | ConflictException e) {
            r.addFlashAttribute("evaluationError", Forms.message(e));
        }
        r.addAttribute("ky", key);
        return "redirect:/danh-gia-tthc/" + agencyId;
    }

    private static Map<Integer, String> points(Map<String, String> form, String prefix) {
        Map<Integer, String> out = new HashMap<>();
        for (int c = 1; c <= 9; c++) {
            out.put(c, form.get(prefix + c));
        }
        return out;
    }

    @GetMapping("/danh-gia-tthc/{agencyId}/bang-danh-gia.xlsx")
    void excel(@PathVariable long agencyId, @RequestParam(name = "ky", required = false) String key, HttpServletResponse response) throws IOException {
        Evaluation e = evaluations.view(agencyId, period(key));
        Attachments.write(response, "danh-gia-" + e.period().key() + "-" + agencyId + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvaluationExcel.write(e, evaluations.band(e.finalTotal()).label()));
    }

    @GetMapping("/danh-gia-tthc/{agencyId}/bang-danh-gia.pdf")
    void pdf(@PathVariable long agencyId, @RequestParam(name = "ky", required = false) String key, HttpServletResponse response) throws IOException {
        Evaluation e = evaluations.view(agencyId, period(key));
        Map<String, Object> m = new HashMap<>();
        m.put("e", e);
        m.put("band", evaluations.band(e.finalTotal()).label());
        Attachments.write(response, "danh-gia-" + e.period().key() + "-" + agencyId + ".pdf", "application/pdf", pdfs.pdf("shared/evaluation", m));
    }

    /** The month's vote summary per procedure and unit, as the national portal takes it (DongBoDanhGia). */
    @GetMapping("/danh-gia-tthc/tong-hop-phieu")
    String votes(@RequestParam(name = "thang", required = false) String month, Model model) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1) : YearMonth.parse(month.trim());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("problems", List.of(new vn.motcua.shared.FieldProblem("thang", "Tháng không hợp lệ (ví dụ 2026-11).")));
            m = YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        }
        List<VoteSummary> rows = ratings.monthlySummary(m);
        model.addAttribute("month", m);
        model.addAttribute("rows", rows);
        return "feedback/votes";
    }
}
