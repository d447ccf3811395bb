package vn.motcua.catalog.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.ActingUser;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.DecisionInfo;
import vn.motcua.catalog.FeeKind;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureAdminService;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.catalog.PublicationAction;
import vn.motcua.catalog.PublishRequest;
import vn.motcua.identity.Role;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

/** Pages for TTHC-control officers: drafts, publication by decision, abolition. */
@Controller
@RequestMapping("/quan-tri/thu-tuc")
public class ProcedureAdminController {
    private final ProcedureAdminService admin;
    private final CatalogService catalog;
    private final AgencyService agencies;

    public ProcedureAdminController(ProcedureAdminService admin, CatalogService catalog, AgencyService agencies) {
        this.admin = admin;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(300);
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("rows", admin.list(ActingUsers.current(), q));
        model.addAttribute("q", q);
        return "catalog/admin-list";
    }

    @GetMapping("/moi")
    String newForm(Model model) {
        return edit(model, new ProcedureForm().withBlankRows(3, 1, 4), null, List.of());
    }

    @PostMapping("/moi")
    String create(@ModelAttribute("form") ProcedureForm form, BindingResult binding,
                  @RequestParam(name = "addRow", required = false) String addRow, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return edit(model, form.withBlankRows(0, 0, 0), null, bindingProblems(binding));
        }
        if (addRow != null) {
            return edit(model, addRows(form, addRow), null, List.of());
        }
        try {
            long id = admin.createProcedure(form.toDraft(), form.uploads(), ActingUsers.current());
            redirect.addFlashAttribute("saved", "Đã lưu dự thảo thủ tục " + form.code.trim() + ".");
            return "redirect:/quan-tri/thu-tuc/du-thao/" + id;
        } catch (ValidationException e) {
            return edit(model, form.withBlankRows(0, 0, 0), null, e.problems());
        }
    }

    @GetMapping("/du-thao/{id}")
    String editDraft(@PathVariable long id, Model model) {
        ProcedureVersion v = admin.draftForEdit(id, ActingUsers.current());
        return edit(model, ProcedureForm.from(v).withBlankRows(1, 1, 1), v, List.of());
    }

    @PostMapping("/du-thao/{id}")
    String save(@PathVariable long id, @ModelAttribute("form") ProcedureForm form, BindingResult binding,
                @RequestParam(name = "addRow", required = false) String addRow, Model model, RedirectAttributes redirect) {
        ActingUser user = ActingUsers.current();
        ProcedureVersion v = admin.draftForEdit(id, user);
        if (binding.hasErrors()) {
            return edit(model, form.withBlankRows(0, 0, 0), v, bindingProblems(binding));
        }
        if (addRow != null) {
            return edit(model, addRows(form, addRow), v, List.of());
        }
        try {
            admin.saveDraft(id, form.rowVersion, form.toDraft(), form.uploads(), user);
            redirect.addFlashAttribute("saved", "Đã lưu dự thảo.");
            return "redirect:/quan-tri/thu-tuc/du-thao/" + id;
        } catch (ValidationException e) {
            return edit(model, form.withBlankRows(0, 0, 0), v, e.problems());
        } catch (ConflictException e) {
            return edit(model, form.withBlankRows(0, 0, 0), v, List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }

    @PostMapping("/du-thao/{id}/xoa")
    String deleteDraft(@PathVariable long id, @RequestParam long rowVersion, RedirectAttributes redirect) {
        admin.deleteDraft(id, rowVersion, ActingUsers.current());
        redirect.addFlashAttribute("saved", "Đã xóa dự thảo.");
        return "redirect:/quan-tri/thu-tuc";
    }

    @PostMapping("/{code}/sua-doi")
    String amend(@PathVariable String code, RedirectAttributes redirect) {
        try {
            return "redirect:/quan-tri/thu-tuc/du-thao/" + admin.startAmendment(code, ActingUsers.current());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/quan-tri/thu-tuc";
        }
    }

    @GetMapping("/du-thao/{id}/cong-bo")
    String publishForm(@PathVariable long id, Model model) {
        ProcedureVersion v = admin.draftForEdit(id, ActingUsers.current());
        return publishPage(model, v, new PublishForm(), List.of());
    }

    @PostMapping("/du-thao/{id}/cong-bo")
    String publish(@PathVariable long id, @ModelAttribute("publish") PublishForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        ActingUser user = ActingUsers.current();
        ProcedureVersion v = admin.draftForEdit(id, user);
        if (binding.hasErrors()) {
            return publishPage(model, v, form, bindingProblems(binding));
        }
        try {
            ProcedureVersion published = admin.publish(new PublishRequest(id, form.getRowVersion(), form.getAction(),
                    form.getReplacesCode(), form.decision()), user);
            redirect.addFlashAttribute("saved", "Đã công bố phiên bản " + published.versionNo() + " của thủ tục " + published.code()
                    + " theo Quyết định số " + published.decisionNumber() + ".");
            return "redirect:/quan-tri/thu-tuc";
        } catch (ValidationException e) {
            return publishPage(model, v, form, e.problems());
        } catch (ConflictException e) {
            return publishPage(model, v, form, List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }

    @GetMapping("/{code}/bai-bo")
    String abolishForm(@PathVariable String code, Model model) {
        return abolishPage(model, catalog.latestPublished(code), new PublishForm(), List.of());
    }

    @PostMapping("/{code}/bai-bo")
    String abolish(@PathVariable String code, @ModelAttribute("publish") PublishForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return abolishPage(model, catalog.latestPublished(code), form, bindingProblems(binding));
        }
        try {
            admin.abolish(code, form.decision(), ActingUsers.current());
            redirect.addFlashAttribute("saved", "Đã bãi bỏ thủ tục " + code + " theo Quyết định số " + form.getNumber() + ".");
            return "redirect:/quan-tri/thu-tuc";
        } catch (ValidationException e) {
            return abolishPage(model, catalog.latestPublished(code), form, e.problems());
        } catch (ConflictException e) {
            return abolishPage(model, catalog.latestPublished(code), form, List.of(new FieldProblem("code", e.getMessage())));
        }
    }

    private String edit(Model model, ProcedureForm form, ProcedureVersion draft, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("draft", draft);
        model.addAttribute("problems", problems);
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("missingForPublication", draft == null ? List.of() : admin.missingForPublication(form.toDraft()));
        model.addAttribute("agencies", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == AgencyType.DEPARTMENT || a.type() == AgencyType.PROVINCE_COMMITTEE)
                .filter(a -> admin.mayManage(ActingUsers.current(), a.id())).toList());
        model.addAttribute("levels", PublicCatalogController.levelsInUse(agencies));
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("feeKinds", FeeKind.values());
        model.addAttribute("variants", ProcessVariant.values());
        model.addAttribute("roles", List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.LEADER));
        model.addAttribute("onlineCut", admin.rules().onlineCutPercent());
        return "catalog/admin-edit";
    }

    /** Values that could not even be read (a letter in a number field, a malformed date). */
    static List<FieldProblem> bindingProblems(BindingResult binding) {
        return binding.getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), "Giá trị \"" + e.getRejectedValue() + "\" của trường " + e.getField()
                        + " không hợp lệ (sai kiểu số hoặc ngày).")).toList();
    }

    /** Without JavaScript each click adds three empty rows (with it, rows are added in the page without a round trip). */
    private static ProcedureForm addRows(ProcedureForm form, String which) {
        return form.withBlankRows("components".equals(which) ? 3 : 0, "fees".equals(which) ? 3 : 0, "process".equals(which) ? 3 : 0);
    }

    private String publishPage(Model model, ProcedureVersion v, PublishForm form, List<FieldProblem> problems) {
        if (form.getRowVersion() == 0) {
            form.setRowVersion(v.rowVersion());
        }
        boolean published = !catalog.history(v.code(), false).isEmpty();
        if (form.getAction() == null) {
            form.setAction(published ? PublicationAction.AMENDED : PublicationAction.NEW);
        }
        model.addAttribute("v", v);
        model.addAttribute("publish", form);
        model.addAttribute("problems", problems);
        model.addAttribute("actions", published ? List.of(PublicationAction.AMENDED) : List.of(PublicationAction.NEW, PublicationAction.REPLACED));
        model.addAttribute("issuers", issuers());
        return "catalog/admin-publish";
    }

    private String abolishPage(Model model, ProcedureVersion v, PublishForm form, List<FieldProblem> problems) {
        model.addAttribute("v", v);
        model.addAttribute("publish", form);
        model.addAttribute("problems", problems);
        model.addAttribute("issuers", issuers());
        return "catalog/admin-abolish";
    }

    private List<vn.motcua.organization.Agency> issuers() {
        return agencies.activeOn(agencies.today()).stream().filter(a -> a.type() == AgencyType.PROVINCE_COMMITTEE).toList();
    }

    /** Decision fields of the publish and abolish forms. */
    public static class PublishForm {
        private long rowVersion;
        private PublicationAction action;
        private String replacesCode;
        private String number;
        private String title;
        private Long issuerAgencyId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate signedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate effectiveOn;

        DecisionInfo decision() {
            return new DecisionInfo(number, title, issuerAgencyId, signedOn, effectiveOn);
        }

        public long getRowVersion() { return rowVersion; }
        public void setRowVersion(long rowVersion) { this.rowVersion = rowVersion; }
        public PublicationAction getAction() { return action; }
        public void setAction(PublicationAction action) { this.action = action; }
        public String getReplacesCode() { return replacesCode; }
        public void setReplacesCode(String replacesCode) { this.replacesCode = replacesCode; }
        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public Long getIssuerAgencyId() { return issuerAgencyId; }
        public void setIssuerAgencyId(Long issuerAgencyId) { this.issuerAgencyId = issuerAgencyId; }
        public LocalDate getSignedOn() { return signedOn; }
        public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
        public LocalDate getEffectiveOn() { return effectiveOn; }
        public void setEffectiveOn(LocalDate effectiveOn) { this.effectiveOn = effectiveOn; }
    }
}
