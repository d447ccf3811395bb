package vn.motcua.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.shared.events.EventPublications;

import java.util.UUID;

/** Administrators see the events a listener has not handled yet and can deliver them again. */
@Controller
public class EventPublicationController {
    private final EventPublications publications;

    public EventPublicationController(EventPublications publications) {
        this.publications = publications;
    }

    @GetMapping("/quan-tri/su-kien")
    String page(Model model) {
        model.addAttribute("pending", publications.pending(200));
        model.addAttribute("count", publications.pendingCount());
        return "admin/events";
    }

    @PostMapping("/quan-tri/su-kien/gui-lai")
    String retry(@RequestParam(required = false) UUID id, RedirectAttributes redirect) {
        if (id == null) {
            publications.retryAll();
        } else {
            publications.retry(id);
        }
        redirect.addFlashAttribute("saved", "flash.events.retried");
        return "redirect:/quan-tri/su-kien";
    }
}
