package vn.motcua.rules.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.rules.FormKind;
import vn.motcua.rules.LegalForm;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetDraft;
import vn.motcua.rules.RuleSetService;
import vn.motcua.rules.SupplementClock;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Labels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Administrators see the legal rule sets and the dates they apply from, and prepare the next one (a new decree or
 * circular, a province's own form templates): a rule set in force is never edited.
 */
@Controller
public class RuleSetController {
    private final RuleSetService ruleSets;
    private final Labels labels;

    public RuleSetController(RuleSetService ruleSets, Labels labels) {
        this.ruleSets = ruleSets;
        this.labels = labels;
    }

    @GetMapping("/quan-tri/quy-tac")
    String page(@RequestParam(name = "sua", required = false) Long editId, Model model) {
        List<LegalRuleSet> all = ruleSets.all();
        LegalRuleSet editing = editId == null ? null : ruleSets.get(editId);
        RuleSetDraft draft = editing != null ? RuleSetDraft.copyOf(editing) : newDraft(all.get(all.size() - 1));
        return page(model, draft, editing, List.of());
    }

    private RuleSetDraft newDraft(LegalRuleSet latest) {
        RuleSetDraft d = RuleSetDraft.copyOf(latest);
        return new RuleSetDraft("", "", ruleSets.today().plusDays(1), d.mechanismBasis(), d.formsBasis(), d.codePattern(), d.cutoff(),
                d.specialistSupplementDays(), d.supplementClock(), d.secondSupplementApproval(), d.maxExtensions(), d.extensionMaxDays(), d.forms());
    }

    private String page(Model model, RuleSetDraft draft, LegalRuleSet editing, List<FieldProblem> problems) {
        model.addAttribute("ruleSets", ruleSets.all());
        model.addAttribute("current", ruleSets.inForceOn(ruleSets.today()));
        model.addAttribute("today", ruleSets.today());
        model.addAttribute("draft", draft);
        Map<FormKind, LegalForm> byKind = new java.util.EnumMap<>(FormKind.class);
        (draft.forms() == null ? List.<LegalForm>of() : draft.forms()).forEach(f -> byKind.put(f.kind(), f));
        List<FormRow> rows = new ArrayList<>();
        for (FormKind k : FormKind.values()) {
            LegalForm f = byKind.get(k);
            rows.add(new FormRow(k, labels.of(k), f == null ? "" : f.number(), f == null ? "" : f.title(),
                    f == null ? "" : f.template()));
        }
        model.addAttribute("formRows", rows);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", FormKind.values());
        model.addAttribute("clocks", SupplementClock.values());
        model.addAttribute("formsDir", ruleSets.formsDir().toAbsolutePath().normalize());
        model.addAttribute("problems", problems);
        return "rules/admin";
    }

    /** A line of the forms table: the fields are named "number-RECEIPT", "title-RECEIPT", "template-RECEIPT". */
    public record FormRow(FormKind kind, String label, String number, String title, String template) {
        public String field(String what) {
            return what + "-" + kind.name();
        }
    }

    @PostMapping("/quan-tri/quy-tac")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Long rowVersion, @RequestParam(required = false) String code,
                @RequestParam(required = false) String name,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                @RequestParam(required = false) String mechanismBasis, @RequestParam(required = false) String formsBasis,
                @RequestParam(required = false) String codePattern, @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime cutoff,
                @RequestParam(required = false) Integer specialistSupplementDays, @RequestParam(required = false) SupplementClock supplementClock,
                @RequestParam(defaultValue = "false") boolean secondSupplementApproval, @RequestParam(required = false) Integer maxExtensions,
                @RequestParam(required = false) BigDecimal extensionMaxDays, @RequestParam Map<String, String> all, Model model,
                RedirectAttributes redirect) {
        List<LegalForm> forms = new ArrayList<>();
        for (FormKind k : FormKind.values()) {
            String template = all.get("template-" + k.name());
            if (template != null && !template.isBlank()) {
                forms.add(new LegalForm(k, all.getOrDefault("number-" + k.name(), "").trim(), all.getOrDefault("title-" + k.name(), "").trim(), template.trim()));
            }
        }
        RuleSetDraft draft = new RuleSetDraft(code, name, effectiveFrom, mechanismBasis, formsBasis, codePattern, cutoff, specialistSupplementDays,
                supplementClock, secondSupplementApproval, maxExtensions, extensionMaxDays, forms);
        String user = CurrentUser.get().map(CurrentUser::username).orElse("?");
        try {
            LegalRuleSet saved = id == null ? ruleSets.create(draft, user) : ruleSets.update(id, rowVersion == null ? -1 : rowVersion, draft);
            redirect.addFlashAttribute("saved", "flash.rules.saved|" + saved.code());
            return "redirect:/quan-tri/quy-tac";
        } catch (ValidationException e) {
            return page(model, draft, id == null ? null : ruleSets.get(id), e.problems());
        } catch (ConflictException e) {
            return page(model, draft, id == null ? null : ruleSets.get(id), List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }
}
