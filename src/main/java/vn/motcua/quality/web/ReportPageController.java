package vn.motcua.quality.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.quality.QualityService;
import vn.motcua.quality.PeriodicReport;
import vn.motcua.quality.ReportForm;
import vn.motcua.quality.ReportService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.util.List;

/** The periodic reports (Biểu 06 and the other forms): drafts, frozen ones, their Excel and PDF, and who receives them. */
@Controller
class ReportPageController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ReportService reports;
    private final QualityService quality;

    ReportPageController(ReportService reports, QualityService quality) {
        this.reports = reports;
        this.quality = quality;
    }

    @GetMapping("/chi-so/bao-cao")
    String list(Model model) {
        model.addAttribute("reports", reports.list());
        model.addAttribute("periods", reports.recentPeriods());
        model.addAttribute("forms", ReportForm.values());
        model.addAttribute("units", quality.units());
        model.addAttribute("recipients", reports.recipients());
        return "quality/reports";
    }

    @PostMapping("/chi-so/bao-cao")
    String create(@RequestParam(name = "bieu", required = false) String form, @RequestParam(name = "donVi", required = false) Long unitId,
                  @RequestParam(name = "ky", required = false) String period, RedirectAttributes r) {
        try {
            ReportForm f = form == null || form.isBlank() ? ReportForm.BIEU_06 : ReportForm.parse(form)
                    .orElseThrow(() -> ValidationException.of("bieu", "Không có biểu báo cáo này."));
            long id = reports.create(f, unitId == null ? 0 : unitId, period, CurrentUser.get().orElseThrow());
            return "redirect:/chi-so/bao-cao/" + id;
        } catch (ValidationException e) {
            r.addFlashAttribute("problems", e.problems());
        } catch (vn.motcua.shared.NotFoundException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("donVi", e.getMessage())));
        }
        return "redirect:/chi-so/bao-cao";
    }

    @GetMapping("/chi-so/bao-cao/{id}")
    String view(@PathVariable long id, Model model) {
        model.addAttribute("r", reports.get(id));
        return "quality/report";
    }

    @PostMapping("/chi-so/bao-cao/{id}/gui")
    String send(@PathVariable long id, @RequestParam(name = "rowVersion", required = false) Long rowVersion, RedirectAttributes r) {
        try {
            reports.send(id, rowVersion == null ? -1 : rowVersion, CurrentUser.get().orElseThrow());
            r.addFlashAttribute("saved", "flash.quality.reportSent");
        } catch (ConflictException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return "redirect:/chi-so/bao-cao/" + id;
    }

    @GetMapping("/chi-so/bao-cao/{id}/bao-cao.xlsx")
    void excel(@PathVariable long id, HttpServletResponse response) throws IOException {
        PeriodicReport r = reports.get(id);
        Attachments.write(response, ReportService.fileBase(r) + ".xlsx", XLSX, reports.excel(r));
    }

    @GetMapping("/chi-so/bao-cao/{id}/bao-cao.pdf")
    void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        PeriodicReport r = reports.get(id);
        Attachments.write(response, ReportService.fileBase(r) + ".pdf", "application/pdf", reports.pdf(r));
    }

    @PostMapping("/chi-so/nguoi-nhan")
    String addRecipient(@RequestParam(name = "donVi", required = false) Long unitId, @RequestParam(required = false) String email,
                        @RequestParam(required = false) String name, @RequestParam(required = false) String reportsToo,
                        @RequestParam(required = false) String weekly, RedirectAttributes r) {
        try {
            reports.addRecipient(unitId == null ? 0 : unitId, email, name, reportsToo != null, weekly != null, CurrentUser.get().orElseThrow());
            r.addFlashAttribute("saved", "flash.quality.recipientAdded");
        } catch (ValidationException e) {
            r.addFlashAttribute("problems", e.problems());
        } catch (vn.motcua.shared.NotFoundException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("donVi", e.getMessage())));
        }
        return "redirect:/chi-so/bao-cao#recipients";
    }

    @PostMapping("/chi-so/nguoi-nhan/{id}/xoa")
    String removeRecipient(@PathVariable long id, RedirectAttributes r) {
        reports.removeRecipient(id, CurrentUser.get().orElseThrow());
        r.addFlashAttribute("saved", "flash.quality.recipientRemoved");
        return "redirect:/chi-so/bao-cao#recipients";
    }
}
