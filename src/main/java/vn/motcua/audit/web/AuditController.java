package vn.motcua.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.audit.AuditLog;

/** The auditor's page: read the log (filtered) and verify its chain. Nothing here changes an entry. */
@Controller
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/kiem-tra/nhat-ky")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId, Model model) {
        fill(model, actor, action, subjectType, subjectId);
        return "audit/log";
    }

    @PostMapping("/kiem-tra/nhat-ky/xac-minh")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        fill(model, null, null, null, null);
        return "audit/log";
    }

    private void fill(Model model, String actor, String action, String subjectType, String subjectId) {
        model.addAttribute("entries", audit.search(actor, action, subjectType, subjectId, 200));
        model.addAttribute("total", audit.count());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("subjectType", subjectType);
        model.addAttribute("subjectId", subjectId);
    }
}
