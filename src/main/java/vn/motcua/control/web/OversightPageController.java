package vn.motcua.control.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.control.CutFigure;
import vn.motcua.control.OversightService;
import vn.motcua.control.PublicationFigures;
import vn.motcua.control.RegulationDraft;
import vn.motcua.control.SimplificationService;
import vn.motcua.control.domain.DraftChange;
import vn.motcua.control.domain.InspectionKind;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** The control hub with its warnings, publication timeliness, draft regulations and inspections. */
@Controller
class OversightPageController {
    private final OversightService oversight;
    private final SimplificationService simplification;
    private final ControlForms forms;

    OversightPageController(OversightService oversight, SimplificationService simplification, ControlForms forms) {
        this.oversight = oversight;
        this.simplification = simplification;
        this.forms = forms;
    }

    @GetMapping("/kiem-soat")
    String hub(Model model) {
        LocalDate today = oversight.today();
        model.addAttribute("warnings", oversight.warnings(Pages.user()));
        model.addAttribute("today", today);
        PublicationFigures f = oversight.figures(today.withDayOfYear(1), today);
        model.addAttribute("figures", f);
        List<CutFigure> tracker = simplification.tracker(today.getYear());
        model.addAttribute("province", tracker.get(tracker.size() - 1));
        model.addAttribute("target", SimplificationService.TARGET_PERCENT);
        return "control/hub";
    }

    // ---------------------------------------------------------------- publication timeliness

    @GetMapping("/kiem-soat/cong-bo")
    String publications(@RequestParam(name = "tuNgay", required = false) String from, @RequestParam(name = "denNgay", required = false) String to,
                        Model model) {
        LocalDate today = oversight.today();
        LocalDate t = Pages.date(to, today, "denNgay", model);
        LocalDate f = Pages.date(from, t.withDayOfYear(1), "tuNgay", model);
        if (f.isAfter(t)) {
            f = t.withDayOfYear(1);
        }
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("items", oversight.publications(f, t));
        model.addAttribute("figures", oversight.figures(f, t));
        model.addAttribute("settings", oversight.settings());
        model.addAttribute("today", today);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OversightService.WatchInput("", "", "", "", "", ""));
        }
        forms.agencies(model);
        return "control/publications";
    }

    @PostMapping("/kiem-soat/cong-bo")
    String watch(@ModelAttribute("form") OversightService.WatchInput form, Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.watchAdded", () -> {
            oversight.watch(form, Pages.user());
            return "/kiem-soat/cong-bo";
        });
        return to != null ? to : publications(null, null, model);
    }

    @PostMapping("/kiem-soat/cong-bo/{id}/quyet-dinh")
    String link(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, @RequestParam(required = false) String decisionNumber,
                @RequestParam(required = false) String madePublicOn, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/cong-bo", "flash.control.watchLinked", () -> oversight.link(id, rowVersion, decisionNumber, madePublicOn, Pages.user()));
    }

    @GetMapping("/kiem-soat/cong-bo.xlsx")
    void publicationsExcel(@RequestParam(name = "tuNgay", required = false) LocalDate from, @RequestParam(name = "denNgay", required = false) LocalDate to,
                           HttpServletResponse response) throws IOException {
        LocalDate t = to == null ? oversight.today() : to;
        LocalDate f = from == null || from.isAfter(t) ? t.withDayOfYear(1) : from;
        Attachments.write(response, "cong-bo-tthc.xlsx", Pages.XLSX, ControlExcel.publications(f, t, oversight.publications(f, t), oversight.figures(f, t)));
    }

    // ---------------------------------------------------------------- draft regulations

    @GetMapping("/kiem-soat/du-thao")
    String drafts(Model model) {
        model.addAttribute("drafts", oversight.drafts());
        model.addAttribute("today", oversight.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OversightService.DraftInput("", "Quyết định của UBND tỉnh", "", "", "", "", "", "", "", "", ""));
        }
        model.addAttribute("assessmentChoices", simplification.assessments(null));
        forms.agencies(model);
        return "control/drafts";
    }

    @PostMapping("/kiem-soat/du-thao")
    String register(@ModelAttribute("form") OversightService.DraftInput form, Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.draftRegistered", () -> "/kiem-soat/du-thao/" + oversight.registerDraft(form, Pages.user()));
        return to != null ? to : drafts(model);
    }

    @GetMapping("/kiem-soat/du-thao/{id}")
    String draft(@PathVariable long id, Model model) {
        RegulationDraft d = oversight.draft(id);
        model.addAttribute("d", d);
        model.addAttribute("today", oversight.today());
        model.addAttribute("changes", DraftChange.values());
        return "control/draft";
    }

    @PostMapping("/kiem-soat/du-thao/{id}/thu-tuc")
    String linkProcedure(@PathVariable long id, @RequestParam(required = false) String procedureCode, @RequestParam(required = false) String change,
                         RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/du-thao/" + id, "flash.control.procedureLinked", () -> oversight.linkProcedure(id, procedureCode, change, Pages.user()));
    }

    @PostMapping("/kiem-soat/du-thao/{id}/tai-lieu")
    String attach(@PathVariable long id, @RequestParam(required = false) String stage, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/du-thao/" + id, "flash.control.fileAttached", () -> {
            try {
                oversight.attach(id, stage, file == null ? null : file.getOriginalFilename(), file == null || file.isEmpty() ? null : file.getBytes(),
                        Pages.user());
            } catch (IOException e) {
                throw vn.motcua.shared.ValidationException.of("file", "Không đọc được tệp tải lên.");
            }
        });
    }

    @GetMapping("/kiem-soat/du-thao/{id}/tai-lieu/{fileId}")
    void file(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        Object[] f = oversight.file(id, fileId);
        Attachments.write(response, (String) f[0], (String) f[1], (byte[]) f[2]);
    }

    @PostMapping("/kiem-soat/du-thao/{id}/{move}")
    String moveDraft(@PathVariable long id, @PathVariable String move, @RequestParam(defaultValue = "0") long rowVersion,
                     @RequestParam(required = false) String on, @RequestParam(required = false) String text, RedirectAttributes r) {
        OversightService.DraftMove m = switch (move) {
            case "y-kien" -> OversightService.DraftMove.OPINION;
            case "tham-dinh" -> OversightService.DraftMove.APPRAISAL;
            case "ban-hanh" -> OversightService.DraftMove.ISSUE;
            case "dung" -> OversightService.DraftMove.WITHDRAW;
            default -> throw new NotFoundException("Không có thao tác này.");
        };
        return Pages.act(r, "/kiem-soat/du-thao/" + id, "flash.control.draftMoved", () -> oversight.moveDraft(id, rowVersion, m, on, text, Pages.user()));
    }

    @GetMapping("/kiem-soat/du-thao.xlsx")
    void draftsExcel(HttpServletResponse response) throws IOException {
        Attachments.write(response, "du-thao-van-ban.xlsx", Pages.XLSX, ControlExcel.drafts(oversight.drafts()));
    }

    // ---------------------------------------------------------------- inspections

    @GetMapping("/kiem-soat/kiem-tra-don-vi")
    String inspections(@RequestParam(name = "nam", required = false) String year, Model model) {
        int y = Pages.year(year, oversight.today().getYear(), model);
        model.addAttribute("year", y);
        model.addAttribute("years", oversight.inspectionYears());
        model.addAttribute("inspections", oversight.inspections(y));
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("today", oversight.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OversightService.InspectionInput(String.valueOf(y), "PERIODIC", "", "", "", ""));
        }
        forms.agencies(model);
        return "control/inspections";
    }

    @PostMapping("/kiem-soat/kiem-tra-don-vi")
    String plan(@ModelAttribute("form") OversightService.InspectionInput form, Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.inspectionPlanned",
                () -> "/kiem-soat/kiem-tra-don-vi/" + oversight.planInspection(form, Pages.user()));
        return to != null ? to : inspections(form.year(), model);
    }

    @GetMapping("/kiem-soat/kiem-tra-don-vi/{id}")
    String inspection(@PathVariable long id, Model model) {
        model.addAttribute("i", oversight.inspection(id));
        model.addAttribute("today", oversight.today());
        return "control/inspection";
    }

    @PostMapping("/kiem-soat/kiem-tra-don-vi/{id}/ket-qua")
    String hold(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, @RequestParam(required = false) String heldOn,
                @RequestParam(required = false) String conclusion, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/kiem-tra-don-vi/" + id, "flash.control.inspectionHeld",
                () -> oversight.holdInspection(id, rowVersion, heldOn, conclusion, Pages.user()));
    }

    @PostMapping("/kiem-soat/kiem-tra-don-vi/{id}/ton-tai")
    String finding(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, @ModelAttribute OversightService.FindingInput in,
                   RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/kiem-tra-don-vi/" + id, "flash.control.findingAdded", () -> oversight.addFinding(id, rowVersion, in, Pages.user()));
    }

    @PostMapping("/kiem-soat/kiem-tra-don-vi/{id}/ton-tai/{findingId}")
    String closeFinding(@PathVariable long id, @PathVariable long findingId, @RequestParam(defaultValue = "0") long rowVersion,
                        @RequestParam(required = false) String closedOn, @RequestParam(required = false) String closingNote, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/kiem-tra-don-vi/" + id, "flash.control.findingClosed",
                () -> oversight.closeFinding(id, findingId, rowVersion, closedOn, closingNote, Pages.user()));
    }

    @PostMapping("/kiem-soat/kiem-tra-don-vi/{id}/ket-thuc")
    String close(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/kiem-tra-don-vi/" + id, "flash.control.inspectionClosed", () -> oversight.closeInspection(id, rowVersion, Pages.user()));
    }

    @GetMapping("/kiem-soat/kiem-tra-don-vi.xlsx")
    void inspectionsExcel(@RequestParam(name = "nam", required = false) String year, HttpServletResponse response) throws IOException {
        int y = Pages.year(year, oversight.today().getYear());
        Attachments.write(response, "kiem-tra-" + y + ".xlsx", Pages.XLSX, ControlExcel.inspections(y, oversight.inspections(y), oversight.today()));
    }
}
