package vn.motcua.organization.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.MergeRequest;
import vn.motcua.organization.NewAgency;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

/** The agency tree for administrators: view it on any date, establish and merge units. */
@Controller
@RequestMapping("/quan-tri/don-vi")
public class AgencyAdminController {
    private final AgencyService agencies;

    public AgencyAdminController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    String tree(@RequestParam(name = "ngay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
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
    String details(@RequestParam(required = false) Long agencyId, @RequestParam(required = false) String identifierCode,
                   @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                   @RequestParam(required = false) String email, Model model, RedirectAttributes redirect) {
        if (agencyId == null) {
            return page(model, null, List.of(new FieldProblem("agencyId", "Chưa chọn đơn vị.")));
        }
        try {
            var a = agencies.updateDetails(agencyId, identifierCode, address, phone, email);
            redirect.addFlashAttribute("saved", "Đã cập nhật thông tin " + a.name() + ".");
            return "redirect:/quan-tri/don-vi";
        } catch (ValidationException e) {
            return page(model, null, e.problems());
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
