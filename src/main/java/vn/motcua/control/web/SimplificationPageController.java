package vn.motcua.control.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.control.CostAssessment;
import vn.motcua.control.CostInput;
import vn.motcua.control.CutFigure;
import vn.motcua.control.InternalProcedure;
import vn.motcua.control.Proposal;
import vn.motcua.control.SimplificationService;
import vn.motcua.control.StepAnalysis;
import vn.motcua.control.StepTimeService;
import vn.motcua.control.domain.ComplianceCost;
import vn.motcua.control.domain.SubjectKind;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Attachments;
import vn.motcua.shared.web.Chart;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Compliance cost, simplification proposals and the 20 % tracker, internal procedures, and the step times mined from history. */
@Controller
class SimplificationPageController {
    private static final int EXTRA_LINES = 3;
    private final SimplificationService simplification;
    private final StepTimeService stepTimes;
    private final ControlForms forms;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    SimplificationPageController(SimplificationService simplification, StepTimeService stepTimes, ControlForms forms,
                                 com.fasterxml.jackson.databind.ObjectMapper json) {
        this.simplification = simplification;
        this.stepTimes = stepTimes;
        this.forms = forms;
        this.json = json;
    }

    // ---------------------------------------------------------------- compliance cost

    @GetMapping("/kiem-soat/chi-phi")
    String assessments(@RequestParam(name = "ma", required = false) String code, Model model) {
        model.addAttribute("assessments", simplification.assessments(code));
        model.addAttribute("incomes", simplification.incomes());
        model.addAttribute("code", code);
        model.addAttribute("year", simplification.today().getYear());
        forms.procedures(model);
        return "control/costs";
    }

    @PostMapping("/kiem-soat/chi-phi/thu-nhap")
    String saveIncome(@RequestParam(required = false) String year, @RequestParam(required = false) String monthlyIncome,
                      @RequestParam(required = false) String incomeSource, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/chi-phi", "flash.control.incomeSaved",
                () -> simplification.saveIncome(year, monthlyIncome, incomeSource, Pages.user()));
    }

    @GetMapping("/kiem-soat/chi-phi/moi")
    String calculator(@RequestParam(name = "ma", required = false) String code, Model model) {
        if (code == null || code.isBlank()) {
            model.addAttribute("problems", List.of(new FieldProblem("ma", "Chưa chọn thủ tục cần đánh giá chi phí tuân thủ.")));
            return assessments(null, model);
        }
        CostInput in;
        try {
            in = simplification.suggest(code);
        } catch (NotFoundException e) {
            model.addAttribute("problems", List.of(new FieldProblem("ma", e.getMessage())));
            return assessments(null, model);
        }
        return calculatorPage(in, null, model);
    }

    private String calculatorPage(CostInput in, CostAssessment result, Model model) {
        List<CostInput.Line> lines = new ArrayList<>(in.lines());
        for (int i = 0; i < EXTRA_LINES; i++) {
            lines.add(new CostInput.Line(ComplianceCost.Kind.WORK.name(), "", "", "", "", false, "", "", "", false));
        }
        model.addAttribute("form", in);
        model.addAttribute("lines", lines);
        model.addAttribute("kinds", ComplianceCost.Kind.values());
        model.addAttribute("result", result);
        model.addAttribute("target", SimplificationService.TARGET_PERCENT);
        return "control/calculator";
    }

    /** "Tính thử" computes and shows the result; "Lưu" saves the assessment. */
    @PostMapping("/kiem-soat/chi-phi/moi")
    String compute(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes r) {
        CostInput in = CostForm.read(params);
        boolean save = "luu".equals(params.getFirst("action"));
        try {
            if (save) {
                long id = simplification.saveAssessment(in, Pages.user());
                r.addFlashAttribute("saved", "flash.control.assessmentSaved");
                return "redirect:/kiem-soat/chi-phi/" + id;
            }
            return calculatorPage(in, simplification.compute(in), model);
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems());
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return calculatorPage(in, null, model);
    }

    @GetMapping("/kiem-soat/chi-phi/{id}")
    String assessment(@PathVariable long id, Model model) {
        CostAssessment a = simplification.assessment(id);
        model.addAttribute("a", a);
        model.addAttribute("proposals", simplification.proposals(null, a.procedureCode()).stream()
                .filter(p -> p.assessmentId() != null && p.assessmentId() == id).toList());
        return "control/assessment";
    }

    @GetMapping("/kiem-soat/chi-phi/{id}/bang-tinh.xlsx")
    void assessmentExcel(@PathVariable long id, HttpServletResponse response) throws IOException {
        CostAssessment a = simplification.assessment(id);
        Attachments.write(response, "chi-phi-tuan-thu-" + a.procedureCode() + "-" + id + ".xlsx", Pages.XLSX, ControlExcel.assessment(a));
    }

    // ---------------------------------------------------------------- proposals and tracker

    @GetMapping("/kiem-soat/phuong-an")
    String proposals(@RequestParam(name = "nam", required = false) String year, @RequestParam(name = "ma", required = false) String code,
                     @RequestParam(name = "noiDung", required = false) String content, @RequestParam(name = "thoiHan", required = false) String timeAfter,
                     @RequestParam(name = "danhGia", required = false) String assessment, Model model) throws IOException {
        if (!model.containsAttribute("form") && code != null) {
            // prefilled from the step times or an assessment: the officer reviews it before saving
            model.addAttribute("form", new SimplificationService.ProposalInput("PUBLIC", code, year == null ? String.valueOf(simplification.today()
                    .getYear()) : year, content == null ? "" : content, "", assessment == null ? "" : assessment, timeAfter == null ? "" : timeAfter));
        }
        return proposalsPage(year, model);
    }

    private String proposalsPage(String year, Model model) throws IOException {
        int y = Pages.year(year, simplification.today().getYear(), model);
        List<CutFigure> tracker = simplification.tracker(y);
        model.addAttribute("year", y);
        model.addAttribute("years", simplification.proposalYears());
        model.addAttribute("tracker", tracker);
        model.addAttribute("proposals", simplification.proposals(y, null));
        model.addAttribute("target", SimplificationService.TARGET_PERCENT);
        List<CutFigure> units = tracker.stream().filter(f -> f.agencyId() != 0 && (f.proposals() > 0)).toList();
        model.addAttribute("cutChart", json.writeValueAsString(new Chart("bar", false, true, units.stream().map(CutFigure::agencyName).toList(),
                List.of(new Chart.Series("Cắt giảm chi phí tuân thủ (%)", units.stream().map(f -> (Number) (f.costCutPercent() == null ? 0 : f.costCutPercent())).toList()),
                        new Chart.Series("Cắt giảm thời hạn TTHC nội bộ (%)", units.stream().map(f -> (Number) (f.internalTimeCutPercent() == null ? 0
                                : f.internalTimeCutPercent())).toList())))));
        List<CutFigure> all = tracker.stream().filter(f -> f.agencyId() != 0 && f.procedures() + f.internalProcedures() > 0).toList();
        model.addAttribute("countChart", json.writeValueAsString(new Chart("bar", true, true, all.stream().map(CutFigure::agencyName).toList(),
                List.of(new Chart.Series("TTHC đã đơn giản hóa", all.stream().map(f -> (Number) f.simplified()).toList()),
                        new Chart.Series("TTHC chưa đơn giản hóa", all.stream().map(f -> (Number) Math.max(0, f.procedures() - f.simplified())).toList())))));
        model.addAttribute("kinds", SubjectKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SimplificationService.ProposalInput("PUBLIC", "", String.valueOf(y), "", "", "", ""));
        }
        model.addAttribute("internalNames", simplification.internalNames());
        model.addAttribute("assessmentChoices", simplification.assessments(null));
        forms.procedures(model);
        return "control/proposals";
    }

    @PostMapping("/kiem-soat/phuong-an")
    String propose(@ModelAttribute("form") SimplificationService.ProposalInput form, Model model, RedirectAttributes r) throws IOException {
        String to = Pages.create(model, r, "flash.control.proposalDrafted", () -> "/kiem-soat/phuong-an/" + simplification.propose(form, Pages.user()));
        return to != null ? to : proposalsPage(form.year(), model);
    }

    @GetMapping("/kiem-soat/phuong-an/{id}")
    String proposal(@PathVariable long id, Model model) {
        Proposal p = simplification.proposal(id);
        model.addAttribute("p", p);
        model.addAttribute("today", simplification.today());
        return "control/proposal";
    }

    @PostMapping("/kiem-soat/phuong-an/{id}/{move}")
    String move(@PathVariable long id, @PathVariable String move, @RequestParam(defaultValue = "0") long rowVersion,
                @RequestParam(required = false) String on, @RequestParam(required = false) String reference, RedirectAttributes r) {
        SimplificationService.Move m = switch (move) {
            case "trinh" -> SimplificationService.Move.SUBMIT;
            case "thong-qua" -> SimplificationService.Move.APPROVE;
            case "tra-lai" -> SimplificationService.Move.REJECT;
            case "thuc-thi" -> SimplificationService.Move.IMPLEMENT;
            default -> throw new NotFoundException("Không có thao tác này.");
        };
        return Pages.act(r, "/kiem-soat/phuong-an/" + id, "flash.control.proposalMoved", () -> simplification.move(id, rowVersion, m, on, reference, Pages.user()));
    }

    @GetMapping("/kiem-soat/phuong-an.xlsx")
    void proposalsExcel(@RequestParam(name = "nam", required = false) String year, HttpServletResponse response) throws IOException {
        int y = Pages.year(year, simplification.today().getYear());
        Attachments.write(response, "don-gian-hoa-" + y + ".xlsx", Pages.XLSX, ControlExcel.proposals(y, simplification.tracker(y),
                simplification.proposals(y, null)));
    }

    // ---------------------------------------------------------------- internal procedures

    @GetMapping("/kiem-soat/noi-bo")
    String internals(Model model) {
        model.addAttribute("internals", simplification.internals());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SimplificationService.InternalInput("", "", "PROVINCE", "", "", "", "", "", ""));
        }
        model.addAttribute("levels", ProcedureLevel.values());
        forms.agencies(model);
        return "control/internals";
    }

    @PostMapping("/kiem-soat/noi-bo")
    String createInternal(@ModelAttribute("form") SimplificationService.InternalInput form, Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.internalCreated", () -> "/kiem-soat/noi-bo/" + seg(simplification.createInternal(form, Pages.user())));
        return to != null ? to : internals(model);
    }

    @GetMapping("/kiem-soat/noi-bo/{code}")
    String internal(@PathVariable String code, Model model) {
        InternalProcedure ip = simplification.internal(code);
        model.addAttribute("ip", ip);
        model.addAttribute("levels", ProcedureLevel.values());
        model.addAttribute("proposals", simplification.proposals(null, ip.code()).stream().filter(p -> p.kind() == SubjectKind.INTERNAL).toList());
        forms.agencies(model);
        return "control/internal";
    }

    @PostMapping("/kiem-soat/noi-bo/{code}/sua-doi")
    String amendInternal(@PathVariable String code, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/noi-bo/" + seg(code) + "#draft", "flash.control.amendmentStarted", () -> simplification.amendInternal(code, Pages.user()));
    }

    @PostMapping("/kiem-soat/noi-bo/{code}/du-thao/{versionId}")
    String saveInternalDraft(@PathVariable String code, @PathVariable long versionId, @RequestParam(defaultValue = "0") long rowVersion,
                             @ModelAttribute SimplificationService.InternalInput in, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/noi-bo/" + seg(code) + "#draft", "flash.control.draftSaved",
                () -> simplification.saveInternalDraft(code, versionId, rowVersion, in, Pages.user()));
    }

    @PostMapping("/kiem-soat/noi-bo/{code}/cong-bo/{versionId}")
    String publishInternal(@PathVariable String code, @PathVariable long versionId, @RequestParam(defaultValue = "0") long rowVersion,
                           @RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String signedOn, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/noi-bo/" + seg(code), "flash.control.internalPublished",
                () -> simplification.publishInternal(code, versionId, rowVersion, decisionNumber, signedOn, Pages.user()));
    }

    @PostMapping("/kiem-soat/noi-bo/{code}/bai-bo")
    String abolishInternal(@PathVariable String code, @RequestParam(required = false) String abolishedOn, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/noi-bo/" + seg(code), "flash.control.internalAbolished",
                () -> simplification.abolishInternal(code, abolishedOn, Pages.user()));
    }

    @GetMapping("/kiem-soat/noi-bo.xlsx")
    void internalsExcel(HttpServletResponse response) throws IOException {
        Attachments.write(response, "tthc-noi-bo.xlsx", Pages.XLSX, ControlExcel.internals(simplification.internals()));
    }

    // ---------------------------------------------------------------- step times

    @GetMapping("/kiem-soat/thoi-gian-buoc")
    String steps(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "tuNgay", required = false) String from,
                 @RequestParam(name = "denNgay", required = false) String to, @RequestParam(name = "kenh", required = false) String variant,
                 Model model) throws IOException {
        LocalDate today = simplification.today();
        LocalDate t = Pages.date(to, today, "denNgay", model);
        LocalDate f = Pages.date(from, t.minusYears(1).plusDays(1), "tuNgay", model);
        ProcessVariant v = "ONLINE".equals(variant) ? ProcessVariant.ONLINE : ProcessVariant.STANDARD;
        model.addAttribute("code", code);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("variant", v);
        model.addAttribute("variants", ProcessVariant.values());
        forms.procedures(model);
        if (code != null && !code.isBlank()) {
            try {
                StepAnalysis a = stepTimes.analyse(code, f, t, v);
                model.addAttribute("a", a);
                var steps = a.analysis().steps();
                model.addAttribute("suggestion", suggestion(a));
                model.addAttribute("suggestedLimit", suggestedLimit(a));
                model.addAttribute("chart", json.writeValueAsString(new Chart("bar", false, false,
                        steps.stream().map(s -> s.step().step() + ". " + s.step().name()).toList(),
                        List.of(new Chart.Series("Thời gian quy định (giờ)", steps.stream().map(s -> (Number) hours(s.step().minutes())).toList()),
                                new Chart.Series("Trung vị thực tế (giờ)", steps.stream().map(s -> (Number) hours(s.all().medianMinutes())).toList()),
                                new Chart.Series("Phân vị 90 (giờ)", steps.stream().map(s -> (Number) hours(s.all().p90Minutes())).toList())))));
            } catch (ValidationException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return "control/steps";
    }

    @GetMapping("/kiem-soat/thoi-gian-buoc.xlsx")
    void stepsExcel(@RequestParam(name = "ma") String code, @RequestParam(name = "tuNgay", required = false) LocalDate from,
                    @RequestParam(name = "denNgay", required = false) LocalDate to, @RequestParam(name = "kenh", required = false) String variant,
                    HttpServletResponse response) throws IOException {
        LocalDate t = to == null ? simplification.today() : to;
        LocalDate f = from == null ? t.minusYears(1).plusDays(1) : from;
        StepAnalysis a = stepTimes.analyse(code, f, t, "ONLINE".equals(variant) ? ProcessVariant.ONLINE : ProcessVariant.STANDARD);
        Attachments.write(response, "thoi-gian-buoc-" + a.procedureCode() + ".xlsx", Pages.XLSX, ControlExcel.steps(a));
    }

    /** The proposal the step times suggest, in words: each step to shorten, from and to. */
    private static String suggestion(StepAnalysis a) {
        StringBuilder sb = new StringBuilder("Rút ngắn quy trình nội bộ theo thời gian thực tế (" + a.analysis().dossiers() + " hồ sơ từ "
                + a.from() + " đến " + a.to() + "):");
        for (var s : a.analysis().steps()) {
            if (s.proposed()) {
                sb.append(" bước ").append(s.step().step()).append(" (").append(s.step().name()).append(") từ ").append(hours(s.step().minutes()))
                        .append(" xuống ").append(hours(s.proposedMinutes())).append(" giờ;");
            }
        }
        return sb.charAt(sb.length() - 1) == ';' ? sb.substring(0, sb.length() - 1) + "." : "";
    }

    /** The time limit shortened in proportion to the process, rounded up to half a day; null when nothing can be cut. */
    private String suggestedLimit(StepAnalysis a) {
        if (a.analysis().cutMinutes() == 0 || a.analysis().allottedMinutes() == 0) {
            return null;
        }
        java.math.BigDecimal limit = stepTimes.timeLimit(a.procedureCode());
        java.math.BigDecimal share = java.math.BigDecimal.valueOf(a.analysis().allottedMinutes() - a.analysis().cutMinutes())
                .divide(java.math.BigDecimal.valueOf(a.analysis().allottedMinutes()), 6, java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal halves = limit.multiply(share).multiply(java.math.BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.CEILING);
        java.math.BigDecimal days = halves.divide(java.math.BigDecimal.valueOf(2), 1, java.math.RoundingMode.UNNECESSARY);
        return days.compareTo(limit) < 0 ? days.stripTrailingZeros().toPlainString() : null;
    }

    private static String seg(String code) {
        return org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }
}
