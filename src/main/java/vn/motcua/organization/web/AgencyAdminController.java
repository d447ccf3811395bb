package vn.motcua.organization.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.MergeRequest;
import vn.motcua.organization.NewAgency;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

/** The agency tree for administrators: view it on any date, establish and merge units, keep each unit's identifier code and contacts. */
@Controller
@RequestMapping("/quan-tri/don-vi")
public class AgencyAdminController {
    private final AgencyService agencies;

    public AgencyAdminController(AgencyService agencies) {
        this.agencies = agencies;
    }

    /** The tree on a date; {@code sua} opens one unit's identifier code and contact details for editing. */
    @GetMapping
    String tree(@RequestParam(name = "ngay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(name = "sua", required = false) Long editId, Model model) {
        if (editId != null) {
            model.addAttribute("editing", agencies.get(editId));
            model.addAttribute("editingVersion", agencies.rowVersion(editId));
        }
        return page(model, date, List.of());
    }

    @PostMapping
    String create(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String shortName,
                  @RequestParam(required = false) AgencyType type, @RequestParam(required = false) Long parentId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                  @RequestParam(required = false) String identifierCode, Model model, RedirectAttributes redirect) {
        try {
            agencies.create(new NewAgency(code, name, shortName, type, parentId, validFrom, null, null, null, identifierCode));
            redirect.addFlashAttribute("saved", "Đã thêm đơn vị " + name + ".");
            return "redirect:/quan-tri/don-vi";
        } catch (ValidationException e) {
            return page(model, null, e.problems());
        }
    }

    @PostMapping("/sap-nhap")
    String merge(@RequestParam(name = "sourceIds", required = false) List<Long> sourceIds,
                 @RequestParam(required = false) Long targetId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
                 @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            agencies.merge(new MergeRequest(sourceIds, targetId, effectiveOn, reason));
            redirect.addFlashAttribute("saved", "Đã sáp nhập " + sourceIds.size() + " đơn vị.");
            return "redirect:/quan-tri/don-vi";
        } catch (ValidationException e) {
            return page(model, null, e.problems());
        }
    }

    @PostMapping("/thong-tin")
    String details(@RequestParam long agencyId, @RequestParam long rowVersion, @RequestParam(required = false) String identifierCode,
                   @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                   @RequestParam(required = false) String email, Model model, RedirectAttributes redirect) {
        Agency current = agencies.get(agencyId);
        try {
            Agency a = agencies.updateDetails(agencyId, rowVersion, identifierCode, address, phone, email);
            redirect.addFlashAttribute("saved", "Đã cập nhật thông tin " + a.name() + ".");
            return "redirect:/quan-tri/don-vi";
        } catch (ValidationException | ConflictException e) {
            // the form again with what was typed; after a conflict, with the version now stored, so a second save is a choice
            boolean conflict = e instanceof ConflictException;
            model.addAttribute("editing", new Agency(current.id(), current.code(), current.name(), current.shortName(), current.type(),
                    current.parentId(), current.validFrom(), current.validUntil(), current.successorId(), current.endReason(),
                    address, phone, email, identifierCode));
            model.addAttribute("editingVersion", conflict ? agencies.rowVersion(agencyId) : rowVersion);
            return page(model, null, e instanceof ValidationException v ? v.problems()
                    : List.of(new FieldProblem("rowVersion", e.getMessage() + " Thông tin đang lưu: mã định danh "
                    + (current.identifierCode() == null ? "(chưa có)" : current.identifierCode()) + ".")));
        }
    }

    private String page(Model model, LocalDate date, List<FieldProblem> problems) {
        LocalDate d = date == null ? agencies.today() : date;
        model.addAttribute("date", d);
        model.addAttribute("tree", agencies.tree(d));
        model.addAttribute("active", agencies.activeOn(agencies.today()));
        model.addAttribute("types", AgencyType.values());
        model.addAttribute("ended", agencies.all().stream().filter(a -> a.validUntil() != null).toList());
        model.addAttribute("problems", problems);
        return "organization/agencies";
    }
}
