package vn.motcua.notification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationTemplate;
import vn.motcua.notification.domain.TemplateText;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.util.List;

/**
 * The notification pages: templates with their placeholders, an edit form with a preview of the e-mail, SMS and
 * Zalo message (administrators and TTHC-control officers), messages not sent with a resend button, and each
 * applicant's choice of channels.
 */
@Controller
class NotificationPageController {
    private final NotificationService notifications;

    NotificationPageController(NotificationService notifications) {
        this.notifications = notifications;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping("/quan-tri/mau-thong-bao")
    String templates(Model model) {
        model.addAttribute("templates", notifications.templates());
        model.addAttribute("placeholders", TemplateText.PLACEHOLDERS);
        model.addAttribute("unsent", notifications.unsent(50));
        model.addAttribute("counts", notifications.counts());
        return "notification/templates";
    }

    @GetMapping("/quan-tri/mau-thong-bao/{event}")
    String edit(@PathVariable NotificationEvent event, Model model) {
        NotificationTemplate t = notifications.template(event);
        return editPage(model, event, t.rowVersion(), t.subject(), t.body(), t.shortText(), t.enabled(), List.of(), false);
    }

    private String editPage(Model model, NotificationEvent event, long rowVersion, String subject, String body, String shortText, boolean enabled,
                            List<FieldProblem> problems, boolean previewed) {
        model.addAttribute("event", event);
        model.addAttribute("rowVersion", rowVersion);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("shortText", shortText);
        model.addAttribute("enabled", enabled);
        model.addAttribute("problems", problems);
        model.addAttribute("placeholders", TemplateText.PLACEHOLDERS);
        model.addAttribute("preview", notifications.preview(subject, body, shortText));
        model.addAttribute("previewed", previewed);
        return "notification/edit";
    }

    @PostMapping("/quan-tri/mau-thong-bao/{event}")
    String save(@PathVariable NotificationEvent event, @RequestParam long rowVersion, @RequestParam(defaultValue = "") String subject,
                @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String shortText,
                @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        if ("preview".equals(action)) {
            return editPage(model, event, rowVersion, subject, body, shortText, enabled, List.of(), true);
        }
        try {
            notifications.saveTemplate(event, rowVersion, subject, body, shortText, enabled, user());
        } catch (ValidationException e) {
            return editPage(model, event, rowVersion, subject, body, shortText, enabled, e.problems(), false);
        } catch (ConflictException e) {
            return editPage(model, event, rowVersion, subject, body, shortText, enabled, List.of(new FieldProblem("rowVersion", e.getMessage())), false);
        }
        redirect.addFlashAttribute("saved", "flash.notification.template");
        return "redirect:/quan-tri/mau-thong-bao";
    }

    @PostMapping("/quan-tri/mau-thong-bao/tin/{id}/gui-lai")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        try {
            notifications.resend(id, user());
            redirect.addFlashAttribute("saved", "flash.notification.resent");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notificationError", e.getMessage());
        }
        return "redirect:/quan-tri/mau-thong-bao#unsent";
    }

    @GetMapping("/ho-so-cua-toi/thong-bao")
    String preferences(Model model) {
        model.addAttribute("pref", notifications.preferences(user().username()));
        return "notification/preferences";
    }

    @PostMapping("/ho-so-cua-toi/thong-bao")
    String savePreferences(@RequestParam long rowVersion, @RequestParam(defaultValue = "false") boolean email,
                           @RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "false") boolean zalo,
                           RedirectAttributes redirect) {
        try {
            notifications.savePreferences(user().username(), rowVersion, email, sms, zalo);
            redirect.addFlashAttribute("saved", "flash.notification.preferences");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notificationError", e.getMessage());
        }
        return "redirect:/ho-so-cua-toi/thong-bao";
    }
}
